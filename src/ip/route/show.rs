//! `ip route show|list|lst [SELECTOR]` and `ip route flush SELECTOR`: iproute2 6.1's
//! iproute_list_flush_or_save — the selector grammar, the family rule (a table means IPv4 unless
//! -6/-f says otherwise, `table all` means every family), one kernel-filtered dump, the rest of
//! the selector applied here (filter_nlmsg), and printing that leaves out what a selector fixed.

use super::get_prefix;
use super::{
    dsfield_a2n, read_family, realms_a2n, rtntype_a2n, rtprot_a2n, rtscope_a2n, rttable_a2n, usage,
    vrf_table,
};
use crate::error::{Error, KernelError, Result};
use crate::ip::args::{Args, get_u32, invarg, matches, nodev};
use crate::ip::inet::{PREFIXLEN_SPECIFIED, Prefix};
use crate::ip::{AF_INET, AF_INET6, AF_UNSPEC, Ctx, lookup};
use crate::netlink::consts::*;
use crate::netlink::route::{self, Route};
use crate::print::route::{Names, RouteView, host_len, print_route, type_bit};

/// The selector: iproute2's `filter` of iproute.c.
#[derive(Debug, Clone)]
pub struct Filter {
    pub tb: u32,
    pub cloned: bool,
    pub protocol: u8,
    pub protocol_fixed: bool,
    pub scope: u8,
    pub scope_fixed: bool,
    pub typemask: u64,
    pub tos: u8,
    pub tos_fixed: bool,
    pub iif: u32,
    pub iif_fixed: bool,
    pub oif: u32,
    pub oif_fixed: bool,
    pub mark: u32,
    pub mark_fixed: bool,
    pub realm: u32,
    pub realmmask: u32,
    pub metric: u32,
    pub metric_fixed: bool,
    pub rprefsrc: Prefix,
    pub rvia: Prefix,
    pub rdst: Prefix,
    pub mdst: Prefix,
    pub rsrc: Prefix,
    pub msrc: Prefix,
    /// Flushing: the kernel's IPv6 null entry is never a candidate.
    pub flush: bool,
}

impl Default for Filter {
    /// iproute_reset_filter: all zero but the match prefixes, which have no length yet.
    fn default() -> Self {
        Filter {
            tb: 0,
            cloned: false,
            protocol: 0,
            protocol_fixed: false,
            scope: 0,
            scope_fixed: false,
            typemask: 0,
            tos: 0,
            tos_fixed: false,
            iif: 0,
            iif_fixed: false,
            oif: 0,
            oif_fixed: false,
            mark: 0,
            mark_fixed: false,
            realm: 0,
            realmmask: 0,
            metric: 0,
            metric_fixed: false,
            rprefsrc: Prefix::default(),
            rvia: Prefix::default(),
            rdst: Prefix::default(),
            mdst: Prefix {
                bitlen: -1,
                ..Prefix::default()
            },
            rsrc: Prefix::default(),
            msrc: Prefix {
                bitlen: -1,
                ..Prefix::default()
            },
            flush: false,
        }
    }
}

/// Up to 32 bytes of an address, zero-filled (iproute2's inet_prefix data).
type Bytes = [u8; 32];

fn bytes_of(src: Option<&[u8]>, n: usize) -> Bytes {
    let mut b = [0u8; 32];
    if let Some(s) = src {
        let n = n.min(s.len()).min(32);
        b[..n].copy_from_slice(&s[..n]);
    }
    b
}

fn prefix_bytes(p: &Prefix) -> Bytes {
    let mut b = [0u8; 32];
    b[..16].copy_from_slice(&p.data);
    b
}

/// inet_addr_match: true when the first `bits` bits differ.
fn differ(a: &Bytes, b: &Bytes, bits: i32) -> bool {
    let bits = bits.clamp(0, 256) as usize;
    let whole = bits / 8;
    if a[..whole] != b[..whole] {
        return true;
    }
    let rest = bits % 8;
    if rest != 0 {
        let mask = 0xffu8 << (8 - rest);
        return (a[whole] ^ b[whole]) & mask != 0;
    }
    false
}

