//! Addresses and prefixes as iproute2 reads them (lib/utils.c get_addr_1 / get_prefix_1):
//! `10.1` means 10.1.0.0, every IPv4 part is strtoul base 0, `default`/`all`/`any`, `/N` or a
//! dotted netmask, a `:` means IPv6.

use super::{AF_INET, AF_INET6, AF_MPLS, AF_PACKET, AF_UNSPEC};
use crate::error::Error;

pub const PREFIXLEN_SPECIFIED: u8 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Prefix {
    pub family: u8,
    pub bytelen: u8,
    /// Prefix length; -1 before one is known, -2 for default/all/any.
    pub bitlen: i16,
    pub flags: u8,
    pub data: [u8; 16],
}

impl Prefix {
    pub fn bytes(&self) -> &[u8] {
        &self.data[..self.bytelen as usize]
    }
    pub fn len_specified(&self) -> bool {
        self.flags & PREFIXLEN_SPECIFIED != 0
    }
}

pub fn af_bit_len(af: u8) -> i16 {
    match af {
        AF_INET6 => 128,
        AF_INET => 32,
        AF_MPLS => 20,
        _ => 0,
    }
}

/// strtoul at the start of `s`: (value, bytes consumed); consumed 0 means no digits.
pub fn strtoul_prefix(s: &str, base: u32) -> (u64, usize) {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
        i += 1;
    }
    let mut neg = false;
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        neg = b[i] == b'-';
        i += 1;
    }
    let mut base = base;
    let hex_prefix = i + 1 < b.len()
        && b[i] == b'0'
        && (b[i + 1] | 0x20) == b'x'
        && b.get(i + 2).is_some_and(u8::is_ascii_hexdigit);
    if (base == 0 || base == 16) && hex_prefix {
        base = 16;
        i += 2;
    } else if base == 0 {
        base = if b.get(i) == Some(&b'0') { 8 } else { 10 };
    }
    let start = i;
    let mut v: u64 = 0;
    let mut overflow = false;
    while i < b.len() {
        let Some(d) = (b[i] as char).to_digit(base) else {
            break;
        };
        match v
            .checked_mul(base as u64)
            .and_then(|x| x.checked_add(d as u64))
        {
            Some(x) => v = x,
            None => overflow = true,
        }
        i += 1;
    }
    if i == start {
        return (0, 0);
    }
    if overflow {
        return (u64::MAX, i);
    }
    (if neg { v.wrapping_neg() } else { v }, i)
}

/// get_addr_ipv4: 1 to 4 dotted parts, each strtoul base 0 up to 255; missing parts are 0.
pub fn ipv4_loose(s: &str) -> Option<[u8; 4]> {
    let mut out = [0u8; 4];
    let mut rest = s;
    for (i, slot) in out.iter_mut().enumerate() {
        let (n, used) = strtoul_prefix(rest, 0);
        if used == 0 || n > 255 {
            return None;
        }
        *slot = n as u8;
        let after = &rest[used..];
        if after.is_empty() {
            return Some(out);
        }
        if i == 3 || !after.starts_with('.') {
            return None;
        }
        rest = &after[1..];
    }
    Some(out)
}

/// get_addr_1
pub fn get_addr_1(name: &str, family: u8) -> Option<Prefix> {
    let mut p = Prefix {
        bitlen: -1,
        ..Prefix::default()
    };
    if name == "default" {
        if family == AF_MPLS {
            return None;
        }
        p.family = family;
        p.bytelen = (af_bit_len(family) / 8) as u8;
        p.bitlen = -2;
        p.flags |= PREFIXLEN_SPECIFIED;
        return Some(p);
    }
    if name == "all" || name == "any" {
        if family == AF_MPLS {
            return None;
        }
        p.family = family;
        p.bytelen = 0;
        p.bitlen = -2;
        return Some(p);
    }
    if family == AF_PACKET {
        let a = super::link::lladdr_a2n(name).ok()?;
        p.family = AF_PACKET;
        p.bytelen = a.len().min(16) as u8;
        p.data[..p.bytelen as usize].copy_from_slice(&a[..p.bytelen as usize]);
        p.bitlen = i16::from(p.bytelen) * 8;
        return Some(p);
    }
    if name.contains(':') {
        p.family = AF_INET6;
        if family != AF_UNSPEC && family != AF_INET6 {
            return None;
        }
        let a: std::net::Ipv6Addr = name.parse().ok()?;
        p.data = a.octets();
        p.bytelen = 16;
        return Some(p);
    }
    if family == AF_MPLS {
        return None;
    }
    p.family = AF_INET;
    if family != AF_UNSPEC && family != AF_INET {
        return None;
    }
    let a = ipv4_loose(name)?;
    p.data[..4].copy_from_slice(&a);
    p.bytelen = 4;
    Some(p)
}

