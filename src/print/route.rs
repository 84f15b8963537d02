//! A route as iproute2 6.1 prints it (print_route): text, oneline, JSON, color, -d, -s, -N.
//! Takes a decoded `Route`, the interface names it refers to, and what the listing's selectors
//! fixed (those fields are left out); never calls the kernel.

use std::collections::HashMap;

use super::{Color, Printer};
use crate::ip::{AF_BRIDGE, AF_INET, AF_INET6, AF_MPLS, AF_PACKET};
use crate::names;
use crate::netlink::consts::*;
use crate::netlink::route::*;

/// What the listing's selectors fixed, and the global options that shape a route line.
#[derive(Debug, Clone, Copy, Default)]
pub struct RouteView {
    pub details: bool,
    pub stats: bool,
    pub numeric: bool,
    /// Bit per route type selected by `type`; 0 when no type was given.
    pub typemask: u64,
    /// `tos` given: the tos is not printed.
    pub tos_fixed: bool,
    /// Prefix length of the `via` selector (the gateway is left out when it is a host).
    pub via_bitlen: i16,
    /// `dev` given: `dev` is left out.
    pub dev_fixed: bool,
    /// The listing covers every table (`table all`, `get`): `table` is printed.
    pub all_tables: bool,
    pub proto_fixed: bool,
    pub scope_fixed: bool,
    /// Prefix length of the `src` selector.
    pub prefsrc_bitlen: i16,
    pub metric_fixed: bool,
    /// `realms` given with both halves: realms are left out.
    pub realms_fixed: bool,
    pub iif_fixed: bool,
    /// -r: gateways and host destinations by name (reverse lookup), as format_host does.
    pub resolve: bool,
}

/// Interface names by index; unknown ones print as `ifN` (ll_index_to_name).
pub type Names = HashMap<u32, Vec<u8>>;

fn ifname(names: &Names, idx: u32) -> String {
    match names.get(&idx) {
        Some(n) => crate::bytes::decode(n).into_owned(),
        None => format!("if{idx}"),
    }
}

/// af_bit_len.
pub fn host_len(family: u8) -> i16 {
    match family {
        AF_INET6 => 128,
        AF_INET => 32,
        AF_MPLS => 20,
        _ => 0,
    }
}

/// rtnl_rtntype_n2a (numbers with -N).
pub fn type_name(ty: u8, numeric: bool) -> String {
    if numeric {
        return ty.to_string();
    }
    match ty {
        RTN_UNSPEC => "none".into(),
        RTN_UNICAST => "unicast".into(),
        RTN_LOCAL => "local".into(),
        RTN_BROADCAST => "broadcast".into(),
        RTN_ANYCAST => "anycast".into(),
        RTN_MULTICAST => "multicast".into(),
        RTN_BLACKHOLE => "blackhole".into(),
        RTN_UNREACHABLE => "unreachable".into(),
        RTN_PROHIBIT => "prohibit".into(),
        RTN_THROW => "throw".into(),
        RTN_NAT => "nat".into(),
        RTN_XRESOLVE => "xresolve".into(),
        n => n.to_string(),
    }
}

/// family_name.
pub fn family_name(family: u16) -> &'static str {
    match family {
        2 => "inet",
        10 => "inet6",
        17 => "link",
        4 => "ipx",
        28 => "mpls",
        7 => "bridge",
        _ => "???",
    }
}

fn family_color(family: u8) -> Color {
    match family {
        AF_INET => Color::Inet,
        AF_INET6 => Color::Inet6,
        _ => Color::None,
    }
}

/// get_real_family: multicast cache entries of the IPMR families hold IPv4/IPv6 addresses.
fn real_family(ty: u8, family: u8) -> u8 {
    if ty != RTN_MULTICAST {
        return family;
    }
    match family {
        RTNL_FAMILY_IPMR => AF_INET,
        RTNL_FAMILY_IP6MR => AF_INET6,
        f => f,
    }
}

