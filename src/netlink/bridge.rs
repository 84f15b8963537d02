//! Bridge and bridge-port attribute numbers (IFLA_BR_*, IFLA_BRPORT_*, IFLA_BRIDGE_*), read off the
//! kernel uapi headers if_link.h / if_bridge.h. Shared by `ip link … type bridge[_slave]` and brctl.
#![allow(dead_code)]

use super::attr::{Table, get_u16_be, get_u32};

// IFLA_INFO_DATA of kind "bridge"
pub const IFLA_BR_UNSPEC: u16 = 0;
pub const IFLA_BR_FORWARD_DELAY: u16 = 1;
pub const IFLA_BR_HELLO_TIME: u16 = 2;
pub const IFLA_BR_MAX_AGE: u16 = 3;
pub const IFLA_BR_AGEING_TIME: u16 = 4;
pub const IFLA_BR_STP_STATE: u16 = 5;
pub const IFLA_BR_PRIORITY: u16 = 6;
pub const IFLA_BR_VLAN_FILTERING: u16 = 7;
pub const IFLA_BR_VLAN_PROTOCOL: u16 = 8;
pub const IFLA_BR_GROUP_FWD_MASK: u16 = 9;
pub const IFLA_BR_ROOT_ID: u16 = 10;
pub const IFLA_BR_BRIDGE_ID: u16 = 11;
pub const IFLA_BR_ROOT_PORT: u16 = 12;
pub const IFLA_BR_ROOT_PATH_COST: u16 = 13;
pub const IFLA_BR_TOPOLOGY_CHANGE: u16 = 14;
pub const IFLA_BR_TOPOLOGY_CHANGE_DETECTED: u16 = 15;
pub const IFLA_BR_HELLO_TIMER: u16 = 16;
pub const IFLA_BR_TCN_TIMER: u16 = 17;
pub const IFLA_BR_TOPOLOGY_CHANGE_TIMER: u16 = 18;
pub const IFLA_BR_GC_TIMER: u16 = 19;
pub const IFLA_BR_GROUP_ADDR: u16 = 20;
pub const IFLA_BR_FDB_FLUSH: u16 = 21;
pub const IFLA_BR_MCAST_ROUTER: u16 = 22;
pub const IFLA_BR_MCAST_SNOOPING: u16 = 23;
pub const IFLA_BR_MCAST_QUERY_USE_IFADDR: u16 = 24;
pub const IFLA_BR_MCAST_QUERIER: u16 = 25;
pub const IFLA_BR_MCAST_HASH_ELASTICITY: u16 = 26;
pub const IFLA_BR_MCAST_HASH_MAX: u16 = 27;
pub const IFLA_BR_MCAST_LAST_MEMBER_CNT: u16 = 28;
pub const IFLA_BR_MCAST_STARTUP_QUERY_CNT: u16 = 29;
pub const IFLA_BR_MCAST_LAST_MEMBER_INTVL: u16 = 30;
pub const IFLA_BR_MCAST_MEMBERSHIP_INTVL: u16 = 31;
pub const IFLA_BR_MCAST_QUERIER_INTVL: u16 = 32;
pub const IFLA_BR_MCAST_QUERY_INTVL: u16 = 33;
pub const IFLA_BR_MCAST_QUERY_RESPONSE_INTVL: u16 = 34;
pub const IFLA_BR_MCAST_STARTUP_QUERY_INTVL: u16 = 35;
pub const IFLA_BR_NF_CALL_IPTABLES: u16 = 36;
pub const IFLA_BR_NF_CALL_IP6TABLES: u16 = 37;
pub const IFLA_BR_NF_CALL_ARPTABLES: u16 = 38;
pub const IFLA_BR_VLAN_DEFAULT_PVID: u16 = 39;
pub const IFLA_BR_PAD: u16 = 40;
pub const IFLA_BR_VLAN_STATS_ENABLED: u16 = 41;
pub const IFLA_BR_MCAST_STATS_ENABLED: u16 = 42;
pub const IFLA_BR_MCAST_IGMP_VERSION: u16 = 43;
pub const IFLA_BR_MCAST_MLD_VERSION: u16 = 44;
pub const IFLA_BR_VLAN_STATS_PER_PORT: u16 = 45;
pub const IFLA_BR_MULTI_BOOLOPT: u16 = 46;
pub const IFLA_BR_MCAST_QUERIER_STATE: u16 = 47;