/// Route selection state that persists across one listing (iproute2's static
/// ip6_multiple_tables: until an IPv6 route outside the main table is seen, IPv6 tables are
/// told apart by route type).
#[derive(Default)]
pub struct Selection {
    ip6_multiple_tables: bool,
}

impl Filter {
    fn specified(p: &Prefix) -> bool {
        p.family != 0 || p.flags & PREFIXLEN_SPECIFIED != 0
    }

    /// filter_nlmsg.
    pub fn pass(&self, r: &Route, family: u8, sel: &mut Selection) -> bool {
        let h = &r.hdr;
        let table = r.table;
        if family != AF_UNSPEC && h.family != family {
            return false;
        }
        if h.family == AF_INET6 && table != RT_TABLE_MAIN {
            sel.ip6_multiple_tables = true;
        }
        if self.cloned != r.is_cloned() {
            return false;
        }
        if h.family == AF_INET6 && !sel.ip6_multiple_tables {
            if self.tb != 0 {
                if self.tb == RT_TABLE_LOCAL {
                    if h.ty != RTN_LOCAL {
                        return false;
                    }
                } else if self.tb == RT_TABLE_MAIN {
                    if h.ty == RTN_LOCAL {
                        return false;
                    }
                } else {
                    return false;
                }
            }
        } else if self.tb > 0 && self.tb != table {
            return false;
        }
        if self.protocol_fixed && self.protocol != h.protocol {
            return false;
        }
        if self.scope_fixed && self.scope != h.scope {
            return false;
        }
        if self.typemask != 0 && self.typemask & type_bit(h.ty) == 0 {
            return false;
        }
        if self.tos_fixed && self.tos != h.tos {
            return false;
        }
        let dst_len = i16::from(h.dst_len);
        let src_len = i16::from(h.src_len);
        if self.rdst.family != 0 {
            if h.family != self.rdst.family || self.rdst.bitlen > dst_len {
                return false;
            }
        } else if self.rdst.flags & PREFIXLEN_SPECIFIED != 0 && self.rdst.bitlen > dst_len {
            return false;
        }
        let m_excludes = |m: &Prefix, len: i16| m.bitlen >= 0 && m.bitlen < len;
        if self.mdst.family != 0 {
            if h.family != self.mdst.family || m_excludes(&self.mdst, dst_len) {
                return false;
            }
        } else if self.mdst.flags & PREFIXLEN_SPECIFIED != 0 && m_excludes(&self.mdst, dst_len) {
            return false;
        }
        if self.rsrc.family != 0 {
            if h.family != self.rsrc.family || self.rsrc.bitlen > src_len {
                return false;
            }
        } else if self.rsrc.flags & PREFIXLEN_SPECIFIED != 0 && self.rsrc.bitlen > src_len {
            return false;
        }
        if self.msrc.family != 0 {
            if h.family != self.msrc.family || m_excludes(&self.msrc, src_len) {
                return false;
            }
        } else if self.msrc.flags & PREFIXLEN_SPECIFIED != 0 && m_excludes(&self.msrc, src_len) {
            return false;
        }
        if self.rvia.family != 0 {
            let fam = r.via.map(|v| v.family as u8).unwrap_or(h.family);
            if fam != self.rvia.family {
                return false;
            }
        }
        if self.rprefsrc.family != 0 && h.family != self.rprefsrc.family {
            return false;
        }

        let host_bytes = (host_len(h.family) / 8) as usize;
        let dst = bytes_of(r.dst, usize::from(h.dst_len).div_ceil(8));
        if Self::specified(&self.rdst)
            && differ(&dst, &prefix_bytes(&self.rdst), i32::from(self.rdst.bitlen))
        {
            return false;
        }
        if Self::specified(&self.mdst)
            && differ(&dst, &prefix_bytes(&self.mdst), i32::from(dst_len))
        {
            return false;
        }
        if Self::specified(&self.rsrc) || Self::specified(&self.msrc) {
            let src = bytes_of(r.src, usize::from(h.src_len).div_ceil(8));
            if Self::specified(&self.rsrc)
                && differ(&src, &prefix_bytes(&self.rsrc), i32::from(self.rsrc.bitlen))
            {
                return false;
            }
            if Self::specified(&self.msrc)
                && self.msrc.bitlen >= 0
                && differ(&src, &prefix_bytes(&self.msrc), i32::from(src_len))
            {
                return false;
            }
        }
        if self.rvia.family != 0 {
            let mut via = [0u8; 32];
            if self.rvia.bitlen > 0 {
                via = bytes_of(r.gateway, host_bytes);
                if let Some(v) = &r.via {
                    via = bytes_of(Some(v.addr), v.addr.len());
                }
            }
            if differ(&via, &prefix_bytes(&self.rvia), i32::from(self.rvia.bitlen)) {
                return false;
            }
        }
        if self.rprefsrc.family != 0 {
            let ps = if self.rprefsrc.bitlen > 0 {
                bytes_of(r.prefsrc, host_bytes)
            } else {
                [0u8; 32]
            };
            if differ(
                &ps,
                &prefix_bytes(&self.rprefsrc),
                i32::from(self.rprefsrc.bitlen),
            ) {
                return false;
            }
        }
        if self.realmmask != 0 && (r.flow.unwrap_or(0) ^ self.realm) & self.realmmask != 0 {
            return false;
        }
        if self.iif_fixed && r.iif.unwrap_or(0) != self.iif {
            return false;
        }
        if self.oif_fixed && r.oif.unwrap_or(0) != self.oif {
            return false;
        }
        if self.mark_fixed && r.mark.unwrap_or(0) != self.mark {
            return false;
        }
        if self.metric_fixed && r.priority.unwrap_or(0) != self.metric {
            return false;
        }
        if self.flush
            && h.family == AF_INET6
            && h.dst_len == 0
            && h.ty == RTN_UNREACHABLE
            && r.priority == Some(u32::MAX)
        {
            return false;
        }
        true
    }