/// rt_addr_n2a: an address of `family` from attribute bytes.
pub fn addr_n2a(family: u8, b: &[u8]) -> String {
    match family {
        AF_INET | AF_INET6 => crate::ip::inet::ntop(family, b),
        AF_MPLS => mpls_ntop(b),
        AF_PACKET => b
            .iter()
            .map(|x| format!("{x:02x}"))
            .collect::<Vec<_>>()
            .join(":"),
        AF_BRIDGE => {
            // a struct sockaddr
            match b.get(..2).map(|f| u16::from_ne_bytes([f[0], f[1]])) {
                Some(2) => b
                    .get(4..8)
                    .map(|a| crate::ip::inet::ntop(AF_INET, a))
                    .unwrap_or_else(|| "???".into()),
                Some(10) => b
                    .get(8..24)
                    .map(|a| crate::ip::inet::ntop(AF_INET6, a))
                    .unwrap_or_else(|| "???".into()),
                _ => "???".into(),
            }
        }
        _ => "???".into(),
    }
}

/// format_host: with -r, the name an IPv4/IPv6 address resolves to (files, then DNS, as the
/// system is set up); the address otherwise, or when it has no name.
pub fn format_host(family: u8, b: &[u8], resolve: bool) -> String {
    if resolve && let Some(n) = resolve_address(family, b) {
        return n;
    }
    addr_n2a(family, b)
}

/// Reverse lookups by (family, address bytes); failures are remembered too, as iproute2 does.
type Resolved = HashMap<(u8, Vec<u8>), Option<String>>;

thread_local! {
    static RESOLVED: std::cell::RefCell<Resolved> = std::cell::RefCell::new(HashMap::new());
}

fn resolve_address(family: u8, b: &[u8]) -> Option<String> {
    let (family, addr): (u8, &[u8]) = match family {
        AF_INET6
            if b.len() >= 16
                && b[..10].iter().all(|&x| x == 0)
                && b[10] == 0xff
                && b[11] == 0xff =>
        {
            (AF_INET, &b[12..16])
        }
        AF_INET if b.len() >= 4 => (AF_INET, &b[..4]),
        AF_INET6 if b.len() >= 16 => (AF_INET6, &b[..16]),
        _ => return None,
    };
    let key = (family, addr.to_vec());
    if let Some(hit) = RESOLVED.with(|c| c.borrow().get(&key).cloned()) {
        return hit;
    }
    let name = crate::ip::inet::resolve(family, addr);
    RESOLVED.with(|c| c.borrow_mut().insert(key, name.clone()));
    name
}

/// mpls_ntop: labels joined by '/', up to the bottom-of-stack bit.
fn mpls_ntop(b: &[u8]) -> String {
    let mut out = String::new();
    for chunk in b.chunks_exact(4) {
        let entry = u32::from_be_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
        if !out.is_empty() {
            out.push('/');
        }
        out.push_str(&(entry >> 12).to_string());
        if entry & 0x100 != 0 {
            break;
        }
    }
    out
}

