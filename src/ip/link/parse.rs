//! iplink_parse: the shared grammar of `ip link add/set/delete` and of a veth's `peer …`,
//! keyword prefixes and quirks included (`a` is `address`, `t` is `txqueuelen`, `d` `dynamic`).

use std::os::fd::IntoRawFd;

use super::{usage, valid_altifname, valid_name};
use crate::error::{Error, Result};
use crate::ip::args::{Args, duparg, duparg2, get_i32, get_u32, invarg, matches, nodev};
use crate::ip::netns::nsid_from_name;
use crate::ip::{Ctx, lookup};
use crate::netlink::consts::*;
use crate::netlink::link::*;
use crate::netlink::msg::Request;
use crate::netlink::nsid;

/// What parsing decided besides the attributes it wrote.
#[derive(Debug, Default)]
pub struct Parsed {
    pub kind: Option<String>,
    pub name: Option<String>,
    pub dev: Option<String>,
    /// `group N` without a device: the request addresses a whole group.
    pub group_only: bool,
    /// The ifinfomsg index sent (the device changed, or a new link's asked-for index).
    pub index: i32,
}

/// ll_addr_a2n: `aa:bb:…` (hex bytes) or a dotted IPv4 address. The error names the part that
/// failed, as iproute2 does.
pub fn lladdr_a2n(arg: &str) -> std::result::Result<Vec<u8>, Error> {
    let bad = |s: &str| Error::fail(format!("\"{s}\" is invalid lladdr."));
    if arg.contains('.') {
        return match crate::ip::inet::ipv4_loose(arg) {
            Some(a) => Ok(a.to_vec()),
            None => Err(bad(arg)),
        };
    }
    let mut out = Vec::new();
    let mut rest = arg;
    for _ in 0..32 {
        let (part, next) = match rest.find(':') {
            Some(i) => (&rest[..i], Some(&rest[i + 1..])),
            None => (rest, None),
        };
        let v = scanf_hex(part).ok_or_else(|| bad(part))?;
        if !(0..=255).contains(&v) {
            return Err(bad(part));
        }
        out.push(v as u8);
        match next {
            Some(n) => rest = n,
            None => break,
        }
    }
    Ok(out)
}

/// sscanf("%x"): leading blanks, optional sign and 0x, then hex digits; trailing junk ignored.
pub(super) fn scanf_hex(s: &str) -> Option<i64> {
    let t = s.trim_start();
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let t = if (t.starts_with("0x") || t.starts_with("0X"))
        && t[2..].starts_with(|c: char| c.is_ascii_hexdigit())
    {
        &t[2..]
    } else {
        t
    };
    let digits: String = t.chars().take_while(char::is_ascii_hexdigit).collect();
    if digits.is_empty() {
        return None;
    }
    let v = i64::from_str_radix(&digits[..digits.len().min(15)], 16).ok()?;
    Some(if neg { -v } else { v })
}

fn on_off(what: &str, v: &str) -> Result<bool> {
    match v {
        "on" => Ok(true),
        "off" => Ok(false),
        _ => Err(Error::fail(format!(
            "Error: argument of \"{what}\" must be \"on\" or \"off\", not \"{v}\""
        ))),
    }
}

/// iproute2's ifinfo flag words: `multicast on` sets, `arp on` clears NOARP …
fn flag(hdr: &mut IfInfo, bit: u32, set: bool) {
    hdr.change |= bit;
    if set {
        hdr.flags |= bit;
    } else {
        hdr.flags &= !bit;
    }
}

