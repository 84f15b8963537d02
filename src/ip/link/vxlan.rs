//! vxlan: `type vxlan id VNI …` (iproute2 6.1's iplink_vxlan.c grammar, duplicate checks and
//! messages) and the `vxlan …` details.

use super::kinds::explain_err;
use crate::error::{Error, Result};
use crate::ip::args::{Args, duparg2, get_u16, get_u32, invarg, matches};
use crate::ip::inet::{Prefix, get_addr};
use crate::ip::{AF_INET, AF_INET6, AF_UNSPEC, Ctx, lookup};
use crate::netlink::attr::{Table, get_u16_be, get_u32_be};
use crate::netlink::consts::{NLM_F_CREATE, RTM_NEWLINK};
use crate::netlink::msg::Request;
use crate::print::Printer;
use crate::print::link::LinkIndex;
use crate::print::route::format_host;

// IFLA_INFO_DATA of kind vxlan (linux/if_link.h)
const IFLA_VXLAN_ID: u16 = 1;
const IFLA_VXLAN_GROUP: u16 = 2;
const IFLA_VXLAN_LINK: u16 = 3;
const IFLA_VXLAN_LOCAL: u16 = 4;
const IFLA_VXLAN_TTL: u16 = 5;
const IFLA_VXLAN_TOS: u16 = 6;
const IFLA_VXLAN_LEARNING: u16 = 7;
const IFLA_VXLAN_AGEING: u16 = 8;
const IFLA_VXLAN_LIMIT: u16 = 9;
const IFLA_VXLAN_PORT_RANGE: u16 = 10;
const IFLA_VXLAN_PROXY: u16 = 11;
const IFLA_VXLAN_RSC: u16 = 12;
const IFLA_VXLAN_L2MISS: u16 = 13;
const IFLA_VXLAN_L3MISS: u16 = 14;
const IFLA_VXLAN_PORT: u16 = 15;
const IFLA_VXLAN_GROUP6: u16 = 16;
const IFLA_VXLAN_LOCAL6: u16 = 17;
const IFLA_VXLAN_UDP_CSUM: u16 = 18;
const IFLA_VXLAN_UDP_ZERO_CSUM6_TX: u16 = 19;
const IFLA_VXLAN_UDP_ZERO_CSUM6_RX: u16 = 20;
const IFLA_VXLAN_REMCSUM_TX: u16 = 21;
const IFLA_VXLAN_REMCSUM_RX: u16 = 22;
const IFLA_VXLAN_GBP: u16 = 23;
const IFLA_VXLAN_COLLECT_METADATA: u16 = 25;
const IFLA_VXLAN_LABEL: u16 = 26;
const IFLA_VXLAN_GPE: u16 = 27;
const IFLA_VXLAN_TTL_INHERIT: u16 = 28;
const IFLA_VXLAN_DF: u16 = 29;
const IFLA_VXLAN_VNIFILTER: u16 = 30;

const VXLAN_DF_UNSET: u8 = 0;
const VXLAN_DF_SET: u8 = 1;
const VXLAN_DF_INHERIT: u8 = 2;

const LABEL_MAX_MASK: u32 = 0xfffff;

const USAGE: &str = "Usage: ... vxlan id VNI
\t\t[ { group | remote } IP_ADDRESS ]
\t\t[ local ADDR ]
\t\t[ ttl TTL ]
\t\t[ tos TOS ]
\t\t[ df DF ]
\t\t[ flowlabel LABEL ]
\t\t[ dev PHYS_DEV ]
\t\t[ dstport PORT ]
\t\t[ srcport MIN MAX ]
\t\t[ [no]learning ]
\t\t[ [no]proxy ]
\t\t[ [no]rsc ]
\t\t[ [no]l2miss ]
\t\t[ [no]l3miss ]
\t\t[ ageing SECONDS ]
\t\t[ maxaddress NUMBER ]
\t\t[ [no]udpcsum ]
\t\t[ [no]udp6zerocsumtx ]
\t\t[ [no]udp6zerocsumrx ]
\t\t[ [no]remcsumtx ] [ [no]remcsumrx ]
\t\t[ [no]external ] [ gbp ] [ gpe ]
\t\t[ [no]vnifilter ]

