//! `ip route get ADDRESS [from ADDR] [iif IF] [oif IF] [mark N] [tos T] [uid N] [ipproto P]
//! [sport N] [dport N] [as ADDR] [notify] [connected] [fibmatch]`: iproute2 6.1's iproute_get,
//! one RTM_GETROUTE and its answer printed as a route (twice with `connected`, as 6.1 does).

use super::{dsfield_a2n, get_prefix, usage};
use crate::error::{Error, Result};
use crate::ip::args::{Args, get_u16, get_u32, invarg, matches, nodev};
use crate::ip::{AF_INET, AF_INET6, AF_UNSPEC, Ctx, lookup};
use crate::netlink::consts::*;
use crate::netlink::msg::{Messages, Request};
use crate::netlink::route::{Route, RtMsg};
use crate::print::route::{RouteView, print_route};

/// inet_proto_a2n: a number (0-255) or a name from the protocols database.
fn inet_proto_a2n(s: &str) -> Option<u8> {
    if let Some(n) = crate::ip::args::get_u8(s, 10) {
        return Some(n);
    }
    let c = std::ffi::CString::new(s).ok()?;
    // SAFETY: getprotobyname takes a NUL-terminated string and returns a pointer to static data
    // (or NULL); we read one field right away, single-threaded.
    unsafe {
        let pe = libc::getprotobyname(c.as_ptr());
        if pe.is_null() {
            return None;
        }
        u8::try_from((*pe).p_proto).ok()
    }
}

