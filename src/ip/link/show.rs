//! `ip link show` (and the link half of `ip addr show`): iproute2's ipaddr_list_flush_or_save
//! for links — filters, one RTM_GETLINK dump (or one GET for `dev X`), then printing.

use std::collections::HashMap;

use super::kinds;
use crate::error::{Error, Result};
use crate::ip::args::{Args, duparg2, invarg, matches};
use crate::ip::{AF_PACKET, Ctx, lookup};
use crate::netlink::consts::*;
use crate::netlink::link::{self, Link};
use crate::print::link::{LinkIndex, LinkOpts, LinkPrinter};

/// Link filters of `ip link show` / `ip addr show`.
#[derive(Debug, Clone, Default)]
pub struct LinkFilter {
    pub dev: Option<String>,
    pub ifindex: i32,
    pub up: bool,
    pub group: Option<u32>,
    /// > 0: a master's index; -1: `nomaster`.
    pub master: i32,
    pub kind: Option<String>,
    pub slave_kind: Option<String>,
}

impl LinkFilter {
    /// print_linkinfo's own checks (the kernel filtered master and kind already, mostly).
    pub fn pass(&self, l: &Link) -> bool {
        if self.ifindex != 0 && l.info.index != self.ifindex {
            return false;
        }
        if self.up && !l.is_up() {
            return false;
        }
        if let (Some(g), Some(lg)) = (self.group, l.group)
            && g != lg
        {
            return false;
        }
        if self.master > 0 && l.master != Some(self.master as u32) {
            return false;
        }
        if let Some(k) = &self.kind
            && l.kind != Some(&*crate::bytes::encode(k))
        {
            return false;
        }
        if let Some(k) = &self.slave_kind
            && l.slave_kind != Some(&*crate::bytes::encode(k))
        {
            return false;
        }
        true
    }
}

/// Reads a link-filter word (`up`, `group G`, `master DEV`, `nomaster`, `vrf NAME`, `type KIND`);
/// false when the word is not one of them.
pub fn filter_word(ctx: &mut Ctx, w: &str, args: &mut Args, f: &mut LinkFilter) -> Result<bool> {
    match w {
        "up" => f.up = true,
        "group" => {
            let v = args.need()?;
            f.group = Some(
                crate::names::a2n(crate::names::groups(), &v, u32::MAX)
                    .ok_or_else(|| invarg("Invalid \"group\" value\n", &v))?,
            );
        }
        "master" => {
            let v = args.need()?;
            let idx = lookup::ifindex(ctx, &v);
            if idx == 0 {
                return Err(invarg("Device does not exist\n", &v));
            }
            f.master = idx;
        }
        "vrf" => {
            let v = args.need()?;
            let idx = lookup::ifindex(ctx, &v);
            if idx == 0 || !super::parse::is_vrf(ctx, idx) {
                return Err(invarg("Not a valid VRF name\n", &v));
            }
            f.master = idx;
        }
        "nomaster" => f.master = -1,
        "type" => {
            let v = args.need()?;
            match v.strip_suffix("_slave") {
                Some(k) => f.slave_kind = Some(k.to_string()),
                None => f.kind = Some(v),
            }
        }
        _ => return Ok(false),
    }
    Ok(true)
}

/// A bare word or `dev NAME` names the device; a second one is an error.
pub fn dev_word(w: &str, args: &mut Args, f: &mut LinkFilter, help: fn() -> Error) -> Result<()> {
    let d = if w == "dev" {
        args.need()?
    } else {
        if matches(w, "help") {
            return Err(help());
        }
        w.to_string()
    };
    if f.dev.is_some() {
        return Err(duparg2("dev", &d));
    }
    f.dev = Some(d);
    Ok(())
}

pub fn link_opts(ctx: &Ctx, do_link: bool, family: u8) -> LinkOpts {
    LinkOpts {
        do_link,
        details: ctx.opts.details,
        stats: ctx.opts.stats,
        brief: ctx.opts.brief,
        family,
        numeric: ctx.opts.numeric,
        human: ctx.opts.human > 0,
        iec: ctx.opts.iec,
        showqueue: true,
    }
}

