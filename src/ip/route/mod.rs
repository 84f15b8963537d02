//! `ip route`: add, change, replace, prepend, append, test, delete, show/list/lst, flush, get,
//! help — iproute2 6.1's iproute.c grammar with its keyword prefixes, messages and exit codes.

mod get;
mod modify;
mod show;

use super::args::{Args, matches};
use super::inet::Prefix;
use super::{Ctx, suggest};
use crate::error::{Error, Result};
use crate::names;
use crate::netlink::consts::*;

const COMMANDS: &[&str] = &[
    "add", "change", "chg", "replace", "prepend", "append", "test", "delete", "list", "show",
    "lst", "get", "flush", "save", "restore", "showdump", "help",
];

pub fn run(ctx: &mut Ctx, mut args: Args) -> Result<()> {
    let Some(cmd) = args.next() else {
        return show::list(ctx, args, false);
    };
    let c = cmd.as_str();
    if matches(c, "add") {
        modify::run(ctx, args, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL)
    } else if matches(c, "change") || c == "chg" {
        modify::run(ctx, args, RTM_NEWROUTE, NLM_F_REPLACE)
    } else if matches(c, "replace") {
        modify::run(ctx, args, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_REPLACE)
    } else if matches(c, "prepend") {
        modify::run(ctx, args, RTM_NEWROUTE, NLM_F_CREATE)
    } else if matches(c, "append") {
        modify::run(ctx, args, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_APPEND)
    } else if matches(c, "test") {
        modify::run(ctx, args, RTM_NEWROUTE, NLM_F_EXCL)
    } else if matches(c, "delete") {
        modify::run(ctx, args, RTM_DELROUTE, 0)
    } else if matches(c, "list") || matches(c, "show") || matches(c, "lst") {
        show::list(ctx, args, false)
    } else if matches(c, "get") {
        get::run(ctx, args)
    } else if matches(c, "flush") {
        show::list(ctx, args, true)
    } else if matches(c, "save") || matches(c, "restore") || matches(c, "showdump") {
        let name = ["save", "restore", "showdump"]
            .into_iter()
            .find(|n| matches(c, n))
            .unwrap_or(c);
        Err(Error::fail(format!(
            "\"ip route {name}\" is not served by ipbox; use iproute2's ip for it."
        )))
    } else if matches(c, "help") {
        Err(usage())
    } else {
        let mut msg = format!("Command \"{cmd}\" is unknown, try \"ip route help\".");
        if let Some(s) = suggest::closest(&cmd, COMMANDS) {
            msg.push_str(&format!("\nDid you mean \"{s}\"?"));
        }
        Err(Error::usage(msg))
    }
}

/// iproute2 6.1's route usage, limited to what ipbox serves (no save/restore/showdump, no
/// encapsulation, no VRF).
pub fn usage() -> Error {
    Error::usage(
        "Usage: ip route { list | flush } SELECTOR
       ip route get [ ROUTE_GET_FLAGS ] ADDRESS
                            [ from ADDRESS iif STRING ]
                            [ oif STRING ] [ tos TOS ]
                            [ mark NUMBER ]
                            [ uid NUMBER ] [ ipproto PROTOCOL ]
                            [ sport NUMBER ] [ dport NUMBER ]
       ip route { add | del | change | append | replace } ROUTE
SELECTOR := [ root PREFIX ] [ match PREFIX ] [ exact PREFIX ]
            [ table TABLE_ID ] [ proto RTPROTO ]
            [ type TYPE ] [ scope SCOPE ]
ROUTE := NODE_SPEC [ INFO_SPEC ]
NODE_SPEC := [ TYPE ] PREFIX [ tos TOS ]
             [ table TABLE_ID ] [ proto RTPROTO ]
             [ scope SCOPE ] [ metric METRIC ]
             [ ttl-propagate { enabled | disabled } ]
INFO_SPEC := { NH | nhid ID } OPTIONS FLAGS [ nexthop NH ]...
NH := [ via [ FAMILY ] ADDRESS ]
      [ dev STRING ] [ weight NUMBER ] NHFLAGS
FAMILY := [ inet | inet6 | mpls | bridge | link ]
OPTIONS := FLAGS [ mtu NUMBER ] [ advmss NUMBER ] [ as [ to ] ADDRESS ]
           [ rtt TIME ] [ rttvar TIME ] [ reordering NUMBER ]
           [ window NUMBER ] [ cwnd NUMBER ] [ initcwnd NUMBER ]
           [ ssthresh NUMBER ] [ realms REALM ] [ src ADDRESS ]
           [ rto_min TIME ] [ hoplimit NUMBER ] [ initrwnd NUMBER ]
           [ features FEATURES ] [ quickack BOOL ] [ congctl NAME ]
           [ pref PREF ] [ expires TIME ] [ fastopen_no_cookie BOOL ]
TYPE := { unicast | local | broadcast | multicast | throw |
          unreachable | prohibit | blackhole | nat }
TABLE_ID := [ local | main | default | all | NUMBER ]
SCOPE := [ host | link | global | NUMBER ]
NHFLAGS := [ onlink | pervasive ]
RTPROTO := [ kernel | boot | static | NUMBER ]
PREF := [ low | medium | high ]
TIME := NUMBER[s|ms]
BOOL := [1|0]
FEATURES := ecn
ROUTE_GET_FLAGS := [ fibmatch ]",
    )
}

