//! The word cursor over iproute2's grammar, keyword prefix matching, iproute2's message helpers
//! with their exit codes, and its number parsers (C's strtoul/strtol, base 0).

use crate::error::Error;

/// iproute2's `matches(word, keyword)`: the word is a non-empty prefix of the keyword.
pub fn matches(word: &str, keyword: &str) -> bool {
    !word.is_empty() && keyword.starts_with(word)
}

/// A cursor over the words of one command.
#[derive(Debug, Clone)]
pub struct Args {
    words: Vec<String>,
    pos: usize,
}

impl Args {
    pub fn new(words: Vec<String>) -> Self {
        Args { words, pos: 0 }
    }
    pub fn peek(&self) -> Option<&str> {
        self.words.get(self.pos).map(String::as_str)
    }
    pub fn next(&mut self) -> Option<String> {
        let w = self.words.get(self.pos).cloned();
        if w.is_some() {
            self.pos += 1;
        }
        w
    }
    /// iproute2's NEXT_ARG(): the value a keyword needs, or "Command line is not complete".
    pub fn need(&mut self) -> Result<String, Error> {
        self.next().ok_or_else(incomplete)
    }
    pub fn is_empty(&self) -> bool {
        self.pos >= self.words.len()
    }
    /// The words not yet consumed.
    pub fn rest(&self) -> &[String] {
        self.words.get(self.pos..).unwrap_or(&[])
    }
    /// Takes every remaining word.
    pub fn take_rest(&mut self) -> Vec<String> {
        let r = self.rest().to_vec();
        self.pos = self.words.len();
        r
    }
    /// Steps back one word (iproute2's PREV_ARG).
    pub fn back(&mut self) {
        self.pos = self.pos.saturating_sub(1);
    }
}

pub fn incomplete() -> Error {
    Error::usage("Command line is not complete. Try option \"help\"")
}
/// invarg(msg, arg). Many of iproute2's messages end in "\n", which shows as a blank line:
/// pass that newline inside `msg`.
pub fn invarg(msg: &str, arg: &str) -> Error {
    Error::usage(format!("Error: argument \"{arg}\" is wrong: {msg}"))
}
pub fn duparg(key: &str, arg: &str) -> Error {
    Error::usage(format!(
        "Error: duplicate \"{key}\": \"{arg}\" is the second value."
    ))
}
pub fn duparg2(key: &str, arg: &str) -> Error {
    Error::usage(format!(
        "Error: either \"{key}\" is duplicate, or \"{arg}\" is a garbage."
    ))
}
/// "Cannot find device" (a handler's -1).
pub fn nodev(dev: &str) -> Error {
    Error::fail(format!("Cannot find device \"{dev}\""))
}

/// C's strtoul: leading space, optional sign (a minus wraps), base 0/8/10/16 prefixes, and the
/// whole word must be consumed. None where iproute2's get_unsigned family fails; the bool is
/// strtoul's ERANGE.
fn strtoul(s: &str, base: u32) -> Option<(u64, bool)> {
    let t = s.trim_start_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let (base, digits) = match base {
        0 if t.len() > 1
            && (t.starts_with("0x") || t.starts_with("0X"))
            && t[2..].starts_with(|c: char| c.is_ascii_hexdigit()) =>
        {
            (16, &t[2..])
        }
        0 if t.starts_with('0') => (8, t),
        0 => (10, t),
        16 if t.len() > 1
            && (t.starts_with("0x") || t.starts_with("0X"))
            && t[2..].starts_with(|c: char| c.is_ascii_hexdigit()) =>
        {
            (16, &t[2..])
        }
        b => (b, t),
    };
    if digits.is_empty() {
        return None;
    }
    let mut v: u64 = 0;
    let mut overflow = false;
    for c in digits.chars() {
        let d = c.to_digit(base)?;
        match v
            .checked_mul(base as u64)
            .and_then(|x| x.checked_add(d as u64))
        {
            Some(x) => v = x,
            None => overflow = true,
        }
    }
    if overflow {
        return Some((u64::MAX, true));
    }
    Some((if neg { v.wrapping_neg() } else { v }, false))
}