// IFLA_INFO_SLAVE_DATA of a bridge port, and IFLA_PROTINFO in AF_BRIDGE dumps
pub const IFLA_BRPORT_UNSPEC: u16 = 0;
pub const IFLA_BRPORT_STATE: u16 = 1;
pub const IFLA_BRPORT_PRIORITY: u16 = 2;
pub const IFLA_BRPORT_COST: u16 = 3;
pub const IFLA_BRPORT_MODE: u16 = 4;
pub const IFLA_BRPORT_GUARD: u16 = 5;
pub const IFLA_BRPORT_PROTECT: u16 = 6;
pub const IFLA_BRPORT_FAST_LEAVE: u16 = 7;
pub const IFLA_BRPORT_LEARNING: u16 = 8;
pub const IFLA_BRPORT_UNICAST_FLOOD: u16 = 9;
pub const IFLA_BRPORT_PROXYARP: u16 = 10;
pub const IFLA_BRPORT_LEARNING_SYNC: u16 = 11;
pub const IFLA_BRPORT_PROXYARP_WIFI: u16 = 12;
pub const IFLA_BRPORT_ROOT_ID: u16 = 13;
pub const IFLA_BRPORT_BRIDGE_ID: u16 = 14;
pub const IFLA_BRPORT_DESIGNATED_PORT: u16 = 15;
pub const IFLA_BRPORT_DESIGNATED_COST: u16 = 16;
pub const IFLA_BRPORT_ID: u16 = 17;
pub const IFLA_BRPORT_NO: u16 = 18;
pub const IFLA_BRPORT_TOPOLOGY_CHANGE_ACK: u16 = 19;
pub const IFLA_BRPORT_CONFIG_PENDING: u16 = 20;
pub const IFLA_BRPORT_MESSAGE_AGE_TIMER: u16 = 21;
pub const IFLA_BRPORT_FORWARD_DELAY_TIMER: u16 = 22;
pub const IFLA_BRPORT_HOLD_TIMER: u16 = 23;
pub const IFLA_BRPORT_FLUSH: u16 = 24;
pub const IFLA_BRPORT_MULTICAST_ROUTER: u16 = 25;
pub const IFLA_BRPORT_PAD: u16 = 26;
pub const IFLA_BRPORT_MCAST_FLOOD: u16 = 27;
pub const IFLA_BRPORT_MCAST_TO_UCAST: u16 = 28;
pub const IFLA_BRPORT_VLAN_TUNNEL: u16 = 29;
pub const IFLA_BRPORT_BCAST_FLOOD: u16 = 30;
pub const IFLA_BRPORT_GROUP_FWD_MASK: u16 = 31;
pub const IFLA_BRPORT_NEIGH_SUPPRESS: u16 = 32;
pub const IFLA_BRPORT_ISOLATED: u16 = 33;
pub const IFLA_BRPORT_BACKUP_PORT: u16 = 34;
pub const IFLA_BRPORT_MRP_RING_OPEN: u16 = 35;
pub const IFLA_BRPORT_MRP_IN_OPEN: u16 = 36;
pub const IFLA_BRPORT_MCAST_EHT_HOSTS_LIMIT: u16 = 37;
pub const IFLA_BRPORT_MCAST_EHT_HOSTS_CNT: u16 = 38;
pub const IFLA_BRPORT_LOCKED: u16 = 39;

