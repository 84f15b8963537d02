//! veth: `type veth [peer <link options>]`; the peer is a whole ifinfomsg with its own
//! attributes nested in VETH_INFO_PEER.

use super::parse as link_parse;
use crate::error::{Error, Result};
use crate::ip::Ctx;
use crate::ip::args::{Args, duparg};
use crate::netlink::consts::NLM_F_CREATE;
use crate::netlink::link::IfInfo;
use crate::netlink::msg::Request;

pub const VETH_INFO_PEER: u16 = 1;

const USAGE: &str = "Usage: ip link <options> type veth [peer <options>]\nTo get <options> type 'ip link add help'\n";

pub fn help() {
    print!("{USAGE}");
}

pub fn parse(ctx: &mut Ctx, args: &mut Args, req: &mut Request) -> Result<()> {
    if args.peek() != Some("peer") {
        // iproute2 prints this usage to stdout and fails with 1
        print!("{USAGE}");
        return Err(Error::silent(1));
    }
    args.next();
    let nest = req.nest(VETH_INFO_PEER);
    let at = req.len();
    req.bytes(&IfInfo::default().bytes());
    // the peer is parsed into the same request, so a `set` resolves (and requires) its device
    let create = req.flags() & NLM_F_CREATE != 0;
    let peer = link_parse(ctx, args, req, at, create)?;
    if peer.kind.is_some() {
        return Err(duparg("type", peer.kind.as_deref().unwrap_or("")));
    }
    req.end(nest);
    Ok(())
}
