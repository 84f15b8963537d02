//! `ip link`: add, delete, set/change, replace, show/list/lst, property, help — iproute2 6.1's
//! iplink.c grammar with its keyword prefixes and messages.

mod bridge;
mod bridge_slave;
pub mod kinds;
mod llproto;
mod macvlan;
mod parse;
pub mod show;
mod veth;
mod vlan;
mod vxlan;

use super::args::{Args, duparg2, invarg, matches, nodev};
use super::{Ctx, lookup, suggest};
use crate::error::{Error, Result};
use crate::netlink::consts::*;
use crate::netlink::link::{IfInfo, valid_ifname};
use crate::netlink::msg::Request;

pub use parse::{lladdr_a2n, parse};

const COMMANDS: &[&str] = &[
    "add", "set", "change", "replace", "delete", "show", "lst", "list", "xstats", "afstats",
    "property", "help",
];

pub fn run(ctx: &mut Ctx, mut args: Args) -> Result<()> {
    let Some(cmd) = args.next() else {
        return show::list(ctx, args);
    };
    let c = cmd.as_str();
    if matches(c, "add") {
        modify(ctx, args, RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL)
    } else if matches(c, "set") || matches(c, "change") {
        modify(ctx, args, RTM_NEWLINK, 0)
    } else if matches(c, "replace") {
        modify(ctx, args, RTM_NEWLINK, NLM_F_CREATE | NLM_F_REPLACE)
    } else if matches(c, "delete") {
        modify(ctx, args, RTM_DELLINK, 0)
    } else if matches(c, "show") || matches(c, "lst") || matches(c, "list") {
        show::list(ctx, args)
    } else if matches(c, "xstats") || matches(c, "afstats") {
        Err(Error::fail(format!(
            "\"ip link {cmd}\" is not served by ipbox; use iproute2's ip for it."
        )))
    } else if matches(c, "property") {
        property(ctx, args)
    } else if matches(c, "help") {
        help(args)
    } else {
        let mut msg = format!("Command \"{cmd}\" is unknown, try \"ip link help\".");
        if let Some(s) = suggest::closest(&cmd, COMMANDS) {
            msg.push_str(&format!("\nDid you mean \"{s}\"?"));
        }
        Err(Error::usage(msg))
    }
}

/// iplink_modify: parse, add IFLA_LINKINFO for `type KIND [ARGS]`, send, wait for the ACK.
fn modify(ctx: &mut Ctx, mut args: Args, cmd: u16, flags: u16) -> Result<()> {
    let family = ctx.family;
    let mut req = Request::new(cmd, flags).header(
        &IfInfo {
            family,
            ..IfInfo::default()
        }
        .bytes(),
    );
    let parsed = parse(
        ctx,
        &mut args,
        &mut req,
        NLMSG_HDRLEN,
        flags & NLM_F_CREATE != 0,
    )?;
    if let Some(kind) = &parsed.kind {
        let linkinfo = req.nest(IFLA_LINKINFO);
        // iproute2 6.1 sends the kind without its NUL
        req.attr(IFLA_INFO_KIND, &crate::bytes::encode(kind));
        let slave = kind.ends_with("_slave");
        let lu = kinds::find(kind);
        match lu.and_then(|k| k.parse) {
            Some(parse_opt) if !args.is_empty() => {
                let data = req.nest(if slave {
                    IFLA_INFO_SLAVE_DATA
                } else {
                    IFLA_INFO_DATA
                });
                parse_opt(ctx, &mut args, &mut req)?;
                req.end(data);
            }
            _ if !args.is_empty() => {
                let first = args.peek().unwrap_or_default().to_string();
                if matches(&first, "help") {
                    return Err(usage());
                }
                return Err(Error::fail(format!(
                    "Garbage instead of arguments \"{first} ...\". Try \"ip link help\"."
                )));
            }
            _ => {}
        }
        req.end(linkinfo);
    } else if flags & NLM_F_CREATE != 0 && !parsed.group_only {
        return Err(Error::fail(
            "Not enough information: \"type\" argument is required",
        ));
    }
    if ctx.opts.echo {
        let answer = ctx.talk_echo(req)?;
        show::print_echo(ctx, &answer.replies)?;
    } else {
        ctx.talk(req)?;
    }
    // iplink_modify: the device leaves iproute2's name cache once changed
    ctx.ll_cache.drop_index(parsed.index);
    Ok(())
}

