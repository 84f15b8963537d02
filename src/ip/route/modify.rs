//! `ip route {add|change|replace|prepend|append|test|delete} ROUTE`: iproute2 6.1's
//! iproute_modify — the words in its order (keyword prefixes included), metrics with `lock`,
//! multipath `nexthop` groups, the automatic table and scope, and the kernel's answer.

use super::{
    dsfield_a2n, get_addr, get_prefix, read_family, realms_a2n, rtntype_a2n, rtprot_a2n,
    rtscope_a2n, rttable_a2n, time_rtt, usage, vrf_table,
};
use crate::error::{Error, Result};
use crate::ip::args::{Args, duparg2, get_u8, get_u32, invarg, matches, nodev};
use crate::ip::{AF_INET, AF_INET6, AF_MPLS, AF_UNSPEC, Ctx, lookup};
use crate::netlink::consts::*;
use crate::netlink::msg::Request;
use crate::netlink::route::{PREF_HIGH, PREF_LOW, PREF_MEDIUM, Route, RtMsg};
use crate::print::route::print_route;

/// Attributes gathered in a side buffer (metrics, nexthops) before they join the request.
#[derive(Default)]
struct Attrs(Vec<u8>);

impl Attrs {
    fn add(&mut self, ty: u16, payload: &[u8]) {
        self.0
            .extend_from_slice(&((4 + payload.len()) as u16).to_ne_bytes());
        self.0.extend_from_slice(&ty.to_ne_bytes());
        self.0.extend_from_slice(payload);
        self.0.resize(crate::netlink::msg::align4(self.0.len()), 0);
    }
    fn u32(&mut self, ty: u16, v: u32) {
        self.add(ty, &v.to_ne_bytes());
    }
}

/// `via [FAMILY] ADDR` bytes: (family, address bytes).
fn parse_via(args: &mut Args, default_family: u8) -> Result<(u8, Vec<u8>)> {
    let mut v = args.need()?;
    let mut family = read_family(&v);
    if family == AF_UNSPEC {
        family = default_family;
    } else {
        v = args.need()?;
    }
    let a = get_addr(&v, family)?;
    Ok((a.family, a.bytes().to_vec()))
}

/// A gateway attribute: RTA_GATEWAY in the route's family, RTA_VIA (family + address) otherwise.
fn gateway_attr(route_family: u8, family: u8, addr: &[u8]) -> (u16, Vec<u8>) {
    if family == route_family {
        (RTA_GATEWAY, addr.to_vec())
    } else {
        let mut p = u16::from(family).to_ne_bytes().to_vec();
        p.extend_from_slice(addr);
        (RTA_VIA, p)
    }
}

/// A metric's value with an optional leading `lock`.
fn locked(args: &mut Args, lock: &mut u32, bit: u16) -> Result<String> {
    let mut v = args.need()?;
    if v == "lock" {
        *lock |= 1 << bit;
        v = args.need()?;
    }
    Ok(v)
}