/// Parses link words into `req` (whose ifinfomsg sits at `hdr_at`). Stops after `type KIND`,
/// leaving the kind's own words in `args`.
pub fn parse(
    ctx: &mut Ctx,
    args: &mut Args,
    req: &mut Request,
    hdr_at: usize,
    create: bool,
) -> Result<Parsed> {
    let mut hdr = IfInfo {
        family: ctx.family,
        ..IfInfo::default()
    };
    let mut out = Parsed::default();
    let mut name: Option<String> = None;
    let mut dev: Option<String> = None;
    let mut link: Option<String> = None;
    let mut addr_len = 0usize;
    let mut qlen: Option<i32> = None;
    let mut mtu: Option<i32> = None;
    let mut netns_set = false;
    let mut move_netns = false;
    let mut index = 0i32;
    let mut group: Option<u32> = None;
    let mut ntx: Option<i32> = None;
    let mut nrx: Option<i32> = None;
    let mut link_netnsid: Option<i32> = None;

    while let Some(w) = args.next() {
        let w = w.as_str();
        if w == "up" {
            flag(&mut hdr, IFF_UP, true);
        } else if w == "down" {
            flag(&mut hdr, IFF_UP, false);
        } else if w == "name" {
            let v = args.need()?;
            if name.is_some() {
                return Err(duparg("name", &v));
            }
            if !valid_name(&v) {
                return Err(invarg("\"name\" not a valid ifname", &v));
            }
            if dev.is_none() {
                dev = Some(v.clone());
            }
            name = Some(v);
        } else if w == "index" {
            let v = args.need()?;
            if index != 0 {
                return Err(duparg("index", &v));
            }
            index = crate::ip::atoi(&v);
            if index <= 0 {
                return Err(invarg("Invalid \"index\" value", &v));
            }
        } else if matches(w, "link") {
            link = Some(args.need()?);
        } else if matches(w, "address") {
            let v = args.need()?;
            let a = lladdr_a2n(&v)?;
            addr_len = a.len();
            req.attr(IFLA_ADDRESS, &a);
        } else if matches(w, "broadcast") || w == "brd" {
            let v = args.need()?;
            let a = lladdr_a2n(&v)?;
            req.attr(IFLA_BROADCAST, &a);
        } else if matches(w, "txqueuelen") || w == "qlen" || matches(w, "txqlen") {
            let v = args.need()?;
            if qlen.is_some() {
                return Err(duparg("txqueuelen", &v));
            }
            let n = get_i32(&v, 0).ok_or_else(|| invarg("Invalid \"txqueuelen\" value\n", &v))?;
            qlen = Some(n);
            req.i32(IFLA_TXQLEN, n);
        } else if w == "mtu" {
            let v = args.need()?;
            if mtu.is_some() {
                return Err(duparg("mtu", &v));
            }
            let n = get_i32(&v, 0).ok_or_else(|| invarg("Invalid \"mtu\" value\n", &v))?;
            mtu = Some(n);
            req.i32(IFLA_MTU, n);
        } else if w == "xdpgeneric" || w == "xdpdrv" || w == "xdpoffload" || w == "xdp" {
            return Err(Error::fail(
                "XDP programs are not served by ipbox; use iproute2's ip for them.",
            ));
        } else if w == "netns" {
            let v = args.need()?;
            if netns_set {
                return Err(duparg("netns", &v));
            }
            netns_set = true;
            match crate::netns::open_fd(&v) {
                // the descriptor must live until the request is sent: leak it to process exit
                Ok(fd) => {
                    let raw = fd.into_raw_fd();
                    req.u32(IFLA_NET_NS_FD, raw as u32);
                }
                Err(_) => match get_i32(&v, 0) {
                    Some(pid) => {
                        req.i32(IFLA_NET_NS_PID, pid);
                    }
                    None => return Err(invarg("Invalid \"netns\" value\n", &v)),
                },
            }
            move_netns = true;
        } else if w == "multicast" {
            let v = args.need()?;
            hdr.change |= IFF_MULTICAST;
            flag(&mut hdr, IFF_MULTICAST, on_off("multicast", &v)?);
        } else if w == "allmulticast" {
            let v = args.need()?;
            hdr.change |= IFF_ALLMULTI;
            flag(&mut hdr, IFF_ALLMULTI, on_off("allmulticast", &v)?);
        } else if w == "promisc" {
            let v = args.need()?;
            hdr.change |= IFF_PROMISC;
            flag(&mut hdr, IFF_PROMISC, on_off("promisc", &v)?);
        } else if w == "trailers" {
            let v = args.need()?;
            hdr.change |= IFF_NOTRAILERS;
            flag(&mut hdr, IFF_NOTRAILERS, !on_off("trailers", &v)?);
        } else if w == "arp" {
            let v = args.need()?;
            hdr.change |= IFF_NOARP;
            flag(&mut hdr, IFF_NOARP, !on_off("arp", &v)?);
        } else if w == "carrier" {
            let v = args.need()?;
            let on = parse_on_off("carrier", &v)?;
            req.u8(IFLA_CARRIER, on.into());
        } else if w == "vf" {
            return Err(Error::fail(
                "SR-IOV \"vf\" settings are not served by ipbox; use iproute2's ip for them.",
            ));
        } else if matches(w, "master") {
            let v = args.need()?;
            let idx = lookup::ifindex(ctx, &v);
            if idx == 0 {
                return Err(invarg("Device does not exist\n", &v));
            }
            req.i32(IFLA_MASTER, idx);
        } else if w == "vrf" {
            let v = args.need()?;
            let idx = lookup::ifindex(ctx, &v);
            if idx == 0 || !is_vrf(ctx, idx) {
                return Err(invarg("Not a valid VRF name\n", &v));
            }
            req.i32(IFLA_MASTER, idx);
        } else if matches(w, "nomaster") {
            req.i32(IFLA_MASTER, 0);
        } else if matches(w, "dynamic") {
            let v = args.need()?;
            hdr.change |= IFF_DYNAMIC;
            flag(&mut hdr, IFF_DYNAMIC, on_off("dynamic", &v)?);
        } else if matches(w, "type") {
            out.kind = Some(args.need()?);
            break;
        } else if matches(w, "alias") {
            let v = args.need()?;
            let raw = crate::bytes::encode(&v);
            if raw.len() >= 256 {
                return Err(invarg("alias too long\n", &v));
            }
            req.attr(IFLA_IFALIAS, &raw);
        } else if w == "group" {
            let v = args.need()?;
            if group.is_some() {
                return Err(duparg("group", &v));
            }
            let g = crate::names::a2n(crate::names::groups(), &v, u32::MAX)
                .ok_or_else(|| invarg("Invalid \"group\" value\n", &v))?;
            group = Some(g);
            req.u32(IFLA_GROUP, g);
        } else if w == "mode" {
            let v = args.need()?;
            let m = match v.to_ascii_lowercase().as_str() {
                "default" => 0,
                "dormant" => 1,
                _ => return Err(invarg("Invalid link mode\n", &v)),
            };
            req.u8(IFLA_LINKMODE, m);
        } else if w == "state" {
            let v = args.need()?;
            let s = OPER_STATES
                .iter()
                .position(|s| s.eq_ignore_ascii_case(&v))
                .ok_or_else(|| invarg("Invalid operstate\n", &v))?;
            req.u8(IFLA_OPERSTATE, s as u8);
        } else if matches(w, "numtxqueues") {
            let v = args.need()?;
            if ntx.is_some() {
                return Err(duparg("numtxqueues", &v));
            }
            let n = get_i32(&v, 0).ok_or_else(|| invarg("Invalid \"numtxqueues\" value\n", &v))?;
            ntx = Some(n);
            req.i32(IFLA_NUM_TX_QUEUES, n);
        } else if matches(w, "numrxqueues") {
            let v = args.need()?;
            if nrx.is_some() {
                return Err(duparg("numrxqueues", &v));
            }
            let n = get_i32(&v, 0).ok_or_else(|| invarg("Invalid \"numrxqueues\" value\n", &v))?;
            nrx = Some(n);
            req.i32(IFLA_NUM_RX_QUEUES, n);
        } else if matches(w, "addrgenmode") {
            let v = args.need()?;
            let m = match v.to_ascii_lowercase().as_str() {
                "eui64" => 0u8,
                "none" => 1,
                "stable_secret" => 2,
                "random" => 3,
                _ => return Err(invarg("Invalid address generation mode\n", &v)),
            };
            let afs = req.nest(IFLA_AF_SPEC);
            let af6 = req.nest(crate::ip::AF_INET6 as u16);
            req.u8(IFLA_INET6_ADDR_GEN_MODE, m);
            req.end(af6);
            req.end(afs);
        } else if matches(w, "link-netns") {
            let v = args.need()?;
            if link_netnsid.is_some() {
                return Err(duparg("link-netns/link-netnsid", &v));
            }
            // get, else assign one and get again; every refusal is printed
            let mut id = nsid_from_name(ctx, &v);
            if id.is_none() {
                if let Ok(fd) = crate::netns::open_fd(&v) {
                    use std::os::fd::AsRawFd;
                    if let Ok(sock) = ctx.sock()
                        && let Err(e) = sock.talk(nsid::set(fd.as_raw_fd(), -1))
                    {
                        ctx.warn(format_args!("{e}"));
                    }
                }
                id = nsid_from_name(ctx, &v);
            }
            let id = id.ok_or_else(|| invarg("Invalid \"link-netns\" value\n", &v))?;
            link_netnsid = Some(id);
            req.i32(IFLA_LINK_NETNSID, id);
        } else if matches(w, "link-netnsid") {
            let v = args.need()?;
            if link_netnsid.is_some() {
                return Err(duparg("link-netns/link-netnsid", &v));
            }
            let id =
                get_i32(&v, 0).ok_or_else(|| invarg("Invalid \"link-netnsid\" value\n", &v))?;
            link_netnsid = Some(id);
            req.i32(IFLA_LINK_NETNSID, id);
        } else if w == "protodown" {
            let v = args.need()?;
            let on = parse_on_off("protodown", &v)?;
            req.u8(IFLA_PROTO_DOWN, on.into());
        } else if w == "protodown_reason" {
            let v = args.need()?;
            let reason = get_u32(&v, 0)
                .filter(|r| *r < 32)
                .ok_or_else(|| invarg("invalid protodown reason\n", &v))?;
            let s = args.need()?;
            let mask = 1u32 << reason;
            let value = if matches(&s, "on") {
                mask
            } else if matches(&s, "off") {
                0
            } else {
                return Err(on_off("protodown_reason", &s)
                    .err()
                    .unwrap_or_else(|| Error::silent(1)));
            };
            let pr = req.nest(IFLA_PROTO_DOWN_REASON | NLA_F_NESTED);
            req.u32(1, mask);
            req.u32(2, value);
            req.end(pr);
        } else if w == "gso_max_size" || w == "gro_max_size" {
            let v = args.need()?;
            let n =
                get_u32(&v, 0).ok_or_else(|| invarg(&format!("Invalid \"{w}\" value\n"), &v))?;
            req.u32(
                if w == "gso_max_size" {
                    IFLA_GSO_MAX_SIZE
                } else {
                    IFLA_GRO_MAX_SIZE
                },
                n,
            );
        } else if w == "gso_max_segs" {
            let v = args.need()?;
            let n = get_u32(&v, 0)
                .filter(|n| *n <= 65535)
                .ok_or_else(|| invarg("Invalid \"gso_max_segs\" value\n", &v))?;
            req.u32(IFLA_GSO_MAX_SEGS, n);
        } else if w == "parentdev" {
            let v = args.need()?;
            req.strz(IFLA_PARENT_DEV_NAME, &crate::bytes::encode(&v));
        } else {
            if matches(w, "help") {
                return Err(usage());
            }
            let d = if w == "dev" {
                args.need()?
            } else {
                w.to_string()
            };
            if dev != name {
                return Err(duparg2("dev", &d));
            }
            if !valid_altifname(&d) {
                return Err(invarg("\"dev\" not a valid ifname", &d));
            }
            dev = Some(d);
        }
    }

    // "ip link add dev X" and "ip link add name X" both name the new link
    match (&name, &dev) {
        (None, Some(d)) => name = Some(d.clone()),
        (Some(n), None) => dev = Some(n.clone()),
        _ => {}
    }
    if let (Some(d), true, false) = (&dev, addr_len > 0, create) {
        let idx = lookup::ifindex(ctx, d);
        if let Some(halen) = (idx != 0).then(|| lookup::lladdr_len(ctx, idx)).flatten()
            && halen != addr_len
        {
            return Err(Error::fail(format!(
                "Invalid address length {addr_len} - must be {halen} bytes"
            )));
        }
    }
    if index != 0 && !create && !move_netns {
        return Err(Error::usage(
            "index can be used only when creating devices or when moving device to another netns.",
        ));
    }
    if group.is_some() && dev.is_none() {
        if out.kind.is_some() && !args.is_empty() {
            let first = args.peek().unwrap_or_default();
            return Err(Error::usage(format!(
                "Garbage instead of arguments \"{first} ...\". Try \"ip link help\"."
            )));
        }
        if create {
            return Err(Error::usage("group cannot be used when creating devices."));
        }
        out.kind = None;
        out.group_only = true;
        req.patch(hdr_at, &hdr.bytes());
        return Ok(out);
    }
    if !create {
        let Some(d) = dev.clone() else {
            return Err(Error::usage(
                "Not enough information: \"dev\" argument is required.",
            ));
        };
        hdr.index = lookup::ifindex(ctx, &d);
        if hdr.index == 0 {
            return Err(nodev(&d));
        }
        if name == dev {
            name = None;
        }
        if index != 0 {
            req.i32(IFLA_NEW_IFINDEX, index);
        }
    } else {
        if name != dev {
            return Err(Error::usage(
                "both \"name\" and \"dev\" cannot be used when creating devices.",
            ));
        }
        if let Some(l) = &link {
            let idx = lookup::ifindex(ctx, l);
            if idx == 0 {
                return Err(nodev(l));
            }
            req.i32(IFLA_LINK, idx);
        }
        hdr.index = index;
    }
    if let Some(n) = &name {
        req.strz(IFLA_IFNAME, &crate::bytes::encode(n));
    }
    req.patch(hdr_at, &hdr.bytes());
    out.index = hdr.index;
    out.name = name;
    out.dev = dev;
    Ok(out)
}