/// `ip link property {add|del} dev DEV altname NAME …`
fn property(ctx: &mut Ctx, mut args: Args) -> Result<()> {
    let Some(op) = args.next() else {
        return Err(usage());
    };
    let (ty, flags) = if matches(&op, "add") {
        (RTM_NEWLINKPROP, NLM_F_EXCL | NLM_F_CREATE | NLM_F_APPEND)
    } else if matches(&op, "del") {
        (RTM_DELLINKPROP, 0)
    } else if matches(&op, "help") {
        return Err(usage());
    } else {
        return Err(Error::usage("Operator required"));
    };
    let mut req = Request::new(ty, flags).header(
        &IfInfo {
            family: ctx.family,
            ..IfInfo::default()
        }
        .bytes(),
    );
    let props = req.nest(IFLA_PROP_LIST | NLA_F_NESTED);
    let mut dev: Option<String> = None;
    while let Some(w) = args.next() {
        if matches(&w, "altname") {
            let name = args.need()?;
            if !valid_altifname(&name) {
                return Err(invarg("not a valid altname", &name));
            }
            req.strz(IFLA_ALT_IFNAME, &crate::bytes::encode(&name));
        } else if matches(&w, "help") {
            return Err(usage());
        } else {
            let d = if w == "dev" { args.need()? } else { w };
            if dev.is_some() {
                return Err(duparg2("dev", &d));
            }
            if !valid_altifname(&d) {
                return Err(invarg("\"dev\" not a valid ifname", &d));
            }
            dev = Some(d);
        }
    }
    req.end(props);
    let Some(dev) = dev else {
        return Err(Error::usage(
            "Not enough of information: \"dev\" argument is required.",
        ));
    };
    let index = lookup::ifindex(ctx, &dev);
    if index == 0 {
        return Err(nodev(&dev));
    }
    req.patch(
        NLMSG_HDRLEN,
        &IfInfo {
            family: ctx.family,
            index,
            ..IfInfo::default()
        }
        .bytes(),
    );
    ctx.talk(req)?;
    Ok(())
}

/// 6.1's check_altifname: non-empty, no '/' and no white space.
pub fn valid_altifname(n: &str) -> bool {
    !n.is_empty()
        && !crate::bytes::encode(n)
            .iter()
            .any(|&b| b == b'/' || b.is_ascii_whitespace() || b == 0x0b)
}

/// Valid `name` argument (check_ifname).
pub fn valid_name(n: &str) -> bool {
    valid_ifname(&crate::bytes::encode(n))
}

fn help(mut args: Args) -> Result<()> {
    if let Some(kind) = args.next()
        && let Some(h) = kinds::find(&kind).and_then(|k| k.help)
    {
        h();
        return Ok(());
    }
    Err(usage())
}

pub fn usage() -> Error {
    Error::usage(format!(
        "Usage: ip link add [link DEV | parentdev NAME] [ name ] NAME\n\
\t\t    [ txqueuelen PACKETS ]\n\
\t\t    [ address LLADDR ]\n\
\t\t    [ broadcast LLADDR ]\n\
\t\t    [ mtu MTU ] [index IDX ]\n\
\t\t    [ numtxqueues QUEUE_COUNT ]\n\
\t\t    [ numrxqueues QUEUE_COUNT ]\n\
\t\t    [ netns {{ PID | NAME }} ]\n\
\t\t    type TYPE [ ARGS ]\n\
\n\
\tip link delete {{ DEVICE | dev DEVICE | group DEVGROUP }} type TYPE [ ARGS ]\n\
\n\
\tip link set {{ DEVICE | dev DEVICE | group DEVGROUP }}\n\
\t\t\t[ {{ up | down }} ]\n\
\t\t\t[ type TYPE ARGS ]\n\
\t\t[ arp {{ on | off }} ]\n\
\t\t[ dynamic {{ on | off }} ]\n\
\t\t[ multicast {{ on | off }} ]\n\
\t\t[ allmulticast {{ on | off }} ]\n\
\t\t[ promisc {{ on | off }} ]\n\
\t\t[ trailers {{ on | off }} ]\n\
\t\t[ carrier {{ on | off }} ]\n\
\t\t[ txqueuelen PACKETS ]\n\
\t\t[ name NEWNAME ]\n\
\t\t[ address LLADDR ]\n\
\t\t[ broadcast LLADDR ]\n\
\t\t[ mtu MTU ]\n\
\t\t[ netns {{ PID | NAME }} ]\n\
\t\t[ link-netns NAME | link-netnsid ID ]\n\
\t\t[ alias NAME ]\n\
\t\t[ master DEVICE ][ vrf NAME ]\n\
\t\t[ nomaster ]\n\
\t\t[ addrgenmode {{ eui64 | none | stable_secret | random }} ]\n\
\t\t[ protodown {{ on | off }} ]\n\
\t\t[ protodown_reason PREASON {{ on | off }} ]\n\
\t\t[ gso_max_size BYTES ] | [ gso_max_segs PACKETS ]\n\
\t\t[ gro_max_size BYTES ]\n\
\n\
\tip link show [ DEVICE | group GROUP ] [up] [master DEV] [vrf NAME] [type TYPE]\n\
\t\t[nomaster]\n\
\n\
\tip link property add dev DEVICE [ altname NAME .. ]\n\
\tip link property del dev DEVICE [ altname NAME .. ]\n\
\n\
\tip link help [ TYPE ]\n\
\n\
TYPE := {{ {} }}",
        kinds::names().join(" | ")
    ))
}
