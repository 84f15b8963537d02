//! bridge: `ip link add/set … type bridge OPTIONS` (iproute2 6.1's iplink_bridge.c grammar and
//! messages) and the `bridge …` line of `ip -d link show`.

use super::kinds::explain_err;
use super::{lladdr_a2n, llproto};
use crate::error::Result;
use crate::ip::Ctx;
use crate::ip::args::{Args, get_u8, get_u16, get_u32, get_u64, invarg, matches};
use crate::netlink::bridge::*;
use crate::netlink::msg::Request;
use crate::print::Printer;
use crate::print::link::{LinkIndex, lladdr};

const USAGE: &str = "Usage: ... bridge [ fdb_flush ]
\t\t  [ forward_delay FORWARD_DELAY ]
\t\t  [ hello_time HELLO_TIME ]
\t\t  [ max_age MAX_AGE ]
\t\t  [ ageing_time AGEING_TIME ]
\t\t  [ stp_state STP_STATE ]
\t\t  [ priority PRIORITY ]
\t\t  [ group_fwd_mask MASK ]
\t\t  [ group_address ADDRESS ]
\t\t  [ no_linklocal_learn NO_LINKLOCAL_LEARN ]
\t\t  [ vlan_filtering VLAN_FILTERING ]
\t\t  [ vlan_protocol VLAN_PROTOCOL ]
\t\t  [ vlan_default_pvid VLAN_DEFAULT_PVID ]
\t\t  [ vlan_stats_enabled VLAN_STATS_ENABLED ]
\t\t  [ vlan_stats_per_port VLAN_STATS_PER_PORT ]
\t\t  [ mcast_snooping MULTICAST_SNOOPING ]
\t\t  [ mcast_vlan_snooping MULTICAST_VLAN_SNOOPING ]
\t\t  [ mcast_router MULTICAST_ROUTER ]
\t\t  [ mcast_query_use_ifaddr MCAST_QUERY_USE_IFADDR ]
\t\t  [ mcast_querier MULTICAST_QUERIER ]
\t\t  [ mcast_hash_elasticity HASH_ELASTICITY ]
\t\t  [ mcast_hash_max HASH_MAX ]
\t\t  [ mcast_last_member_count LAST_MEMBER_COUNT ]
\t\t  [ mcast_startup_query_count STARTUP_QUERY_COUNT ]
\t\t  [ mcast_last_member_interval LAST_MEMBER_INTERVAL ]
\t\t  [ mcast_membership_interval MEMBERSHIP_INTERVAL ]
\t\t  [ mcast_querier_interval QUERIER_INTERVAL ]
\t\t  [ mcast_query_interval QUERY_INTERVAL ]
\t\t  [ mcast_query_response_interval QUERY_RESPONSE_INTERVAL ]
\t\t  [ mcast_startup_query_interval STARTUP_QUERY_INTERVAL ]
\t\t  [ mcast_stats_enabled MCAST_STATS_ENABLED ]
\t\t  [ mcast_igmp_version IGMP_VERSION ]
\t\t  [ mcast_mld_version MLD_VERSION ]
\t\t  [ nf_call_iptables NF_CALL_IPTABLES ]
\t\t  [ nf_call_ip6tables NF_CALL_IP6TABLES ]
\t\t  [ nf_call_arptables NF_CALL_ARPTABLES ]

Where: VLAN_PROTOCOL := { 802.1Q | 802.1ad }
";

/// enum br_boolopt_id bits of IFLA_BR_MULTI_BOOLOPT (struct br_boolopt_multi { optval; optmask }).
const BR_BOOLOPT_NO_LL_LEARN: u32 = 1 << 0;
const BR_BOOLOPT_MCAST_VLAN_SNOOPING: u32 = 1 << 1;

pub fn help() {
    print!("{USAGE}");
}

/// What an option's value is and where it goes.
#[derive(Clone, Copy)]
enum Arg {
    U8(u16),
    U16(u16),
    U32(u16),
    U64(u16),
    /// An ll_proto name or number, sent in network order.
    Proto(u16),
    LlAddr(u16),
    /// A bit of IFLA_BR_MULTI_BOOLOPT, value read as a u8.
    BoolOpt(u32),
    /// No value: an empty attribute.
    Flag(u16),
}