// IFLA_AF_SPEC of AF_BRIDGE messages
pub const IFLA_BRIDGE_CFM_CC_CCM_TX_UNSPEC: u16 = 0;
pub const IFLA_BRIDGE_CFM_CC_CONFIG_UNSPEC: u16 = 0;
pub const IFLA_BRIDGE_CFM_CC_PEER_MEP_UNSPEC: u16 = 0;
pub const IFLA_BRIDGE_CFM_CC_PEER_STATUS_UNSPEC: u16 = 0;
pub const IFLA_BRIDGE_CFM_CC_RDI_UNSPEC: u16 = 0;
pub const IFLA_BRIDGE_CFM_MEP_CONFIG_UNSPEC: u16 = 0;
pub const IFLA_BRIDGE_CFM_MEP_CREATE_UNSPEC: u16 = 0;
pub const IFLA_BRIDGE_CFM_MEP_DELETE_UNSPEC: u16 = 0;
pub const IFLA_BRIDGE_CFM_MEP_STATUS_UNSPEC: u16 = 0;
pub const IFLA_BRIDGE_CFM_UNSPEC: u16 = 0;
pub const IFLA_BRIDGE_FLAGS: u16 = 0;
pub const IFLA_BRIDGE_MRP_INFO_UNSPEC: u16 = 0;
pub const IFLA_BRIDGE_MRP_INSTANCE_UNSPEC: u16 = 0;
pub const IFLA_BRIDGE_MRP_IN_ROLE_UNSPEC: u16 = 0;
pub const IFLA_BRIDGE_MRP_IN_STATE_UNSPEC: u16 = 0;
pub const IFLA_BRIDGE_MRP_PORT_ROLE_UNSPEC: u16 = 0;
pub const IFLA_BRIDGE_MRP_PORT_STATE_UNSPEC: u16 = 0;
pub const IFLA_BRIDGE_MRP_RING_ROLE_UNSPEC: u16 = 0;
pub const IFLA_BRIDGE_MRP_RING_STATE_UNSPEC: u16 = 0;
pub const IFLA_BRIDGE_MRP_START_IN_TEST_UNSPEC: u16 = 0;
pub const IFLA_BRIDGE_MRP_START_TEST_UNSPEC: u16 = 0;
pub const IFLA_BRIDGE_MRP_UNSPEC: u16 = 0;
pub const IFLA_BRIDGE_MST_ENTRY_UNSPEC: u16 = 0;
pub const IFLA_BRIDGE_MST_UNSPEC: u16 = 0;
pub const IFLA_BRIDGE_VLAN_TUNNEL_UNSPEC: u16 = 0;
pub const BRIDGE_VLAN_INFO_MASTER: u16 = 1;
pub const IFLA_BRIDGE_CFM_CC_CCM_TX_INSTANCE: u16 = 1;
pub const IFLA_BRIDGE_CFM_CC_CONFIG_INSTANCE: u16 = 1;
pub const IFLA_BRIDGE_CFM_CC_PEER_MEP_INSTANCE: u16 = 1;
pub const IFLA_BRIDGE_CFM_CC_PEER_STATUS_INSTANCE: u16 = 1;
pub const IFLA_BRIDGE_CFM_CC_RDI_INSTANCE: u16 = 1;
pub const IFLA_BRIDGE_CFM_MEP_CONFIG_INSTANCE: u16 = 1;
pub const IFLA_BRIDGE_CFM_MEP_CREATE: u16 = 1;
pub const IFLA_BRIDGE_CFM_MEP_CREATE_INSTANCE: u16 = 1;
pub const IFLA_BRIDGE_CFM_MEP_DELETE_INSTANCE: u16 = 1;
pub const IFLA_BRIDGE_CFM_MEP_STATUS_INSTANCE: u16 = 1;
pub const IFLA_BRIDGE_MODE: u16 = 1;
pub const IFLA_BRIDGE_MRP_INFO_RING_ID: u16 = 1;
pub const IFLA_BRIDGE_MRP_INSTANCE: u16 = 1;
pub const IFLA_BRIDGE_MRP_INSTANCE_RING_ID: u16 = 1;
pub const IFLA_BRIDGE_MRP_IN_ROLE_RING_ID: u16 = 1;
pub const IFLA_BRIDGE_MRP_IN_STATE_IN_ID: u16 = 1;
pub const IFLA_BRIDGE_MRP_PORT_ROLE_ROLE: u16 = 1;
pub const IFLA_BRIDGE_MRP_PORT_STATE_STATE: u16 = 1;
pub const IFLA_BRIDGE_MRP_RING_ROLE_RING_ID: u16 = 1;
pub const IFLA_BRIDGE_MRP_RING_STATE_RING_ID: u16 = 1;
pub const IFLA_BRIDGE_MRP_START_IN_TEST_IN_ID: u16 = 1;
pub const IFLA_BRIDGE_MRP_START_TEST_RING_ID: u16 = 1;
pub const IFLA_BRIDGE_MST_ENTRY: u16 = 1;
pub const IFLA_BRIDGE_MST_ENTRY_MSTI: u16 = 1;
pub const IFLA_BRIDGE_VLAN_TUNNEL_ID: u16 = 1;
pub const BRIDGE_VLAN_INFO_PVID: u16 = 2;
pub const IFLA_BRIDGE_CFM_CC_CCM_TX_DMAC: u16 = 2;
pub const IFLA_BRIDGE_CFM_CC_CONFIG_ENABLE: u16 = 2;
pub const IFLA_BRIDGE_CFM_CC_PEER_MEPID: u16 = 2;
pub const IFLA_BRIDGE_CFM_CC_PEER_STATUS_PEER_MEPID: u16 = 2;
pub const IFLA_BRIDGE_CFM_CC_RDI_RDI: u16 = 2;
pub const IFLA_BRIDGE_CFM_MEP_CONFIG_UNICAST_MAC: u16 = 2;
pub const IFLA_BRIDGE_CFM_MEP_CREATE_DOMAIN: u16 = 2;
pub const IFLA_BRIDGE_CFM_MEP_DELETE: u16 = 2;
pub const IFLA_BRIDGE_CFM_MEP_STATUS_OPCODE_UNEXP_SEEN: u16 = 2;
pub const IFLA_BRIDGE_MRP_INFO_P_IFINDEX: u16 = 2;
pub const IFLA_BRIDGE_MRP_INSTANCE_P_IFINDEX: u16 = 2;
pub const IFLA_BRIDGE_MRP_IN_ROLE_IN_ID: u16 = 2;
pub const IFLA_BRIDGE_MRP_IN_STATE_STATE: u16 = 2;
pub const IFLA_BRIDGE_MRP_PORT_STATE: u16 = 2;
pub const IFLA_BRIDGE_MRP_RING_ROLE_ROLE: u16 = 2;
pub const IFLA_BRIDGE_MRP_RING_STATE_STATE: u16 = 2;
pub const IFLA_BRIDGE_MRP_START_IN_TEST_INTERVAL: u16 = 2;
pub const IFLA_BRIDGE_MRP_START_TEST_INTERVAL: u16 = 2;
pub const IFLA_BRIDGE_MST_ENTRY_STATE: u16 = 2;
pub const IFLA_BRIDGE_VLAN_INFO: u16 = 2;
pub const IFLA_BRIDGE_VLAN_TUNNEL_VID: u16 = 2;
pub const IFLA_BRIDGE_CFM_CC_CCM_TX_SEQ_NO_UPDATE: u16 = 3;
pub const IFLA_BRIDGE_CFM_CC_CONFIG_EXP_INTERVAL: u16 = 3;
pub const IFLA_BRIDGE_CFM_CC_PEER_STATUS_CCM_DEFECT: u16 = 3;
pub const IFLA_BRIDGE_CFM_MEP_CONFIG: u16 = 3;
pub const IFLA_BRIDGE_CFM_MEP_CONFIG_MDLEVEL: u16 = 3;
pub const IFLA_BRIDGE_CFM_MEP_CREATE_DIRECTION: u16 = 3;
pub const IFLA_BRIDGE_CFM_MEP_STATUS_VERSION_UNEXP_SEEN: u16 = 3;
pub const IFLA_BRIDGE_MRP_INFO_S_IFINDEX: u16 = 3;
pub const IFLA_BRIDGE_MRP_INSTANCE_S_IFINDEX: u16 = 3;
pub const IFLA_BRIDGE_MRP_IN_ROLE_ROLE: u16 = 3;
pub const IFLA_BRIDGE_MRP_PORT_ROLE: u16 = 3;
pub const IFLA_BRIDGE_MRP_START_IN_TEST_MAX_MISS: u16 = 3;
pub const IFLA_BRIDGE_MRP_START_TEST_MAX_MISS: u16 = 3;
pub const IFLA_BRIDGE_VLAN_TUNNEL_FLAGS: u16 = 3;
pub const IFLA_BRIDGE_VLAN_TUNNEL_INFO: u16 = 3;
pub const BRIDGE_VLAN_INFO_UNTAGGED: u16 = 4;
pub const IFLA_BRIDGE_CFM_CC_CCM_TX_PERIOD: u16 = 4;
pub const IFLA_BRIDGE_CFM_CC_CONFIG: u16 = 4;
pub const IFLA_BRIDGE_CFM_CC_CONFIG_EXP_MAID: u16 = 4;
pub const IFLA_BRIDGE_CFM_CC_PEER_STATUS_RDI: u16 = 4;
pub const IFLA_BRIDGE_CFM_MEP_CONFIG_MEPID: u16 = 4;
pub const IFLA_BRIDGE_CFM_MEP_CREATE_IFINDEX: u16 = 4;
pub const IFLA_BRIDGE_CFM_MEP_STATUS_RX_LEVEL_LOW_SEEN: u16 = 4;
pub const IFLA_BRIDGE_MRP: u16 = 4;
pub const IFLA_BRIDGE_MRP_INFO_PRIO: u16 = 4;
pub const IFLA_BRIDGE_MRP_INSTANCE_PRIO: u16 = 4;
pub const IFLA_BRIDGE_MRP_IN_ROLE_I_IFINDEX: u16 = 4;
pub const IFLA_BRIDGE_MRP_RING_STATE: u16 = 4;
pub const IFLA_BRIDGE_MRP_START_IN_TEST_PERIOD: u16 = 4;
pub const IFLA_BRIDGE_MRP_START_TEST_PERIOD: u16 = 4;
pub const IFLA_BRIDGE_CFM: u16 = 5;
pub const IFLA_BRIDGE_CFM_CC_CCM_TX_IF_TLV: u16 = 5;
pub const IFLA_BRIDGE_CFM_CC_PEER_MEP_ADD: u16 = 5;
pub const IFLA_BRIDGE_CFM_CC_PEER_STATUS_PORT_TLV_VALUE: u16 = 5;
pub const IFLA_BRIDGE_MRP_INFO_RING_STATE: u16 = 5;
pub const IFLA_BRIDGE_MRP_RING_ROLE: u16 = 5;
pub const IFLA_BRIDGE_MRP_START_TEST_MONITOR: u16 = 5;
pub const IFLA_BRIDGE_CFM_CC_CCM_TX_IF_TLV_VALUE: u16 = 6;
pub const IFLA_BRIDGE_CFM_CC_PEER_MEP_REMOVE: u16 = 6;
pub const IFLA_BRIDGE_CFM_CC_PEER_STATUS_IF_TLV_VALUE: u16 = 6;
pub const IFLA_BRIDGE_MRP_INFO_RING_ROLE: u16 = 6;
pub const IFLA_BRIDGE_MRP_START_TEST: u16 = 6;
pub const IFLA_BRIDGE_MST: u16 = 6;
pub const IFLA_BRIDGE_CFM_CC_CCM_TX_PORT_TLV: u16 = 7;
pub const IFLA_BRIDGE_CFM_CC_PEER_STATUS_SEEN: u16 = 7;
pub const IFLA_BRIDGE_CFM_CC_RDI: u16 = 7;
pub const IFLA_BRIDGE_MRP_INFO: u16 = 7;
pub const IFLA_BRIDGE_MRP_INFO_TEST_INTERVAL: u16 = 7;
pub const BRIDGE_VLAN_INFO_RANGE_BEGIN: u16 = 8;
pub const IFLA_BRIDGE_CFM_CC_CCM_TX: u16 = 8;
pub const IFLA_BRIDGE_CFM_CC_CCM_TX_PORT_TLV_VALUE: u16 = 8;
pub const IFLA_BRIDGE_CFM_CC_PEER_STATUS_TLV_SEEN: u16 = 8;
pub const IFLA_BRIDGE_MRP_INFO_TEST_MAX_MISS: u16 = 8;
pub const IFLA_BRIDGE_MRP_IN_ROLE: u16 = 8;
pub const IFLA_BRIDGE_CFM_CC_PEER_STATUS_SEQ_UNEXP_SEEN: u16 = 9;
pub const IFLA_BRIDGE_CFM_MEP_CREATE_INFO: u16 = 9;
pub const IFLA_BRIDGE_MRP_INFO_TEST_MONITOR: u16 = 9;
pub const IFLA_BRIDGE_MRP_IN_STATE: u16 = 9;
pub const IFLA_BRIDGE_CFM_MEP_CONFIG_INFO: u16 = 10;
pub const IFLA_BRIDGE_MRP_INFO_I_IFINDEX: u16 = 10;
pub const IFLA_BRIDGE_MRP_START_IN_TEST: u16 = 10;
pub const IFLA_BRIDGE_CFM_CC_CONFIG_INFO: u16 = 11;
pub const IFLA_BRIDGE_MRP_INFO_IN_STATE: u16 = 11;
pub const IFLA_BRIDGE_CFM_CC_RDI_INFO: u16 = 12;
pub const IFLA_BRIDGE_MRP_INFO_IN_ROLE: u16 = 12;
pub const IFLA_BRIDGE_CFM_CC_CCM_TX_INFO: u16 = 13;
pub const IFLA_BRIDGE_MRP_INFO_IN_TEST_INTERVAL: u16 = 13;
pub const IFLA_BRIDGE_CFM_CC_PEER_MEP_INFO: u16 = 14;
pub const IFLA_BRIDGE_MRP_INFO_IN_TEST_MAX_MISS: u16 = 14;
pub const IFLA_BRIDGE_CFM_MEP_STATUS_INFO: u16 = 15;
pub const BRIDGE_VLAN_INFO_RANGE_END: u16 = 16;
pub const IFLA_BRIDGE_CFM_CC_PEER_STATUS_INFO: u16 = 16;
pub const BRIDGE_VLAN_INFO_BRENTRY: u16 = 32;
pub const BRIDGE_VLAN_INFO_ONLY_OPTS: u16 = 64;