    /// What the printer leaves out because the selector fixed it.
    pub fn view(&self, ctx: &Ctx) -> RouteView {
        RouteView {
            details: ctx.opts.details > 0,
            stats: ctx.opts.stats > 0,
            numeric: ctx.opts.numeric,
            typemask: self.typemask,
            tos_fixed: self.tos_fixed,
            via_bitlen: self.rvia.bitlen,
            dev_fixed: self.oif_fixed,
            all_tables: self.tb == 0,
            proto_fixed: self.protocol_fixed,
            scope_fixed: self.scope_fixed,
            prefsrc_bitlen: self.rprefsrc.bitlen,
            metric_fixed: self.metric_fixed,
            realms_fixed: self.realmmask == u32::MAX,
            iif_fixed: self.iif_fixed,
            resolve: ctx.opts.resolve,
        }
    }
}

/// Parses the selector words; returns the filter and the family to dump.
fn parse(ctx: &mut Ctx, mut args: Args) -> Result<(Filter, u8)> {
    let mut f = Filter {
        tb: RT_TABLE_MAIN,
        ..Filter::default()
    };
    let mut dump_family = ctx.family;
    let mut idev: Option<String> = None;
    let mut odev: Option<String> = None;
    let mut mark = 0u32;
    while let Some(w) = args.next() {
        let w = w.as_str();
        if matches(w, "table") {
            let v = args.need()?;
            match rttable_a2n(&v) {
                Some(t) => f.tb = t,
                None => match v.as_str() {
                    "all" => f.tb = 0,
                    "cache" => f.cloned = true,
                    "help" => return Err(usage()),
                    _ => return Err(invarg("table id value is invalid\n", &v)),
                },
            }
        } else if matches(w, "vrf") {
            let v = args.need()?;
            let t = vrf_table(&v).ok_or_else(|| invarg("Invalid VRF\n", &v))?;
            f.tb = t;
            f.typemask = !((1u64 << RTN_LOCAL) | (1u64 << RTN_BROADCAST));
        } else if matches(w, "cached") || matches(w, "cloned") {
            f.cloned = true;
        } else if w == "tos" || matches(w, "dsfield") {
            let v = args.need()?;
            f.tos = dsfield_a2n(&v).ok_or_else(|| invarg("TOS value is invalid\n", &v))?;
            f.tos_fixed = true;
        } else if matches(w, "protocol") {
            let v = args.need()?;
            f.protocol_fixed = true;
            match rtprot_a2n(&v) {
                Some(p) => f.protocol = p,
                None => {
                    if v != "all" {
                        return Err(invarg("invalid \"protocol\"\n", &v));
                    }
                    f.protocol = 0;
                    f.protocol_fixed = false;
                }
            }
        } else if matches(w, "scope") {
            let v = args.need()?;
            f.scope_fixed = true;
            match rtscope_a2n(&v) {
                Some(s) => f.scope = s,
                None => {
                    if v != "all" {
                        return Err(invarg("invalid \"scope\"\n", &v));
                    }
                    f.scope = RT_SCOPE_NOWHERE;
                    f.scope_fixed = false;
                }
            }
        } else if matches(w, "type") {
            let v = args.need()?;
            let t = rtntype_a2n(&v).ok_or_else(|| invarg("node type value is invalid\n", &v))?;
            f.typemask = type_bit(t);
        } else if w == "dev" || w == "oif" {
            odev = Some(args.need()?);
        } else if w == "iif" {
            idev = Some(args.need()?);
        } else if w == "mark" {
            let v = args.need()?;
            mark = get_u32(&v, 0).ok_or_else(|| invarg("invalid mark value", &v))?;
            f.mark_fixed = true;
        } else if matches(w, "metric") || matches(w, "priority") || w == "preference" {
            let v = args.need()?;
            f.metric = get_u32(&v, 0).ok_or_else(|| invarg("\"metric\" value is invalid\n", &v))?;
            f.metric_fixed = true;
        } else if w == "via" {
            let mut v = args.need()?;
            let mut family = read_family(&v);
            if family == AF_UNSPEC {
                family = dump_family;
            } else {
                v = args.need()?;
            }
            f.rvia = get_prefix(&v, family)?;
        } else if w == "src" {
            let v = args.need()?;
            f.rprefsrc = get_prefix(&v, dump_family)?;
        } else if matches(w, "realms") {
            let v = args.need()?;
            f.realm = realms_a2n(&v).ok_or_else(|| invarg("invalid realms\n", &v))?;
            f.realmmask = u32::MAX;
            if f.realm & 0xffff == 0 && v.ends_with('/') {
                f.realmmask &= !0xffff;
            }
            if f.realm & 0xffff_0000 == 0 && (!v.contains('/') || v.starts_with('/')) {
                f.realmmask &= !0xffff_0000;
            }
        } else if matches(w, "from") {
            let mut v = args.need()?;
            if matches(&v, "root") {
                v = args.need()?;
                f.rsrc = get_prefix(&v, dump_family)?;
            } else if matches(&v, "match") {
                v = args.need()?;
                f.msrc = get_prefix(&v, dump_family)?;
            } else {
                if matches(&v, "exact") {
                    v = args.need()?;
                }
                f.msrc = get_prefix(&v, dump_family)?;
                f.rsrc = f.msrc;
            }
        } else {
            let mut v = w.to_string();
            if matches(&v, "to") {
                v = args.need()?;
            }
            if matches(&v, "root") {
                v = args.need()?;
                f.rdst = get_prefix(&v, dump_family)?;
            } else if matches(&v, "match") {
                v = args.need()?;
                f.mdst = get_prefix(&v, dump_family)?;
            } else {
                if matches(&v, "exact") {
                    v = args.need()?;
                }
                f.mdst = get_prefix(&v, dump_family)?;
                f.rdst = f.mdst;
            }
        }
    }
    if dump_family == AF_UNSPEC && f.tb != 0 {
        dump_family = AF_INET;
    }
    if let Some(d) = idev {
        let idx = lookup::ifindex(ctx, &d);
        if idx == 0 {
            return Err(nodev(&d));
        }
        f.iif = idx as u32;
        f.iif_fixed = true;
    }
    if let Some(d) = odev {
        let idx = lookup::ifindex(ctx, &d);
        if idx == 0 {
            return Err(nodev(&d));
        }
        f.oif = idx as u32;
        f.oif_fixed = true;
    }
    f.mark = mark;
    Ok((f, dump_family))
}