// ---- name and number parsers of rt_names.c / rtm_map.c / utils.c --------------------------

/// rtnl_rtntype_a2n.
pub fn rtntype_a2n(s: &str) -> Option<u8> {
    let t = if s == "local" {
        RTN_LOCAL
    } else if s == "nat" {
        RTN_NAT
    } else if matches(s, "broadcast") || s == "brd" {
        RTN_BROADCAST
    } else if matches(s, "anycast") {
        RTN_ANYCAST
    } else if matches(s, "multicast") {
        RTN_MULTICAST
    } else if matches(s, "prohibit") {
        RTN_PROHIBIT
    } else if matches(s, "unreachable") {
        RTN_UNREACHABLE
    } else if matches(s, "blackhole") {
        RTN_BLACKHOLE
    } else if matches(s, "xresolve") {
        RTN_XRESOLVE
    } else if matches(s, "unicast") {
        RTN_UNICAST
    } else if s == "throw" {
        RTN_THROW
    } else {
        return super::args::get_u8(s, 0);
    };
    Some(t)
}

pub fn rtprot_a2n(s: &str) -> Option<u8> {
    names::a2n(names::protos(), s, 255).map(|v| v as u8)
}
pub fn rtscope_a2n(s: &str) -> Option<u8> {
    names::a2n(names::scopes(), s, 255).map(|v| v as u8)
}
pub fn rttable_a2n(s: &str) -> Option<u32> {
    names::a2n(names::tables(), s, u32::MAX)
}
/// rtnl_dsfield_a2n: a name of rt_dsfield, else a hex number.
pub fn dsfield_a2n(s: &str) -> Option<u8> {
    if let Some(id) = names::dsfields().id(s) {
        return u8::try_from(id).ok();
    }
    super::args::get_u32(s, 16)
        .filter(|&v| v <= 255)
        .map(|v| v as u8)
}
fn realm_a2n(s: &str) -> Option<u32> {
    names::a2n(names::realms(), s, 255)
}
/// get_rt_realms_or_raw: `FROM/TO`, `TO`, or a raw number.
pub fn realms_a2n(s: &str) -> Option<u32> {
    let parsed = (|| {
        let mut v = 0u32;
        let mut rest = s;
        if let Some((from, to)) = s.split_once('/') {
            v = realm_a2n(from)? << 16;
            rest = to;
        }
        if !rest.is_empty() {
            v |= realm_a2n(rest)?;
        }
        Some(v)
    })();
    parsed.or_else(|| super::args::get_u32(s, 0))
}

/// read_family (6.1 knows no `ipx` here).
pub fn read_family(s: &str) -> u8 {
    match s {
        "inet" => super::AF_INET,
        "inet6" => super::AF_INET6,
        "link" => super::AF_PACKET,
        "mpls" => super::AF_MPLS,
        "bridge" => super::AF_BRIDGE,
        _ => super::AF_UNSPEC,
    }
}

/// mpls_pton: labels joined by '/', each below 2^20, the last one marked bottom of stack.
fn mpls_pton(name: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut rest = name;
    for _ in 0..64 {
        let (v, used) = super::inet::strtoul_prefix(rest, 0);
        if v >= 1 << 20 || used == 0 {
            return None;
        }
        let mut entry = (v as u32) << 12;
        let after = &rest[used..];
        if after.is_empty() {
            entry |= 1 << 8;
            out.extend_from_slice(&entry.to_be_bytes());
            return Some(out);
        }
        out.extend_from_slice(&entry.to_be_bytes());
        rest = after.strip_prefix('/')?;
    }
    eprintln!("Error: too many labels.");
    None
}