Where:\tVNI\t:= 0-16777215
\tADDR\t:= { IP_ADDRESS | any }
\tTOS\t:= { NUMBER | inherit }
\tTTL\t:= { 1..255 | auto | inherit }
\tDF\t:= { unset | set | inherit }
\tLABEL := 0-1048575
";

pub fn help() {
    print!("{USAGE}");
}

/// iproute2's ADDRTYPE_INET: a real IPv4/IPv6 address (not `any`/`default`).
fn is_inet(a: &Prefix) -> bool {
    (a.family == AF_INET || a.family == AF_INET6) && a.bitlen != -2 && a.bytelen > 0
}
fn is_multicast(a: &Prefix) -> bool {
    match a.family {
        AF_INET => (224..=239).contains(&a.data[0]),
        AF_INET6 => a.data[0] == 0xff,
        _ => false,
    }
}
fn is_inet_multi(a: &Prefix) -> bool {
    is_inet(a) && is_multicast(a)
}
fn is_inet_not_multi(a: &Prefix) -> bool {
    is_inet(a) && !is_multicast(a)
}

/// (keyword, attribute, value) of the on/off words, in iproute2's order: `no…` before the word
/// for learning/proxy/rsc/l2miss/l3miss, after it for the rest.
const BOOLS: &[(&str, u16, u8)] = &[
    ("nolearning", IFLA_VXLAN_LEARNING, 0),
    ("learning", IFLA_VXLAN_LEARNING, 1),
    ("noproxy", IFLA_VXLAN_PROXY, 0),
    ("proxy", IFLA_VXLAN_PROXY, 1),
    ("norsc", IFLA_VXLAN_RSC, 0),
    ("rsc", IFLA_VXLAN_RSC, 1),
    ("nol2miss", IFLA_VXLAN_L2MISS, 0),
    ("l2miss", IFLA_VXLAN_L2MISS, 1),
    ("nol3miss", IFLA_VXLAN_L3MISS, 0),
    ("l3miss", IFLA_VXLAN_L3MISS, 1),
    ("udpcsum", IFLA_VXLAN_UDP_CSUM, 1),
    ("noudpcsum", IFLA_VXLAN_UDP_CSUM, 0),
    ("udp6zerocsumtx", IFLA_VXLAN_UDP_ZERO_CSUM6_TX, 1),
    ("noudp6zerocsumtx", IFLA_VXLAN_UDP_ZERO_CSUM6_TX, 0),
    ("udp6zerocsumrx", IFLA_VXLAN_UDP_ZERO_CSUM6_RX, 1),
    ("noudp6zerocsumrx", IFLA_VXLAN_UDP_ZERO_CSUM6_RX, 0),
    ("remcsumtx", IFLA_VXLAN_REMCSUM_TX, 1),
    ("noremcsumtx", IFLA_VXLAN_REMCSUM_TX, 0),
    ("remcsumrx", IFLA_VXLAN_REMCSUM_RX, 1),
    ("noremcsumrx", IFLA_VXLAN_REMCSUM_RX, 0),
];

/// Which attributes were given, for iproute2's duplicate checks.
#[derive(Default)]
struct Seen(u64);

impl Seen {
    fn check(&mut self, ty: u16, key: &str, arg: &str) -> Result<()> {
        let bit = 1u64 << ty;
        if self.0 & bit != 0 {
            return Err(duparg2(key, arg));
        }
        self.0 |= bit;
        Ok(())
    }
    fn has(&self, ty: u16) -> bool {
        self.0 & (1u64 << ty) != 0
    }
}

/// rtnl_dsfield_a2n: a name from rt_dsfield or a hex number up to 255.
fn dsfield(s: &str) -> Option<u8> {
    if let Some(id) = crate::names::dsfields().id(s) {
        return u8::try_from(id).ok();
    }
    get_u32(s, 16).and_then(|v| u8::try_from(v).ok())
}