// ---- typed decoding (shared by `ip -d link` and brctl) ----------------------------------

/// struct ifla_bridge_id: two priority bytes and a MAC. A shorter attribute keeps what it has
/// (zeros after) and says so: iproute2 does not print it, bridge-utils reads what is there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BridgeId {
    pub prio: [u8; 2],
    pub addr: [u8; 6],
    pub short: bool,
}

impl BridgeId {
    pub fn decode(p: &[u8]) -> Option<BridgeId> {
        let mut b = [0u8; 8];
        let n = p.len().min(8);
        b[..n].copy_from_slice(&p[..n]);
        Some(BridgeId {
            prio: [b[0], b[1]],
            addr: [b[2], b[3], b[4], b[5], b[6], b[7]],
            short: n < 8,
        })
    }
}

/// A bridge's IFLA_INFO_DATA, decoded (absent attributes stay None).
#[derive(Debug, Default)]
pub struct BridgeInfo {
    pub forward_delay: Option<u32>,
    pub hello_time: Option<u32>,
    pub max_age: Option<u32>,
    pub ageing_time: Option<u32>,
    pub stp_state: Option<u32>,
    pub priority: Option<u16>,
    pub vlan_filtering: Option<u8>,
    /// Host order.
    pub vlan_protocol: Option<u16>,
    pub bridge_id: Option<BridgeId>,
    pub root_id: Option<BridgeId>,
    pub root_port: Option<u16>,
    pub root_path_cost: Option<u32>,
    pub topology_change: Option<u8>,
    pub topology_change_detected: Option<u8>,
    pub hello_timer: Option<u64>,
    pub tcn_timer: Option<u64>,
    pub topology_change_timer: Option<u64>,
    pub gc_timer: Option<u64>,
    pub vlan_default_pvid: Option<u16>,
    pub vlan_stats_enabled: Option<u8>,
    pub vlan_stats_per_port: Option<u8>,
    pub group_fwd_mask: Option<u16>,
    pub group_addr: Option<Vec<u8>>,
    pub mcast_snooping: Option<u8>,
    /// IFLA_BR_MULTI_BOOLOPT: (optval, optmask).
    pub boolopts: Option<(u32, u32)>,
    pub mcast_router: Option<u8>,
    pub mcast_query_use_ifaddr: Option<u8>,
    pub mcast_querier: Option<u8>,
    pub mcast_hash_elasticity: Option<u32>,
    pub mcast_hash_max: Option<u32>,
    pub mcast_last_member_cnt: Option<u32>,
    pub mcast_startup_query_cnt: Option<u32>,
    pub mcast_last_member_intvl: Option<u64>,
    pub mcast_membership_intvl: Option<u64>,
    pub mcast_querier_intvl: Option<u64>,
    pub mcast_query_intvl: Option<u64>,
    pub mcast_query_response_intvl: Option<u64>,
    pub mcast_startup_query_intvl: Option<u64>,
    pub mcast_stats_enabled: Option<u8>,
    pub mcast_igmp_version: Option<u8>,
    pub mcast_mld_version: Option<u8>,
    pub nf_call_iptables: Option<u8>,
    pub nf_call_ip6tables: Option<u8>,
    pub nf_call_arptables: Option<u8>,
}

