//! `ip address show` and `ip address flush` (iproute2's ipaddr_list_flush_or_save).
//! Links and addresses come from one dump each and are joined by ifindex in a map, in one
//! pass — iproute2 scans the whole address list once per link.

use std::collections::HashMap;
use std::ffi::CString;

use super::usage;
use crate::error::{Error, Result, strerror};
use crate::ip::args::{Args, invarg};
use crate::ip::inet::{Prefix, get_prefix};
use crate::ip::link::show::{LinkFilter, dev_word, ext_mask, filter_word, link_opts, print_links};
use crate::ip::{AF_INET, AF_PACKET, AF_UNSPEC, Ctx, lookup};
use crate::netlink::addr::{self, Addr, IfAddr};
use crate::netlink::consts::*;
use crate::netlink::link::{self, Link};
use crate::netlink::msg::{Messages, Request};
use crate::print::addr::{AddrOpts, FLAGS, print_addr};

/// Address filters (iproute2's `filter` for addresses).
#[derive(Debug, Clone, Default)]
pub struct AddrFilter {
    pub family: u8,
    pfx: Option<Prefix>,
    scope: u8,
    scopemask: u8,
    flags: u32,
    flagmask: u32,
    pub label: Option<CString>,
    ifindex: u32,
}

impl AddrFilter {
    /// get_filter: `[-]FLAG`, `dynamic` = `-permanent`, `primary` = `-secondary`.
    fn flag_word(&mut self, w: &str) -> bool {
        let (mut inv, mut name) = match w.strip_prefix('-') {
            Some(n) => (true, n),
            None => (false, w),
        };
        if name == "dynamic" {
            inv = !inv;
            name = "permanent";
        } else if name == "primary" {
            inv = !inv;
            name = "secondary";
        }
        let Some((_, mask, _, _)) = FLAGS.iter().find(|f| f.0 == name) else {
            return false;
        };
        if inv {
            self.flags &= !mask;
        } else {
            self.flags |= mask;
        }
        self.flagmask |= mask;
        true
    }

    fn label_matches(&self, label: &[u8]) -> bool {
        let Some(pat) = &self.label else { return true };
        let Ok(name) = CString::new(label) else {
            return false;
        };
        // SAFETY: two NUL-terminated strings.
        unsafe { libc::fnmatch(pat.as_ptr(), name.as_ptr(), 0) == 0 }
    }

    fn prefix_matches(&self, a: &Addr) -> bool {
        let Some(m) = &self.pfx else { return true };
        if m.family == AF_UNSPEC || m.bitlen <= 0 {
            return true;
        }
        let Some(local) = a.local else { return true };
        let fam = match local.len() {
            4 => AF_INET,
            16 => crate::ip::AF_INET6,
            _ => return false,
        };
        if fam != m.family {
            return false;
        }
        let bits = m.bitlen as usize;
        let (whole, rest) = (bits / 8, bits % 8);
        if local[..whole] != m.data[..whole] {
            return false;
        }
        rest == 0 || (local[whole] ^ m.data[whole]) & (0xffu8 << (8 - rest)) == 0
    }

    /// Everything print_addrinfo checks, given the device name for the label fallback.
    pub fn pass(&self, a: &Addr, devname: &[u8]) -> bool {
        (self.ifindex == 0 || self.ifindex == a.hdr.index)
            && (self.scope ^ a.hdr.scope) & self.scopemask == 0
            && (self.flags ^ a.flags) & self.flagmask == 0
            && (self.family == 0 || self.family == a.hdr.family)
            && self.label_matches(a.label.unwrap_or(devname))
            && self.prefix_matches(a)
    }
}

/// iproute2's static `filter` of ipaddress.c as the last link or address listing (or flush) of
/// this process left it: an echoed link or address (-echo) is printed only when it passes. Before
/// any listing it is all zeroes, and a zero group hides links of any other group.
#[derive(Debug, Clone)]
pub struct LastFilter {
    pub link: LinkFilter,
    pub addr: AddrFilter,
    pub showqueue: bool,
    pub flushed: bool,
}

