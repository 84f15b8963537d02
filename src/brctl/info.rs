//! What brctl knows about a device, decoded from an RTM_NEWLINK message: the link itself
//! (`Dev`), a bridge's IFLA_BR_* attributes (`BridgeInfo`) and a bridge port's IFLA_BRPORT_*
//! attributes (`PortInfo`). The same numbers bridge-utils reads from sysfs: timers and times in
//! centiseconds, ids as `struct ifla_bridge_id` (priority, MAC). Missing attributes read as 0, as
//! a missing sysfs file does for bridge-utils.

use crate::netlink::link::{ARPHRD_ETHER, IFF_LOOPBACK, Link};

/// struct ifla_bridge_id: two priority bytes, then the MAC.
pub type BridgeId = [u8; 8];

/// The id bytes as bridge-utils reads them (zeros when the attribute is missing).
fn id(v: Option<crate::netlink::bridge::BridgeId>) -> BridgeId {
    let v = v.unwrap_or_default();
    [
        v.prio[0], v.prio[1], v.addr[0], v.addr[1], v.addr[2], v.addr[3], v.addr[4], v.addr[5],
    ]
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BridgeInfo {
    pub bridge_id: BridgeId,
    pub root_id: BridgeId,
    pub root_port: u16,
    pub root_path_cost: u32,
    pub max_age: u32,
    pub hello_time: u32,
    pub forward_delay: u32,
    pub ageing_time: u32,
    pub hello_timer: u64,
    pub tcn_timer: u64,
    pub topology_change_timer: u64,
    pub gc_timer: u64,
    pub stp_state: u32,
    pub topology_change: u8,
    pub topology_change_detected: u8,
}

impl BridgeInfo {
    /// From IFLA_INFO_DATA of kind "bridge" (the shared decoder, missing values as 0).
    pub fn parse(data: &[u8]) -> BridgeInfo {
        let b = crate::netlink::bridge::BridgeInfo::decode(data);
        BridgeInfo {
            bridge_id: id(b.bridge_id),
            root_id: id(b.root_id),
            root_port: b.root_port.unwrap_or(0),
            root_path_cost: b.root_path_cost.unwrap_or(0),
            max_age: b.max_age.unwrap_or(0),
            hello_time: b.hello_time.unwrap_or(0),
            forward_delay: b.forward_delay.unwrap_or(0),
            ageing_time: b.ageing_time.unwrap_or(0),
            hello_timer: b.hello_timer.unwrap_or(0),
            tcn_timer: b.tcn_timer.unwrap_or(0),
            topology_change_timer: b.topology_change_timer.unwrap_or(0),
            gc_timer: b.gc_timer.unwrap_or(0),
            stp_state: b.stp_state.unwrap_or(0),
            topology_change: b.topology_change.unwrap_or(0),
            topology_change_detected: b.topology_change_detected.unwrap_or(0),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PortInfo {
    pub port_no: u16,
    pub port_id: u16,
    pub state: u8,
    pub designated_root: BridgeId,
    pub designated_bridge: BridgeId,
    pub path_cost: u32,
    pub designated_port: u16,
    pub designated_cost: u32,
    pub message_age_timer: u64,
    pub forward_delay_timer: u64,
    pub hold_timer: u64,
    pub topology_change_ack: u8,
    pub config_pending: u8,
    pub hairpin: u8,
}

impl PortInfo {
    /// From IFLA_INFO_SLAVE_DATA of slave kind "bridge" (the shared decoder, missing as 0).
    pub fn parse(data: &[u8]) -> PortInfo {
        let p = crate::netlink::bridge::PortInfo::decode(data);
        PortInfo {
            port_no: p.no.unwrap_or(0),
            port_id: p.id.unwrap_or(0),
            state: p.state.unwrap_or(0),
            designated_root: id(p.root_id),
            designated_bridge: id(p.bridge_id),
            path_cost: p.cost.unwrap_or(0),
            designated_port: p.designated_port.unwrap_or(0),
            designated_cost: p.designated_cost.unwrap_or(0).into(),
            message_age_timer: p.message_age_timer.unwrap_or(0),
            forward_delay_timer: p.forward_delay_timer.unwrap_or(0),
            hold_timer: p.hold_timer.unwrap_or(0),
            topology_change_ack: p.topology_change_ack.unwrap_or(0),
            config_pending: p.config_pending.unwrap_or(0),
            hairpin: p.hairpin.map(u8::from).unwrap_or(0),
        }
    }
}

/// One network device, owned (so lists of them can be sorted and kept).
#[derive(Debug, Clone, Default)]
pub struct Dev {
    pub index: i32,
    pub name: Vec<u8>,
    pub flags: u32,
    /// ARPHRD_* type.
    pub ty: u16,
    pub address: Option<Vec<u8>>,
    /// Index of the master device, 0 for none.
    pub master: u32,
    /// Set when this is a bridge.
    pub bridge: Option<BridgeInfo>,
    /// Set when this is a bridge port.
    pub port: Option<PortInfo>,
}

impl Dev {
    pub fn from_link(l: &Link<'_>) -> Dev {
        Dev {
            index: l.info.index,
            name: l.name.to_vec(),
            flags: l.info.flags,
            ty: l.info.ty,
            address: l.address.map(<[u8]>::to_vec),
            master: l.master.unwrap_or(0),
            bridge: (l.kind == Some(b"bridge"))
                .then(|| BridgeInfo::parse(l.info_data.unwrap_or(&[]))),
            port: (l.slave_kind == Some(b"bridge"))
                .then(|| PortInfo::parse(l.slave_data.unwrap_or(&[]))),
        }
    }

    pub fn is_bridge(&self) -> bool {
        self.bridge.is_some()
    }

    pub fn is_up(&self) -> bool {
        self.flags & crate::netlink::link::IFF_UP != 0
    }

    /// What br_add_if refuses with EINVAL: loopback, not Ethernet, or no valid unicast MAC.
    pub fn bridgeable(&self) -> bool {
        let valid_mac = match self.address.as_deref() {
            Some(a) if a.len() == 6 => a[0] & 1 == 0 && a.iter().any(|&b| b != 0),
            _ => false,
        };
        self.flags & IFF_LOOPBACK == 0 && self.ty == ARPHRD_ETHER && valid_mac
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::netlink::attr::encode as attr;
    use crate::netlink::bridge::{
        IFLA_BR_BRIDGE_ID, IFLA_BR_FORWARD_DELAY, IFLA_BR_GC_TIMER, IFLA_BR_ROOT_ID,
        IFLA_BR_STP_STATE, IFLA_BRPORT_ID, IFLA_BRPORT_NO,
    };

    #[test]
    fn bridge_attributes() {
        let data = [
            attr(IFLA_BR_FORWARD_DELAY, &450u32.to_ne_bytes()),
            attr(IFLA_BR_BRIDGE_ID, &[0x80, 0, 2, 0, 0, 0, 0, 0x10]),
            attr(IFLA_BR_GC_TIMER, &12345u64.to_ne_bytes()),
            attr(IFLA_BR_STP_STATE, &1u32.to_ne_bytes()),
            attr(IFLA_BR_ROOT_ID, &[1, 2, 3]),
        ]
        .concat();
        let b = BridgeInfo::parse(&data);
        assert_eq!(b.forward_delay, 450);
        assert_eq!(b.bridge_id, [0x80, 0, 2, 0, 0, 0, 0, 0x10]);
        assert_eq!(b.gc_timer, 12345);
        assert_eq!(b.stp_state, 1);
        assert_eq!(b.root_id, [1, 2, 3, 0, 0, 0, 0, 0]);
        assert_eq!(b.hello_time, 0);
    }

    #[test]
    fn hostile_port_attributes() {
        let data = [
            attr(IFLA_BRPORT_NO, &[1]),
            attr(IFLA_BRPORT_ID, &0x8001u16.to_ne_bytes()),
            vec![0xff; 3],
        ]
        .concat();
        let p = PortInfo::parse(&data);
        assert_eq!(p.port_no, 0);
        assert_eq!(p.port_id, 0x8001);
        assert_eq!(PortInfo::parse(&[]), PortInfo::default());
    }
}
