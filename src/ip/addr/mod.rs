//! `ip address`: add, change, replace, delete (ipaddr_modify), show/list/lst and flush
//! (list.rs), with iproute2 6.1's words, messages and exit codes.

mod list;
pub use list::{LastFilter, parse_filters};

use super::args::{Args, duparg, duparg2, get_u32, invarg, matches, nodev};
use super::inet::{Prefix, get_addr, get_prefix};
use super::{AF_INET, AF_INET6, AF_UNSPEC, Ctx, lookup, suggest};
use crate::error::{Error, Result};
use crate::netlink::addr::{INFINITY_LIFE_TIME, IfAddr};
use crate::netlink::consts::*;
use crate::netlink::msg::Request;
use crate::print::addr::FLAGS;

const COMMANDS: &[&str] = &[
    "add", "change", "chg", "replace", "delete", "list", "show", "lst", "flush", "save",
    "showdump", "restore", "help",
];

pub fn run(ctx: &mut Ctx, mut args: Args) -> Result<()> {
    let Some(cmd) = args.next() else {
        return list::list(ctx, args, false);
    };
    let c = cmd.as_str();
    if matches(c, "add") {
        modify(ctx, args, RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL)
    } else if matches(c, "change") || c == "chg" {
        modify(ctx, args, RTM_NEWADDR, NLM_F_REPLACE)
    } else if matches(c, "replace") {
        modify(ctx, args, RTM_NEWADDR, NLM_F_CREATE | NLM_F_REPLACE)
    } else if matches(c, "delete") {
        modify(ctx, args, RTM_DELADDR, 0)
    } else if matches(c, "list") || matches(c, "show") || matches(c, "lst") {
        list::list(ctx, args, false)
    } else if matches(c, "flush") {
        list::list(ctx, args, true)
    } else if matches(c, "save") || matches(c, "showdump") || matches(c, "restore") {
        Err(Error::fail(format!(
            "\"ip address {cmd}\" is not served by ipbox; use iproute2's ip for it."
        )))
    } else if matches(c, "help") {
        Err(usage())
    } else {
        let mut msg = format!("Command \"{cmd}\" is unknown, try \"ip address help\".");
        if let Some(s) = suggest::closest(&cmd, COMMANDS) {
            msg.push_str(&format!("\nDid you mean \"{s}\"?"));
        }
        Err(Error::usage(msg))
    }
}

pub fn usage() -> Error {
    Error::usage(format!(
        "Usage: ip address {{add|change|replace}} IFADDR dev IFNAME [ LIFETIME ]\n\
\x20                                                     [ CONFFLAG-LIST ]\n\
\x20      ip address del IFADDR dev IFNAME [mngtmpaddr]\n\
\x20      ip address flush [ dev IFNAME ] [ scope SCOPE-ID ]\n\
\x20                           [ to PREFIX ] [ FLAG-LIST ] [ label LABEL ] [up]\n\
\x20      ip address [ show [ dev IFNAME ] [ scope SCOPE-ID ] [ master DEVICE ]\n\
\x20                        [ nomaster ]\n\
\x20                        [ type TYPE ] [ to PREFIX ] [ FLAG-LIST ]\n\
\x20                        [ label LABEL ] [up] [ vrf NAME ] ]\n\
IFADDR := PREFIX | ADDR peer PREFIX\n\
\x20         [ broadcast ADDR ] [ anycast ADDR ]\n\
\x20         [ label IFNAME ] [ scope SCOPE-ID ] [ metric METRIC ]\n\
SCOPE-ID := [ host | link | global | NUMBER ]\n\
FLAG-LIST := [ FLAG-LIST ] FLAG\n\
FLAG  := [ permanent | dynamic | secondary | primary |\n\
\x20          [-]tentative | [-]deprecated | [-]dadfailed | temporary |\n\
\x20          CONFFLAG-LIST ]\n\
CONFFLAG-LIST := [ CONFFLAG-LIST ] CONFFLAG\n\
CONFFLAG  := [ home | nodad | mngtmpaddr | noprefixroute | autojoin ]\n\
LIFETIME := [ valid_lft LFT ] [ preferred_lft LFT ]\n\
LFT := forever | SECONDS\n\
TYPE := {{ {} }}",
        super::link::kinds::names().join(" | ")
    ))
}

fn lifetime(v: &str) -> Option<u32> {
    if v == "forever" {
        Some(INFINITY_LIFE_TIME)
    } else {
        get_u32(v, 0)
    }
}