/// An MPLS label stack as an address (get_addr_1 for AF_MPLS). A `Prefix` holds 16 bytes, so
/// stacks of more than four labels are refused.
fn mpls_addr(name: &str) -> Option<Prefix> {
    if name == "default" || name == "all" || name == "any" {
        return None;
    }
    let labels = mpls_pton(name)?;
    if labels.len() > 16 {
        return None;
    }
    let mut p = Prefix {
        family: super::AF_MPLS,
        bytelen: labels.len() as u8,
        bitlen: 20,
        ..Prefix::default()
    };
    p.data[..labels.len()].copy_from_slice(&labels);
    Some(p)
}

fn mpls_error(what: &str, arg: &str) -> Error {
    Error::exit(
        format!("Error: mpls {what} is expected rather than \"{arg}\"."),
        1,
    )
}

/// get_addr, with MPLS label stacks (the shared parser knows IP and link addresses).
pub fn get_addr(arg: &str, family: u8) -> Result<Prefix> {
    if family == super::AF_MPLS {
        return mpls_addr(arg).ok_or_else(|| mpls_error("address", arg));
    }
    super::inet::get_addr(arg, family)
}

/// get_prefix, with MPLS label stacks.
pub fn get_prefix(arg: &str, family: u8) -> Result<Prefix> {
    if family == super::AF_MPLS {
        let (addr, len) = match arg.split_once('/') {
            Some((a, l)) => (a, Some(l)),
            None => (arg, None),
        };
        let mut p = mpls_addr(addr).ok_or_else(|| mpls_error("prefix", arg))?;
        if let Some(l) = len {
            let plen = super::args::get_u32(l, 0)
                .filter(|&n| n <= 20)
                .ok_or_else(|| mpls_error("prefix", arg))?;
            p.bitlen = plen as i16;
            p.flags |= super::inet::PREFIXLEN_SPECIFIED;
        }
        return Ok(p);
    }
    super::inet::get_prefix(arg, family)
}

/// ipvrf_get_table for a kernel without VRF devices: only `default` (the main table) exists.
pub fn vrf_table(name: &str) -> Option<u32> {
    (name == "default").then(|| rttable_a2n("main").unwrap_or(RT_TABLE_MAIN))
}

/// get_time_rtt: milliseconds (`s`/`ms` suffixes, fractions rounded up); the bool is "raw"
/// (no suffix given). A word with a '.' is read by strtod (hex floats too), any other by
/// strtoul base 0 (so `-1` is ULONG_MAX, which only a real overflow makes an error); the
/// value then goes through C's double-to-unsigned conversion as gcc emits it on x86-64 (a
/// 64-bit signed truncation cut to 32 bits: 2^63 and beyond become 0) and the ceil emulation.
pub fn time_rtt(s: &str) -> Option<(u32, bool)> {
    let c = std::ffi::CString::new(s).ok()?;
    let start = c.as_ptr();
    let mut end: *mut libc::c_char = std::ptr::null_mut();
    // SAFETY: `start` is a NUL-terminated string that outlives the calls; strtod/strtoul only
    // read it and store a pointer into it in `end`; errno is this thread's.
    let (t, used) = unsafe {
        *libc::__errno_location() = 0;
        let t = if s.contains('.') {
            let t = libc::strtod(start, &mut end);
            if t < 0.0 || end.cast_const() == start {
                return None;
            }
            if t == f64::INFINITY && *libc::__errno_location() == libc::ERANGE {
                return None;
            }
            t
        } else {
            let res = libc::strtoul(start, &mut end, 0);
            if end.cast_const() == start
                || (res == libc::c_ulong::MAX && *libc::__errno_location() == libc::ERANGE)
            {
                return None;
            }
            res as f64
        };
        (t, end.offset_from(start) as usize)
    };
    let rest = s.get(used..)?;
    let mut t = t;
    let raw = rest.is_empty();
    if !raw {
        let r = rest.to_ascii_lowercase();
        match r.as_str() {
            "s" | "sec" | "secs" => t *= 1000.0,
            "ms" | "msec" | "msecs" => {}
            _ => return None,
        }
    }
    // cvttsd2si: NaN and values outside the i64 range give 0x8000000000000000
    const TWO_63: f64 = 9_223_372_036_854_775_808.0;
    let mut v = if (-TWO_63..TWO_63).contains(&t) {
        t as i64 as u32
    } else {
        0
    };
    if f64::from(v) < t {
        v = v.wrapping_add(1);
    }
    Some((v, raw))
}