/// (keyword, prefixes allowed, value) in iproute2 6.1's order: the first match wins, so `m`
/// is `max_age` and `mcast_q` is `mcast_query_use_ifaddr`.
const OPTS: &[(&str, bool, Arg)] = &[
    ("forward_delay", true, Arg::U32(IFLA_BR_FORWARD_DELAY)),
    ("hello_time", true, Arg::U32(IFLA_BR_HELLO_TIME)),
    ("max_age", true, Arg::U32(IFLA_BR_MAX_AGE)),
    ("ageing_time", true, Arg::U32(IFLA_BR_AGEING_TIME)),
    ("stp_state", true, Arg::U32(IFLA_BR_STP_STATE)),
    ("priority", true, Arg::U16(IFLA_BR_PRIORITY)),
    ("vlan_filtering", true, Arg::U8(IFLA_BR_VLAN_FILTERING)),
    ("vlan_protocol", true, Arg::Proto(IFLA_BR_VLAN_PROTOCOL)),
    ("group_fwd_mask", true, Arg::U16(IFLA_BR_GROUP_FWD_MASK)),
    ("group_address", true, Arg::LlAddr(IFLA_BR_GROUP_ADDR)),
    (
        "no_linklocal_learn",
        false,
        Arg::BoolOpt(BR_BOOLOPT_NO_LL_LEARN),
    ),
    ("fdb_flush", true, Arg::Flag(IFLA_BR_FDB_FLUSH)),
    (
        "vlan_default_pvid",
        true,
        Arg::U16(IFLA_BR_VLAN_DEFAULT_PVID),
    ),
    (
        "vlan_stats_enabled",
        true,
        Arg::U8(IFLA_BR_VLAN_STATS_ENABLED),
    ),
    (
        "vlan_stats_per_port",
        true,
        Arg::U8(IFLA_BR_VLAN_STATS_PER_PORT),
    ),
    ("mcast_router", true, Arg::U8(IFLA_BR_MCAST_ROUTER)),
    ("mcast_snooping", true, Arg::U8(IFLA_BR_MCAST_SNOOPING)),
    (
        "mcast_vlan_snooping",
        false,
        Arg::BoolOpt(BR_BOOLOPT_MCAST_VLAN_SNOOPING),
    ),
    (
        "mcast_query_use_ifaddr",
        true,
        Arg::U8(IFLA_BR_MCAST_QUERY_USE_IFADDR),
    ),
    ("mcast_querier", true, Arg::U8(IFLA_BR_MCAST_QUERIER)),
    (
        "mcast_hash_elasticity",
        true,
        Arg::U32(IFLA_BR_MCAST_HASH_ELASTICITY),
    ),
    ("mcast_hash_max", true, Arg::U32(IFLA_BR_MCAST_HASH_MAX)),
    (
        "mcast_last_member_count",
        true,
        Arg::U32(IFLA_BR_MCAST_LAST_MEMBER_CNT),
    ),
    (
        "mcast_startup_query_count",
        true,
        Arg::U32(IFLA_BR_MCAST_STARTUP_QUERY_CNT),
    ),
    (
        "mcast_last_member_interval",
        true,
        Arg::U64(IFLA_BR_MCAST_LAST_MEMBER_INTVL),
    ),
    (
        "mcast_membership_interval",
        true,
        Arg::U64(IFLA_BR_MCAST_MEMBERSHIP_INTVL),
    ),
    (
        "mcast_querier_interval",
        true,
        Arg::U64(IFLA_BR_MCAST_QUERIER_INTVL),
    ),
    (
        "mcast_query_interval",
        true,
        Arg::U64(IFLA_BR_MCAST_QUERY_INTVL),
    ),
    (
        "mcast_query_response_interval",
        true,
        Arg::U64(IFLA_BR_MCAST_QUERY_RESPONSE_INTVL),
    ),
    (
        "mcast_startup_query_interval",
        true,
        Arg::U64(IFLA_BR_MCAST_STARTUP_QUERY_INTVL),
    ),
    (
        "mcast_stats_enabled",
        true,
        Arg::U8(IFLA_BR_MCAST_STATS_ENABLED),
    ),
    (
        "mcast_igmp_version",
        true,
        Arg::U8(IFLA_BR_MCAST_IGMP_VERSION),
    ),
    (
        "mcast_mld_version",
        true,
        Arg::U8(IFLA_BR_MCAST_MLD_VERSION),
    ),
    ("nf_call_iptables", true, Arg::U8(IFLA_BR_NF_CALL_IPTABLES)),
    (
        "nf_call_ip6tables",
        true,
        Arg::U8(IFLA_BR_NF_CALL_IP6TABLES),
    ),
    (
        "nf_call_arptables",
        true,
        Arg::U8(IFLA_BR_NF_CALL_ARPTABLES),
    ),
];