pub fn parse(ctx: &mut Ctx, args: &mut Args, req: &mut Request) -> Result<()> {
    let mut saddr = Prefix {
        family: AF_UNSPEC,
        ..Prefix::default()
    };
    let mut daddr = Prefix {
        family: AF_UNSPEC,
        ..Prefix::default()
    };
    let mut vni = 0u32;
    let mut learning = 1u8;
    let mut dstport = 0u16;
    let mut metadata = false;
    let mut vnifilter = false;
    let mut seen = Seen::default();
    let set_op = req.msg_type() == RTM_NEWLINK && req.flags() & NLM_F_CREATE == 0;
    let both = || Error::fail("vxlan: both group and remote cannot be specified");

    while let Some(w) = args.next() {
        let w = w.as_str();
        if matches(w, "id") || matches(w, "vni") {
            let v = args.need()?;
            seen.check(IFLA_VXLAN_ID, "id", &v)?;
            vni = get_u32(&v, 0)
                .filter(|n| *n < 1 << 24)
                .ok_or_else(|| invarg("invalid id", &v))?;
        } else if matches(w, "group") {
            if is_inet_not_multi(&daddr) {
                return Err(both());
            }
            let v = args.need()?;
            seen.check(IFLA_VXLAN_GROUP, "group", &v)?;
            daddr = get_addr(&v, saddr.family)?;
            if !is_inet_multi(&daddr) {
                return Err(invarg("invalid group address", &v));
            }
        } else if matches(w, "remote") {
            if is_inet_multi(&daddr) {
                return Err(both());
            }
            let v = args.need()?;
            seen.check(IFLA_VXLAN_GROUP, "remote", &v)?;
            daddr = get_addr(&v, saddr.family)?;
            if !is_inet_not_multi(&daddr) {
                return Err(invarg("invalid remote address", &v));
            }
        } else if matches(w, "local") {
            let v = args.need()?;
            seen.check(IFLA_VXLAN_LOCAL, "local", &v)?;
            saddr = get_addr(&v, daddr.family)?;
            if !is_inet_not_multi(&saddr) {
                return Err(invarg("invalid local address", &v));
            }
        } else if matches(w, "dev") {
            let v = args.need()?;
            seen.check(IFLA_VXLAN_LINK, "dev", &v)?;
            let idx = lookup::ifindex(ctx, &v);
            if idx == 0 {
                // exit(nodev(…)): the message, then exit(-1)
                return Err(Error::exit(format!("Cannot find device \"{v}\""), 255));
            }
            req.i32(IFLA_VXLAN_LINK, idx);
        } else if matches(w, "ttl") || matches(w, "hoplimit") {
            let v = args.need()?;
            seen.check(IFLA_VXLAN_TTL, "ttl", &v)?;
            if v == "inherit" {
                req.attr(IFLA_VXLAN_TTL_INHERIT, &[]);
            } else if v == "auto" {
                req.u8(IFLA_VXLAN_TTL, 0);
            } else {
                let n = get_u32(&v, 0).ok_or_else(|| invarg("invalid TTL", &v))?;
                let n = u8::try_from(n).map_err(|_| invarg("TTL must be <= 255", &v))?;
                req.u8(IFLA_VXLAN_TTL, n);
            }
        } else if matches(w, "tos") || matches(w, "dsfield") {
            let v = args.need()?;
            seen.check(IFLA_VXLAN_TOS, "tos", &v)?;
            let tos = if v == "inherit" {
                1
            } else {
                dsfield(&v).ok_or_else(|| invarg("bad TOS value", &v))?
            };
            req.u8(IFLA_VXLAN_TOS, tos);
        } else if matches(w, "df") {
            let v = args.need()?;
            seen.check(IFLA_VXLAN_DF, "df", &v)?;
            let df = match v.as_str() {
                "unset" => VXLAN_DF_UNSET,
                "set" => VXLAN_DF_SET,
                "inherit" => VXLAN_DF_INHERIT,
                _ => return Err(invarg("DF must be 'unset', 'set' or 'inherit'", &v)),
            };
            req.u8(IFLA_VXLAN_DF, df);
        } else if matches(w, "label") || matches(w, "flowlabel") {
            let v = args.need()?;
            seen.check(IFLA_VXLAN_LABEL, "flowlabel", &v)?;
            let l = get_u32(&v, 0)
                .filter(|l| l & !LABEL_MAX_MASK == 0)
                .ok_or_else(|| invarg("invalid flowlabel", &v))?;
            req.attr(IFLA_VXLAN_LABEL, &l.to_be_bytes());
        } else if matches(w, "ageing") {
            let v = args.need()?;
            seen.check(IFLA_VXLAN_AGEING, "ageing", &v)?;
            let age = if v == "none" {
                0
            } else {
                get_u32(&v, 0).ok_or_else(|| invarg("ageing timer", &v))?
            };
            req.u32(IFLA_VXLAN_AGEING, age);
        } else if matches(w, "maxaddress") {
            let v = args.need()?;
            seen.check(IFLA_VXLAN_LIMIT, "maxaddress", &v)?;
            let n = if v == "unlimited" {
                0
            } else {
                get_u32(&v, 0).ok_or_else(|| invarg("max addresses", &v))?
            };
            req.u32(IFLA_VXLAN_LIMIT, n);
        } else if matches(w, "port") || matches(w, "srcport") {
            let v = args.need()?;
            seen.check(IFLA_VXLAN_PORT_RANGE, "srcport", &v)?;
            let low = get_u16(&v, 0).ok_or_else(|| invarg("min port", &v))?;
            let v = args.need()?;
            let high = get_u16(&v, 0).ok_or_else(|| invarg("max port", &v))?;
            if low != 0 || high != 0 {
                let mut r = low.to_be_bytes().to_vec();
                r.extend_from_slice(&high.to_be_bytes());
                req.attr(IFLA_VXLAN_PORT_RANGE, &r);
            }
        } else if matches(w, "dstport") {
            let v = args.need()?;
            seen.check(IFLA_VXLAN_PORT, "dstport", &v)?;
            dstport = get_u16(&v, 0).ok_or_else(|| invarg("dst port", &v))?;
        } else if let Some(&(_, ty, val)) = BOOLS.iter().find(|(k, _, _)| matches(w, k)) {
            seen.check(ty, w, w)?;
            if ty == IFLA_VXLAN_LEARNING {
                learning = val;
            } else {
                req.u8(ty, val);
            }
        } else if matches(w, "external") {
            seen.check(IFLA_VXLAN_COLLECT_METADATA, w, w)?;
            metadata = true;
            learning = 0;
            req.u8(IFLA_VXLAN_COLLECT_METADATA, 1);
        } else if matches(w, "noexternal") {
            seen.check(IFLA_VXLAN_COLLECT_METADATA, w, w)?;
            metadata = false;
            req.u8(IFLA_VXLAN_COLLECT_METADATA, 0);
        } else if matches(w, "gbp") {
            seen.check(IFLA_VXLAN_GBP, w, w)?;
            req.attr(IFLA_VXLAN_GBP, &[]);
        } else if matches(w, "gpe") {
            seen.check(IFLA_VXLAN_GPE, w, w)?;
            req.attr(IFLA_VXLAN_GPE, &[]);
        } else if w == "vnifilter" {
            seen.check(IFLA_VXLAN_VNIFILTER, w, w)?;
            req.u8(IFLA_VXLAN_VNIFILTER, 1);
            vnifilter = true;
        } else if w == "novnifilter" {
            seen.check(IFLA_VXLAN_VNIFILTER, w, w)?;
            req.u8(IFLA_VXLAN_VNIFILTER, 0);
        } else if matches(w, "help") {
            return Err(explain_err(None, USAGE));
        } else {
            return Err(explain_err(
                Some(format!("vxlan: unknown command \"{w}\"?")),
                USAGE,
            ));
        }
    }

    if !metadata && vnifilter {
        return Err(Error::fail(
            "vxlan: vnifilter is valid only when 'external' is set",
        ));
    }
    if metadata && seen.has(IFLA_VXLAN_ID) {
        return Err(Error::fail(
            "vxlan: both 'external' and vni cannot be specified",
        ));
    }
    if !metadata && !vnifilter && !seen.has(IFLA_VXLAN_ID) && !set_op {
        return Err(Error::fail("vxlan: missing virtual network identifier"));
    }
    if is_inet_multi(&daddr) && !seen.has(IFLA_VXLAN_LINK) {
        return Err(Error::fail("vxlan: 'group' requires 'dev' to be specified"));
    }
    if !seen.has(IFLA_VXLAN_PORT) && seen.has(IFLA_VXLAN_GPE) {
        dstport = 4790;
    } else if !seen.has(IFLA_VXLAN_PORT) && !set_op {
        ctx.warn(format_args!(
            "vxlan: destination port not specified\n\
             Will use Linux kernel default (non-standard value)\n\
             Use 'dstport 4789' to get the IANA assigned value\n\
             Use 'dstport 0' to get default and quiet this message"
        ));
    }
    if seen.has(IFLA_VXLAN_ID) {
        req.u32(IFLA_VXLAN_ID, vni);
    }
    let mut selected_family = false;
    if is_inet(&saddr) {
        req.attr(
            if saddr.family == AF_INET {
                IFLA_VXLAN_LOCAL
            } else {
                IFLA_VXLAN_LOCAL6
            },
            saddr.bytes(),
        );
        selected_family = true;
    }
    if is_inet(&daddr) {
        req.attr(
            if daddr.family == AF_INET {
                IFLA_VXLAN_GROUP
            } else {
                IFLA_VXLAN_GROUP6
            },
            daddr.bytes(),
        );
        selected_family = true;
    }
    if !selected_family {
        if ctx.family == AF_INET {
            req.attr(IFLA_VXLAN_GROUP, &[0; 4]);
        } else if ctx.family == AF_INET6 {
            req.attr(IFLA_VXLAN_GROUP6, &[0; 16]);
        }
    }
    if !set_op || seen.has(IFLA_VXLAN_LEARNING) {
        req.u8(IFLA_VXLAN_LEARNING, learning);
    }
    if dstport != 0 {
        req.attr(IFLA_VXLAN_PORT, &dstport.to_be_bytes());
    }
    Ok(())
}