/// C's strtol within i64, with the same acceptance rules.
fn strtol(s: &str, base: u32) -> Option<(i64, bool)> {
    let t = s.trim_start_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
    let neg = t.starts_with('-');
    let (mag, of) = strtoul(
        if neg {
            &t[1..]
        } else {
            t.strip_prefix('+').unwrap_or(t)
        },
        base,
    )?;
    if (t[usize::from(neg)..]).starts_with(['-', '+']) {
        return None;
    }
    if of {
        return Some((if neg { i64::MIN } else { i64::MAX }, true));
    }
    if neg {
        if mag > i64::MAX as u64 + 1 {
            return Some((i64::MIN, true));
        }
        Some(((mag as i64).wrapping_neg(), false))
    } else if mag > i64::MAX as u64 {
        Some((i64::MAX, true))
    } else {
        Some((mag as i64, false))
    }
}

/// get_unsigned / get_u32: unsigned int.
pub fn get_u32(s: &str, base: u32) -> Option<u32> {
    match strtoul(s, base)? {
        (_, true) => None,
        (v, false) => u32::try_from(v).ok(),
    }
}
pub fn get_u16(s: &str, base: u32) -> Option<u16> {
    get_u32(s, base).and_then(|v| u16::try_from(v).ok())
}
pub fn get_u8(s: &str, base: u32) -> Option<u8> {
    get_u32(s, base).and_then(|v| u8::try_from(v).ok())
}
pub fn get_u64(s: &str, base: u32) -> Option<u64> {
    match strtoul(s, base)? {
        (_, true) => None,
        (v, false) => Some(v),
    }
}
/// get_integer / get_s32: int.
pub fn get_i32(s: &str, base: u32) -> Option<i32> {
    match strtol(s, base)? {
        (_, true) => None,
        (v, false) => i32::try_from(v).ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_matching() {
        assert!(matches("l", "link"));
        assert!(matches("link", "link"));
        assert!(!matches("linkx", "link"));
        assert!(!matches("", "link"));
    }

    #[test]
    fn c_numbers() {
        assert_eq!(get_u32("10", 0), Some(10));
        assert_eq!(get_u32("0x10", 0), Some(16));
        assert_eq!(get_u32("010", 0), Some(8));
        assert_eq!(get_u32("08", 0), None);
        assert_eq!(get_u32("0", 0), Some(0));
        assert_eq!(get_u32(" 5", 0), Some(5));
        assert_eq!(get_u32("+5", 0), Some(5));
        assert_eq!(get_u32("-1", 0), None);
        assert_eq!(get_u32("-0", 0), Some(0));
        assert_eq!(get_u32("4294967295", 0), Some(u32::MAX));
        assert_eq!(get_u32("4294967296", 0), None);
        assert_eq!(get_u32("12abc", 0), None);
        assert_eq!(get_u32("", 0), None);
        assert_eq!(get_u32("0x", 0), None);
        assert_eq!(get_u32("99999999999999999999999", 0), None);
        assert_eq!(get_i32("-3", 0), Some(-3));
        assert_eq!(get_i32("2147483648", 0), None);
        assert_eq!(get_i32("-2147483648", 0), Some(i32::MIN));
        assert_eq!(get_i32("--3", 0), None);
        assert_eq!(get_i32("abc", 0), None);
        assert_eq!(get_u16("65536", 0), None);
        assert_eq!(get_u8("255", 0), Some(255));
    }

    #[test]
    fn cursor() {
        let mut a = Args::new(vec!["dev".into(), "x".into()]);
        assert_eq!(a.next().as_deref(), Some("dev"));
        assert_eq!(a.need().unwrap(), "x");
        assert!(a.need().is_err());
        assert!(a.is_empty());
    }
}
