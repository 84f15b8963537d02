//! Netlink messages as bytes: a request builder and a bounds-checked reader of received buffers.
//!
//! A request is built in one `Vec<u8>`: the 16-byte nlmsghdr, the family header (ifinfomsg,
//! ifaddrmsg, rtmsg …), then attributes, nested ones patched with their length when closed.

use super::consts::*;

pub const fn align4(n: usize) -> usize {
    (n + 3) & !3
}

/// A request under construction. `Socket` fills in sequence number and port id when sending.
#[derive(Debug, Clone)]
pub struct Request {
    buf: Vec<u8>,
}

impl Request {
    pub fn new(ty: u16, flags: u16) -> Self {
        let mut buf = Vec::with_capacity(256);
        buf.extend_from_slice(&0u32.to_ne_bytes());
        buf.extend_from_slice(&ty.to_ne_bytes());
        buf.extend_from_slice(&(flags | NLM_F_REQUEST).to_ne_bytes());
        buf.extend_from_slice(&[0; 8]);
        Request { buf }
    }

    /// Appends a fixed family header (or any raw bytes), padded to 4.
    pub fn header(mut self, bytes: &[u8]) -> Self {
        self.raw(bytes);
        self
    }

    fn raw(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
        self.pad();
    }

    fn pad(&mut self) {
        let n = align4(self.buf.len());
        self.buf.resize(n, 0);
    }

    pub fn attr(&mut self, ty: u16, payload: &[u8]) -> &mut Self {
        let len = (4 + payload.len()) as u16;
        self.buf.extend_from_slice(&len.to_ne_bytes());
        self.buf.extend_from_slice(&ty.to_ne_bytes());
        self.raw(payload);
        self
    }
    pub fn u8(&mut self, ty: u16, v: u8) -> &mut Self {
        self.attr(ty, &[v])
    }
    pub fn u16(&mut self, ty: u16, v: u16) -> &mut Self {
        self.attr(ty, &v.to_ne_bytes())
    }
    pub fn u32(&mut self, ty: u16, v: u32) -> &mut Self {
        self.attr(ty, &v.to_ne_bytes())
    }
    pub fn i32(&mut self, ty: u16, v: i32) -> &mut Self {
        self.attr(ty, &v.to_ne_bytes())
    }
    pub fn u64(&mut self, ty: u16, v: u64) -> &mut Self {
        self.attr(ty, &v.to_ne_bytes())
    }
    /// A string attribute with its terminating NUL (what the kernel's NLA_STRING/NLA_NUL_STRING want).
    pub fn strz(&mut self, ty: u16, s: &[u8]) -> &mut Self {
        let mut v = Vec::with_capacity(s.len() + 1);
        v.extend_from_slice(s);
        v.push(0);
        self.attr(ty, &v)
    }

    /// Opens a nested attribute; close it with [`Request::end`].
    pub fn nest(&mut self, ty: u16) -> Nest {
        let at = self.buf.len();
        self.buf.extend_from_slice(&0u16.to_ne_bytes());
        self.buf.extend_from_slice(&ty.to_ne_bytes());
        Nest(at)
    }
    pub fn end(&mut self, nest: Nest) -> &mut Self {
        let len = (self.buf.len() - nest.0) as u16;
        self.buf[nest.0..nest.0 + 2].copy_from_slice(&len.to_ne_bytes());
        self
    }
    /// Appends raw bytes inside the current nest (e.g. an ifinfomsg inside VETH_INFO_PEER).
    pub fn bytes(&mut self, b: &[u8]) -> &mut Self {
        self.raw(b);
        self
    }

    /// Current length (the offset the next bytes will have).
    pub fn len(&self) -> usize {
        self.buf.len()
    }
    /// Overwrites bytes already written (a family header filled in after parsing).
    pub fn patch(&mut self, at: usize, bytes: &[u8]) {
        if let Some(dst) = self.buf.get_mut(at..at + bytes.len()) {
            dst.copy_from_slice(bytes);
        }
    }

