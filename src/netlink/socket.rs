//! One rtnetlink socket (neli's socket layer, no router, no thread) and our own framing:
//! datagrams split by nlmsg_len, replies matched by sequence number, NLMSG_DONE and NLMSG_ERROR read
//! with their extended-ACK text, interrupted dumps redone, receive buffers sized with
//! MSG_PEEK|MSG_TRUNC.

use neli::consts::socket::{Msg as MsgFlags, NlFamily};
use std::os::fd::AsRawFd;

use neli::socket::NlSocket;
use neli::utils::Groups;

use super::attr::{Table, cstr, get_i32, get_u32};
use super::consts::*;
use super::msg::{Messages, Request, align4};
use crate::error::KernelError;

/// How often a dump that the kernel marks NLM_F_DUMP_INTR is redone before we give up and warn.
const DUMP_TRIES: usize = 3;

/// The least receive room offered: the kernel sizes its next dump datagrams by the buffers it
/// is given (max_recvmsg_len), and small ones mean many more of them.
const RECV_ROOM: usize = 32768;

pub struct Socket {
    sock: NlSocket,
    seq: u32,
    pid: u32,
}

/// What a request brought back: reply messages (for GETs) and a warning carried by the ACK.
#[derive(Debug, Default)]
pub struct Answer {
    pub replies: Vec<u8>,
    pub warning: Option<String>,
}

impl Answer {
    pub fn messages(&self) -> Messages<'_> {
        Messages::new(&self.replies)
    }
}

/// All messages of a dump, gathered before anyone decodes them (so an interrupted dump can be
/// redone without having printed half of it).
#[derive(Debug, Default)]
pub struct Dump {
    pub data: Vec<u8>,
    /// The kernel kept flagging NLM_F_DUMP_INTR after every retry.
    pub interrupted: bool,
}

impl Dump {
    pub fn messages(&self) -> Messages<'_> {
        Messages::new(&self.data)
    }
}

fn os_err(e: std::io::Error) -> KernelError {
    KernelError::new(e.raw_os_error().unwrap_or(libc::EIO))
}

/// Reads an NLMSG_ERROR payload: (errno as a positive number, extack message).
fn parse_error(payload: &[u8], flags: u16) -> (i32, Option<String>) {
    let err = get_i32(payload).unwrap_or(-libc::EPROTO);
    // The echoed request: only its header when capped, the whole message otherwise.
    let echoed = match payload.get(4..) {
        Some(rest) if rest.len() >= NLMSG_HDRLEN => {
            if flags & NLM_F_CAPPED != 0 {
                NLMSG_HDRLEN
            } else {
                get_u32(rest)
                    .map(|l| align4(l as usize))
                    .unwrap_or(NLMSG_HDRLEN)
            }
        }
        _ => 0,
    };
    let msg = if flags & NLM_F_ACK_TLVS != 0 {
        payload.get(4 + echoed..).and_then(extack_msg)
    } else {
        None
    };
    (err.checked_neg().unwrap_or(libc::EPROTO), msg)
}

fn extack_msg(tlvs: &[u8]) -> Option<String> {
    let t: Table<8> = Table::parse(tlvs);
    t.get(NLMSGERR_ATTR_MSG)
        .map(|m| String::from_utf8_lossy(cstr(m)).into_owned())
}

impl Socket {
    /// A route socket in the current network namespace, as iproute2's rtnl_open sets it up
    /// (1 MiB receive buffer, extended ACKs, strict checking of GETs).
    pub fn open() -> Result<Socket, KernelError> {
        Socket::open_with(true)
    }