/// C's `%g` (6 significant digits, trailing zeros dropped).
pub fn fmt_g(v: f64) -> String {
    if v == 0.0 {
        return "0".into();
    }
    // the exponent after rounding to 6 significant digits (which may carry into the next power)
    let exp = {
        let s = format!("{:.5e}", v);
        s.split_once('e')
            .and_then(|(_, e)| e.parse::<i32>().ok())
            .unwrap_or(0)
    };
    if !(-4..6).contains(&exp) {
        let s = format!("{:.5e}", v);
        let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
        let m = if m.contains('.') {
            m.trim_end_matches('0').trim_end_matches('.')
        } else {
            m
        };
        let e: i32 = e.parse().unwrap_or(0);
        return format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs());
    }
    let decimals = (5 - exp).max(0) as usize;
    let s = format!("{v:.decimals$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

const METRIC_NAMES: [&str; RTAX_MAX as usize + 1] = [
    "",
    "",
    "mtu",
    "window",
    "rtt",
    "rttvar",
    "ssthresh",
    "cwnd",
    "advmss",
    "reordering",
    "hoplimit",
    "initcwnd",
    "features",
    "rto_min",
    "initrwnd",
    "quickack",
    "congctl",
    "fastopen_no_cookie",
];

/// print_rt_flags: the flags array (always present in JSON).
fn rt_flags(p: &mut Printer, flags: u32) {
    p.json_open_array("flags");
    const FLAGS: [(u32, &str); 11] = [
        (RTNH_F_DEAD as u32, "dead"),
        (RTNH_F_ONLINK as u32, "onlink"),
        (RTNH_F_PERVASIVE as u32, "pervasive"),
        (RTNH_F_OFFLOAD as u32, "offload"),
        (RTNH_F_TRAP as u32, "trap"),
        (RTM_F_NOTIFY, "notify"),
        (RTNH_F_LINKDOWN as u32, "linkdown"),
        (RTNH_F_UNRESOLVED as u32, "unresolved"),
        (RTM_F_OFFLOAD, "rt_offload"),
        (RTM_F_TRAP, "rt_trap"),
        (RTM_F_OFFLOAD_FAILED, "rt_offload_failed"),
    ];
    for (bit, name) in FLAGS {
        if flags & bit != 0 {
            p.string("", name, format_args!("{name} "));
        }
    }
    p.json_close_array();
}

fn gateway(p: &mut Printer, family: u8, gw: &[u8], resolve: bool) {
    let s = format_host(family, gw, resolve);
    p.text_str("via ");
    p.color_string(family_color(family), "gateway", &s, format_args!("{s} "));
}

fn via(p: &mut Printer, v: &Via, resolve: bool) {
    let fam = v.family as u8;
    let host = format_host(fam, v.addr, resolve);
    if p.is_json() {
        p.open_object("via");
        p.json_string("family", family_name(v.family));
        p.json_string("host", &host);
        p.close_object();
    } else {
        p.text(format_args!("via {} ", family_name(v.family)));
        p.color_text(family_color(fam), format_args!("{host} "));
    }
}

fn newdst(p: &mut Printer, family: u8, b: &[u8], resolve: bool) {
    let s = format_host(family, b, resolve);
    if p.is_json() {
        p.json_string("to", &s);
    } else {
        p.text_str("as to ");
        p.color_text(family_color(family), format_args!("{s} "));
    }
}

fn flow(p: &mut Printer, v: u32, numeric: bool) {
    let from = v >> 16;
    let to = v & 0xffff;
    let realm = |id: u32| names::n2a(names::realms(), id, numeric || id > 255);
    if p.is_json() {
        p.open_object("flow");
        if from != 0 {
            p.json_string("from", realm(from));
        }
        p.json_string("to", realm(to));
        p.close_object();
    } else {
        p.text(format_args!("realm{} ", if from != 0 { "s" } else { "" }));
        if from != 0 {
            p.text(format_args!("{}/", realm(from)));
        }
        p.text(format_args!("{} ", realm(to)));
    }
}

fn ifidx(p: &mut Printer, names: &Names, idx: u32, key: &str) {
    let n = ifname(names, idx);
    if p.is_json() {
        p.json_string(key, &n);
    } else {
        p.text(format_args!("{key} "));
        p.color_text(Color::Ifname, format_args!("{n} "));
    }
}

/// print_cache_flags: the RTCF_* flags of a cloned IPv4 route.
fn cache_flags(p: &mut Printer, flags: u32) {
    let mut flags = flags & !0xffff;
    if p.is_json() {
        p.json_open_array("cache");
    } else {
        let sl = p.sl();
        p.text(format_args!("{sl}    cache "));
        if flags == 0 {
            return;
        }
        p.text_str("<");
    }
    const NAMES: [(u32, &str); 14] = [
        (RTCF_LOCAL, "local"),
        (RTCF_REJECT, "reject"),
        (RTCF_MULTICAST, "mc"),
        (RTCF_BROADCAST, "brd"),
        (RTCF_DNAT, "dst-nat"),
        (RTCF_SNAT, "src-nat"),
        (RTCF_MASQ, "masq"),
        (RTCF_DIRECTDST, "dst-direct"),
        (RTCF_DIRECTSRC, "src-direct"),
        (RTCF_REDIRECTED, "redirected"),
        (RTCF_DOREDIRECT, "redirect"),
        (RTCF_FAST, "fastroute"),
        (RTCF_NOTIFY, "notify"),
        (RTCF_TPROXY, "proxy"),
    ];
    for (bit, name) in NAMES {
        if flags & bit != 0 {
            flags &= !bit;
            if p.is_json() {
                p.json_string("", name);
            } else {
                p.text(format_args!(
                    "{name}{}",
                    if flags != 0 { "," } else { "> " }
                ));
            }
        }
    }
    if flags != 0 {
        p.hex("flags", u64::from(flags), format_args!("{flags:x}>"));
    }
    p.json_close_array();
}

/// print_rta_cacheinfo.
fn cacheinfo(p: &mut Printer, ci: &CacheInfo, stats: bool) {
    let hz = user_hz();
    if ci.expires != 0 {
        let v = ci.expires / hz;
        p.int("expires", i64::from(v), format_args!("expires {v}sec "));
    }
    if ci.error != 0 {
        p.uint(
            "error",
            u64::from(ci.error),
            format_args!("error {} ", ci.error),
        );
    }
    if stats {
        if ci.clntref != 0 {
            p.uint(
                "users",
                u64::from(ci.clntref),
                format_args!("users {} ", ci.clntref),
            );
        }
        if ci.used != 0 {
            p.uint(
                "used",
                u64::from(ci.used),
                format_args!("used {} ", ci.used),
            );
        }
        if ci.lastuse != 0 {
            let v = ci.lastuse / hz as u32;
            p.uint("age", u64::from(v), format_args!("age {v}sec "));
        }
    }
    if ci.id != 0 {
        p.xhex(
            "ipid",
            u64::from(ci.id),
            format_args!("ipid 0x{:04x} ", ci.id),
        );
    }
    if ci.ts != 0 || ci.tsage != 0 {
        p.xhex("ts", u64::from(ci.ts), format_args!("ts 0x{:x}", ci.ts));
        p.uint(
            "tsage",
            u64::from(ci.tsage),
            format_args!("tsage {}sec ", ci.tsage),
        );
    }
}

fn user_hz() -> i32 {
    // SAFETY: sysconf has no memory-safety preconditions.
    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) };
    if hz <= 0 { 100 } else { hz as i32 }
}

