//! The bridge forwarding database over rtnetlink: RTM_GETNEIGH dumps of family AF_BRIDGE
//! (`bridge fdb show`), decoded into owned `FdbEntry`s.
//!
//! With NDA_MASTER set to a bridge, the kernel dumps that bridge and its ports: for each port the
//! bridge's entries pointing at it (they carry NDA_MASTER) and the port's own unicast/multicast
//! addresses (NTF_SELF, no NDA_MASTER); for the bridge itself its own addresses and the entries
//! that point at no port.

use super::attr::{Table, get_u32};
use super::consts::*;
use super::msg::Request;

/// AF_BRIDGE (PF_BRIDGE).
pub const AF_BRIDGE: u8 = 7;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FdbEntry {
    /// ndm_ifindex: the port the address is behind (the bridge itself for its own addresses).
    pub ifindex: i32,
    /// NUD_* (NUD_PERMANENT for local addresses, NUD_NOARP for static ones, NUD_STALE once aged out).
    pub state: u16,
    /// NTF_* flags.
    pub flags: u8,
    pub mac: Option<[u8; 6]>,
    /// NDA_MASTER: set on entries of a bridge's own table.
    pub master: Option<u32>,
    pub vlan: Option<u16>,
    /// NDA_CACHEINFO's ndm_updated: centiseconds since the entry was last refreshed.
    pub updated: Option<u32>,
}

impl FdbEntry {
    /// Decodes an RTM_NEWNEIGH payload of family AF_BRIDGE; None for anything else.
    pub fn parse(ty: u16, payload: &[u8]) -> Option<FdbEntry> {
        if ty != RTM_NEWNEIGH {
            return None;
        }
        // struct ndmsg: family, pad1, pad2(u16), ifindex(i32), state(u16), flags, type
        let h = payload.get(..12)?;
        if h[0] != AF_BRIDGE {
            return None;
        }
        let t: Table<'_, 32> = Table::parse(&payload[12..]);
        let mac = t.get(NDA_LLADDR).and_then(|m| <[u8; 6]>::try_from(m).ok());
        Some(FdbEntry {
            ifindex: i32::from_ne_bytes([h[4], h[5], h[6], h[7]]),
            state: u16::from_ne_bytes([h[8], h[9]]),
            flags: h[10],
            mac,
            master: t.u32(NDA_MASTER),
            vlan: t.u16(NDA_VLAN),
            // struct nda_cacheinfo: confirmed, used, updated, refcnt
            updated: t.get(NDA_CACHEINFO).and_then(|c| get_u32(c.get(8..)?)),
        })
    }
}

/// RTM_GETNEIGH dump of the AF_BRIDGE table, filtered by the kernel to one bridge (NDA_MASTER).
pub fn dump(master: i32) -> Request {
    let mut r = Request::new(RTM_GETNEIGH, 0).header(&[AF_BRIDGE, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    r.i32(NDA_MASTER, master);
    r
}

/// Every AF_BRIDGE entry in a dump.
pub fn entries(dump: &[u8]) -> Vec<FdbEntry> {
    super::msg::Messages::new(dump)
        .filter_map(|m| FdbEntry::parse(m.ty, m.payload))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(ifindex: i32, state: u16, attrs: &[(u16, &[u8])]) -> Vec<u8> {
        let mut h = vec![AF_BRIDGE, 0, 0, 0];
        h.extend_from_slice(&ifindex.to_ne_bytes());
        h.extend_from_slice(&state.to_ne_bytes());
        h.extend_from_slice(&[0, 0]);
        let mut r = Request::new(RTM_NEWNEIGH, 0).header(&h);
        for (t, p) in attrs {
            r.attr(*t, p);
        }
        r.finish(1, 0).to_vec()
    }

    #[test]
    fn decode_learned_entry() {
        let mut ci = [0u8; 16];
        ci[8..12].copy_from_slice(&59u32.to_ne_bytes());
        let b = msg(
            3,
            NUD_REACHABLE,
            &[
                (NDA_LLADDR, &[2, 0, 0, 0, 0, 1]),
                (NDA_MASTER, &5u32.to_ne_bytes()),
                (NDA_CACHEINFO, &ci),
            ],
        );
        let e = entries(&b);
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].ifindex, 3);
        assert_eq!(e[0].state, NUD_REACHABLE);
        assert_eq!(e[0].mac, Some([2, 0, 0, 0, 0, 1]));
        assert_eq!(e[0].master, Some(5));
        assert_eq!(e[0].updated, Some(59));
    }

    #[test]
    fn hostile_entries_never_panic() {
        assert!(FdbEntry::parse(RTM_NEWNEIGH, &[7, 0, 0]).is_none());
        let b = msg(
            3,
            0,
            &[
                (NDA_LLADDR, &[1, 2, 3]),
                (NDA_CACHEINFO, &[0; 9]),
                (NDA_MASTER, &[1]),
            ],
        );
        let e = entries(&b);
        assert_eq!(e[0].mac, None);
        assert_eq!(e[0].updated, None);
        assert_eq!(e[0].master, None);
        // another family
        let mut b = msg(3, 0, &[]);
        b[16] = 2;
        assert!(entries(&b).is_empty());
    }
}