/// EXT_MASK for link requests: VFs, and no statistics unless they will be shown.
pub fn ext_mask(ctx: &Ctx) -> u32 {
    if ctx.opts.stats > 0 {
        RTEXT_FILTER_VF
    } else {
        RTEXT_FILTER_VF | RTEXT_FILTER_SKIP_STATS
    }
}

/// `ip link show [DEV] [filters]`.
pub fn list(ctx: &mut Ctx, mut args: Args) -> Result<()> {
    // ipaddr_list_link sets do_link, for the rest of the process (a batch) too
    ctx.link_listed = true;
    let family = AF_PACKET;
    // iproute2 parses the address filters here too: they select no link, but a bad scope is an
    // error and a label hides every link line
    let (f, af) = crate::ip::addr::parse_filters(ctx, &mut args, family, false, super::usage)?;
    let label = af.label.is_some();
    let opts = link_opts(ctx, true, family);
    if let (Some(d), None) = (f.dev.clone(), f.group) {
        return get_and_print(ctx, &d, &f, opts, label);
    }
    ctx.p.begin();
    let master = (f.master != 0).then_some(f.master);
    let kind = f.kind.as_deref().map(crate::bytes::encode);
    let req = link::dump(family, ext_mask(ctx), master, kind.as_deref());
    let dump = match ctx.dump(req) {
        Ok(d) => d.data,
        Err(e) => {
            ctx.warn(format_args!("{e}\nDump terminated"));
            Vec::new()
        }
    };
    let mut links: Vec<Link> = crate::netlink::msg::Messages::new(&dump)
        .filter_map(|m| Link::parse(m.ty, m.payload))
        .collect();
    // store_nlmsg: every dumped link enters iproute2's name cache
    for l in &links {
        ctx.ll_cache.remember(l.info.index, l.name);
    }
    print_filtered(ctx, &mut links, &f, opts, label);
    ctx.p.end();
    Ok(())
}

/// iplink_get: one device asked for by name and printed, if it passes the filter.
pub fn get_and_print(
    ctx: &mut Ctx,
    dev: &str,
    f: &LinkFilter,
    opts: LinkOpts,
    label: bool,
) -> Result<()> {
    ctx.p.begin();
    let req = link::get(0, 0, Some(&crate::bytes::encode(dev)), ext_mask(ctx));
    let replies = match ctx.sock()?.talk(req) {
        Ok(a) => a.replies,
        Err(e) => {
            ctx.p.end();
            return Err(Error::exit(
                format!(
                    "{e}\nCannot send link get request: {}",
                    crate::error::strerror(e.errno)
                ),
                1,
            ));
        }
    };
    let mut links: Vec<Link> = crate::netlink::msg::Messages::new(&replies)
        .filter_map(|m| Link::parse(m.ty, m.payload))
        .collect();
    print_filtered(ctx, &mut links, f, opts, label);
    ctx.p.end();
    Ok(())
}

/// The links that pass `f`; a label filter makes print_linkinfo print nothing at all.
fn print_filtered(ctx: &mut Ctx, links: &mut [Link], f: &LinkFilter, opts: LinkOpts, label: bool) {
    let mut hidden = |ctx: &mut Ctx, _: &Link, _: &LinkPrinter| {
        ctx.p.open_object("");
        ctx.p.close_object();
    };
    print_links(
        ctx,
        links,
        f,
        opts,
        !label,
        if label { Some(&mut hidden) } else { None },
    );
}

/// What `ip addr` prints for each link instead of the link alone.
pub type AfterLink<'f> = dyn FnMut(&mut Ctx, &Link, &LinkPrinter) + 'f;