/// print_rta_metrics.
fn metrics(p: &mut Printer, m: &Metrics) {
    p.json_open_array("metrics");
    p.open_object("");
    for i in 2..=RTAX_MAX {
        let locked = m.lock & (1u32 << i) != 0;
        let v = m.values[i as usize];
        if v.is_none() && !locked {
            continue;
        }
        let num = match v {
            Some(MetricValue::Num(n)) => n,
            _ => 0,
        };
        if i == RTAX_HOPLIMIT && num as i32 == -1 {
            continue;
        }
        let name = METRIC_NAMES[i as usize];
        if !p.is_json() {
            p.text(format_args!("{name} "));
            if locked {
                p.text_str("lock ");
            }
        }
        match i {
            RTAX_FEATURES => {
                let mut f = num;
                if f & RTAX_FEATURE_ECN != 0 {
                    p.null("ecn", format_args!("ecn "));
                    f &= !RTAX_FEATURE_ECN;
                }
                if f != 0 {
                    p.xhex("features", u64::from(num), format_args!("{num:#x} "));
                }
            }
            RTAX_RTT | RTAX_RTTVAR | RTAX_RTO_MIN => {
                let val = match i {
                    RTAX_RTT => num / 8,
                    RTAX_RTTVAR => num / 4,
                    _ => num,
                };
                if p.is_json() {
                    p.json_uint(name, u64::from(val));
                } else if val >= 1000 {
                    p.text(format_args!("{}s ", fmt_g(f64::from(val) / 1e3)));
                } else {
                    p.text(format_args!("{val}ms "));
                }
            }
            RTAX_CC_ALGO => {
                let s = match v {
                    Some(MetricValue::Name(n)) => crate::bytes::decode(n).into_owned(),
                    _ => String::new(),
                };
                p.string("congestion", &s, format_args!("{s} "));
            }
            _ => p.uint(name, u64::from(num), format_args!("{num} ")),
        }
    }
    p.close_object();
    p.json_close_array();
}