    /// `strict: false` is iproute2's batch mode, which never turns strict dump checking on: the
    /// kernel then ignores a dump's selectors instead of applying or refusing them.
    pub fn open_with(strict: bool) -> Result<Socket, KernelError> {
        let sock = NlSocket::connect(NlFamily::Route, None, Groups::empty()).map_err(os_err)?;
        let _ = sock.set_recv_buffer_size(1024 * 1024);
        let _ = sock.enable_ext_ack(true);
        if strict {
            let _ = sock.enable_strict_checking(true);
        }
        let pid = sock.pid().map_err(os_err)?;
        let seq = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as u32)
            .unwrap_or(1);
        Ok(Socket { sock, seq, pid })
    }

    fn send(&mut self, req: &mut Request) -> Result<u32, KernelError> {
        self.seq = self.seq.wrapping_add(1);
        let seq = self.seq;
        let bytes = req.finish(seq, self.pid);
        self.sock.send(bytes, MsgFlags::empty()).map_err(os_err)?;
        Ok(seq)
    }

    /// Receives one datagram straight onto the end of `out` (no second copy), sized first with
    /// MSG_PEEK|MSG_TRUNC. Returns where it starts.
    fn recv_into(&mut self, out: &mut Vec<u8>) -> Result<usize, KernelError> {
        loop {
            let want = match self
                .sock
                .recv(&mut [][..], MsgFlags::PEEK | MsgFlags::TRUNC)
            {
                Ok((n, _)) => n,
                Err(e) if e.raw_os_error() == Some(libc::EINTR) => continue,
                Err(e) => return Err(os_err(e)),
            };
            let room = want.max(RECV_ROOM);
            let start = out.len();
            out.reserve(room);
            // SAFETY: the kernel writes at most `room` bytes into the reserved, unused capacity;
            // the length is set to what it wrote.
            let n = unsafe {
                libc::recv(
                    self.sock.as_raw_fd(),
                    out.as_mut_ptr().add(start).cast::<libc::c_void>(),
                    room,
                    0,
                )
            };
            if n < 0 {
                let e = std::io::Error::last_os_error();
                if e.raw_os_error() == Some(libc::EINTR) {
                    continue;
                }
                return Err(os_err(e));
            }
            // SAFETY: the first `n` bytes past `start` were just written by recv.
            unsafe { out.set_len(start + (n as usize).min(room)) };
            return Ok(start);
        }
    }

    /// Sends a request with NLM_F_ACK and waits for the ACK. Replies that come before it
    /// (RTM_GETLINK, RTM_GETNSID, RTM_GETROUTE …) are kept in the answer.
    pub fn talk(&mut self, req: Request) -> Result<Answer, KernelError> {
        let mut answer = Answer::default();
        let (_, warning) = self.exchange(req, NLM_F_ACK, &mut answer.replies)?;
        answer.warning = warning;
        Ok(answer)
    }

    /// Sends `req` with `flag` added and receives onto `out` until the ACK or NLMSG_DONE.
    /// Returns whether the kernel flagged the answer interrupted, and the ACK's extack warning.
    fn exchange(
        &mut self,
        mut req: Request,
        flag: u16,
        out: &mut Vec<u8>,
    ) -> Result<(bool, Option<String>), KernelError> {
        req.set_flags(req.flags() | flag);
        let seq = self.send(&mut req)?;
        let mut ex = Exchange {
            seq,
            pid: self.pid,
            out,
            interrupted: false,
            warning: None,
        };
        loop {
            let start = self.recv_into(ex.out)?;
            match ex.settle(start) {
                Step::More => {}
                Step::Done => break,
                Step::Failed(e) => return Err(e),
            }
        }
        Ok((ex.interrupted, ex.warning))
    }

    /// Sends requests in one datagram without asking for ACKs, then looks (without waiting) for
    /// an error the kernel queued in answer — iproute2's rtnl_send_check, used by flushes.
    pub fn send_check(&mut self, reqs: Vec<Request>) -> Result<(), KernelError> {
        let mut out = Vec::new();
        for mut r in reqs {
            self.seq = self.seq.wrapping_add(1);
            out.extend_from_slice(r.finish(self.seq, self.pid));
            out.resize(align4(out.len()), 0);
        }
        if out.is_empty() {
            return Ok(());
        }
        self.sock
            .send(&out[..], MsgFlags::empty())
            .map_err(os_err)?;
        let mut resp = [0u8; 1024];
        match self
            .sock
            .recv(&mut resp[..], MsgFlags::DONTWAIT | MsgFlags::PEEK)
        {
            Ok((n, _)) => {
                for m in Messages::new(&resp[..n.min(resp.len())]) {
                    if m.ty == NLMSG_ERROR {
                        let err = get_i32(m.payload).unwrap_or(-libc::EPROTO);
                        return Err(KernelError::new(err.checked_neg().unwrap_or(libc::EPROTO)));
                    }
                }
                Ok(())
            }
            Err(e) if e.raw_os_error() == Some(libc::EAGAIN) => Ok(()),
            Err(e) => Err(os_err(e)),
        }
    }

    /// Runs a dump (NLM_F_DUMP is added) and gathers every message. A dump the kernel flags as
    /// interrupted is redone a few times; the last one is kept and marked.
    pub fn dump(&mut self, req: Request) -> Result<Dump, KernelError> {
        let mut last = Dump::default();
        for _ in 0..DUMP_TRIES {
            last = self.dump_once(req.clone())?;
            if !last.interrupted {
                break;
            }
        }
        Ok(last)
    }

    fn dump_once(&mut self, req: Request) -> Result<Dump, KernelError> {
        let mut dump = Dump::default();
        (dump.interrupted, _) = self.exchange(req, NLM_F_DUMP, &mut dump.data)?;
        Ok(dump)
    }
}