pub fn parse(_ctx: &mut Ctx, args: &mut Args, req: &mut Request) -> Result<()> {
    let (mut optval, mut optmask) = (0u32, 0u32);
    while let Some(w) = args.next() {
        let found = OPTS
            .iter()
            .find(|(k, prefix, _)| if *prefix { matches(&w, k) } else { w == *k });
        let Some(&(name, _, arg)) = found else {
            if matches(&w, "help") {
                return Err(explain_err(None, USAGE));
            }
            return Err(explain_err(
                Some(format!("bridge: unknown command \"{w}\"?")),
                USAGE,
            ));
        };
        if let Arg::Flag(ty) = arg {
            req.attr(ty, &[]);
            continue;
        }
        let v = args.need()?;
        let bad = || invarg(&format!("invalid {name}"), &v);
        match arg {
            Arg::U8(ty) => {
                req.u8(ty, get_u8(&v, 0).ok_or_else(bad)?);
            }
            Arg::U16(ty) => {
                req.u16(ty, get_u16(&v, 0).ok_or_else(bad)?);
            }
            Arg::U32(ty) => {
                req.u32(ty, get_u32(&v, 0).ok_or_else(bad)?);
            }
            Arg::U64(ty) => {
                req.u64(ty, get_u64(&v, 0).ok_or_else(bad)?);
            }
            Arg::Proto(ty) => {
                req.attr(ty, &llproto::a2n(&v).ok_or_else(bad)?.to_be_bytes());
            }
            Arg::LlAddr(ty) => {
                req.attr(ty, &lladdr_a2n(&v)?);
            }
            Arg::BoolOpt(bit) => {
                let on = get_u8(&v, 0).ok_or_else(bad)? != 0;
                optmask |= bit;
                if on {
                    optval |= bit;
                } else {
                    optval &= !bit;
                }
            }
            Arg::Flag(_) => {}
        }
    }
    if optmask != 0 {
        let mut bm = optval.to_ne_bytes().to_vec();
        bm.extend_from_slice(&optmask.to_ne_bytes());
        req.attr(IFLA_BR_MULTI_BOOLOPT, &bm);
    }
    Ok(())
}

/// br_dump_bridge_id: `%.2x%.2x.` then ether_ntoa (no zero padding): `8000.0:0:0:0:0:0`.
impl std::fmt::Display for BridgeId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let a = self.addr;
        write!(
            f,
            "{:02x}{:02x}.{:x}:{:x}:{:x}:{:x}:{:x}:{:x}",
            self.prio[0], self.prio[1], a[0], a[1], a[2], a[3], a[4], a[5]
        )
    }
}

/// A bridge timer in clock ticks (USER_HZ 100) as iproute2 prints it: text `name %4i.%.2i `,
/// JSON a number `%i.%.2i`.
pub fn print_timer(p: &mut Printer, key: &str, ticks: u64) {
    let us = ticks.wrapping_mul(10_000);
    let secs = us / 1_000_000;
    let cs = (us - secs * 1_000_000) / 10_000;
    let secs = secs as i32;
    p.number(
        key,
        format_args!("{secs}.{cs:02}"),
        format_args!("{key} {secs:4}.{cs:02} "),
    );
}