/// print_rta_multipath.
fn multipath(p: &mut Printer, r: &Route, nhs: &[NextHop], names: &Names, v: &RouteView) {
    let oifs = r.is_cloned() && r.hdr.ty == RTN_MULTICAST;
    p.json_open_array("nexthops");
    let mut first = true;
    for nh in nhs {
        p.open_object("");
        if oifs {
            p.text_str(if first { "Oifs: " } else { " " });
            first = false;
        } else {
            let sl = p.sl();
            p.text(format_args!("{sl}\tnexthop "));
        }
        if let Some(nd) = nh.newdst {
            newdst(p, r.hdr.family, nd, v.resolve);
        }
        if let Some(gw) = nh.gateway {
            gateway(p, r.hdr.family, gw, v.resolve);
        }
        if let Some(vi) = &nh.via {
            via(p, vi, v.resolve);
        }
        if let Some(f) = nh.flow {
            flow(p, f, v.numeric);
        }
        let dev = ifname(names, nh.ifindex as u32);
        if oifs {
            p.string("dev", &dev, format_args!("{dev}"));
            if nh.hops != 1 {
                p.int("ttl", i64::from(nh.hops), format_args!("(ttl>{})", nh.hops));
            }
            p.text_str(" ");
        } else {
            p.string("dev", &dev, format_args!("dev {dev} "));
            if r.hdr.family != AF_MPLS {
                let w = i64::from(nh.hops) + 1;
                p.int("weight", w, format_args!("weight {w} "));
            }
        }
        rt_flags(p, u32::from(nh.flags));
        p.close_object();
    }
    p.json_close_array();
}

/// iproute2's `1 << type` for a route type: an int shift (x86 takes the count modulo 32), the
/// result widened to 64 bits with its sign, so `type 33` selects what `type 1` does.
pub fn type_bit(ty: u8) -> u64 {
    (1i32 << (ty & 31)) as i64 as u64
}