/// Interface names for every index these routes refer to: one link dump, only when needed.
pub fn names_for<'a>(ctx: &mut Ctx, routes: impl Iterator<Item = &'a Route<'a>>) -> Names {
    let mut names = Names::new();
    let wanted: std::collections::HashSet<u32> = routes
        .flat_map(|r| r.ifindexes().collect::<Vec<_>>())
        .collect();
    if wanted.is_empty() {
        return names;
    }
    let req = crate::netlink::link::dump(AF_UNSPEC, RTEXT_FILTER_SKIP_STATS, None, None);
    if let Ok(d) = ctx.dump(req) {
        for m in d.messages() {
            if let Some((idx, name, _)) = crate::netlink::link::parse_brief(m.ty, m.payload)
                && wanted.contains(&(idx as u32))
            {
                names.insert(idx as u32, name.to_vec());
            }
        }
    }
    names
}

/// The dump request with the selector's protocol, table and device. A batch's socket is not
/// strict (as iproute2's), so there the kernel ignores them and the filter alone selects.
fn dump_request(f: &Filter, family: u8) -> crate::netlink::msg::Request {
    route::dump(family, f.protocol, f.cloned, f.tb, f.oif)
}

/// Prints a dump error as rtnl_dump_filter does (nothing for a bare ENOENT/EOPNOTSUPP).
/// iproute2 has not flushed stdout at this point: what it holds (the opening of a JSON array)
/// comes out at exit, after the message, also when both streams share a pipe.
fn dump_error(e: &KernelError, tail: &str) {
    if e.msg.is_none() && (e.errno == libc::ENOENT || e.errno == libc::EOPNOTSUPP) {
        eprintln!("{tail}");
    } else {
        eprintln!("{e}\n{tail}");
    }
}

