//! Numbers read the way bridge-utils reads them: glibc's `sscanf(s, "%lf")` for times and
//! `sscanf(s, "%i")` for priorities and costs. Both take the longest number at the start of the
//! word (after white space) and ignore what follows: `10abc` is 10, `2,5` is 2, `0x10` is 16 for
//! `%i`, `010` is 8.

fn skip_space(s: &[u8]) -> &[u8] {
    let n = s
        .iter()
        .take_while(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r'))
        .count();
    &s[n..]
}

/// The sign at the start of `s`: (negative, rest).
fn sign(s: &[u8]) -> (bool, &[u8]) {
    match s.first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    }
}

fn starts_with_ci(s: &[u8], word: &[u8]) -> bool {
    s.len() >= word.len() && s[..word.len()].eq_ignore_ascii_case(word)
}

/// `sscanf(word, "%lf", &d) == 1`: the double, or None when there is no number.
pub fn double(word: &str) -> Option<f64> {
    let (neg, s) = sign(skip_space(word.as_bytes()));
    let v = if starts_with_ci(s, b"inf") {
        f64::INFINITY
    } else if starts_with_ci(s, b"nan") {
        f64::NAN
    } else if s.len() >= 2 && s[0] == b'0' && (s[1] | 0x20) == b'x' {
        hex_double(&s[2..])?
    } else {
        dec_double(s)?
    };
    Some(if neg { -v } else { v })
}

