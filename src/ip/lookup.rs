//! Device lookups as iproute2's ll_map does them: name -> index by RTM_GETLINK (falling back to
//! the `ifN` index syntax), index -> name and flags.

use std::collections::HashMap;

use super::Ctx;
use crate::netlink::consts::*;
use crate::netlink::link::{self, first_link};

/// iproute2's ll_map cache of name -> index, which lives as long as the process (a whole batch):
/// names it has seen answer from it, even when the device is gone since (a veth whose peer was
/// deleted): the kernel then refuses the stale index. `ip link` changes drop the index they
/// touched (ll_drop_by_index).
#[derive(Debug, Default)]
pub struct LlCache {
    by_name: HashMap<String, i32>,
    by_index: HashMap<i32, String>,
}

impl LlCache {
    /// ll_remember_index for a link seen in an answer. A known index under another name (a
    /// rename) is rehashed without its name being updated in iproute2: neither name is found.
    pub fn remember(&mut self, index: i32, name: &[u8]) {
        let name = crate::bytes::decode(name).into_owned();
        match self.by_index.get(&index) {
            Some(old) if *old == name => {}
            Some(old) => {
                if self.by_name.get(old) == Some(&index) {
                    self.by_name.remove(old);
                }
            }
            None => {
                self.by_index.insert(index, name.clone());
                self.by_name.insert(name, index);
            }
        }
    }
    /// ll_drop_by_index.
    pub fn drop_index(&mut self, index: i32) {
        if let Some(name) = self.by_index.remove(&index)
            && self.by_name.get(&name) == Some(&index)
        {
            self.by_name.remove(&name);
        }
    }
}

/// RTEXT_FILTER_VF | RTEXT_FILTER_SKIP_STATS: what iproute2 asks for when it only needs a name.
const LOOKUP_MASK: u32 = RTEXT_FILTER_VF | RTEXT_FILTER_SKIP_STATS;

/// ll_name_to_index: 0 when no such device.
pub fn ifindex(ctx: &mut Ctx, name: &str) -> i32 {
    if name.is_empty() {
        return 0;
    }
    if let Some(&i) = ctx.ll_cache.by_name.get(name) {
        return i;
    }
    if let Ok(sock) = ctx.sock()
        && let Ok(ans) = sock.talk(link::get(
            0,
            0,
            Some(&crate::bytes::encode(name)),
            LOOKUP_MASK,
        ))
        && let Some(l) = first_link(&ans.replies)
    {
        ctx.ll_cache.remember(l.info.index, l.name);
        return l.info.index;
    }
    // ll_idx_a2n: "if%u"
    name.strip_prefix("if")
        .map(|d| {
            d.chars()
                .take_while(char::is_ascii_digit)
                .collect::<String>()
        })
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