pub fn run(ctx: &mut Ctx, mut args: Args) -> Result<()> {
    let mut r = RtMsg {
        family: ctx.family,
        ..RtMsg::default()
    };
    let mut req_attrs: Vec<(u16, Vec<u8>)> = Vec::new();
    let mut idev: Option<String> = None;
    let mut odev: Option<String> = None;
    let (mut connected, mut fib_match, mut from_ok, mut address_found) =
        (false, false, false, false);
    let mut mark = 0u32;

    while let Some(w) = args.next() {
        let w = w.as_str();
        if w == "tos" || matches(w, "dsfield") {
            let v = args.need()?;
            r.tos = dsfield_a2n(&v).ok_or_else(|| invarg("TOS value is invalid\n", &v))?;
        } else if matches(w, "from") {
            let v = args.need()?;
            if matches(&v, "help") {
                return Err(usage());
            }
            from_ok = true;
            let a = get_prefix(&v, r.family)?;
            if r.family == AF_UNSPEC {
                r.family = a.family;
            }
            if a.bytelen > 0 {
                req_attrs.push((RTA_SRC, a.bytes().to_vec()));
            }
            r.src_len = a.bitlen as u8;
        } else if matches(w, "iif") {
            idev = Some(args.need()?);
        } else if matches(w, "mark") {
            let v = args.need()?;
            mark = get_u32(&v, 0).ok_or_else(|| invarg("invalid mark value", &v))?;
        } else if matches(w, "oif") || w == "dev" {
            odev = Some(args.need()?);
        } else if matches(w, "notify") {
            r.flags |= RTM_F_NOTIFY;
        } else if matches(w, "connected") {
            connected = true;
        } else if matches(w, "vrf") {
            let v = args.need()?;
            // no VRF device exists on kernels without the vrf driver
            return Err(invarg("Invalid VRF\n", &v));
        } else if matches(w, "uid") {
            let v = args.need()?;
            let uid = get_u32(&v, 0).ok_or_else(|| invarg("invalid UID\n", &v))?;
            req_attrs.push((RTA_UID, uid.to_ne_bytes().to_vec()));
        } else if matches(w, "fibmatch") {
            fib_match = true;
        } else if w == "as" {
            let a = super::as_addr(&mut args, &mut r.family)?;
            req_attrs.push((RTA_NEWDST, a.bytes().to_vec()));
        } else if matches(w, "sport") {
            let v = args.need()?;
            let p = get_u16(&v, 0).ok_or_else(|| invarg("invalid sport\n", &v))?;
            req_attrs.push((RTA_SPORT, p.to_be_bytes().to_vec()));
        } else if matches(w, "dport") {
            let v = args.need()?;
            let p = get_u16(&v, 0).ok_or_else(|| invarg("invalid dport\n", &v))?;
            req_attrs.push((RTA_DPORT, p.to_be_bytes().to_vec()));
        } else if matches(w, "ipproto") {
            let v = args.need()?;
            let p = inet_proto_a2n(&v).ok_or_else(|| invarg("Invalid \"ipproto\" value\n", &v))?;
            req_attrs.push((RTA_IP_PROTO, vec![p]));
        } else {
            let mut v = w.to_string();
            if v == "to" {
                v = args.need()?;
            }
            if matches(&v, "help") {
                return Err(usage());
            }
            let a = get_prefix(&v, r.family)?;
            if r.family == AF_UNSPEC {
                r.family = a.family;
            }
            if a.bytelen > 0 {
                req_attrs.push((RTA_DST, a.bytes().to_vec()));
            }
            if r.family == AF_INET && a.bitlen != 32 {
                ctx.warn(format_args!(
                    "Warning: /{} as prefix is invalid, only /32 (or none) is supported.",
                    a.bitlen as u32
                ));
                r.dst_len = 32;
            } else if r.family == AF_INET6 && a.bitlen != 128 {
                ctx.warn(format_args!(
                    "Warning: /{} as prefix is invalid, only /128 (or none) is supported.",
                    a.bitlen as u32
                ));
                r.dst_len = 128;
            } else {
                r.dst_len = a.bitlen as u8;
            }
            address_found = true;
        }
    }

    if !address_found {
        return Err(Error::fail("need at least a destination address"));
    }
    if let Some(d) = &idev {
        let idx = lookup::ifindex(ctx, d);
        if idx == 0 {
            return Err(nodev(d));
        }
        req_attrs.push((RTA_IIF, (idx as u32).to_ne_bytes().to_vec()));
    }
    if let Some(d) = &odev {
        let idx = lookup::ifindex(ctx, d);
        if idx == 0 {
            return Err(nodev(d));
        }
        req_attrs.push((RTA_OIF, (idx as u32).to_ne_bytes().to_vec()));
    }
    if mark != 0 {
        req_attrs.push((RTA_MARK, mark.to_ne_bytes().to_vec()));
    }
    if r.family == AF_UNSPEC {
        r.family = AF_INET;
    }
    if r.family == AF_INET {
        r.flags |= RTM_F_LOOKUP_TABLE;
    }
    if fib_match {
        r.flags |= RTM_F_FIB_MATCH;
    }
    let build = || {
        let mut req = Request::new(RTM_GETROUTE, 0).header(&r.bytes());
        for (ty, p) in &req_attrs {
            req.attr(*ty, p);
        }
        req
    };

    let answer = ctx.talk(build())?.replies;
    let view = super::answer_view(ctx);
    ctx.p.begin();
    let answer = if connected && !from_ok {
        print_answer(ctx, &answer, &view);
        let has_src = Messages::new(&answer)
            .next()
            .and_then(|m| Route::parse(m.ty, m.payload))
            .is_some_and(|rt| rt.prefsrc.is_some() || rt.src.is_some());
        if !has_src {
            ctx.p.end();
            return Err(Error::fail("Failed to connect the route"));
        }
        ctx.p.end();
        // iproute2 6.1 edits its copy of the answer but sends the first request again
        ctx.talk(build())?.replies
    } else {
        answer
    };
    print_answer(ctx, &answer, &view);
    ctx.p.end();
    Ok(())
}

fn print_answer(ctx: &mut Ctx, answer: &[u8], view: &RouteView) {
    let Some(m) = Messages::new(answer).next() else {
        return;
    };
    let Some(route) = Route::parse(m.ty, m.payload) else {
        ctx.warn(format_args!(
            "Not a route: {:08x} {:08x} {:08x}",
            m.payload.len() + NLMSG_HDRLEN,
            m.ty,
            m.flags
        ));
        return;
    };
    if ctx.family != AF_UNSPEC && route.hdr.family != ctx.family {
        return;
    }
    let names = super::show::names_for(ctx, std::iter::once(&route));
    print_route(&mut ctx.p, &route, view, &names);
}