/// Decimal: digits, optional fraction, optional exponent (ignored when it has no digits).
fn dec_double(s: &[u8]) -> Option<f64> {
    let int = s.iter().take_while(|b| b.is_ascii_digit()).count();
    let mut end = int;
    let mut frac = 0;
    if s.get(end) == Some(&b'.') {
        frac = s[end + 1..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        end += 1 + frac;
    }
    if int + frac == 0 {
        return None;
    }
    let mantissa_end = end;
    if matches!(s.get(end), Some(b'e' | b'E')) {
        let mut j = end + 1;
        if matches!(s.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        let digits = s[j.min(s.len())..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if digits > 0 {
            end = j + digits;
        }
    }
    let text = std::str::from_utf8(&s[..end]).ok()?;
    // Rust wants a digit before the exponent: "5.e3" and ".5" parse, "." alone never gets here.
    let text = if mantissa_end == 1 + frac && int == 0 {
        format!("0{text}")
    } else {
        text.to_string()
    };
    text.parse::<f64>().ok()
}

/// Hexadecimal after `0x`: glibc wants a hex digit or a '.' next; `p` exponent optional.
fn hex_double(s: &[u8]) -> Option<f64> {
    match s.first() {
        Some(b) if b.is_ascii_hexdigit() || *b == b'.' => {}
        _ => return None,
    }
    let mut mant: u64 = 0;
    let mut exp: i64 = 0;
    let mut sticky = false;
    let mut i = 0;
    let mut seen_dot = false;
    while i < s.len() {
        let b = s[i];
        if b == b'.' && !seen_dot {
            seen_dot = true;
        } else if let Some(d) = (b as char).to_digit(16) {
            if mant >> 56 == 0 {
                mant = mant << 4 | u64::from(d);
                if seen_dot {
                    exp -= 4;
                }
            } else {
                sticky |= d != 0;
                if !seen_dot {
                    exp += 4;
                }
            }
        } else {
            break;
        }
        i += 1;
    }
    if matches!(s.get(i), Some(b'p' | b'P')) {
        let (eneg, rest) = sign(&s[i + 1..]);
        let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        if digits > 0 {
            let e = rest[..digits]
                .iter()
                .fold(0i64, |a, &d| (a * 10 + i64::from(d - b'0')).min(1 << 20));
            exp += if eneg { -e } else { e };
        }
    }
    let m = (mant | u64::from(sticky)) as f64;
    Some(m * 2f64.powi(exp.clamp(-2000, 2000) as i32))
}

/// `sscanf(word, "%i", &n) == 1`: strtol with base 0 (0x hex, leading 0 octal), clamped to a
/// long, then cut to an int as glibc stores it.
pub fn int(word: &str) -> Option<i32> {
    let (neg, s) = sign(skip_space(word.as_bytes()));
    let (base, digits) = if s.len() >= 2 && s[0] == b'0' && (s[1] | 0x20) == b'x' {
        (16, &s[2..])
    } else if s.first() == Some(&b'0') {
        (8, s)
    } else {
        (10, s)
    };
    let n = digits
        .iter()
        .take_while(|b| (**b as char).is_digit(base))
        .count();
    // "0x" with no hex digit after it still reads as 0 (the '0' matched).
    if n == 0 && base != 16 {
        return None;
    }
    let mut mag: u128 = 0;
    for &b in &digits[..n] {
        let d = (b as char).to_digit(base).unwrap_or(0);
        mag = (mag * u128::from(base) + u128::from(d)).min(1 << 64);
    }
    let long: i64 = if neg {
        if mag > 1 << 63 {
            i64::MIN
        } else {
            (mag as i128).wrapping_neg() as i64
        }
    } else if mag > i64::MAX as u128 {
        i64::MAX
    } else {
        mag as i64
    };
    Some(long as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubles_as_glibc_scanf() {
        // (input, expected) observed with a C program calling sscanf("%lf") on this machine
        let cases: &[(&str, Option<f64>)] = &[
            ("4.5", Some(4.5)),
            ("1e3", Some(1000.0)),
            ("1e", Some(1.0)),
            ("1e+", Some(1.0)),
            ("1.e", Some(1.0)),
            (".", None),
            ("-.5", Some(-0.5)),
            ("0x", None),
            ("0xg", None),
            ("0xp1", None),
            ("0x.", Some(0.0)),
            ("0x.8", Some(0.5)),
            ("0x.e", Some(0.875)),
            ("0x1p3", Some(8.0)),
            ("0x1.8", Some(1.5)),
            ("0x1P-1", Some(0.5)),
            ("0x1p", Some(1.0)),
            (" 3", Some(3.0)),
            ("\t7", Some(7.0)),
            ("+2", Some(2.0)),
            ("2,5", Some(2.0)),
            ("10abc", Some(10.0)),
            ("1.005", Some(1.005)),
            ("123.456", Some(123.456)),
            ("1.5.5", Some(1.5)),
            (".5e", Some(0.5)),
            (".e1", None),
            ("+.e", None),
            ("-", None),
            ("", None),
            (" ", None),
            ("in", None),
            ("x1", None),
            ("1e400", Some(f64::INFINITY)),
            ("1e-400", Some(0.0)),
            ("00x1", Some(0.0)),
            ("0b101", Some(0.0)),
        ];
        for (s, want) in cases {
            assert_eq!(double(s), *want, "{s:?}");
        }
        for s in ["inf", "INF", "infx", "infinity", "-inf"] {
            assert!(double(s).unwrap().is_infinite(), "{s}");
        }
        for s in ["nan", "NaN", "nan(12)", "nanx", "nan("] {
            assert!(double(s).unwrap().is_nan(), "{s}");
        }
    }

    #[test]
    fn ints_as_glibc_scanf() {
        let cases: &[(&str, Option<i32>)] = &[
            ("4.5", Some(4)),
            ("0x10", Some(16)),
            ("0X1F", Some(31)),
            (" -0x10", Some(-16)),
            ("010", Some(8)),
            ("08", Some(0)),
            ("099", Some(0)),
            ("0x", Some(0)),
            ("0xg", Some(0)),
            ("-0x", Some(0)),
            ("4294967296", Some(0)),
            ("4294967297", Some(1)),
            ("99999999999", Some(1215752191)),
            ("99999999999999999999", Some(-1)),
            ("-99999999999999999999", Some(0)),
            ("-2147483649", Some(2147483647)),
            ("2147483648", Some(-2147483648)),
            ("-1", Some(-1)),
            ("abc", None),
            ("", None),
            ("-", None),
            ("inf", None),
            (".5", None),
            ("+2", Some(2)),
        ];
        for (s, want) in cases {
            assert_eq!(int(s), *want, "{s:?}");
        }
    }
}