impl BridgeInfo {
    pub fn decode(data: &[u8]) -> BridgeInfo {
        let t: Table<48> = Table::parse(data);
        let boolopts = t.get(IFLA_BR_MULTI_BOOLOPT).and_then(|p| {
            let v = get_u32(p)?;
            let m = get_u32(p.get(4..)?)?;
            Some((v, m))
        });
        BridgeInfo {
            forward_delay: t.u32(IFLA_BR_FORWARD_DELAY),
            hello_time: t.u32(IFLA_BR_HELLO_TIME),
            max_age: t.u32(IFLA_BR_MAX_AGE),
            ageing_time: t.u32(IFLA_BR_AGEING_TIME),
            stp_state: t.u32(IFLA_BR_STP_STATE),
            priority: t.u16(IFLA_BR_PRIORITY),
            vlan_filtering: t.u8(IFLA_BR_VLAN_FILTERING),
            vlan_protocol: t.get(IFLA_BR_VLAN_PROTOCOL).and_then(get_u16_be),
            bridge_id: t.get(IFLA_BR_BRIDGE_ID).and_then(BridgeId::decode),
            root_id: t.get(IFLA_BR_ROOT_ID).and_then(BridgeId::decode),
            root_port: t.u16(IFLA_BR_ROOT_PORT),
            root_path_cost: t.u32(IFLA_BR_ROOT_PATH_COST),
            topology_change: t.u8(IFLA_BR_TOPOLOGY_CHANGE),
            topology_change_detected: t.u8(IFLA_BR_TOPOLOGY_CHANGE_DETECTED),
            hello_timer: t.u64(IFLA_BR_HELLO_TIMER),
            tcn_timer: t.u64(IFLA_BR_TCN_TIMER),
            topology_change_timer: t.u64(IFLA_BR_TOPOLOGY_CHANGE_TIMER),
            gc_timer: t.u64(IFLA_BR_GC_TIMER),
            vlan_default_pvid: t.u16(IFLA_BR_VLAN_DEFAULT_PVID),
            vlan_stats_enabled: t.u8(IFLA_BR_VLAN_STATS_ENABLED),
            vlan_stats_per_port: t.u8(IFLA_BR_VLAN_STATS_PER_PORT),
            group_fwd_mask: t.u16(IFLA_BR_GROUP_FWD_MASK),
            group_addr: t
                .get(IFLA_BR_GROUP_ADDR)
                .filter(|a| !a.is_empty())
                .map(<[u8]>::to_vec),
            mcast_snooping: t.u8(IFLA_BR_MCAST_SNOOPING),
            boolopts,
            mcast_router: t.u8(IFLA_BR_MCAST_ROUTER),
            mcast_query_use_ifaddr: t.u8(IFLA_BR_MCAST_QUERY_USE_IFADDR),
            mcast_querier: t.u8(IFLA_BR_MCAST_QUERIER),
            mcast_hash_elasticity: t.u32(IFLA_BR_MCAST_HASH_ELASTICITY),
            mcast_hash_max: t.u32(IFLA_BR_MCAST_HASH_MAX),
            mcast_last_member_cnt: t.u32(IFLA_BR_MCAST_LAST_MEMBER_CNT),
            mcast_startup_query_cnt: t.u32(IFLA_BR_MCAST_STARTUP_QUERY_CNT),
            mcast_last_member_intvl: t.u64(IFLA_BR_MCAST_LAST_MEMBER_INTVL),
            mcast_membership_intvl: t.u64(IFLA_BR_MCAST_MEMBERSHIP_INTVL),
            mcast_querier_intvl: t.u64(IFLA_BR_MCAST_QUERIER_INTVL),
            mcast_query_intvl: t.u64(IFLA_BR_MCAST_QUERY_INTVL),
            mcast_query_response_intvl: t.u64(IFLA_BR_MCAST_QUERY_RESPONSE_INTVL),
            mcast_startup_query_intvl: t.u64(IFLA_BR_MCAST_STARTUP_QUERY_INTVL),
            mcast_stats_enabled: t.u8(IFLA_BR_MCAST_STATS_ENABLED),
            mcast_igmp_version: t.u8(IFLA_BR_MCAST_IGMP_VERSION),
            mcast_mld_version: t.u8(IFLA_BR_MCAST_MLD_VERSION),
            nf_call_iptables: t.u8(IFLA_BR_NF_CALL_IPTABLES),
            nf_call_ip6tables: t.u8(IFLA_BR_NF_CALL_IP6TABLES),
            nf_call_arptables: t.u8(IFLA_BR_NF_CALL_ARPTABLES),
        }
    }
}