/// The prefix length after '/': a number (base 0) or a dotted netmask.
fn netmask(s: &str) -> Option<u32> {
    if let Some(v) = super::args::get_u32(s, 0) {
        return Some(v);
    }
    let a = get_addr_1(s, AF_INET).filter(|a| a.family == AF_INET)?;
    let mask = u32::from_be_bytes([a.data[0], a.data[1], a.data[2], a.data[3]]);
    let host = !mask;
    if host & host.wrapping_add(1) != 0 {
        return None;
    }
    Some(mask.count_ones())
}

/// get_prefix_1
pub fn get_prefix_1(arg: &str, family: u8) -> Option<Prefix> {
    let (addr, len) = match arg.split_once('/') {
        Some((a, l)) => (a, Some(l)),
        None => (arg, None),
    };
    let mut p = get_addr_1(addr, family)?;
    let mut bitlen = af_bit_len(p.family);
    match len {
        Some(l) => {
            if p.bitlen == -2 {
                return None;
            }
            let plen = netmask(l)?;
            if plen > bitlen as u32 {
                return None;
            }
            p.flags |= PREFIXLEN_SPECIFIED;
            bitlen = plen as i16;
        }
        None => {
            if p.bitlen == -2 {
                bitlen = 0;
            }
        }
    }
    p.bitlen = bitlen;
    Some(p)
}

fn family_verbose(family: u8) -> &'static str {
    match family {
        AF_UNSPEC => "any valid",
        AF_INET => "inet",
        AF_INET6 => "inet6",
        AF_PACKET => "link",
        AF_MPLS => "mpls",
        super::AF_BRIDGE => "bridge",
        _ => "???",
    }
}

/// get_addr: iproute2 exits with 1 on a bad address.
pub fn get_addr(arg: &str, family: u8) -> Result<Prefix, Error> {
    get_addr_1(arg, family).ok_or_else(|| {
        Error::exit(
            format!(
                "Error: {} address is expected rather than \"{arg}\".",
                family_verbose(family)
            ),
            1,
        )
    })
}

/// get_prefix: iproute2 exits with 1 on a bad prefix.
pub fn get_prefix(arg: &str, family: u8) -> Result<Prefix, Error> {
    if family == AF_PACKET {
        return Err(Error::exit(
            format!("Error: \"{arg}\" may be inet prefix, but it is not allowed in this context."),
            1,
        ));
    }
    get_prefix_1(arg, family).ok_or_else(|| {
        Error::exit(
            format!(
                "Error: {} prefix is expected rather than \"{arg}\".",
                family_verbose(family)
            ),
            1,
        )
    })
}

/// inet_ntop for 4 or 16 bytes.
pub fn ntop(family: u8, b: &[u8]) -> String {
    match (family, b.len()) {
        (AF_INET, n) if n >= 4 => std::net::Ipv4Addr::new(b[0], b[1], b[2], b[3]).to_string(),
        (AF_INET6, n) if n >= 16 => {
            let mut a = [0u8; 16];
            a.copy_from_slice(&b[..16]);
            std::net::Ipv6Addr::from(a).to_string()
        }
        _ => "???".to_string(),
    }
}

