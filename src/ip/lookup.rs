//! Device lookups as iproute2's ll_map does them: name -> index by RTM_GETLINK (falling back to
//! the `ifN` index syntax), index -> name and flags.

use super::Ctx;
use crate::netlink::consts::*;
use crate::netlink::link::{self, first_link};

/// RTEXT_FILTER_VF | RTEXT_FILTER_SKIP_STATS: what iproute2 asks for when it only needs a name.
const LOOKUP_MASK: u32 = RTEXT_FILTER_VF | RTEXT_FILTER_SKIP_STATS;

/// ll_name_to_index: 0 when no such device.
pub fn ifindex(ctx: &mut Ctx, name: &str) -> i32 {
    if name.is_empty() {
        return 0;
    }
    if let Ok(sock) = ctx.sock()
        && let Ok(ans) = sock.talk(link::get(0, 0, Some(name.as_bytes()), LOOKUP_MASK))
        && let Some(l) = first_link(&ans.replies)
    {
        return l.info.index;
    }
    // ll_idx_a2n: "if%u"
    name.strip_prefix("if")
        .map(|d| d.chars().take_while(char::is_ascii_digit).collect::<String>())
        .and_then(|d| d.parse::<u32>().ok())
        .map(|v| v as i32)
        .unwrap_or(0)
}

/// ll_index_to_name / ll_index_to_flags for one index.
pub fn name_and_flags(ctx: &mut Ctx, index: i32) -> Option<(Vec<u8>, u32)> {
    let sock = ctx.sock().ok()?;
    let ans = sock.talk(link::get(0, index, None, LOOKUP_MASK)).ok()?;
    let l = first_link(&ans.replies)?;
    Some((l.name.to_vec(), l.info.flags))
}

/// Length of a device's hardware address (nl_get_ll_addr_len), if it has one.
pub fn lladdr_len(ctx: &mut Ctx, index: i32) -> Option<usize> {
    let sock = ctx.sock().ok()?;
    let ans = sock.talk(link::get(0, index, None, LOOKUP_MASK)).ok()?;
    first_link(&ans.replies)?.address.map(<[u8]>::len)
}