impl BridgeInfo {
    /// bridge_print_opt: each present attribute in iproute2 6.1's order.
    pub fn print(&self, p: &mut Printer) {
        fn num<T: Into<u64>>(p: &mut Printer, key: &str, text: &str, v: Option<T>) {
            p.opt_uint(key, text, v.map(Into::into));
        }
        num(p, "forward_delay", "forward_delay", self.forward_delay);
        num(p, "hello_time", "hello_time", self.hello_time);
        num(p, "max_age", "max_age", self.max_age);
        num(p, "ageing_time", "ageing_time", self.ageing_time);
        num(p, "stp_state", "stp_state", self.stp_state);
        num(p, "priority", "priority", self.priority);
        num(p, "vlan_filtering", "vlan_filtering", self.vlan_filtering);
        if let Some(v) = self.vlan_protocol {
            let s = llproto::n2a(v);
            p.string("vlan_protocol", &s, format_args!("vlan_protocol {s} "));
        }
        if let Some(id) = self.bridge_id.filter(|i| !i.short) {
            let s = id.to_string();
            p.string("bridge_id", &s, format_args!("bridge_id {s} "));
        }
        if let Some(id) = self.root_id.filter(|i| !i.short) {
            let s = id.to_string();
            p.string("root_id", &s, format_args!("designated_root {s} "));
        }
        num(p, "root_port", "root_port", self.root_port);
        num(p, "root_path_cost", "root_path_cost", self.root_path_cost);
        num(
            p,
            "topology_change",
            "topology_change",
            self.topology_change,
        );
        num(
            p,
            "topology_change_detected",
            "topology_change_detected",
            self.topology_change_detected,
        );
        for (key, v) in [
            ("hello_timer", self.hello_timer),
            ("tcn_timer", self.tcn_timer),
            ("topology_change_timer", self.topology_change_timer),
            ("gc_timer", self.gc_timer),
        ] {
            if let Some(v) = v {
                print_timer(p, key, v);
            }
        }
        num(
            p,
            "vlan_default_pvid",
            "vlan_default_pvid",
            self.vlan_default_pvid,
        );
        num(
            p,
            "vlan_stats_enabled",
            "vlan_stats_enabled",
            self.vlan_stats_enabled,
        );
        num(
            p,
            "vlan_stats_per_port",
            "vlan_stats_per_port",
            self.vlan_stats_per_port,
        );
        if let Some(m) = self.group_fwd_mask {
            p.xhex(
                "group_fwd_mask",
                m.into(),
                format_args!("group_fwd_mask {} ", C0x(m.into())),
            );
        }
        if let Some(a) = &self.group_addr {
            let s = lladdr(a, 1);
            p.string("group_addr", &s, format_args!("group_address {s} "));
        }
        num(p, "mcast_snooping", "mcast_snooping", self.mcast_snooping);
        if let Some((val, mask)) = self.boolopts {
            for (bit, key) in [
                (BR_BOOLOPT_NO_LL_LEARN, "no_linklocal_learn"),
                (BR_BOOLOPT_MCAST_VLAN_SNOOPING, "mcast_vlan_snooping"),
            ] {
                if mask & bit != 0 {
                    let v = u8::from(val & bit != 0);
                    p.uint(key, v.into(), format_args!("{key} {v} "));
                }
            }
        }
        num(p, "mcast_router", "mcast_router", self.mcast_router);
        num(
            p,
            "mcast_query_use_ifaddr",
            "mcast_query_use_ifaddr",
            self.mcast_query_use_ifaddr,
        );
        num(p, "mcast_querier", "mcast_querier", self.mcast_querier);
        num(
            p,
            "mcast_hash_elasticity",
            "mcast_hash_elasticity",
            self.mcast_hash_elasticity,
        );
        num(p, "mcast_hash_max", "mcast_hash_max", self.mcast_hash_max);
        num(
            p,
            "mcast_last_member_cnt",
            "mcast_last_member_count",
            self.mcast_last_member_cnt,
        );
        num(
            p,
            "mcast_startup_query_cnt",
            "mcast_startup_query_count",
            self.mcast_startup_query_cnt,
        );
        num(
            p,
            "mcast_last_member_intvl",
            "mcast_last_member_interval",
            self.mcast_last_member_intvl,
        );
        num(
            p,
            "mcast_membership_intvl",
            "mcast_membership_interval",
            self.mcast_membership_intvl,
        );
        num(
            p,
            "mcast_querier_intvl",
            "mcast_querier_interval",
            self.mcast_querier_intvl,
        );
        num(
            p,
            "mcast_query_intvl",
            "mcast_query_interval",
            self.mcast_query_intvl,
        );
        num(
            p,
            "mcast_query_response_intvl",
            "mcast_query_response_interval",
            self.mcast_query_response_intvl,
        );
        num(
            p,
            "mcast_startup_query_intvl",
            "mcast_startup_query_interval",
            self.mcast_startup_query_intvl,
        );
        num(
            p,
            "mcast_stats_enabled",
            "mcast_stats_enabled",
            self.mcast_stats_enabled,
        );
        num(
            p,
            "mcast_igmp_version",
            "mcast_igmp_version",
            self.mcast_igmp_version,
        );
        num(
            p,
            "mcast_mld_version",
            "mcast_mld_version",
            self.mcast_mld_version,
        );
        num(
            p,
            "nf_call_iptables",
            "nf_call_iptables",
            self.nf_call_iptables,
        );
        num(
            p,
            "nf_call_ip6tables",
            "nf_call_ip6tables",
            self.nf_call_ip6tables,
        );
        num(
            p,
            "nf_call_arptables",
            "nf_call_arptables",
            self.nf_call_arptables,
        );
    }
}