/// Builds the name map (from the links at hand, asking the kernel for any missing peer or
/// master), then prints every link that passes the filter. `after` prints extra lines per link
/// (addresses) and returns whether to print the link at all. `linkinfo`: whether the full link
/// lines are printed (iproute2's print_linkinfo, which names namespaces).
pub fn print_links(
    ctx: &mut Ctx,
    links: &mut [Link],
    f: &LinkFilter,
    opts: LinkOpts,
    linkinfo: bool,
    after: Option<&mut AfterLink>,
) {
    // IPv6 link dumps carry no IFLA_TXQLEN; iproute2 then asks with an ioctl, we ask rtnetlink
    for l in links.iter_mut() {
        if l.txqlen.is_none()
            && let Ok(sock) = ctx.sock()
            && let Ok(a) = sock.talk(link::get(
                0,
                l.info.index,
                None,
                RTEXT_FILTER_VF | RTEXT_FILTER_SKIP_STATS,
            ))
        {
            l.txqlen = link::first_link(&a.replies).and_then(|x| x.txqlen);
        }
    }
    let links: &[Link] = links;
    let mut index = LinkIndex::default();
    for l in links {
        index.map.insert(l.info.index, (l.name, l.info.flags));
    }
    // links referred to but not in this listing (single GET, filtered dumps)
    let mut extra: Vec<(i32, Vec<u8>, u32)> = Vec::new();
    for l in links {
        let mut wanted = Vec::new();
        if let Some(m) = l.master {
            wanted.push(m as i32);
        }
        if let (Some(k), None) = (l.link, l.link_netnsid)
            && k != 0
        {
            wanted.push(k as i32);
        }
        if opts.details > 0 {
            // devices named in kind details (a vxlan's dev, a bridge port's backup_port)
            wanted.extend(kinds::links_referenced(l.kind, l.info_data, false));
            wanted.extend(kinds::links_referenced(l.slave_kind, l.slave_data, true));
        }
        for w in wanted {
            if !index.map.contains_key(&w)
                && !extra.iter().any(|(i, _, _)| *i == w)
                && let Some((n, fl)) = lookup::name_and_flags(ctx, w)
            {
                extra.push((w, n, fl));
            }
        }
    }
    for (i, n, fl) in &extra {
        index.map.insert(*i, (n.as_slice(), *fl));
    }
    // iproute2 fills its namespace name cache when it first prints a link that needs it
    let json = ctx.p.is_json();
    let need_ns = linkinfo
        && !opts.brief
        && links.iter().any(|l| {
            f.pass(l)
                && ((!json && l.link_netnsid.is_some_and(|i| i >= 0))
                    || l.new_netnsid.is_some_and(|i| i >= 0))
        });
    if need_ns {
        crate::ip::netns::map_init(ctx);
    }
    let ns: HashMap<i32, String> = ctx
        .nsid_names
        .iter()
        .flatten()
        .filter(|_| need_ns)
        .cloned()
        .collect();
    let printer = LinkPrinter {
        opts,
        names: &index,
        netns_names: &ns,
        kinds: kinds::print_details,
    };
    let mut after = after;
    for l in links {
        if !f.pass(l) {
            // iproute2 opened the JSON object before print_linkinfo refused the link
            ctx.p.open_object("");
            ctx.p.close_object();
            continue;
        }
        if let Some(cb) = after.as_mut() {
            cb(ctx, l, &printer);
        } else {
            ctx.p.open_object("");
            printer.print(&mut ctx.p, l);
            ctx.p.close_object();
            ctx.p.checkpoint();
        }
    }
}

/// `ip -echo link …`: the first message the kernel echoed, printed as print_linkinfo prints it
/// with the state the last listing of this process left (without one: no `mode`, no `qlen`, and
/// only links of group 0), inside its own JSON document.
pub fn print_echo(ctx: &mut Ctx, replies: &[u8]) -> Result<()> {
    let last = ctx.last_filter.clone();
    let mut opts = link_opts(ctx, ctx.link_listed, last.addr.family);
    opts.showqueue = last.showqueue;
    ctx.p.begin();
    let first = crate::netlink::msg::Messages::new(replies).next();
    match first.and_then(|m| Link::parse(m.ty, m.payload)) {
        Some(l) => print_filtered(ctx, &mut [l], &last.link, opts, last.addr.label.is_some()),
        None => {
            ctx.p.open_object("");
            ctx.p.close_object();
        }
    }
    ctx.p.end();
    Ok(())
}