/// A bridge port's IFLA_INFO_SLAVE_DATA (or IFLA_PROTINFO), decoded.
#[derive(Debug, Default)]
pub struct PortInfo {
    pub state: Option<u8>,
    pub priority: Option<u16>,
    pub cost: Option<u32>,
    pub hairpin: Option<bool>,
    pub guard: Option<bool>,
    pub root_block: Option<bool>,
    pub fastleave: Option<bool>,
    pub learning: Option<bool>,
    pub flood: Option<bool>,
    pub id: Option<u16>,
    pub no: Option<u16>,
    pub designated_port: Option<u16>,
    pub designated_cost: Option<u16>,
    pub bridge_id: Option<BridgeId>,
    pub root_id: Option<BridgeId>,
    pub hold_timer: Option<u64>,
    pub message_age_timer: Option<u64>,
    pub forward_delay_timer: Option<u64>,
    pub topology_change_ack: Option<u8>,
    pub config_pending: Option<u8>,
    pub proxy_arp: Option<bool>,
    pub proxy_arp_wifi: Option<bool>,
    pub multicast_router: Option<u8>,
    pub mcast_flood: Option<bool>,
    pub bcast_flood: Option<bool>,
    pub mcast_to_unicast: Option<bool>,
    pub neigh_suppress: Option<bool>,
    pub group_fwd_mask: Option<u16>,
    pub vlan_tunnel: Option<bool>,
    pub isolated: Option<bool>,
    pub locked: Option<bool>,
    pub backup_port: Option<u32>,
}