fn is_multicast(p: &Prefix) -> bool {
    match p.family {
        AF_INET => p.data[0] & 0xf0 == 0xe0,
        AF_INET6 => p.data[0] == 0xff,
        _ => false,
    }
}

/// ipaddr_modify
fn modify(ctx: &mut Ctx, mut args: Args, cmd: u16, flags: u16) -> Result<()> {
    let mut hdr = IfAddr {
        family: ctx.family,
        ..IfAddr::default()
    };
    let mut req = Request::new(cmd, flags).header(&hdr.bytes());
    let mut dev: Option<String> = None;
    let mut lcl: Option<(Prefix, String)> = None;
    let mut peer: Option<Prefix> = None;
    let mut brd_len: i32 = 0;
    let mut any = false;
    let mut scoped = false;
    let mut valid: Option<u32> = None;
    let mut preferred: Option<u32> = None;
    let mut ifa_flags: u32 = 0;

    while let Some(w) = args.next() {
        let w = w.as_str();
        if w == "peer" || w == "remote" {
            let v = args.need()?;
            if peer.is_some() {
                return Err(duparg("peer", &v));
            }
            let p = get_prefix(&v, hdr.family)?;
            if hdr.family == AF_UNSPEC {
                hdr.family = p.family;
            }
            req.attr(IFA_ADDRESS, p.bytes());
            hdr.prefixlen = p.bitlen.max(0) as u8;
            peer = Some(p);
        } else if matches(w, "broadcast") || w == "brd" {
            let v = args.need()?;
            if brd_len != 0 {
                return Err(duparg("broadcast", &v));
            }
            if v == "+" {
                brd_len = -1;
            } else if v == "-" {
                brd_len = -2;
            } else {
                let a = get_addr(&v, hdr.family)?;
                if hdr.family == AF_UNSPEC {
                    hdr.family = a.family;
                }
                req.attr(IFA_BROADCAST, a.bytes());
                brd_len = a.bytelen.into();
            }
        } else if w == "anycast" {
            let v = args.need()?;
            if any {
                return Err(duparg("anycast", &v));
            }
            let a = get_addr(&v, hdr.family)?;
            if hdr.family == AF_UNSPEC {
                hdr.family = a.family;
            }
            req.attr(IFA_ANYCAST, a.bytes());
            any = a.bytelen > 0;
        } else if w == "scope" {
            let v = args.need()?;
            let s = crate::names::a2n(crate::names::scopes(), &v, 255)
                .ok_or_else(|| invarg("invalid scope value.", &v))?;
            hdr.scope = s as u8;
            scoped = true;
        } else if w == "dev" {
            dev = Some(args.need()?);
        } else if w == "label" {
            let v = args.need()?;
            req.strz(IFA_LABEL, &crate::bytes::encode(&v));
        } else if matches(w, "metric") || matches(w, "priority") || matches(w, "preference") {
            let v = args.need()?;
            let m = get_u32(&v, 0).ok_or_else(|| invarg("\"metric\" value is invalid\n", &v))?;
            req.u32(IFA_RT_PRIORITY, m);
        } else if matches(w, "valid_lft") {
            if valid.is_some() {
                return Err(duparg("valid_lft", w));
            }
            let v = args.need()?;
            valid = Some(lifetime(&v).ok_or_else(|| invarg("valid_lft value", &v))?);
        } else if matches(w, "preferred_lft") {
            if preferred.is_some() {
                return Err(duparg("preferred_lft", w));
            }
            let v = args.need()?;
            preferred = Some(lifetime(&v).ok_or_else(|| invarg("preferred_lft value", &v))?);
        } else if let Some((name, mask, v6only, readonly)) = FLAGS.iter().find(|f| f.0 == w) {
            if *readonly {
                ctx.warn(format_args!(
                    "Warning: {name} option is not mutable from userspace"
                ));
            } else if *v6only && hdr.family != AF_INET6 {
                ctx.warn(format_args!(
                    "Warning: {name} option can be set only for IPv6 addresses"
                ));
            } else {
                ifa_flags |= mask;
            }
        } else {
            let v = if w == "local" {
                args.need()?
            } else {
                w.to_string()
            };
            if matches(&v, "help") {
                return Err(usage());
            }
            if lcl.is_some() {
                return Err(duparg2("local", &v));
            }
            let p = get_prefix(&v, hdr.family)?;
            if hdr.family == AF_UNSPEC {
                hdr.family = p.family;
            }
            req.attr(IFA_LOCAL, p.bytes());
            lcl = Some((p, v));
        }
    }
    if ifa_flags <= 0xff {
        hdr.flags = ifa_flags as u8;
    } else {
        req.u32(IFA_FLAGS, ifa_flags);
    }
    let Some(dev) = dev else {
        return Err(Error::fail(
            "Not enough information: \"dev\" argument is required.",
        ));
    };
    let mut peer_eff = peer;
    if peer.is_none()
        && let Some((l, arg)) = &lcl
        && l.bytelen > 0
    {
        if cmd == RTM_DELADDR && l.family == AF_INET && !l.len_specified() {
            ctx.warn(format_args!(
                "Warning: Executing wildcard deletion to stay compatible with old scripts.\n\
\x20        Explicitly specify the prefix length ({arg}/{}) to avoid this warning.\n\
\x20        This special behaviour is likely to disappear in further releases,\n\
\x20        fix your scripts!",
                u32::from(l.bytelen) * 8
            ));
        } else {
            peer_eff = Some(*l);
            req.attr(IFA_ADDRESS, l.bytes());
        }
    }
    let lcl_p = lcl.as_ref().map(|(p, _)| *p).unwrap_or(Prefix {
        bitlen: 0,
        ..Prefix::default()
    });
    if hdr.prefixlen == 0 {
        hdr.prefixlen = lcl_p.bitlen.max(0) as u8;
    }
    if brd_len < 0 && cmd != RTM_DELADDR {
        if hdr.family != AF_INET {
            return Err(Error::fail("Broadcast can be set only for IPv4 addresses"));
        }
        let mut brd = peer_eff.unwrap_or_default();
        if brd.bitlen <= 30 {
            let mut v = u32::from_be_bytes([brd.data[0], brd.data[1], brd.data[2], brd.data[3]]);
            for i in (brd.bitlen.max(0) as u32..=31).rev() {
                let bit = 1u32 << (31 - i);
                if brd_len == -1 { v |= bit } else { v &= !bit }
            }
            brd.data[..4].copy_from_slice(&v.to_be_bytes());
            req.attr(IFA_BROADCAST, &brd.data[..4]);
        }
    }
    if !scoped && cmd != RTM_DELADDR {
        hdr.scope = if lcl_p.family == AF_INET && lcl_p.bytelen >= 1 && lcl_p.data[0] == 127 {
            RT_SCOPE_HOST
        } else {
            0
        };
    }
    let index = lookup::ifindex(ctx, &dev);
    if index == 0 {
        return Err(nodev(&dev));
    }
    hdr.index = index as u32;
    if valid.is_some() || preferred.is_some() {
        let v = valid.unwrap_or(INFINITY_LIFE_TIME);
        let p = preferred.unwrap_or(INFINITY_LIFE_TIME);
        if v == 0 {
            return Err(Error::fail("valid_lft is zero"));
        }
        if v < p {
            return Err(Error::fail("preferred_lft is greater than valid_lft"));
        }
        let mut ci = [0u8; 16];
        ci[0..4].copy_from_slice(&p.to_ne_bytes());
        ci[4..8].copy_from_slice(&v.to_ne_bytes());
        req.attr(IFA_CACHEINFO, &ci);
    }
    if ifa_flags & IFA_F_MCAUTOJOIN != 0 && !is_multicast(&lcl_p) {
        return Err(Error::fail("autojoin needs multicast address"));
    }
    req.patch(NLMSG_HDRLEN, &hdr.bytes());
    if ctx.opts.echo {
        let answer = ctx.talk_echo(req)?;
        ctx.p.begin();
        ctx.p.open_object("");
        if let Some(a) = answer
            .messages()
            .find_map(|m| crate::netlink::addr::Addr::parse(m.ty, m.payload))
        {
            let dev = lookup::name_and_flags(ctx, a.hdr.index as i32)
                .map(|(n, _)| n)
                .unwrap_or_default();
            // print_addrinfo with the global -br: then only `LOCAL/LEN `, not even a newline
            let o = crate::print::addr::AddrOpts {
                brief: ctx.opts.brief,
                with_dev: true,
                numeric: ctx.opts.numeric,
                resolve: ctx.opts.resolve,
            };
            // print_addrinfo checks what the last listing of this process left in its filter
            if list::echo_passes(ctx, &a, &dev) {
                crate::print::addr::print_addr(&mut ctx.p, &a, &dev, o);
            }
        }
        ctx.p.close_object();
        ctx.p.end();
        return Ok(());
    }
    ctx.talk(req)?;
    Ok(())
}
