//! bridge_slave: `ip link set DEV type bridge_slave OPTIONS` (iproute2 6.1's
//! iplink_bridge_slave.c) and the `bridge_slave …` line a bridge port shows under `-d`.

use super::bridge::{C0x, print_timer};
use super::kinds::explain_err;
use crate::error::{Error, Result};
use crate::ip::args::{Args, get_u8, get_u16, get_u32, invarg, matches};
use crate::ip::{Ctx, lookup};
use crate::netlink::bridge::*;
use crate::netlink::msg::Request;
use crate::print::Printer;
use crate::print::link::LinkIndex;

const USAGE: &str = "Usage: ... bridge_slave [ fdb_flush ]
\t\t\t[ state STATE ]
\t\t\t[ priority PRIO ]
\t\t\t[ cost COST ]
\t\t\t[ guard {on | off} ]
\t\t\t[ hairpin {on | off} ]
\t\t\t[ fastleave {on | off} ]
\t\t\t[ root_block {on | off} ]
\t\t\t[ learning {on | off} ]
\t\t\t[ flood {on | off} ]
\t\t\t[ proxy_arp {on | off} ]
\t\t\t[ proxy_arp_wifi {on | off} ]
\t\t\t[ mcast_router MULTICAST_ROUTER ]
\t\t\t[ mcast_fast_leave {on | off} ]
\t\t\t[ mcast_flood {on | off} ]
\t\t\t[ bcast_flood {on | off} ]
\t\t\t[ mcast_to_unicast {on | off} ]
\t\t\t[ group_fwd_mask MASK ]
\t\t\t[ neigh_suppress {on | off} ]
\t\t\t[ vlan_tunnel {on | off} ]
\t\t\t[ isolated {on | off} ]
\t\t\t[ locked {on | off} ]
\t\t\t[ backup_port DEVICE ] [ nobackup_port ]
";

pub fn help() {
    print!("{USAGE}");
}