/// parse_on_off (lib/utils.c 6.1, through parse_one_of): a prefix of `off` or `on`; anything else
/// prints iproute2's message and the command fails with -EINVAL, exit code 22.
pub fn parse_on_off(what: &str, v: &str) -> Result<bool> {
    if matches(v, "off") {
        Ok(false)
    } else if matches(v, "on") {
        Ok(true)
    } else {
        Err(Error::Fail {
            msg: format!(
                "Error: argument of \"{what}\" must be one of \"off\", \"on\", not \"{v}\""
            ),
            code: 22,
        })
    }
}

/// name_is_vrf: the device is of kind vrf.
pub(crate) fn is_vrf(ctx: &mut Ctx, index: i32) -> bool {
    let Ok(sock) = ctx.sock() else { return false };
    let Ok(ans) = sock.talk(get(
        0,
        index,
        None,
        RTEXT_FILTER_VF | RTEXT_FILTER_SKIP_STATS,
    )) else {
        return false;
    };
    first_link(&ans.replies).and_then(|l| l.kind) == Some(b"vrf")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lladdrs() {
        assert_eq!(
            lladdr_a2n("02:00:00:00:00:10").unwrap(),
            vec![2, 0, 0, 0, 0, 0x10]
        );
        assert_eq!(lladdr_a2n("aa").unwrap(), vec![0xaa]);
        assert_eq!(
            lladdr_a2n("zz").unwrap_err().to_string(),
            "\"zz\" is invalid lladdr."
        );
        assert_eq!(
            lladdr_a2n("aa:zz:cc").unwrap_err().to_string(),
            "\"zz\" is invalid lladdr."
        );
        assert_eq!(
            lladdr_a2n("type").unwrap_err().to_string(),
            "\"type\" is invalid lladdr."
        );
        assert_eq!(
            lladdr_a2n("100").unwrap_err().to_string(),
            "\"100\" is invalid lladdr."
        );
        assert_eq!(lladdr_a2n("1g").unwrap(), vec![1]);
        assert_eq!(lladdr_a2n("10.0.0.1").unwrap(), vec![10, 0, 0, 1]);
    }
}