impl Default for LastFilter {
    fn default() -> Self {
        LastFilter {
            link: LinkFilter {
                group: Some(0),
                ..LinkFilter::default()
            },
            addr: AddrFilter::default(),
            showqueue: false,
            flushed: false,
        }
    }
}

/// Whether print_addrinfo prints an echoed address, given the filter the last listing left.
pub fn echo_passes(ctx: &Ctx, a: &Addr, devname: &[u8]) -> bool {
    let last = &ctx.last_filter;
    // after a flush iproute2's filter still points at its flush buffer: the address goes there
    // and is printed only with -s -s
    if last.flushed && ctx.opts.stats < 2 {
        return false;
    }
    last.addr.pass(a, devname)
}

/// The selectors of iproute2's ipaddr_list_flush_or_save, shared by `ip link show` and
/// `ip address show/flush`. They become the filter echoed changes are checked against (reset
/// first, then the parsed words; the device's index once it is found).
pub fn parse_filters(
    ctx: &mut Ctx,
    args: &mut Args,
    family: u8,
    flush: bool,
    help: fn() -> Error,
) -> Result<(LinkFilter, AddrFilter)> {
    let mut lf = LinkFilter::default();
    let mut af = AddrFilter {
        family,
        ..AddrFilter::default()
    };
    ctx.last_filter = LastFilter {
        link: lf.clone(),
        addr: af.clone(),
        showqueue: true,
        flushed: false,
    };
    if flush {
        if args.is_empty() {
            return Err(Error::fail("Flush requires arguments."));
        }
        if af.family == AF_PACKET {
            return Err(Error::fail("Cannot flush link addresses."));
        }
    }
    while let Some(w) = args.next() {
        if w == "to" {
            let v = args.need()?;
            let p = get_prefix(&v, af.family)?;
            if af.family == AF_UNSPEC {
                af.family = p.family;
            }
            af.pfx = Some(p);
        } else if w == "scope" {
            let v = args.need()?;
            af.scopemask = 0xff;
            match crate::names::a2n(crate::names::scopes(), &v, 255) {
                Some(s) => af.scope = s as u8,
                None => {
                    if v != "all" {
                        return Err(invarg("invalid \"scope\"\n", &v));
                    }
                    af.scope = RT_SCOPE_NOWHERE;
                    af.scopemask = 0;
                }
            }
        } else if w == "up" {
            lf.up = true;
        } else if af.flag_word(&w) {
        } else if w == "label" {
            let v = args.need()?;
            af.label =
                Some(CString::new(crate::bytes::encode(&v).into_owned()).unwrap_or_default());
        } else if filter_word(ctx, &w, args, &mut lf)? {
        } else {
            dev_word(&w, args, &mut lf, help)?;
        }
    }
    ctx.last_filter.link = lf.clone();
    ctx.last_filter.addr = af.clone();
    if let Some(d) = &lf.dev {
        lf.ifindex = lookup::ifindex(ctx, d);
        if lf.ifindex <= 0 {
            return Err(Error::fail(format!("Device \"{d}\" does not exist.")));
        }
        af.ifindex = lf.ifindex as u32;
        ctx.last_filter.link.ifindex = lf.ifindex;
        ctx.last_filter.addr.ifindex = af.ifindex;
    }
    Ok((lf, af))
}

