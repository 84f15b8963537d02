//! Names are bytes — the kernel's and the command line's — and need not be UTF-8. ipbox carries
//! them in Strings where each byte that is not part of valid UTF-8 stands as one private-use
//! character, U+10FF00 + byte (bytes 0x80..=0xFF only: invalid bytes are never ASCII). Those
//! characters are turned back into their byte wherever text leaves the program (the printer,
//! stderr) or meets the kernel (netlink attributes, paths), so a name goes through unchanged.
//! A genuine character of that range is escaped byte by byte too, so the mapping is exact.

use std::borrow::Cow;
use std::io::Write;

const BASE: u32 = 0x10FF00;

fn is_marker(c: char) -> bool {
    (BASE + 0x80..=BASE + 0xFF).contains(&(c as u32))
}

fn escape(b: u8, out: &mut String) {
    out.push(char::from_u32(BASE + u32::from(b)).unwrap_or(char::REPLACEMENT_CHARACTER));
}

/// Bytes -> String, losslessly.
pub fn decode(b: &[u8]) -> Cow<'_, str> {
    if let Ok(s) = std::str::from_utf8(b)
        && !s.chars().any(is_marker)
    {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(b.len() + 8);
    for chunk in b.utf8_chunks() {
        for c in chunk.valid().chars() {
            if is_marker(c) {
                let mut buf = [0u8; 4];
                for &x in c.encode_utf8(&mut buf).as_bytes() {
                    escape(x, &mut out);
                }
            } else {
                out.push(c);
            }
        }
        for &x in chunk.invalid() {
            escape(x, &mut out);
        }
    }
    Cow::Owned(out)
}

/// String -> the bytes it stands for.
pub fn encode(s: &str) -> Cow<'_, [u8]> {
    if !s.chars().any(is_marker) {
        return Cow::Borrowed(s.as_bytes());
    }
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        if is_marker(c) {
            out.push((c as u32 - BASE) as u8);
        } else {
            let mut buf = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        }
    }
    Cow::Owned(out)
}

/// The byte length of what `s` stands for (what C's strlen would say).
pub fn raw_len(s: &str) -> usize {
    s.len() - 3 * s.chars().filter(|&c| is_marker(c)).count()
}

/// Restores escaped bytes in text already rendered as UTF-8 (F4 8F BE|BF xx -> one byte).
pub fn restore(buf: &mut Vec<u8>) {
    let Some(first) = buf.windows(2).position(|w| w == [0xF4, 0x8F]) else {
        return;
    };
    let mut out = Vec::with_capacity(buf.len());
    out.extend_from_slice(&buf[..first]);
    let mut i = first;
    while i < buf.len() {
        if buf[i] == 0xF4
            && buf.get(i + 1) == Some(&0x8F)
            && let (Some(&t), Some(&l)) = (buf.get(i + 2), buf.get(i + 3))
            && (t == 0xBE || t == 0xBF)
            && (0x80..0xC0).contains(&l)
        {
            out.push((((t & 1) + 2) << 6) | (l & 0x3F));
            i += 4;
        } else {
            out.push(buf[i]);
            i += 1;
        }
    }
    *buf = out;
}

/// eprintln! for text that may carry escaped bytes.
pub fn eprintln(msg: &str) {
    let mut b = Vec::with_capacity(msg.len() + 1);
    b.extend_from_slice(msg.as_bytes());
    b.push(b'\n');
    restore(&mut b);
    let _ = std::io::stderr().lock().write_all(&b);
}

/// A path (or any OS string) made of the bytes `s` stands for.
pub fn os(s: &str) -> std::ffi::OsString {
    use std::os::unix::ffi::OsStringExt;
    std::ffi::OsString::from_vec(encode(s).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for b in [
            &b"plain"[..],
            b"n\xc3\xa4me",
            b"\xff\xfe",
            b"a\xe9b",
            b"\xf4\x8f\xbf\xbf",
            b"x\xf4\x8f",
        ] {
            let s = decode(b);
            assert_eq!(&*encode(&s), b, "{b:?}");
            assert_eq!(raw_len(&s), b.len());
            let mut r = s.as_bytes().to_vec();
            restore(&mut r);
            assert_eq!(r, b, "{b:?}");
        }
        assert!(matches!(decode(b"eth0"), Cow::Borrowed(_)));
    }
}