/// An address attribute: v4 or v6 by the attribute it came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Addr {
    V4([u8; 4]),
    V6([u8; 16]),
}

impl Addr {
    fn is_unspecified(&self) -> bool {
        match self {
            Addr::V4(a) => a.iter().all(|b| *b == 0),
            Addr::V6(a) => a.iter().all(|b| *b == 0),
        }
    }
    fn is_multicast(&self) -> bool {
        match self {
            Addr::V4(a) => a[0] & 0xf0 == 0xe0,
            Addr::V6(a) => a[0] == 0xff,
        }
    }
    /// format_host: the address, or with -r its name.
    fn text(&self, resolve: bool) -> String {
        match self {
            Addr::V4(a) => format_host(AF_INET, a, resolve),
            Addr::V6(a) => format_host(AF_INET6, a, resolve),
        }
    }
}

/// The vxlan attributes iproute2 6.1 prints, decoded.
#[derive(Debug, Default)]
pub struct VxlanInfo {
    pub external: Option<u8>,
    pub vnifilter: Option<u8>,
    pub id: Option<u32>,
    /// IFLA_VXLAN_GROUP (or, without it, GROUP6).
    pub group: Option<Addr>,
    pub local: Option<Addr>,
    pub link: Option<u32>,
    /// (low, high), host order.
    pub port_range: Option<(u16, u16)>,
    pub port: Option<u16>,
    pub learning: Option<u8>,
    pub proxy: Option<u8>,
    pub rsc: Option<u8>,
    pub l2miss: Option<u8>,
    pub l3miss: Option<u8>,
    pub tos: Option<u8>,
    pub ttl_inherit: Option<u8>,
    pub ttl: Option<u8>,
    pub df: Option<u8>,
    /// Host order.
    pub label: Option<u32>,
    pub ageing: Option<u32>,
    pub limit: Option<u32>,
    pub udp_csum: Option<u8>,
    pub udp_zero_csum6_tx: Option<u8>,
    pub udp_zero_csum6_rx: Option<u8>,
    pub remcsum_tx: Option<u8>,
    pub remcsum_rx: Option<u8>,
    pub gbp: bool,
    pub gpe: bool,
}

