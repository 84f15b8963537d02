//! RTM_GETNSID / RTM_NEWNSID: namespace ids. The family header is an rtgenmsg padded to 4 bytes
//! (neli's Rtgenmsg has no padding and the kernel rejects it).

use std::os::fd::RawFd;

use super::attr::Table;
use super::consts::*;
use super::msg::{Messages, Request};

const RTGENMSG: [u8; 4] = [0; 4];

/// One RTM_NEWNSID message: the peer's id and, with a target namespace, the current one's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Nsid {
    pub nsid: i32,
    pub current: Option<i32>,
    pub deleted: bool,
}

/// Asks for the id the current namespace gives the namespace open at `fd`.
pub fn get_by_fd(fd: RawFd) -> Request {
    let mut r = Request::new(RTM_GETNSID, 0).header(&RTGENMSG);
    r.u32(NETNSA_FD, fd as u32);
    r
}

/// Asks about an id (list-id nsid N), optionally as seen from a target namespace.
pub fn get_by_id(nsid: i32, target: Option<i32>) -> Request {
    let mut r = Request::new(RTM_GETNSID, 0).header(&RTGENMSG);
    r.i32(NETNSA_NSID, nsid);
    if let Some(t) = target {
        r.i32(NETNSA_TARGET_NSID, t);
    }
    r
}

/// Dump of every id (list-id).
pub fn dump(target: Option<i32>) -> Request {
    let mut r = Request::new(RTM_GETNSID, 0).header(&RTGENMSG);
    if let Some(t) = target {
        r.i32(NETNSA_TARGET_NSID, t);
    }
    r
}

/// Assigns `nsid` (-1: let the kernel choose) to the namespace open at `fd`.
pub fn set(fd: RawFd, nsid: i32) -> Request {
    let mut r = Request::new(RTM_NEWNSID, 0).header(&RTGENMSG);
    r.u32(NETNSA_FD, fd as u32);
    r.i32(NETNSA_NSID, nsid);
    r
}

/// Decodes an RTM_NEWNSID/RTM_DELNSID message; None for anything else or without NETNSA_NSID.
pub fn decode(ty: u16, payload: &[u8]) -> Option<Nsid> {
    if ty != RTM_NEWNSID && ty != RTM_DELNSID {
        return None;
    }
    let t: Table<8> = Table::parse(payload.get(4..)?);
    Some(Nsid {
        nsid: t.i32(NETNSA_NSID)?,
        current: t.i32(NETNSA_CURRENT_NSID),
        deleted: ty == RTM_DELNSID,
    })
}

/// The first id found in a reply.
pub fn first(replies: Messages<'_>) -> Option<Nsid> {
    replies.filter_map(|m| decode(m.ty, m.payload)).next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_reply() {
        let mut r = Request::new(RTM_NEWNSID, 0).header(&RTGENMSG);
        r.i32(NETNSA_NSID, 5);
        let bytes = r.finish(1, 0).to_vec();
        let m = Messages::new(&bytes).next().unwrap();
        assert_eq!(
            decode(m.ty, m.payload),
            Some(Nsid {
                nsid: 5,
                current: None,
                deleted: false
            })
        );
        assert_eq!(decode(RTM_NEWLINK, m.payload), None);
        assert_eq!(decode(RTM_NEWNSID, &[0, 0]), None);
        assert_eq!(decode(RTM_NEWNSID, &[0, 0, 0, 0]), None);
    }

    #[test]
    fn header_is_padded() {
        let mut r = get_by_fd(3);
        let b = r.finish(1, 0);
        // 16 header + 4 rtgenmsg + 8 attribute
        assert_eq!(b.len(), 28);
        assert_eq!(
            &b[20..24],
            &8u16
                .to_ne_bytes()
                .iter()
                .chain(&NETNSA_FD.to_ne_bytes())
                .copied()
                .collect::<Vec<_>>()[..]
        );
    }
}