pub fn run(ctx: &mut Ctx, mut args: Args, cmd: u16, flags: u16) -> Result<()> {
    let mut r = RtMsg {
        family: ctx.family,
        table: RT_TABLE_MAIN as u8,
        scope: RT_SCOPE_NOWHERE,
        ..RtMsg::default()
    };
    if cmd != RTM_DELROUTE {
        r.protocol = RTPROT_BOOT;
        r.scope = RT_SCOPE_UNIVERSE;
        r.ty = RTN_UNICAST;
    }
    let mut attrs = Attrs::default();
    let mut mx = Attrs::default();
    let mut lock = 0u32;
    let mut dev: Option<String> = None;
    let (mut gw_ok, mut dst_ok, mut nhs_ok, mut scope_ok, mut table_ok, mut type_ok) =
        (false, false, false, false, false, false);
    let mut nhid = 0u32;

    while let Some(w) = args.next() {
        let w = w.as_str();
        if w == "src" {
            let v = args.need()?;
            let a = get_addr(&v, r.family)?;
            if r.family == AF_UNSPEC {
                r.family = a.family;
            }
            attrs.add(RTA_PREFSRC, a.bytes());
        } else if w == "as" {
            let a = super::as_addr(&mut args, &mut r.family)?;
            attrs.add(RTA_NEWDST, a.bytes());
        } else if w == "via" {
            if gw_ok {
                return Err(invarg("use nexthop syntax to specify multiple via\n", w));
            }
            gw_ok = true;
            let (family, addr) = parse_via(&mut args, r.family)?;
            if r.family == AF_UNSPEC {
                r.family = family;
            }
            let (ty, p) = gateway_attr(r.family, family, &addr);
            attrs.add(ty, &p);
        } else if w == "from" {
            let v = args.need()?;
            let a = get_prefix(&v, r.family)?;
            if r.family == AF_UNSPEC {
                r.family = a.family;
            }
            if a.bytelen > 0 {
                attrs.add(RTA_SRC, a.bytes());
            }
            r.src_len = a.bitlen as u8;
        } else if w == "tos" || matches(w, "dsfield") {
            let v = args.need()?;
            r.tos = dsfield_a2n(&v).ok_or_else(|| invarg("\"tos\" value is invalid\n", &v))?;
        } else if w == "expires" {
            let v = args.need()?;
            let e = get_u32(&v, 0).ok_or_else(|| invarg("\"expires\" value is invalid\n", &v))?;
            attrs.u32(RTA_EXPIRES, e);
        } else if matches(w, "metric") || matches(w, "priority") || w == "preference" {
            let v = args.need()?;
            let m = get_u32(&v, 0).ok_or_else(|| invarg("\"metric\" value is invalid\n", &v))?;
            attrs.u32(RTA_PRIORITY, m);
        } else if w == "scope" {
            let v = args.need()?;
            r.scope = rtscope_a2n(&v).ok_or_else(|| invarg("invalid \"scope\" value\n", &v))?;
            scope_ok = true;
        } else if w == "mtu" {
            let v = locked(&mut args, &mut lock, RTAX_MTU)?;
            let n = get_u32(&v, 0).ok_or_else(|| invarg("\"mtu\" value is invalid\n", &v))?;
            mx.u32(RTAX_MTU, n);
        } else if w == "hoplimit" {
            let v = locked(&mut args, &mut lock, RTAX_HOPLIMIT)?;
            let n = get_u32(&v, 0)
                .filter(|&n| n <= 255)
                .ok_or_else(|| invarg("\"hoplimit\" value is invalid\n", &v))?;
            mx.u32(RTAX_HOPLIMIT, n);
        } else if w == "advmss" {
            let v = locked(&mut args, &mut lock, RTAX_ADVMSS)?;
            let n = get_u32(&v, 0).ok_or_else(|| invarg("\"mss\" value is invalid\n", &v))?;
            mx.u32(RTAX_ADVMSS, n);
        } else if matches(w, "reordering") {
            let v = locked(&mut args, &mut lock, RTAX_REORDERING)?;
            let n =
                get_u32(&v, 0).ok_or_else(|| invarg("\"reordering\" value is invalid\n", &v))?;
            mx.u32(RTAX_REORDERING, n);
        } else if w == "rtt" {
            let v = locked(&mut args, &mut lock, RTAX_RTT)?;
            let (t, raw) = time_rtt(&v).ok_or_else(|| invarg("\"rtt\" value is invalid\n", &v))?;
            mx.u32(RTAX_RTT, if raw { t } else { t.wrapping_mul(8) });
        } else if w == "rto_min" {
            let v = args.need()?;
            lock |= 1 << RTAX_RTO_MIN;
            let (t, _) =
                time_rtt(&v).ok_or_else(|| invarg("\"rto_min\" value is invalid\n", &v))?;
            mx.u32(RTAX_RTO_MIN, t);
        } else if matches(w, "window") {
            let v = locked(&mut args, &mut lock, RTAX_WINDOW)?;
            let n = get_u32(&v, 0).ok_or_else(|| invarg("\"window\" value is invalid\n", &v))?;
            mx.u32(RTAX_WINDOW, n);
        } else if matches(w, "cwnd") {
            let v = locked(&mut args, &mut lock, RTAX_CWND)?;
            let n = get_u32(&v, 0).ok_or_else(|| invarg("\"cwnd\" value is invalid\n", &v))?;
            mx.u32(RTAX_CWND, n);
        } else if matches(w, "initcwnd") {
            let v = locked(&mut args, &mut lock, RTAX_INITCWND)?;
            let n = get_u32(&v, 0).ok_or_else(|| invarg("\"initcwnd\" value is invalid\n", &v))?;
            mx.u32(RTAX_INITCWND, n);
        } else if matches(w, "initrwnd") {
            let v = locked(&mut args, &mut lock, RTAX_INITRWND)?;
            let n = get_u32(&v, 0).ok_or_else(|| invarg("\"initrwnd\" value is invalid\n", &v))?;
            mx.u32(RTAX_INITRWND, n);
        } else if matches(w, "features") {
            let v = args.need()?;
            if v != "ecn" {
                return Err(invarg("\"features\" value not valid\n", &v));
            }
            mx.u32(RTAX_FEATURES, crate::netlink::route::RTAX_FEATURE_ECN);
        } else if matches(w, "quickack") {
            let v = args.need()?;
            let n = get_u32(&v, 0).ok_or_else(|| invarg("\"quickack\" value is invalid\n", &v))?;
            if n > 1 {
                return Err(invarg("\"quickack\" value should be 0 or 1\n", &v));
            }
            mx.u32(RTAX_QUICKACK, n);
        } else if matches(w, "congctl") {
            let v = locked(&mut args, &mut lock, RTAX_CC_ALGO)?;
            mx.add(RTAX_CC_ALGO, v.as_bytes());
        } else if matches(w, "rttvar") {
            let v = locked(&mut args, &mut lock, RTAX_RTTVAR)?;
            let (t, raw) =
                time_rtt(&v).ok_or_else(|| invarg("\"rttvar\" value is invalid\n", &v))?;
            mx.u32(RTAX_RTTVAR, if raw { t } else { t.wrapping_mul(4) });
        } else if matches(w, "ssthresh") {
            let v = locked(&mut args, &mut lock, RTAX_SSTHRESH)?;
            let n = get_u32(&v, 0).ok_or_else(|| invarg("\"ssthresh\" value is invalid\n", &v))?;
            mx.u32(RTAX_SSTHRESH, n);
        } else if matches(w, "realms") {
            let v = args.need()?;
            let realm = realms_a2n(&v).ok_or_else(|| invarg("\"realm\" value is invalid\n", &v))?;
            attrs.u32(RTA_FLOW, realm);
        } else if w == "onlink" {
            r.flags |= u32::from(RTNH_F_ONLINK);
        } else if w == "nexthop" {
            nhs_ok = true;
            args.back();
            break;
        } else if w == "nhid" {
            let v = args.need()?;
            nhid = get_u32(&v, 0).ok_or_else(|| invarg("\"id\" value is invalid\n", &v))?;
            attrs.u32(RTA_NH_ID, nhid);
        } else if matches(w, "protocol") {
            let v = args.need()?;
            r.protocol =
                rtprot_a2n(&v).ok_or_else(|| invarg("\"protocol\" value is invalid\n", &v))?;
        } else if matches(w, "table") {
            let v = args.need()?;
            let t = rttable_a2n(&v).ok_or_else(|| invarg("\"table\" value is invalid\n", &v))?;
            set_table(&mut r, &mut attrs, t);
            table_ok = true;
        } else if matches(w, "vrf") {
            let v = args.need()?;
            let t = vrf_table(&v).ok_or_else(|| invarg("Invalid VRF\n", &v))?;
            set_table(&mut r, &mut attrs, t);
            table_ok = true;
        } else if w == "dev" || w == "oif" {
            dev = Some(args.need()?);
        } else if matches(w, "pref") {
            let v = args.need()?;
            let p = match v.as_str() {
                "low" => PREF_LOW,
                "medium" => PREF_MEDIUM,
                "high" => PREF_HIGH,
                _ => get_u8(&v, 0).ok_or_else(|| invarg("\"pref\" value is invalid\n", &v))?,
            };
            attrs.add(RTA_PREF, &[p]);
        } else if w == "encap" {
            return Err(Error::fail(
                "Error: \"encap\" (lightweight tunnels) is not served by ipbox; use iproute2's ip for it.",
            ));
        } else if w == "ttl-propagate" {
            let v = args.need()?;
            let t = if matches(&v, "enabled") {
                1
            } else if matches(&v, "disabled") {
                0
            } else {
                return Err(invarg("\"ttl-propagate\" value is invalid\n", &v));
            };
            attrs.add(RTA_TTL_PROPAGATE, &[t]);
        } else if matches(w, "fastopen_no_cookie") {
            let v = args.need()?;
            let n = get_u32(&v, 0)
                .ok_or_else(|| invarg("\"fastopen_no_cookie\" value is invalid\n", &v))?;
            if n > 1 {
                return Err(invarg(
                    "\"fastopen_no_cookie\" value should be 0 or 1\n",
                    &v,
                ));
            }
            mx.u32(RTAX_FASTOPEN_NO_COOKIE, n);
        } else {
            let mut v = w.to_string();
            if v == "to" {
                v = args.need()?;
            }
            if !v.starts_with(|c: char| c.is_ascii_digit())
                && let Some(t) = rtntype_a2n(&v)
            {
                v = args.need()?;
                r.ty = t;
                type_ok = true;
            }
            if matches(&v, "help") {
                return Err(usage());
            }
            if dst_ok {
                return Err(duparg2("to", &v));
            }
            let d = get_prefix(&v, r.family)?;
            if r.family == AF_UNSPEC {
                r.family = d.family;
            }
            r.dst_len = d.bitlen as u8;
            dst_ok = true;
            if d.bytelen > 0 {
                attrs.add(RTA_DST, d.bytes());
            }
        }
    }

    if !dst_ok {
        return Err(usage());
    }
    if let Some(d) = &dev {
        let idx = lookup::ifindex(ctx, d);
        if idx == 0 {
            return Err(nodev(d));
        }
        attrs.u32(RTA_OIF, idx as u32);
    }
    if !mx.0.is_empty() {
        if lock != 0 {
            mx.u32(RTAX_LOCK, lock);
        }
        attrs.add(RTA_METRICS, &mx.0);
    }
    if nhs_ok {
        let mp = parse_nexthops(ctx, &mut args, &mut r)?;
        if !mp.is_empty() {
            attrs.add(RTA_MULTIPATH, &mp);
        }
    }
    if r.family == AF_UNSPEC {
        r.family = AF_INET;
    }
    if !table_ok && matches!(r.ty, RTN_LOCAL | RTN_BROADCAST | RTN_NAT | RTN_ANYCAST) {
        r.table = RT_TABLE_LOCAL as u8;
    }
    if !scope_ok {
        if r.family == AF_INET6 || r.family == AF_MPLS {
            r.scope = RT_SCOPE_UNIVERSE;
        } else if r.ty == RTN_LOCAL || r.ty == RTN_NAT {
            r.scope = RT_SCOPE_HOST;
        } else if matches!(r.ty, RTN_BROADCAST | RTN_MULTICAST | RTN_ANYCAST) {
            r.scope = RT_SCOPE_LINK;
        } else if r.ty == RTN_UNICAST || r.ty == RTN_UNSPEC {
            if cmd == RTM_DELROUTE {
                r.scope = RT_SCOPE_NOWHERE;
            } else if !gw_ok && !nhs_ok && nhid == 0 {
                r.scope = RT_SCOPE_LINK;
            }
        }
    }
    if !type_ok && r.family == AF_MPLS {
        r.ty = RTN_UNICAST;
    }

    let mut req = Request::new(cmd, flags).header(&r.bytes());
    req.bytes(&attrs.0);
    if ctx.opts.echo {
        req.set_flags(req.flags() | NLM_F_ECHO);
        let ans = ctx.talk(req)?;
        echo(ctx, &ans.replies);
    } else {
        ctx.talk(req)?;
    }
    Ok(())
}