    pub fn msg_type(&self) -> u16 {
        u16::from_ne_bytes([self.buf[4], self.buf[5]])
    }
    pub fn flags(&self) -> u16 {
        u16::from_ne_bytes([self.buf[6], self.buf[7]])
    }
    pub fn set_flags(&mut self, flags: u16) {
        self.buf[6..8].copy_from_slice(&flags.to_ne_bytes());
    }

    /// Final bytes with length, sequence number and port id filled in.
    pub fn finish(&mut self, seq: u32, pid: u32) -> &[u8] {
        let len = self.buf.len() as u32;
        self.buf[0..4].copy_from_slice(&len.to_ne_bytes());
        self.buf[8..12].copy_from_slice(&seq.to_ne_bytes());
        self.buf[12..16].copy_from_slice(&pid.to_ne_bytes());
        &self.buf
    }
}

/// Handle of an open nested attribute.
#[must_use]
pub struct Nest(usize);

/// One received netlink message.
#[derive(Debug, Clone, Copy)]
pub struct Msg<'a> {
    pub ty: u16,
    pub flags: u16,
    pub seq: u32,
    pub pid: u32,
    /// Everything after the 16-byte header.
    pub payload: &'a [u8],
}

/// Walks the messages packed in a buffer; stops at the first malformed length.
pub struct Messages<'a> {
    data: &'a [u8],
}

impl<'a> Messages<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Messages { data }
    }
}

impl<'a> Iterator for Messages<'a> {
    type Item = Msg<'a>;
    fn next(&mut self) -> Option<Msg<'a>> {
        let d = self.data;
        if d.len() < NLMSG_HDRLEN {
            self.data = &[];
            return None;
        }
        let len = u32::from_ne_bytes([d[0], d[1], d[2], d[3]]) as usize;
        if len < NLMSG_HDRLEN || len > d.len() {
            self.data = &[];
            return None;
        }
        let msg = Msg {
            ty: u16::from_ne_bytes([d[4], d[5]]),
            flags: u16::from_ne_bytes([d[6], d[7]]),
            seq: u32::from_ne_bytes([d[8], d[9], d[10], d[11]]),
            pid: u32::from_ne_bytes([d[12], d[13], d[14], d[15]]),
            payload: &d[NLMSG_HDRLEN..len],
        };
        self.data = d.get(align4(len)..).unwrap_or(&[]);
        Some(msg)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn build_and_walk() {
        let mut r = Request::new(RTM_NEWLINK, NLM_F_CREATE).header(&[0u8; 16]);
        r.strz(IFLA_IFNAME, b"v0");
        let n = r.nest(IFLA_LINKINFO);
        r.attr(IFLA_INFO_KIND, b"veth");
        r.end(n);
        let bytes = r.finish(7, 0).to_vec();
        let msgs: Vec<_> = Messages::new(&bytes).collect();
        assert_eq!(msgs.len(), 1);
        assert_eq!(msgs[0].ty, RTM_NEWLINK);
        assert_eq!(msgs[0].seq, 7);
        assert_eq!(msgs[0].flags, NLM_F_CREATE | NLM_F_REQUEST);
        // ifname attr: len 7 padded to 8, linkinfo nest: 4 + 8 (kind "veth")
        assert_eq!(msgs[0].payload.len(), 16 + 8 + 12);
    }

    #[test]
    fn hostile_lengths_stop_the_walk() {
        // length field larger than the buffer
        let mut b = vec![0u8; 20];
        b[0..4].copy_from_slice(&100u32.to_ne_bytes());
        assert_eq!(Messages::new(&b).count(), 0);
        // length smaller than a header
        b[0..4].copy_from_slice(&3u32.to_ne_bytes());
        assert_eq!(Messages::new(&b).count(), 0);
        // truncated buffer
        assert_eq!(Messages::new(&b[..7]).count(), 0);
        // exact-length message without padding at the end of the buffer
        let mut b = vec![0u8; 17];
        b[0..4].copy_from_slice(&17u32.to_ne_bytes());
        assert_eq!(Messages::new(&b).count(), 1);
    }
}