/// Where one request/answer exchange stands after a datagram.
#[derive(Debug, PartialEq, Eq)]
enum Step {
    More,
    Done,
    Failed(KernelError),
}

/// The state of one exchange: which messages are ours, and what they brought so far.
struct Exchange<'a> {
    seq: u32,
    pid: u32,
    /// Data messages (replies, dump entries), copied with their headers.
    out: &'a mut Vec<u8>,
    /// The kernel flagged NLM_F_DUMP_INTR on some message.
    interrupted: bool,
    /// Extack text riding on a successful ACK.
    warning: Option<String>,
}

impl Exchange<'_> {
    /// Reads one datagram: keeps our data messages, ignores others' (seq/port mismatch), and
    /// reports the end — an ACK, NLMSG_DONE, or an error with its extack text.
    #[cfg(test)]
    fn absorb(&mut self, datagram: &[u8]) -> Step {
        let start = self.out.len();
        self.out.extend_from_slice(datagram);
        self.settle(start)
    }

    /// The datagram that sits at `out[start..]`: our data messages stay where they are (moved
    /// together only when something between them goes), everything else is cut away.
    fn settle(&mut self, start: usize) -> Step {
        let mut step = Step::More;
        let mut kept: Vec<(usize, usize)> = Vec::new();
        let mut pos = start;
        while let Some(m) = Messages::new(self.out.get(pos..).unwrap_or(&[])).next() {
            let len = NLMSG_HDRLEN + m.payload.len();
            let ours = m.seq == self.seq && (m.pid == self.pid || m.pid == 0);
            if ours && m.flags & NLM_F_DUMP_INTR != 0 {
                self.interrupted = true;
            }
            if ours {
                match m.ty {
                    NLMSG_DONE => {
                        let err = get_i32(m.payload).unwrap_or(0);
                        step = if err < 0 {
                            let msg = if m.flags & NLM_F_ACK_TLVS != 0 {
                                m.payload.get(4..).and_then(extack_msg)
                            } else {
                                None
                            };
                            Step::Failed(KernelError {
                                errno: err.checked_neg().unwrap_or(libc::EPROTO),
                                msg,
                            })
                        } else {
                            Step::Done
                        };
                        break;
                    }
                    NLMSG_ERROR => {
                        let (errno, msg) = parse_error(m.payload, m.flags);
                        step = if errno != 0 {
                            Step::Failed(KernelError { errno, msg })
                        } else {
                            self.warning = msg;
                            Step::Done
                        };
                        break;
                    }
                    NLMSG_NOOP | NLMSG_OVERRUN => {}
                    _ => kept.push((pos, len)),
                }
            }
            pos += align4(len);
        }
        // keep the data messages, in order, each padded to 4 bytes
        let mut next = start;
        let contiguous = kept.iter().all(|(p, l)| {
            let ok = *p == next;
            next = p + align4(*l);
            ok
        });
        if contiguous {
            let end = kept.last().map(|(p, l)| p + align4(*l)).unwrap_or(start);
            self.out.truncate(end.min(self.out.len()));
        } else {
            let mut tail = Vec::with_capacity(self.out.len() - start);
            for (p, l) in &kept {
                tail.extend_from_slice(&self.out[*p..*p + l]);
                tail.resize(align4(tail.len()), 0);
            }
            self.out.truncate(start);
            self.out.extend_from_slice(&tail);
        }
        let aligned = align4(self.out.len());
        self.out.resize(aligned, 0);
        step
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err_payload(errno: i32, flags_tlv: bool, msg: &str) -> (Vec<u8>, u16) {
        let mut p = Vec::new();
        p.extend_from_slice(&(-errno).to_ne_bytes());
        // echoed header (capped)
        p.extend_from_slice(&32u32.to_ne_bytes());
        p.extend_from_slice(&[0; 12]);
        let mut flags = NLM_F_CAPPED;
        if flags_tlv {
            flags |= NLM_F_ACK_TLVS;
            let s = [msg.as_bytes(), b"\0"].concat();
            p.extend_from_slice(&((4 + s.len()) as u16).to_ne_bytes());
            p.extend_from_slice(&NLMSGERR_ATTR_MSG.to_ne_bytes());
            p.extend_from_slice(&s);
            p.resize(align4(p.len()), 0);
        }
        (p, flags)
    }

    fn datagram(msgs: &[(u16, u16, u32, Vec<u8>)]) -> Vec<u8> {
        let mut d = Vec::new();
        for (ty, flags, seq, payload) in msgs {
            let mut r = Request::new(*ty, 0).header(payload);
            r.set_flags(*flags);
            d.extend_from_slice(r.finish(*seq, 77));
        }
        d
    }

    #[test]
    fn dump_keeps_ours_and_notes_interruptions() {
        let mut out = Vec::new();
        let mut ex = Exchange {
            seq: 5,
            pid: 77,
            out: &mut out,
            interrupted: false,
            warning: None,
        };
        let d1 = datagram(&[
            (RTM_NEWLINK, NLM_F_MULTI, 5, vec![1; 16]),
            (RTM_NEWLINK, NLM_F_MULTI, 4, vec![2; 16]),
            (RTM_NEWLINK, NLM_F_MULTI | NLM_F_DUMP_INTR, 5, vec![3; 16]),
        ]);
        assert_eq!(ex.absorb(&d1), Step::More);
        let d2 = datagram(&[(NLMSG_DONE, NLM_F_MULTI, 5, 0i32.to_ne_bytes().to_vec())]);
        assert_eq!(ex.absorb(&d2), Step::Done);
        assert!(ex.interrupted);
        let kept: Vec<_> = Messages::new(&out).map(|m| m.payload[0]).collect();
        assert_eq!(kept, [1, 3]);
    }

    #[test]
    fn done_with_an_error_and_extack() {
        let mut out = Vec::new();
        let mut ex = Exchange {
            seq: 9,
            pid: 77,
            out: &mut out,
            interrupted: false,
            warning: None,
        };
        let mut p = (-libc::ENOENT).to_ne_bytes().to_vec();
        let text = b"ipv4: FIB table does not exist\0";
        p.extend_from_slice(&((4 + text.len()) as u16).to_ne_bytes());
        p.extend_from_slice(&NLMSGERR_ATTR_MSG.to_ne_bytes());
        p.extend_from_slice(text);
        let d = datagram(&[(NLMSG_DONE, NLM_F_MULTI | NLM_F_ACK_TLVS, 9, p)]);
        assert_eq!(
            ex.absorb(&d),
            Step::Failed(KernelError {
                errno: libc::ENOENT,
                msg: Some("ipv4: FIB table does not exist".into())
            })
        );
    }

    #[test]
    fn hostile_datagrams_end_the_walk_quietly() {
        let mut out = Vec::new();
        let mut ex = Exchange {
            seq: 1,
            pid: 77,
            out: &mut out,
            interrupted: false,
            warning: None,
        };
        // a length past the end, a header cut short, an empty DONE payload
        let mut bad = datagram(&[(RTM_NEWLINK, 0, 1, vec![0; 16])]);
        bad[0..4].copy_from_slice(&4096u32.to_ne_bytes());
        assert_eq!(ex.absorb(&bad), Step::More);
        assert_eq!(ex.absorb(&bad[..10]), Step::More);
        let d = datagram(&[(NLMSG_DONE, 0, 1, vec![])]);
        assert_eq!(ex.absorb(&d), Step::Done);
        assert!(out.is_empty());
    }

    #[test]
    fn error_with_extack() {
        let (p, f) = err_payload(95, true, "Unknown device type");
        assert_eq!(parse_error(&p, f), (95, Some("Unknown device type".into())));
    }

    #[test]
    fn error_without_extack() {
        let (p, f) = err_payload(17, false, "");
        assert_eq!(parse_error(&p, f), (17, None));
    }

    #[test]
    fn ack_with_warning() {
        let (p, f) = err_payload(0, true, "some warning");
        assert_eq!(parse_error(&p, f), (0, Some("some warning".into())));
    }

    #[test]
    fn short_or_hostile_error_payloads() {
        assert_eq!(parse_error(&[], 0).0, libc::EPROTO);
        assert_eq!(parse_error(&[1, 2], NLM_F_ACK_TLVS).0, libc::EPROTO);
        // uncapped echo claiming a length far past the buffer
        let mut p = (-22i32).to_ne_bytes().to_vec();
        p.extend_from_slice(&9999u32.to_ne_bytes());
        p.extend_from_slice(&[0; 12]);
        assert_eq!(parse_error(&p, NLM_F_ACK_TLVS), (22, None));
        let p = i32::MIN.to_ne_bytes();
        let _ = parse_error(&p, 0);
    }
}