/// Table ids above 255 travel in RTA_TABLE, with rtm_table left unspecified.
fn set_table(r: &mut RtMsg, attrs: &mut Attrs, t: u32) {
    if t < 256 {
        r.table = t as u8;
    } else {
        r.table = RT_TABLE_UNSPEC as u8;
        attrs.u32(RTA_TABLE, t);
    }
}

/// parse_nexthops / parse_one_nh: `nexthop [via [FAMILY] ADDR] [dev IF] [weight N] [onlink]
/// [realms R] [as [to] ADDR]`, repeated to the end of the line.
fn parse_nexthops(ctx: &mut Ctx, args: &mut Args, r: &mut RtMsg) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    while let Some(w) = args.next() {
        if w != "nexthop" {
            return Err(Error::usage(format!(
                "Error: \"nexthop\" or end of line is expected instead of \"{w}\""
            )));
        }
        if args.is_empty() {
            return Err(Error::usage(
                "Error: unexpected end of line after \"nexthop\"",
            ));
        }
        let (mut flags, mut hops, mut ifindex) = (0u8, 0u8, 0i32);
        let mut nh_attrs = Attrs::default();
        while let Some(w) = args.next() {
            match w.as_str() {
                "via" => {
                    let (family, addr) = parse_via(args, r.family)?;
                    if r.family == AF_UNSPEC {
                        r.family = family;
                    }
                    let (ty, p) = gateway_attr(r.family, family, &addr);
                    nh_attrs.add(ty, &p);
                }
                "dev" => {
                    let d = args.need()?;
                    ifindex = lookup::ifindex(ctx, &d);
                    if ifindex == 0 {
                        return Err(Error::usage(format!(
                            "Cannot find device \"{d}\"\nError: cannot parse nexthop"
                        )));
                    }
                }
                "weight" => {
                    let v = args.need()?;
                    let wt = get_u32(&v, 0)
                        .filter(|&n| (1..=256).contains(&n))
                        .ok_or_else(|| invarg("\"weight\" is invalid\n", &v))?;
                    hops = (wt - 1) as u8;
                }
                "onlink" => flags |= RTNH_F_ONLINK,
                x if matches(x, "realms") => {
                    let v = args.need()?;
                    let realm =
                        realms_a2n(&v).ok_or_else(|| invarg("\"realm\" value is invalid\n", &v))?;
                    nh_attrs.u32(RTA_FLOW, realm);
                }
                "encap" => {
                    return Err(Error::fail(
                        "Error: \"encap\" (lightweight tunnels) is not served by ipbox; use iproute2's ip for it.",
                    ));
                }
                "as" => {
                    let mut v = args.need()?;
                    if v == "to" {
                        v = args.need()?;
                    }
                    let a = get_addr(&v, r.family)?;
                    nh_attrs.add(RTA_NEWDST, a.bytes());
                }
                _ => {
                    args.back();
                    break;
                }
            }
        }
        let len = 8 + nh_attrs.0.len();
        out.extend_from_slice(&(len as u16).to_ne_bytes());
        out.push(flags);
        out.push(hops);
        out.extend_from_slice(&ifindex.to_ne_bytes());
        out.extend_from_slice(&nh_attrs.0);
    }
    Ok(out)
}

/// -echo: the kernel's copy of the new (or deleted) route, printed as iproute2's
/// rtnl_echo_talk does (inside an extra JSON object).
fn echo(ctx: &mut Ctx, replies: &[u8]) {
    let Some(m) = crate::netlink::msg::Messages::new(replies).next() else {
        return;
    };
    let Some(route) = Route::parse(m.ty, m.payload) else {
        return;
    };
    let names = super::show::names_for(ctx, std::iter::once(&route));
    let view = super::answer_view(ctx);
    ctx.p.begin();
    ctx.p.open_object("");
    print_route(&mut ctx.p, &route, &view, &names);
    ctx.p.close_object();
    ctx.p.end();
}