/// C's `%#llx`: `0` for zero, `0x…` otherwise.
pub struct C0x(pub u64);

impl std::fmt::Display for C0x {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.0 == 0 {
            f.write_str("0")
        } else {
            write!(f, "{:#x}", self.0)
        }
    }
}

pub fn print(p: &mut Printer, data: Option<&[u8]>, _names: &LinkIndex) {
    if let Some(d) = data {
        BridgeInfo::decode(d).print(p);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::netlink::attr::encode as attr;

    fn render(data: &[u8], json: bool) -> String {
        crate::print::render_object(json, |p| BridgeInfo::decode(data).print(p))
    }

    #[test]
    fn ids_timers_masks() {
        let id = [0x80, 0x00, 0x02, 0x0a, 0, 0, 0xff, 0x01];
        let d = [
            attr(IFLA_BR_BRIDGE_ID, &id),
            attr(IFLA_BR_HELLO_TIMER, &29976u64.to_ne_bytes()),
            attr(IFLA_BR_GROUP_FWD_MASK, &8u16.to_ne_bytes()),
            attr(IFLA_BR_MULTI_BOOLOPT, &[1, 0, 0, 0, 3, 0, 0, 0]),
        ]
        .concat();
        assert_eq!(
            render(&d, false),
            "bridge_id 8000.2:a:0:0:ff:1 hello_timer  299.76 group_fwd_mask 0x8 no_linklocal_learn 1 mcast_vlan_snooping 0 "
        );
        assert_eq!(
            render(&d, true),
            "[{\"bridge_id\":\"8000.2:a:0:0:ff:1\",\"hello_timer\":299.76,\"group_fwd_mask\":\"0x8\",\"no_linklocal_learn\":1,\"mcast_vlan_snooping\":0}]\n"
        );
    }

    #[test]
    fn short_attributes_are_skipped() {
        let d = [
            attr(IFLA_BR_BRIDGE_ID, &[1, 2, 3]),
            attr(IFLA_BR_GC_TIMER, &[1]),
            attr(IFLA_BR_MULTI_BOOLOPT, &[1, 0, 0]),
            attr(IFLA_BR_PRIORITY, &[]),
        ]
        .concat();
        assert_eq!(render(&d, false), "");
    }
}