/// `ip route show|list|lst` (flush = false) and `ip route flush`.
pub fn list(ctx: &mut Ctx, args: Args, flush: bool) -> Result<()> {
    if flush && args.is_empty() {
        return Err(Error::fail("\"ip route flush\" requires arguments."));
    }
    let (mut f, family) = parse(ctx, args)?;
    if flush {
        f.flush = true;
        return do_flush(ctx, &f, family);
    }
    let req = dump_request(&f, family);
    ctx.p.begin();
    let dump = match ctx.dump(req) {
        Ok(d) => d,
        Err(e) if e.errno == libc::ENOENT && f.tb == RT_TABLE_MAIN => {
            ctx.p.end();
            return Ok(());
        }
        Err(e) => {
            // iproute2 leaves the JSON array open here
            dump_error(&e, "Dump terminated");
            return Err(Error::silent(2));
        }
    };
    let mut sel = Selection::default();
    let routes: Vec<Route> = route::routes(&dump.data)
        .into_iter()
        .filter(|r| f.pass(r, ctx.family, &mut sel))
        .collect();
    let names = names_for(ctx, routes.iter());
    let view = f.view(ctx);
    for r in &routes {
        print_route(&mut ctx.p, r, &view, &names);
    }
    ctx.p.end();
    Ok(())
}

const ROUTE_FLUSH_PATH: &str = "/proc/sys/net/ipv4/route/flush";
/// iproute2's flush buffer: deletions go out in batches of at most this many bytes.
const FLUSH_BUF: usize = 4096 - 512;