impl PortInfo {
    pub fn decode(data: &[u8]) -> PortInfo {
        let t: Table<40> = Table::parse(data);
        let b = |ty| t.u8(ty).map(|v| v != 0);
        PortInfo {
            state: t.u8(IFLA_BRPORT_STATE),
            priority: t.u16(IFLA_BRPORT_PRIORITY),
            cost: t.u32(IFLA_BRPORT_COST),
            hairpin: b(IFLA_BRPORT_MODE),
            guard: b(IFLA_BRPORT_GUARD),
            root_block: b(IFLA_BRPORT_PROTECT),
            fastleave: b(IFLA_BRPORT_FAST_LEAVE),
            learning: b(IFLA_BRPORT_LEARNING),
            flood: b(IFLA_BRPORT_UNICAST_FLOOD),
            id: t.u16(IFLA_BRPORT_ID),
            no: t.u16(IFLA_BRPORT_NO),
            designated_port: t.u16(IFLA_BRPORT_DESIGNATED_PORT),
            designated_cost: t.u16(IFLA_BRPORT_DESIGNATED_COST),
            bridge_id: t.get(IFLA_BRPORT_BRIDGE_ID).and_then(BridgeId::decode),
            root_id: t.get(IFLA_BRPORT_ROOT_ID).and_then(BridgeId::decode),
            hold_timer: t.u64(IFLA_BRPORT_HOLD_TIMER),
            message_age_timer: t.u64(IFLA_BRPORT_MESSAGE_AGE_TIMER),
            forward_delay_timer: t.u64(IFLA_BRPORT_FORWARD_DELAY_TIMER),
            topology_change_ack: t.u8(IFLA_BRPORT_TOPOLOGY_CHANGE_ACK),
            config_pending: t.u8(IFLA_BRPORT_CONFIG_PENDING),
            proxy_arp: b(IFLA_BRPORT_PROXYARP),
            proxy_arp_wifi: b(IFLA_BRPORT_PROXYARP_WIFI),
            multicast_router: t.u8(IFLA_BRPORT_MULTICAST_ROUTER),
            mcast_flood: b(IFLA_BRPORT_MCAST_FLOOD),
            bcast_flood: b(IFLA_BRPORT_BCAST_FLOOD),
            mcast_to_unicast: b(IFLA_BRPORT_MCAST_TO_UCAST),
            neigh_suppress: b(IFLA_BRPORT_NEIGH_SUPPRESS),
            group_fwd_mask: t.u16(IFLA_BRPORT_GROUP_FWD_MASK),
            vlan_tunnel: b(IFLA_BRPORT_VLAN_TUNNEL),
            isolated: b(IFLA_BRPORT_ISOLATED),
            locked: b(IFLA_BRPORT_LOCKED),
            backup_port: t.u32(IFLA_BRPORT_BACKUP_PORT),
        }
    }
}