pub fn list(ctx: &mut Ctx, mut args: Args, flush: bool) -> Result<()> {
    let (lf, af) = parse_filters(ctx, &mut args, ctx.family, flush, usage)?;
    if flush {
        ctx.last_filter.flushed = true;
        return do_flush(ctx, &af);
    }
    // after an `ip link show` in this process (a batch), iproute2's do_link stays set: a device
    // alone is then shown as `ip link show DEV` shows it
    if let (Some(d), None, true) = (&lf.dev, lf.group, ctx.link_listed) {
        let opts = link_opts(ctx, true, af.family);
        return crate::ip::link::show::get_and_print(ctx, d, &lf, opts, af.label.is_some());
    }
    let family = af.family;
    let do_link = ctx.link_listed;
    let opts = link_opts(ctx, do_link, family);
    ctx.p.begin();

    // links: one GET for a device, else one dump
    let links_raw = if lf.ifindex != 0 {
        let req = link::get(family, lf.ifindex, None, ext_mask(ctx));
        match ctx.sock()?.talk(req) {
            Ok(a) => a.replies,
            Err(e) => {
                ctx.warn(format_args!(
                    "{e}\nCannot send link request: {}",
                    strerror(e.errno)
                ));
                ctx.p.end();
                return Ok(());
            }
        }
    } else {
        let master = (lf.master != 0).then_some(lf.master);
        let kind = lf.kind.as_deref().map(crate::bytes::encode);
        match ctx.dump(link::dump(
            ctx.opts.family,
            ext_mask(ctx),
            master,
            kind.as_deref(),
        )) {
            Ok(d) => d.data,
            Err(e) => {
                ctx.warn(format_args!("{e}\nDump terminated"));
                ctx.p.end();
                return Ok(());
            }
        }
    };
    let mut links: Vec<Link> = Messages::new(&links_raw)
        .filter_map(|m| Link::parse(m.ty, m.payload))
        .collect();
    // store_nlmsg: every link listed enters iproute2's name cache
    for l in &links {
        ctx.ll_cache.remember(l.info.index, l.name);
    }

    // addresses, grouped by link
    let addrs_raw = if family != AF_PACKET {
        match ctx.dump(addr::dump(family, af.ifindex)) {
            Ok(d) => d.data,
            Err(e) => {
                ctx.warn(format_args!("{e}\nDump terminated"));
                ctx.p.end();
                return Ok(());
            }
        }
    } else {
        Vec::new()
    };
    let mut by_link: HashMap<u32, Vec<Addr>> = HashMap::new();
    for m in Messages::new(&addrs_raw) {
        if let Some(a) = Addr::parse(m.ty, m.payload)
            && !a.deleted
        {
            by_link.entry(a.hdr.index).or_default().push(a);
        }
    }

    if family != AF_PACKET {
        // ipaddr_filter: drop links none of whose addresses pass (links without any address stay
        // when no family is asked for)
        links.retain(|l| {
            let list = by_link.get(&(l.info.index as u32));
            match list {
                None => family == AF_UNSPEC || family == AF_PACKET,
                Some(v) => v.iter().any(|a| {
                    (af.family == 0 || af.family == a.hdr.family)
                        && (af.scope ^ a.hdr.scope) & af.scopemask == 0
                        && (af.flags ^ a.flags) & af.flagmask == 0
                        && af.label_matches(a.label.unwrap_or(l.name))
                        && af.prefix_matches(a)
                }),
            }
        });
    }
    let no_link = family != AF_PACKET && ctx.opts.oneline;
    let brief = ctx.opts.brief;
    let stats = ctx.opts.stats > 0;
    let label_set = af.label.is_some();
    // print_addrinfo puts `IDX: DEV` first with -o, and (iproute2 6.1) whenever -echo is given
    let with_dev = ctx.opts.oneline || ctx.opts.echo;
    let aopts = AddrOpts {
        brief,
        with_dev,
        numeric: ctx.opts.numeric,
        resolve: ctx.opts.resolve,
    };
    let mut each = |ctx: &mut Ctx, l: &Link, lp: &crate::print::link::LinkPrinter| {
        ctx.p.open_object("");
        // print_linkinfo returns 0 without printing when a label filter is set
        let printed = if (brief || !no_link) && !label_set {
            lp.print(&mut ctx.p, l);
            !brief
        } else {
            false
        };
        if family != AF_PACKET {
            ctx.p.json_open_array("addr_info");
            if let Some(list) = by_link.get(&(l.info.index as u32)) {
                for a in list {
                    if af.family != 0 && af.family != a.hdr.family {
                        continue;
                    }
                    if lf.up && !l.is_up() {
                        continue;
                    }
                    ctx.p.open_object("");
                    if af.pass(a, l.name) {
                        print_addr(&mut ctx.p, a, l.name, aopts);
                    }
                    ctx.p.close_object();
                }
            }
            ctx.p.json_close_array();
            if brief {
                ctx.p.text_str("\n");
            }
        }
        // with do_link set the link's statistics came inside its own lines already
        if printed && stats && !do_link {
            lp.stats(&mut ctx.p, l);
            ctx.p.nl();
        }
        ctx.p.close_object();
        ctx.p.checkpoint();
    };
    print_links(
        ctx,
        &mut links,
        &lf,
        opts,
        !no_link && !label_set,
        Some(&mut each),
    );
    ctx.p.end();
    Ok(())
}

