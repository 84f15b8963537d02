//! An address as iproute2 6.1 prints it (print_addrinfo): `inet`/`inet6` lines with peer, brd,
//! scope, flags, label and lifetimes; the one-line and brief forms; JSON `addr_info` items.

use super::{Color, Printer};
use crate::ip::{AF_INET, AF_INET6, AF_MPLS, AF_PACKET};
use crate::netlink::addr::{Addr, INFINITY_LIFE_TIME};
use crate::netlink::consts::*;

#[derive(Debug, Clone, Copy, Default)]
pub struct AddrOpts {
    pub brief: bool,
    /// `-o`, flush with -s -s, -echo: each line starts with `IDX: DEV`.
    pub with_dev: bool,
    pub numeric: bool,
    /// -r: names instead of addresses where the resolver knows them.
    pub resolve: bool,
}

/// iproute2's ifa_flag_data, in its order: (name, mask, v6-only, read-only).
pub const FLAGS: [(&str, u32, bool, bool); 13] = [
    ("secondary", IFA_F_SECONDARY, false, true),
    ("temporary", IFA_F_SECONDARY, false, true),
    ("nodad", IFA_F_NODAD, true, false),
    ("optimistic", IFA_F_OPTIMISTIC, true, false),
    ("dadfailed", IFA_F_DADFAILED, true, true),
    ("home", IFA_F_HOMEADDRESS, true, false),
    ("deprecated", IFA_F_DEPRECATED, true, true),
    ("tentative", IFA_F_TENTATIVE, true, true),
    ("permanent", IFA_F_PERMANENT, true, true),
    ("mngtmpaddr", IFA_F_MANAGETEMPADDR, true, false),
    ("noprefixroute", IFA_F_NOPREFIXROUTE, false, false),
    ("autojoin", IFA_F_MCAUTOJOIN, false, false),
    ("stable-privacy", IFA_F_STABLE_PRIVACY, true, true),
];

pub fn family_name(f: u8) -> Option<&'static str> {
    match f {
        AF_INET => Some("inet"),
        AF_INET6 => Some("inet6"),
        AF_PACKET => Some("link"),
        AF_MPLS => Some("mpls"),
        crate::ip::AF_BRIDGE => Some("bridge"),
        _ => None,
    }
}

fn family_color(f: u8) -> Color {
    match f {
        AF_INET => Color::Inet,
        AF_INET6 => Color::Inet6,
        _ => Color::None,
    }
}

/// format_host_rta: inet_ntop of the attribute, or its name with -r.
fn host(family: u8, b: &[u8], resolve: bool) -> String {
    match family {
        AF_INET | AF_INET6 => crate::ip::inet::format_host(family, b, resolve),
        _ => "???".to_string(),
    }
}

fn print_flags(p: &mut Printer, a: &Addr) {
    let mut flags = a.flags;
    for (name, mask, _, _) in FLAGS {
        if mask == IFA_F_PERMANENT {
            if flags & mask == 0 {
                p.bool("dynamic", true, format_args!("dynamic "));
            }
        } else if flags & mask != 0 {
            if mask == IFA_F_SECONDARY && a.hdr.family == AF_INET6 {
                p.bool("temporary", true, format_args!("temporary "));
            } else {
                p.text(format_args!("{name} "));
                p.json_bool(name, true);
            }
        }
        flags &= !mask;
    }
    if flags != 0 {
        if p.is_json() {
            p.json_string("ifa_flags", format!("{flags:02x}"));
        } else {
            p.text(format_args!("flags {flags:02x} "));
        }
    }
}

/// One address record. `dev` names the device for the `IDX: DEV` prefix.
pub fn print_addr(p: &mut Printer, a: &Addr, dev: &[u8], o: AddrOpts) {
    let fam = a.hdr.family;
    if a.deleted {
        p.bool("deleted", true, format_args!("Deleted "));
    }
    if !o.brief {
        if o.with_dev {
            if p.is_json() {
                p.json_int("index", a.hdr.index.into());
                p.json_string("dev", dev);
            } else {
                p.text(format_args!(
                    "{}: {}",
                    a.hdr.index,
                    crate::bytes::decode(dev)
                ));
            }
        }
        match family_name(fam) {
            Some(n) => p.string("family", n, format_args!("    {n} ")),
            None => p.int(
                "family_index",
                fam.into(),
                format_args!("    family {fam} "),
            ),
        }
    }
    let color = family_color(fam);
    if let Some(local) = a.local {
        let l = host(fam, local, o.resolve);
        p.color_string(color, "local", &l, format_args!("{l}"));
        if let Some(addr) = a.address {
            let n = if fam == AF_INET { 4 } else { 16 };
            if addr.get(..n) != local.get(..n) {
                p.text_str(" peer ");
                let s = host(fam, addr, o.resolve);
                p.color_string(color, "address", &s, format_args!("{s}"));
            }
        }
        p.int(
            "prefixlen",
            a.hdr.prefixlen.into(),
            format_args!("/{} ", a.hdr.prefixlen),
        );
        if let Some(m) = a.metric {
            p.uint("metric", m.into(), format_args!("metric {m} "));
        }
    }
    if o.brief {
        return;
    }
    if let Some(b) = a.broadcast {
        p.text_str("brd ");
        let s = host(fam, b, o.resolve);
        p.color_string(color, "broadcast", &s, format_args!("{s} "));
    }
    if let Some(b) = a.anycast {
        p.text_str("any ");
        let s = host(fam, b, o.resolve);
        p.color_string(color, "anycast", &s, format_args!("{s} "));
    }
    let scope = crate::names::n2a(crate::names::scopes(), a.hdr.scope.into(), o.numeric);
    p.string("scope", &scope, format_args!("scope {scope} "));
    print_flags(p, a);
    if let Some(l) = a.label {
        let s = crate::bytes::decode(l);
        p.string("label", l, format_args!("{s}"));
    }
    if let Some(ci) = a.cacheinfo {
        p.nl();
        p.text_str("       valid_lft ");
        if ci.valid == INFINITY_LIFE_TIME {
            p.json_uint("valid_life_time", INFINITY_LIFE_TIME.into());
            p.text_str("forever");
        } else {
            p.uint(
                "valid_life_time",
                ci.valid.into(),
                format_args!("{}sec", ci.valid),
            );
        }
        p.text_str(" preferred_lft ");
        if ci.preferred == INFINITY_LIFE_TIME {
            p.json_uint("preferred_life_time", INFINITY_LIFE_TIME.into());
            p.text_str("forever");
        } else if a.flags & IFA_F_DEPRECATED != 0 {
            p.int(
                "preferred_life_time",
                (ci.preferred as i32).into(),
                format_args!("{}sec", ci.preferred as i32),
            );
        } else {
            p.uint(
                "preferred_life_time",
                ci.preferred.into(),
                format_args!("{}sec", ci.preferred),
            );
        }
    }
    p.text_str("\n");
}