/// print_route: one route, as a JSON object or one text line (more with nexthops/cache).
pub fn print_route(p: &mut Printer, r: &Route, v: &RouteView, names: &Names) {
    let h = &r.hdr;
    let host_len = host_len(h.family);
    let numeric = v.numeric;
    p.open_object("");
    if r.msg_type == RTM_DELROUTE {
        p.bool("deleted", true, format_args!("Deleted "));
    }
    if (h.ty != RTN_UNICAST || v.details) && (v.typemask == 0 || v.typemask & type_bit(h.ty) != 0) {
        let t = type_name(h.ty, numeric);
        p.string("type", &t, format_args!("{t} "));
    }

    let mut color = Color::None;
    let dst = if let Some(d) = r.dst {
        let fam = real_family(h.ty, h.family);
        color = family_color(fam);
        if i16::from(h.dst_len) != host_len {
            format!("{}/{}", addr_n2a(fam, d), h.dst_len)
        } else {
            format_host(fam, d, v.resolve)
        }
    } else if h.dst_len != 0 {
        format!("0/{} ", h.dst_len)
    } else {
        "default".to_string()
    };
    p.color_string(color, "dst", &dst, format_args!("{dst} "));

    if let Some(s) = r.src {
        let fam = real_family(h.ty, h.family);
        let txt = if i16::from(h.src_len) != host_len {
            format!("{}/{}", addr_n2a(fam, s), h.src_len)
        } else {
            format_host(fam, s, v.resolve)
        };
        p.color_string(family_color(fam), "from", &txt, format_args!("from {txt} "));
    } else if h.src_len != 0 {
        let txt = format!("0/{}", h.src_len);
        p.string("src", &txt, format_args!("from {txt} "));
    }

    if let Some(id) = r.nhid {
        p.uint("nhid", u64::from(id), format_args!("nhid {id} "));
    }
    if let Some(nd) = r.newdst {
        newdst(p, h.family, nd, v.resolve);
    }
    if h.tos != 0 && !v.tos_fixed {
        let t = dsfield_n2a(h.tos, numeric);
        p.string("tos", &t, format_args!("tos {t} "));
    }
    if let Some(gw) = r.gateway
        && v.via_bitlen != host_len
    {
        gateway(p, h.family, gw, v.resolve);
    }
    if let Some(vi) = &r.via {
        via(p, vi, v.resolve);
    }
    if let Some(o) = r.oif
        && !v.dev_fixed
    {
        ifidx(p, names, o, "dev");
    }
    if r.table != 0 && (r.table != RT_TABLE_MAIN || v.details) && v.all_tables {
        let t = names::n2a(names::tables(), r.table, numeric);
        p.string("table", &t, format_args!("table {t} "));
    }
    if !r.is_cloned() {
        if (h.protocol != RTPROT_BOOT || v.details) && !v.proto_fixed {
            let t = names::n2a(names::protos(), u32::from(h.protocol), numeric);
            p.string("protocol", &t, format_args!("proto {t} "));
        }
        if (h.scope != RT_SCOPE_UNIVERSE || v.details) && !v.scope_fixed {
            let t = names::n2a(names::scopes(), u32::from(h.scope), numeric);
            p.string("scope", &t, format_args!("scope {t} "));
        }
    }
    if let Some(ps) = r.prefsrc
        && v.prefsrc_bitlen != host_len
    {
        let s = addr_n2a(h.family, ps);
        if p.is_json() {
            p.json_string("prefsrc", &s);
        } else {
            p.text_str("src ");
            p.color_text(family_color(h.family), format_args!("{s} "));
        }
    }
    if let Some(m) = r.priority
        && !v.metric_fixed
    {
        p.uint("metric", u64::from(m), format_args!("metric {m} "));
    }
    rt_flags(p, h.flags);
    if let Some(mark) = r.mark
        && mark != 0
    {
        if p.is_json() {
            p.json_uint("mark", u64::from(mark));
        } else if mark >= 16 {
            p.text(format_args!("mark 0x{mark:x} "));
        } else {
            p.text(format_args!("mark {mark} "));
        }
    }
    if let Some(f) = r.flow
        && !v.realms_fixed
    {
        flow(p, f, numeric);
    }
    if let Some(uid) = r.uid {
        p.uint("uid", u64::from(uid), format_args!("uid {uid} "));
    }
    if h.family == AF_INET {
        if r.is_cloned() {
            cache_flags(p, h.flags);
        }
        if let Some(ci) = &r.cacheinfo {
            cacheinfo(p, ci, v.stats);
        }
    } else if h.family == AF_INET6
        && let Some(ci) = &r.cacheinfo
    {
        cacheinfo(p, ci, v.stats);
    }
    if let Some(m) = &r.metrics {
        metrics(p, m);
    }
    if let Some(i) = r.iif
        && !v.iif_fixed
    {
        ifidx(p, names, i, "iif");
    }
    if let Some(pref) = r.pref {
        match pref {
            PREF_LOW => p.string("pref", "low", format_args!("pref low")),
            PREF_MEDIUM => p.string("pref", "medium", format_args!("pref medium")),
            PREF_HIGH => p.string("pref", "high", format_args!("pref high")),
            n => p.uint("pref", u64::from(n), format_args!("{n}")),
        }
    }
    if let Some(t) = r.ttl_propagate {
        if p.is_json() {
            p.json_bool("ttl-propogate", t != 0);
        } else {
            p.text(format_args!(
                "ttl-propogate {}",
                if t != 0 { "enabled" } else { "disabled" }
            ));
        }
    }
    if let Some(nhs) = &r.multipath {
        multipath(p, r, nhs, names, v);
    }
    p.text_str("\n");
    p.close_object();
    p.checkpoint();
}