impl VxlanInfo {
    pub fn decode(data: &[u8]) -> VxlanInfo {
        let t: Table<31> = Table::parse(data);
        let v4 = |ty| {
            t.get(ty)
                .and_then(|p| p.get(..4))
                .and_then(|p| p.try_into().ok())
                .map(Addr::V4)
        };
        let v6 = |ty| {
            t.get(ty)
                .and_then(|p| p.get(..16))
                .and_then(|p| p.try_into().ok())
                .map(Addr::V6)
        };
        // iproute2 looks at GROUP6/LOCAL6 only when GROUP/LOCAL is absent
        let either = |a4, a6| if t.has(a4) { v4(a4) } else { v6(a6) };
        VxlanInfo {
            external: t.u8(IFLA_VXLAN_COLLECT_METADATA),
            vnifilter: t.u8(IFLA_VXLAN_VNIFILTER),
            id: t.u32(IFLA_VXLAN_ID),
            group: either(IFLA_VXLAN_GROUP, IFLA_VXLAN_GROUP6),
            local: either(IFLA_VXLAN_LOCAL, IFLA_VXLAN_LOCAL6),
            link: t.u32(IFLA_VXLAN_LINK),
            port_range: t
                .get(IFLA_VXLAN_PORT_RANGE)
                .and_then(|p| Some((get_u16_be(p)?, get_u16_be(p.get(2..)?)?))),
            port: t.get(IFLA_VXLAN_PORT).and_then(get_u16_be),
            learning: t.u8(IFLA_VXLAN_LEARNING),
            proxy: t.u8(IFLA_VXLAN_PROXY),
            rsc: t.u8(IFLA_VXLAN_RSC),
            l2miss: t.u8(IFLA_VXLAN_L2MISS),
            l3miss: t.u8(IFLA_VXLAN_L3MISS),
            tos: t.u8(IFLA_VXLAN_TOS),
            ttl_inherit: t.u8(IFLA_VXLAN_TTL_INHERIT),
            ttl: t.u8(IFLA_VXLAN_TTL),
            df: t.u8(IFLA_VXLAN_DF),
            label: t.get(IFLA_VXLAN_LABEL).and_then(get_u32_be),
            ageing: t.u32(IFLA_VXLAN_AGEING),
            limit: t.u32(IFLA_VXLAN_LIMIT),
            udp_csum: t.u8(IFLA_VXLAN_UDP_CSUM),
            udp_zero_csum6_tx: t.u8(IFLA_VXLAN_UDP_ZERO_CSUM6_TX),
            udp_zero_csum6_rx: t.u8(IFLA_VXLAN_UDP_ZERO_CSUM6_RX),
            remcsum_tx: t.u8(IFLA_VXLAN_REMCSUM_TX),
            remcsum_rx: t.u8(IFLA_VXLAN_REMCSUM_RX),
            gbp: t.has(IFLA_VXLAN_GBP),
            gpe: t.has(IFLA_VXLAN_GPE),
        }
    }