/// `as [to] ADDR` (NAT's new destination); the first address fixes the family.
pub(super) fn as_addr(args: &mut Args, family: &mut u8) -> Result<crate::ip::inet::Prefix> {
    let mut v = args.need()?;
    if v == "to" {
        v = args.need()?;
    }
    let a = get_addr(&v, *family)?;
    if *family == crate::ip::AF_UNSPEC {
        *family = a.family;
    }
    Ok(a)
}

/// How answers to a single request (`get`, `-echo`) print: every field, as in `table all`.
pub(super) fn answer_view(ctx: &Ctx) -> crate::print::route::RouteView {
    crate::print::route::RouteView {
        details: ctx.opts.details > 0,
        stats: ctx.opts.stats > 0,
        numeric: ctx.opts.numeric,
        resolve: ctx.opts.resolve,
        all_tables: true,
        ..crate::print::route::RouteView::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn route_types() {
        assert_eq!(rtntype_a2n("u"), Some(RTN_UNREACHABLE));
        assert_eq!(rtntype_a2n("b"), Some(RTN_BROADCAST));
        assert_eq!(rtntype_a2n("brd"), Some(RTN_BROADCAST));
        assert_eq!(rtntype_a2n("m"), Some(RTN_MULTICAST));
        assert_eq!(rtntype_a2n("loc"), None);
        assert_eq!(rtntype_a2n("throw"), Some(RTN_THROW));
        assert_eq!(rtntype_a2n("thr"), None);
        assert_eq!(rtntype_a2n("7"), Some(7));
        assert_eq!(rtntype_a2n("256"), None);
    }

    #[test]
    fn rtt_times() {
        assert_eq!(time_rtt("100"), Some((100, true)));
        assert_eq!(time_rtt("100ms"), Some((100, false)));
        assert_eq!(time_rtt("3s"), Some((3000, false)));
        assert_eq!(time_rtt("1.5"), Some((2, true)));
        assert_eq!(time_rtt("0.5s"), Some((500, false)));
        assert_eq!(time_rtt("3x"), None);
        assert_eq!(time_rtt("abc"), None);
        assert_eq!(time_rtt("3SEC"), Some((3000, false)));
        // observed with iproute2 6.1
        assert_eq!(time_rtt("-1"), Some((1, true)));
        assert_eq!(time_rtt("-5ms"), Some((1, false)));
        assert_eq!(time_rtt("18446744073709551615"), Some((1, true)));
        assert_eq!(time_rtt("18446744073709551616"), None);
        assert_eq!(time_rtt("4294967296"), Some((1, true)));
        assert_eq!(time_rtt("4294967295.5"), Some((0, true)));
        assert_eq!(time_rtt("0x1.8p3"), Some((12, true)));
        assert_eq!(time_rtt("0x10.8s"), Some((16500, false)));
        assert_eq!(time_rtt("010"), Some((8, true)));
        assert_eq!(time_rtt("08"), None);
        assert_eq!(time_rtt(" 5.5"), Some((6, true)));
        assert_eq!(time_rtt("1e30."), None);
        assert_eq!(time_rtt("1.e3"), Some((1000, true)));
        assert_eq!(time_rtt(".e3"), None);
        assert_eq!(time_rtt("-0."), Some((0, true)));
    }

    #[test]
    fn mpls_labels() {
        assert_eq!(
            get_addr("100", super::super::AF_MPLS).unwrap().bytes(),
            &[0, 0x06, 0x41, 0x00]
        );
        assert_eq!(
            get_addr("100/200", super::super::AF_MPLS).unwrap().bytelen,
            8
        );
        assert!(get_addr("1048576", super::super::AF_MPLS).is_err());
        assert!(get_addr("1/x", super::super::AF_MPLS).is_err());
        assert_eq!(
            get_prefix("100/20", super::super::AF_MPLS).unwrap().bitlen,
            20
        );
        assert!(get_prefix("100/21", super::super::AF_MPLS).is_err());
    }

    #[test]
    fn realms() {
        assert_eq!(realms_a2n("3/4"), Some(3 << 16 | 4));
        assert_eq!(realms_a2n("4"), Some(4));
        assert_eq!(realms_a2n("3/"), Some(3 << 16));
        assert_eq!(realms_a2n("0x10000"), Some(0x10000));
        assert_eq!(realms_a2n("x/y"), None);
    }
}