/// Reverse lookup for `-r` (iproute2's resolve_address): the host name, if the resolver knows one.
pub fn resolve(family: u8, b: &[u8]) -> Option<String> {
    use std::mem::{size_of, zeroed};
    let mut host = [0 as libc::c_char; 1025];
    // SAFETY: sockaddr structs are plain data; getnameinfo writes at most host.len() bytes.
    let rc = unsafe {
        match family {
            AF_INET if b.len() >= 4 => {
                let mut sa: libc::sockaddr_in = zeroed();
                sa.sin_family = libc::AF_INET as libc::sa_family_t;
                sa.sin_addr.s_addr = u32::from_ne_bytes([b[0], b[1], b[2], b[3]]);
                libc::getnameinfo(
                    &sa as *const _ as *const libc::sockaddr,
                    size_of::<libc::sockaddr_in>() as libc::socklen_t,
                    host.as_mut_ptr(),
                    host.len() as libc::socklen_t,
                    std::ptr::null_mut(),
                    0,
                    libc::NI_NAMEREQD,
                )
            }
            AF_INET6 if b.len() >= 16 => {
                let mut sa: libc::sockaddr_in6 = zeroed();
                sa.sin6_family = libc::AF_INET6 as libc::sa_family_t;
                sa.sin6_addr.s6_addr.copy_from_slice(&b[..16]);
                libc::getnameinfo(
                    &sa as *const _ as *const libc::sockaddr,
                    size_of::<libc::sockaddr_in6>() as libc::socklen_t,
                    host.as_mut_ptr(),
                    host.len() as libc::socklen_t,
                    std::ptr::null_mut(),
                    0,
                    libc::NI_NAMEREQD,
                )
            }
            _ => return None,
        }
    };
    if rc != 0 {
        return None;
    }
    // SAFETY: getnameinfo NUL-terminated the buffer on success.
    let s = unsafe { std::ffi::CStr::from_ptr(host.as_ptr()) };
    Some(s.to_string_lossy().into_owned())
}

/// format_host: the name with -r when one is known, else the address.
pub fn format_host(family: u8, b: &[u8], resolve_names: bool) -> String {
    if resolve_names && let Some(n) = resolve(family, b) {
        return n;
    }
    ntop(family, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loose_ipv4() {
        assert_eq!(ipv4_loose("10"), Some([10, 0, 0, 0]));
        assert_eq!(ipv4_loose("10.1"), Some([10, 1, 0, 0]));
        assert_eq!(ipv4_loose("0x0a.010.0.1"), Some([10, 8, 0, 1]));
        assert_eq!(ipv4_loose("10.0.0.300"), None);
        assert_eq!(ipv4_loose("10.0.0.1.5"), None);
        assert_eq!(ipv4_loose("10..1"), None);
        assert_eq!(ipv4_loose("abc"), None);
    }

    #[test]
    fn prefixes() {
        let p = get_prefix_1("192.168.1.1/24", AF_UNSPEC).unwrap();
        assert_eq!((p.family, p.bitlen, p.len_specified()), (AF_INET, 24, true));
        let p = get_prefix_1("10.0.0.1", AF_UNSPEC).unwrap();
        assert_eq!((p.bitlen, p.len_specified()), (32, false));
        let p = get_prefix_1("10.0.0.0/255.255.255.0", AF_UNSPEC).unwrap();
        assert_eq!(p.bitlen, 24);
        assert!(get_prefix_1("10.0.0.0/255.0.255.0", AF_UNSPEC).is_none());
        assert!(get_prefix_1("10.0.0.0/33", AF_UNSPEC).is_none());
        let p = get_prefix_1("2001:db8::1/64", AF_UNSPEC).unwrap();
        assert_eq!((p.family, p.bitlen), (AF_INET6, 64));
        assert!(get_prefix_1("2001:db8::1", AF_INET).is_none());
        let p = get_prefix_1("default", AF_UNSPEC).unwrap();
        assert_eq!((p.bitlen, p.bytelen), (0, 0));
        assert!(get_prefix_1("default/0", AF_UNSPEC).is_none());
        assert_eq!(
            get_prefix("10.0.0.300/24", AF_UNSPEC)
                .unwrap_err()
                .to_string(),
            "Error: any valid prefix is expected rather than \"10.0.0.300/24\"."
        );
    }
}