/// iproute_flush: dump, delete what matches, again until nothing matches.
fn do_flush(ctx: &mut Ctx, f: &Filter, family: u8) -> Result<()> {
    let start = std::time::Instant::now();
    let stats = ctx.opts.stats;
    if f.cloned {
        if family != AF_INET6 {
            flush_cache()?;
            if stats > 0 {
                ctx.p.text_str("*** IPv4 routing cache is flushed.\n");
            }
        }
        if family == AF_INET {
            return Ok(());
        }
    }
    let mut round = 0;
    loop {
        let req = dump_request(f, family);
        let dump = match ctx.dump(req) {
            Ok(d) => d,
            Err(e) => {
                dump_error(&e, "Flush terminated");
                return Err(Error::silent(2));
            }
        };
        let mut sel = Selection::default();
        let doomed: Vec<Route> = route::routes(&dump.data)
            .into_iter()
            .filter(|r| f.pass(r, ctx.family, &mut sel))
            .collect();
        if stats >= 2 && !doomed.is_empty() {
            let names = names_for(ctx, doomed.iter());
            let view = f.view(ctx);
            for r in &doomed {
                print_route(&mut ctx.p, r, &view, &names);
            }
        }
        if doomed.is_empty() {
            if stats > 0 {
                if round == 0 && (!f.cloned || family == AF_INET6) {
                    ctx.p.text_str("Nothing to flush.\n");
                } else {
                    ctx.p.text(format_args!(
                        "*** Flush is complete after {round} round{} ***\n",
                        if round > 1 { "s" } else { "" }
                    ));
                }
            }
            ctx.p.flush();
            return Ok(());
        }
        round += 1;
        send_deletes(ctx, &doomed)?;
        let secs = start.elapsed().as_secs();
        if secs > 30 {
            ctx.p.text(format_args!(
                "\n*** Flush not completed after {secs} seconds, {} entries remain ***\n",
                doomed.len()
            ));
            ctx.p.flush();
            return Err(Error::silent(1));
        }
        if stats > 0 {
            ctx.p.text(format_args!(
                "\n*** Round {round}, deleting {} entries ***\n",
                doomed.len()
            ));
            ctx.p.flush();
        }
    }
}

/// Sends the deletions in iproute2's batches, without ACKs, checking for queued errors.
fn send_deletes(ctx: &mut Ctx, doomed: &[Route]) -> Result<()> {
    let mut batches: Vec<Vec<crate::netlink::msg::Request>> = vec![Vec::new()];
    let mut used = 0usize;
    for r in doomed {
        let len = NLMSG_HDRLEN + r.payload.len();
        if crate::netlink::msg::align4(used) + len > FLUSH_BUF && used > 0 {
            batches.push(Vec::new());
            used = 0;
        }
        used = crate::netlink::msg::align4(used) + len;
        if let Some(b) = batches.last_mut() {
            b.push(route::delete_of(r.payload));
        }
    }
    let last = batches.len() - 1;
    for (i, b) in batches.into_iter().enumerate() {
        if let Err(e) = ctx.sock()?.send_check(b) {
            let tail = if i < last { "\nFlush terminated" } else { "" };
            ctx.warn(format_args!(
                "Failed to send flush request: {}{tail}",
                crate::error::strerror(e.errno)
            ));
            return Err(Error::silent(2));
        }
    }
    Ok(())
}

/// iproute_flush_cache: writes -1 to the IPv4 routing cache's flush file.
fn flush_cache() -> Result<()> {
    use std::io::Write;
    let mut fh = std::fs::OpenOptions::new()
        .write(true)
        .open(ROUTE_FLUSH_PATH)
        .map_err(|e| {
            Error::fail(format!(
                "Cannot open \"{ROUTE_FLUSH_PATH}\": {}",
                crate::error::io_text(&e)
            ))
        })?;
    if fh.write(b"-1").map(|n| n < 2).unwrap_or(true) {
        return Err(Error::fail("Cannot flush routing cache"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_match_bits() {
        let mut a = [0u8; 32];
        let mut b = [0u8; 32];
        a[..4].copy_from_slice(&[10, 0, 1, 0]);
        b[..4].copy_from_slice(&[10, 0, 0, 0]);
        assert!(!differ(&a, &b, 16));
        assert!(!differ(&a, &b, 23));
        assert!(differ(&a, &b, 24));
        assert!(!differ(&a, &b, 0));
        assert!(!differ(&a, &b, -1));
        assert!(!differ(&a, &a, 999));
    }
}
