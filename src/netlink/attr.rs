//! A zero-copy walker over netlink attributes (struct rtattr / nlattr: u16 len, u16 type, payload,
//! padded to 4). It masks NLA_F_NESTED and NLA_F_NET_BYTEORDER off the type, stops at the first
//! malformed length, and never panics: every accessor checks its bounds.

use super::consts::NLA_TYPE_MASK;
use super::msg::align4;

#[derive(Clone)]
pub struct Attrs<'a> {
    data: &'a [u8],
}

pub fn attrs(data: &[u8]) -> Attrs<'_> {
    Attrs { data }
}

impl<'a> Iterator for Attrs<'a> {
    /// (type without flag bits, payload)
    type Item = (u16, &'a [u8]);
    fn next(&mut self) -> Option<Self::Item> {
        let d = self.data;
        if d.len() < 4 {
            self.data = &[];
            return None;
        }
        let len = u16::from_ne_bytes([d[0], d[1]]) as usize;
        let ty = u16::from_ne_bytes([d[2], d[3]]) & NLA_TYPE_MASK;
        if len < 4 || len > d.len() {
            self.data = &[];
            return None;
        }
        self.data = d.get(align4(len)..).unwrap_or(&[]);
        Some((ty, &d[4..len]))
    }
}

/// Attributes indexed by type (the last one of a type wins, as with iproute2's parse_rtattr).
pub struct Table<'a, const N: usize> {
    slots: [Option<&'a [u8]>; N],
}

impl<'a, const N: usize> Table<'a, N> {
    pub fn parse(data: &'a [u8]) -> Self {
        let mut slots = [None; N];
        for (ty, p) in attrs(data) {
            if let Some(s) = slots.get_mut(ty as usize) {
                *s = Some(p);
            }
        }
        Table { slots }
    }
    pub fn get(&self, ty: u16) -> Option<&'a [u8]> {
        self.slots.get(ty as usize).copied().flatten()
    }
    pub fn has(&self, ty: u16) -> bool {
        self.get(ty).is_some()
    }
    pub fn u8(&self, ty: u16) -> Option<u8> {
        self.get(ty).and_then(get_u8)
    }
    pub fn u16(&self, ty: u16) -> Option<u16> {
        self.get(ty).and_then(get_u16)
    }
    pub fn u32(&self, ty: u16) -> Option<u32> {
        self.get(ty).and_then(get_u32)
    }
    pub fn i32(&self, ty: u16) -> Option<i32> {
        self.get(ty).and_then(get_i32)
    }
    pub fn u64(&self, ty: u16) -> Option<u64> {
        self.get(ty).and_then(get_u64)
    }
    /// A string attribute as bytes, up to the first NUL.
    pub fn str(&self, ty: u16) -> Option<&'a [u8]> {
        self.get(ty).map(cstr)
    }
}

pub fn get_u8(p: &[u8]) -> Option<u8> {
    p.first().copied()
}
pub fn get_u16(p: &[u8]) -> Option<u16> {
    Some(u16::from_ne_bytes(p.get(..2)?.try_into().ok()?))
}
pub fn get_u16_be(p: &[u8]) -> Option<u16> {
    Some(u16::from_be_bytes(p.get(..2)?.try_into().ok()?))
}
pub fn get_u32(p: &[u8]) -> Option<u32> {
    Some(u32::from_ne_bytes(p.get(..4)?.try_into().ok()?))
}
pub fn get_u32_be(p: &[u8]) -> Option<u32> {
    Some(u32::from_be_bytes(p.get(..4)?.try_into().ok()?))
}
pub fn get_i32(p: &[u8]) -> Option<i32> {
    Some(i32::from_ne_bytes(p.get(..4)?.try_into().ok()?))
}
pub fn get_u64(p: &[u8]) -> Option<u64> {
    Some(u64::from_ne_bytes(p.get(..8)?.try_into().ok()?))
}
/// Bytes up to the first NUL (or all of them).
pub fn cstr(p: &[u8]) -> &[u8] {
    match p.iter().position(|&b| b == 0) {
        Some(i) => &p[..i],
        None => p,
    }
}

/// One encoded attribute (tests build hostile and well-formed inputs with it).
#[cfg(test)]
pub fn encode(ty: u16, p: &[u8]) -> Vec<u8> {
    let mut v = ((4 + p.len()) as u16).to_ne_bytes().to_vec();
    v.extend_from_slice(&ty.to_ne_bytes());
    v.extend_from_slice(p);
    v.resize(align4(v.len()), 0);
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    use super::encode as attr;

    #[test]
    fn masks_nested_flag() {
        let d = attr(0x8000 | 12, &[1, 2, 3, 4]);
        let t: Table<16> = Table::parse(&d);
        assert_eq!(t.u32(12), Some(u32::from_ne_bytes([1, 2, 3, 4])));
    }

    #[test]
    fn short_payloads_give_none() {
        let d = [attr(1, &[1]), attr(2, &[]), attr(3, b"lo\0")].concat();
        let t: Table<8> = Table::parse(&d);
        assert_eq!(t.u32(1), None);
        assert_eq!(t.u8(1), Some(1));
        assert_eq!(t.u16(2), None);
        assert_eq!(t.str(2), Some(&b""[..]));
        assert_eq!(t.str(3), Some(&b"lo"[..]));
        assert_eq!(t.u64(3), None);
    }

    #[test]
    fn hostile_input_never_panics() {
        // length beyond buffer, length < 4, truncated header, huge type
        for d in [
            vec![200, 0, 1, 0, 0, 0],
            vec![2, 0, 1, 0],
            vec![8, 0],
            attr(0x3fff, &[9; 4]),
            attr(5, b"no-nul"),
        ] {
            let t: Table<8> = Table::parse(&d);
            let _ = (t.u32(1), t.str(5), t.u64(5));
            let _ = attrs(&d).count();
        }
        assert_eq!(cstr(b"no-nul"), b"no-nul");
    }
}