#[derive(Clone, Copy)]
enum Arg {
    /// No value: an empty attribute.
    Flag(u16),
    /// A number with iproute2's message for a bad one.
    U8(u16, &'static str),
    U16(u16, &'static str),
    U32(u16, &'static str),
    /// `on` or `off` (prefixes accepted, `o` is `off`), sent as a u8.
    OnOff(u16),
    /// A device name, sent as its ifindex.
    Dev(u16),
    /// No value: the attribute with 0.
    Zero(u16),
}

/// In iproute2 6.1's order (every keyword takes prefixes; the first match wins).
const OPTS: &[(&str, Arg)] = &[
    ("fdb_flush", Arg::Flag(IFLA_BRPORT_FLUSH)),
    ("state", Arg::U8(IFLA_BRPORT_STATE, "state is invalid")),
    (
        "priority",
        Arg::U16(IFLA_BRPORT_PRIORITY, "priority is invalid"),
    ),
    ("cost", Arg::U32(IFLA_BRPORT_COST, "cost is invalid")),
    ("hairpin", Arg::OnOff(IFLA_BRPORT_MODE)),
    ("guard", Arg::OnOff(IFLA_BRPORT_GUARD)),
    ("root_block", Arg::OnOff(IFLA_BRPORT_PROTECT)),
    ("fastleave", Arg::OnOff(IFLA_BRPORT_FAST_LEAVE)),
    ("learning", Arg::OnOff(IFLA_BRPORT_LEARNING)),
    ("flood", Arg::OnOff(IFLA_BRPORT_UNICAST_FLOOD)),
    ("mcast_flood", Arg::OnOff(IFLA_BRPORT_MCAST_FLOOD)),
    ("bcast_flood", Arg::OnOff(IFLA_BRPORT_BCAST_FLOOD)),
    ("mcast_to_unicast", Arg::OnOff(IFLA_BRPORT_MCAST_TO_UCAST)),
    ("proxy_arp", Arg::OnOff(IFLA_BRPORT_PROXYARP)),
    ("proxy_arp_wifi", Arg::OnOff(IFLA_BRPORT_PROXYARP_WIFI)),
    (
        "mcast_router",
        Arg::U8(IFLA_BRPORT_MULTICAST_ROUTER, "invalid mcast_router"),
    ),
    ("mcast_fast_leave", Arg::OnOff(IFLA_BRPORT_FAST_LEAVE)),
    ("neigh_suppress", Arg::OnOff(IFLA_BRPORT_NEIGH_SUPPRESS)),
    (
        "group_fwd_mask",
        Arg::U16(IFLA_BRPORT_GROUP_FWD_MASK, "invalid group_fwd_mask"),
    ),
    ("vlan_tunnel", Arg::OnOff(IFLA_BRPORT_VLAN_TUNNEL)),
    ("isolated", Arg::OnOff(IFLA_BRPORT_ISOLATED)),
    ("locked", Arg::OnOff(IFLA_BRPORT_LOCKED)),
    ("backup_port", Arg::Dev(IFLA_BRPORT_BACKUP_PORT)),
    ("nobackup_port", Arg::Zero(IFLA_BRPORT_BACKUP_PORT)),
];

/// lib/utils.c parse_on_off (6.1): the value may be a prefix of `off` or `on`; anything else
/// prints iproute2's message and the process exits with 1.
fn on_off(name: &str, v: &str) -> Result<bool> {
    if matches(v, "off") {
        Ok(false)
    } else if matches(v, "on") {
        Ok(true)
    } else {
        Err(Error::exit(
            format!("Error: argument of \"{name}\" must be one of \"off\", \"on\", not \"{v}\""),
            1,
        ))
    }
}

pub fn parse(ctx: &mut Ctx, args: &mut Args, req: &mut Request) -> Result<()> {
    while let Some(w) = args.next() {
        let Some(&(name, arg)) = OPTS.iter().find(|(k, _)| matches(&w, k)) else {
            if matches(&w, "help") {
                return Err(explain_err(None, USAGE));
            }
            return Err(explain_err(
                Some(format!("bridge_slave: unknown option \"{w}\"?")),
                USAGE,
            ));
        };
        match arg {
            Arg::Flag(ty) => {
                req.attr(ty, &[]);
            }
            Arg::Zero(ty) => {
                req.u32(ty, 0);
            }
            Arg::U8(ty, msg) => {
                let v = args.need()?;
                req.u8(ty, get_u8(&v, 0).ok_or_else(|| invarg(msg, &v))?);
            }
            Arg::U16(ty, msg) => {
                let v = args.need()?;
                req.u16(ty, get_u16(&v, 0).ok_or_else(|| invarg(msg, &v))?);
            }
            Arg::U32(ty, msg) => {
                let v = args.need()?;
                req.u32(ty, get_u32(&v, 0).ok_or_else(|| invarg(msg, &v))?);
            }
            Arg::OnOff(ty) => {
                let v = args.need()?;
                req.u8(ty, on_off(name, &v)?.into());
            }
            Arg::Dev(ty) => {
                let v = args.need()?;
                let idx = lookup::ifindex(ctx, &v);
                if idx == 0 {
                    return Err(invarg("Device does not exist\n", &v));
                }
                req.i32(ty, idx);
            }
        }
    }
    Ok(())
}

const PORT_STATES: [&str; 5] = [
    "disabled",
    "listening",
    "learning",
    "forwarding",
    "blocking",
];

impl PortInfo {
    /// bridge_slave_print_opt, in iproute2 6.1's order.
    pub fn print(&self, p: &mut Printer, names: &LinkIndex) {
        fn on_off(p: &mut Printer, key: &str, v: Option<bool>) {
            if let Some(v) = v {
                let s = if v { "on" } else { "off" };
                p.bool(key, v, format_args!("{key} {s} "));
            }
        }
        fn num<T: Into<u64> + Copy + std::fmt::Display>(
            p: &mut Printer,
            key: &str,
            text: &str,
            v: Option<T>,
        ) {
            if let Some(v) = v {
                p.uint(key, v.into(), format_args!("{text} {v} "));
            }
        }
        if let Some(s) = self.state {
            match PORT_STATES.get(s as usize) {
                Some(name) => p.string("state", name, format_args!("state {name} ")),
                None => p.int("state_index", s.into(), format_args!("state ({s}) ")),
            }
        }
        if let Some(v) = self.priority {
            p.int("priority", v.into(), format_args!("priority {v} "));
        }
        if let Some(v) = self.cost {
            let v = v as i32;
            p.int("cost", v.into(), format_args!("cost {v} "));
        }
        on_off(p, "hairpin", self.hairpin);
        on_off(p, "guard", self.guard);
        on_off(p, "root_block", self.root_block);
        on_off(p, "fastleave", self.fastleave);
        on_off(p, "learning", self.learning);
        on_off(p, "flood", self.flood);
        if let Some(v) = self.id {
            p.xhex("id", v.into(), format_args!("port_id {} ", C0x(v.into())));
        }
        if let Some(v) = self.no {
            p.xhex("no", v.into(), format_args!("port_no {} ", C0x(v.into())));
        }
        num(
            p,
            "designated_port",
            "designated_port",
            self.designated_port,
        );
        num(
            p,
            "designated_cost",
            "designated_cost",
            self.designated_cost,
        );
        if let Some(id) = self.bridge_id.filter(|i| !i.short) {
            let s = id.to_string();
            p.string("bridge_id", &s, format_args!("designated_bridge {s} "));
        }
        if let Some(id) = self.root_id.filter(|i| !i.short) {
            let s = id.to_string();
            p.string("root_id", &s, format_args!("designated_root {s} "));
        }
        for (key, v) in [
            ("hold_timer", self.hold_timer),
            ("message_age_timer", self.message_age_timer),
            ("forward_delay_timer", self.forward_delay_timer),
        ] {
            if let Some(v) = v {
                print_timer(p, key, v);
            }
        }
        num(
            p,
            "topology_change_ack",
            "topology_change_ack",
            self.topology_change_ack,
        );
        num(p, "config_pending", "config_pending", self.config_pending);
        on_off(p, "proxy_arp", self.proxy_arp);
        on_off(p, "proxy_arp_wifi", self.proxy_arp_wifi);
        num(p, "multicast_router", "mcast_router", self.multicast_router);
        if let Some(v) = self.fastleave {
            // text only: JSON has it as "fastleave" already
            p.text(format_args!(
                "mcast_fast_leave {} ",
                if v { "on" } else { "off" }
            ));
        }
        on_off(p, "mcast_flood", self.mcast_flood);
        on_off(p, "bcast_flood", self.bcast_flood);
        on_off(p, "mcast_to_unicast", self.mcast_to_unicast);
        on_off(p, "neigh_suppress", self.neigh_suppress);
        if let Some(m) = self.group_fwd_mask {
            p.xhex(
                "group_fwd_mask",
                m.into(),
                format_args!("group_fwd_mask {} ", C0x(m.into())),
            );
            let s = fwd_mask_str(m);
            p.string(
                "group_fwd_mask_str",
                &s,
                format_args!("group_fwd_mask_str {s} "),
            );
        }
        on_off(p, "vlan_tunnel", self.vlan_tunnel);
        on_off(p, "isolated", self.isolated);
        on_off(p, "locked", self.locked);
        if let Some(i) = self.backup_port {
            let name = names
                .name(i as i32)
                .map(|n| crate::bytes::decode(n).into_owned())
                .unwrap_or_else(|| format!("if{i}"));
            p.string("backup_port", &name, format_args!("backup_port {name} "));
        }
    }
}

/// _bitmask2str with iproute2's names for bits 0, 2 and 14: `stp,lldp`, `0x2`, `0x0` for none.
fn fwd_mask_str(mask: u16) -> String {
    let parts: Vec<String> = (0..16)
        .filter(|i| mask & (1 << i) != 0)
        .map(|i| match i {
            0 => "stp".to_string(),
            2 => "lacp".to_string(),
            14 => "lldp".to_string(),
            _ => format!("{:#x}", 1u32 << i),
        })
        .collect();
    if parts.is_empty() {
        "0x0".to_string()
    } else {
        parts.join(",")
    }
}

pub fn print(p: &mut Printer, data: Option<&[u8]>, names: &LinkIndex) {
    if let Some(d) = data {
        PortInfo::decode(d).print(p, names);
    }
}

/// The backup port, whose name the details show.
pub fn links(data: Option<&[u8]>) -> Vec<i32> {
    data.and_then(|d| PortInfo::decode(d).backup_port)
        .map(|i| vec![i as i32])
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fwd_masks() {
        assert_eq!(fwd_mask_str(0), "0x0");
        assert_eq!(fwd_mask_str(0x4001), "stp,lldp");
        assert_eq!(fwd_mask_str(0x0006), "0x2,lacp");
    }

    #[test]
    fn on_off_prefixes() {
        assert!(!on_off("hairpin", "o").unwrap());
        assert!(on_off("hairpin", "on").unwrap());
        let e = on_off("hairpin", "ON").unwrap_err();
        assert_eq!(
            e.to_string(),
            "Error: argument of \"hairpin\" must be one of \"off\", \"on\", not \"ON\""
        );
        assert_eq!(e.code(), 1);
        assert!(on_off("hairpin", "").is_err());
    }
}