/// ipaddr_flush: rounds of dump + delete of what matches, up to -l rounds.
fn do_flush(ctx: &mut Ctx, af: &AddrFilter) -> Result<()> {
    let max = ctx.opts.loops;
    let stats = ctx.opts.stats;
    let mut round = 0;
    let mut names: HashMap<u32, Vec<u8>> = HashMap::new();
    while max == 0 || round < max {
        let dump = match ctx.dump(addr::dump(af.family, af.ifindex)) {
            Ok(d) => d,
            Err(e) => return Err(Error::exit(format!("{e}\nFlush terminated"), 1)),
        };
        let mut victims: Vec<Vec<u8>> = Vec::new();
        for m in dump.messages() {
            let Some(a) = Addr::parse(m.ty, m.payload) else {
                continue;
            };
            if m.ty != RTM_NEWADDR {
                continue;
            }
            names.entry(a.hdr.index).or_insert_with(|| {
                lookup::name_and_flags(ctx, a.hdr.index as i32)
                    .map(|(n, _)| n)
                    .unwrap_or_default()
            });
            let dev = names.get(&a.hdr.index).cloned().unwrap_or_default();
            if !af.pass(&a, &dev) {
                continue;
            }
            victims.push(m.payload.to_vec());
            if stats >= 2 {
                let o = AddrOpts {
                    brief: false,
                    with_dev: true,
                    numeric: ctx.opts.numeric,
                    resolve: ctx.opts.resolve,
                };
                print_addr(&mut ctx.p, &a, &dev, o);
            }
        }
        if victims.is_empty() {
            if stats > 0 {
                if round == 0 {
                    ctx.p.text_str("Nothing to flush.\n");
                } else {
                    let s = if round > 1 { "s" } else { "" };
                    ctx.p.text(format_args!(
                        "*** Flush is complete after {round} round{s} ***\n"
                    ));
                }
            }
            return Ok(());
        }
        round += 1;
        for v in &victims {
            let mut req = Request::new(RTM_DELADDR, 0)
                .header(&v[..IfAddr::default().bytes().len().min(v.len())]);
            req.bytes(v.get(8..).unwrap_or(&[]));
            match ctx.sock()?.talk(req) {
                Ok(_) => {}
                Err(e) if e.errno == libc::EADDRNOTAVAIL => {}
                // ipaddr_flush returns 1 here, which do_cmd turns into exit code 255
                Err(e) => {
                    return Err(Error::Fail {
                        msg: format!("Failed to send flush request: {}", strerror(e.errno)),
                        code: 255,
                    });
                }
            }
        }
        if stats > 0 {
            ctx.p.text(format_args!(
                "\n*** Round {round}, deleting {} addresses ***\n",
                victims.len()
            ));
            ctx.p.flush();
        }
        // flushing primaries only: one round, or promoted secondaries would go too
        if af.flags & IFA_F_SECONDARY == 0 && af.flagmask & IFA_F_SECONDARY != 0 {
            if stats > 0 {
                let s = if round > 1 { "s" } else { "" };
                ctx.p.text(format_args!(
                    "*** Flush is complete after {round} round{s} ***\n"
                ));
            }
            return Ok(());
        }
    }
    // returned as 1 by ipaddr_flush: exit code 255, but a batch goes on
    Err(Error::Fail {
        msg: format!("*** Flush remains incomplete after {max} rounds. ***"),
        code: 255,
    })
}