    /// vxlan_print_opt, iproute2 6.1.
    pub fn print(&self, p: &mut Printer, names: &LinkIndex) {
        let on = |v: Option<u8>| v.is_some_and(|v| v != 0);
        if on(self.external) {
            p.bool("external", true, format_args!("external "));
        }
        if on(self.vnifilter) {
            p.bool("vnifilter", true, format_args!("vnifilter"));
        }
        if let Some(id) = self.id {
            p.uint("id", id.into(), format_args!("id {id} "));
        }
        if let Some(a) = self.group.filter(|a| !a.is_unspecified()) {
            let key = match (a, a.is_multicast()) {
                (Addr::V4(_), true) => "group",
                (Addr::V4(_), false) => "remote",
                (Addr::V6(_), true) => "group6",
                (Addr::V6(_), false) => "remote6",
            };
            let s = a.text(p.resolve());
            let label = if a.is_multicast() { "group" } else { "remote" };
            p.string(key, &s, format_args!("{label} {s} "));
        }
        if let Some(a) = self.local.filter(|a| !a.is_unspecified()) {
            let key = if matches!(a, Addr::V4(_)) {
                "local"
            } else {
                "local6"
            };
            let s = a.text(p.resolve());
            p.string(key, &s, format_args!("local {s} "));
        }
        if let Some(l) = self.link.filter(|l| *l != 0) {
            let name = names
                .name(l as i32)
                .map(|n| crate::bytes::decode(n).into_owned())
                .unwrap_or_else(|| format!("if{l}"));
            p.string("link", &name, format_args!("dev {name} "));
        }
        if let Some((low, high)) = self.port_range {
            if p.is_json() {
                p.open_object("port_range");
                p.json_uint("low", low.into());
                p.json_uint("high", high.into());
                p.close_object();
            } else {
                p.text(format_args!("srcport {low} {high} "));
            }
        }
        if let Some(port) = self.port {
            p.uint("port", port.into(), format_args!("dstport {port} "));
        }
        if let Some(l) = self.learning {
            p.json_bool("learning", l != 0);
            if l == 0 {
                p.text_str("nolearning ");
            }
        }
        for (key, v) in [
            ("proxy", self.proxy),
            ("rsc", self.rsc),
            ("l2miss", self.l2miss),
            ("l3miss", self.l3miss),
        ] {
            if on(v) {
                p.bool(key, true, format_args!("{key} "));
            }
        }
        if let Some(tos) = self.tos.filter(|t| *t != 0) {
            if p.is_json() || tos != 1 {
                p.xhex("tos", tos.into(), format_args!("tos {tos:#x} "));
            } else {
                p.text_str("tos inherit ");
            }
        }
        if on(self.ttl_inherit) {
            p.text_str("ttl inherit ");
        } else if let Some(ttl) = self.ttl {
            if p.is_json() || ttl != 0 {
                p.uint("ttl", ttl.into(), format_args!("ttl {ttl} "));
            } else {
                p.text_str("ttl auto ");
            }
        }
        match self.df {
            Some(VXLAN_DF_UNSET) => p.json_string("df", "unset"),
            Some(VXLAN_DF_SET) => p.string("df", "set", format_args!("df set ")),
            Some(VXLAN_DF_INHERIT) => p.string("df", "inherit", format_args!("df inherit ")),
            _ => {}
        }
        if let Some(l) = self.label.filter(|l| *l != 0) {
            p.xhex("label", l.into(), format_args!("flowlabel {l:#x} "));
        }
        match self.ageing {
            Some(0) => p.uint("ageing", 0, format_args!("ageing none ")),
            Some(a) => p.uint("ageing", a.into(), format_args!("ageing {a} ")),
            None => {}
        }
        if let Some(m) = self.limit.filter(|m| *m != 0) {
            p.uint("limit", m.into(), format_args!("maxaddr {m} "));
        }
        for (key, text, v) in [
            ("udp_csum", "udpcsum", self.udp_csum),
            (
                "udp_zero_csum6_tx",
                "udp6zerocsumtx",
                self.udp_zero_csum6_tx,
            ),
            (
                "udp_zero_csum6_rx",
                "udp6zerocsumrx",
                self.udp_zero_csum6_rx,
            ),
        ] {
            if let Some(v) = v {
                let no = if v == 0 { "no" } else { "" };
                p.bool(key, v != 0, format_args!("{no}{text} "));
            }
        }
        if on(self.remcsum_tx) {
            p.bool("remcsum_tx", true, format_args!("remcsumtx "));
        }
        if on(self.remcsum_rx) {
            p.bool("remcsum_rx", true, format_args!("remcsumrx "));
        }
        if self.gbp {
            p.bool("gbp", true, format_args!("gbp "));
        }
        if self.gpe {
            p.bool("gpe", true, format_args!("gpe "));
        }
    }
}

pub fn print(p: &mut Printer, data: Option<&[u8]>, names: &LinkIndex) {
    if let Some(d) = data {
        VxlanInfo::decode(d).print(p, names);
    }
}

/// The lower device, whose name the details show.
pub fn links(data: Option<&[u8]>) -> Vec<i32> {
    data.and_then(|d| VxlanInfo::decode(d).link)
        .filter(|l| *l != 0)
        .map(|l| vec![l as i32])
        .unwrap_or_default()
}