/// rtnl_dsfield_n2a: a name from rt_dsfield, else `0x%02x`.
pub fn dsfield_n2a(v: u8, numeric: bool) -> String {
    if !numeric && let Some(n) = names::dsfields().name(u32::from(v)) {
        return n.to_string();
    }
    format!("0x{v:02x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c_g_format() {
        assert_eq!(fmt_g(3.0), "3");
        assert_eq!(fmt_g(1.5), "1.5");
        assert_eq!(fmt_g(1234.567), "1234.57");
        assert_eq!(fmt_g(536870.911), "536871");
        assert_eq!(fmt_g(1073741.823), "1.07374e+06");
        assert_eq!(fmt_g(999999.9), "1e+06");
        assert_eq!(fmt_g(1.0), "1");
        assert_eq!(fmt_g(100.0), "100");
    }

    #[test]
    fn mpls_labels() {
        assert_eq!(mpls_ntop(&[0, 0x06, 0x41, 0x00]), "100");
        assert_eq!(
            mpls_ntop(&[0, 0x06, 0x40, 0x00, 0, 0x0c, 0x81, 0x00]),
            "100/200"
        );
    }
}

#[cfg(test)]
mod hostile {
    use super::*;
    use crate::print::{Mode, Printer};

    /// Random attribute soups (valid framing, random types and payloads) through the decoder
    /// and every printer mode: nothing may panic.
    #[test]
    fn random_routes_never_panic() {
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut rnd = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for round in 0..3000 {
            let mut p: Vec<u8> = (0..12).map(|_| rnd() as u8).collect();
            p[0] = [2u8, 10, 28, 7, 17, 128, 0, 99][round % 8];
            for _ in 0..(rnd() % 12) {
                let ty = (rnd() % 32) as u16;
                let len = (rnd() % 40) as usize;
                let mut payload: Vec<u8> = (0..len).map(|_| rnd() as u8).collect();
                if ty == RTA_MULTIPATH && len >= 8 {
                    payload[0] = (rnd() % 48) as u8;
                    payload[1] = 0;
                }
                p.extend_from_slice(&((4 + len) as u16).to_ne_bytes());
                p.extend_from_slice(&ty.to_ne_bytes());
                p.extend_from_slice(&payload);
                p.resize(p.len().div_ceil(4) * 4, 0);
            }
            let Some(r) = Route::parse(RTM_NEWROUTE, &p) else {
                continue;
            };
            for mode in [
                Mode::default(),
                Mode {
                    json: true,
                    pretty: true,
                    ..Mode::default()
                },
                Mode {
                    color: true,
                    oneline: true,
                    ..Mode::default()
                },
            ] {
                let mut pr = Printer::capture(mode);
                pr.begin();
                let v = RouteView {
                    details: round % 2 == 0,
                    stats: true,
                    numeric: round % 3 == 0,
                    ..RouteView::default()
                };
                print_route(&mut pr, &r, &v, &Names::new());
                pr.end();
                let _ = pr.take();
            }
        }
    }
}
