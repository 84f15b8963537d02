//! Time units. Arguments are seconds; the kernel keeps centiseconds (clock_t at USER_HZ=100),
//! over netlink as over sysfs. bridge-utils converts through a `struct timeval` with C's
//! truncating casts, and shows centisecond values with `"%4i.%.2i"` after reading them with `%i`;
//! both are reproduced here, overflow and all.

use super::scan;

/// C's `(long) d` on x86-64 (cvttsd2si): NaN and out-of-range values become `LONG_MIN`.
fn c_long(d: f64) -> i64 {
    const TWO_63: f64 = 9_223_372_036_854_775_808.0;
    if (-TWO_63..TWO_63).contains(&d) {
        d as i64
    } else {
        i64::MIN
    }
}

/// bridge-utils' strtotimeval + __tv_to_jiffies: seconds as text to centiseconds (64-bit, as
/// written to sysfs with "%lu"). None when the text holds no number.
pub fn centiseconds(word: &str) -> Option<u64> {
    let secs = scan::double(word)?;
    let sec = c_long(secs);
    let usec = c_long(1_000_000.0 * (secs - sec as f64));
    Some(
        1_000_000u64
            .wrapping_mul(sec as u64)
            .wrapping_add(usec as u64)
            / 10_000,
    )
}

/// A centisecond value as bridge-utils prints it: read back with `%i` (cut to an int), widened to
/// unsigned long, turned into a timeval, then `"%4i.%.2i"`.
pub fn timer(cs: u64) -> String {
    let as_int = cs as i32;
    let jiffies = i64::from(as_int) as u64;
    let usec_total = 10_000u64.wrapping_mul(jiffies);
    let sec = usec_total / 1_000_000;
    let usec = usec_total - 1_000_000 * sec;
    format!("{:4}.{:02}", sec as i32, (usec as i32) / 10_000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_to_centiseconds() {
        // observed with bridge-utils' own arithmetic compiled on this machine
        let cases: &[(&str, u64)] = &[
            ("4.5", 450),
            ("1e3", 100000),
            ("1.005", 100),
            ("123.456", 12345),
            ("12.25", 1225),
            ("0.01", 1),
            ("0.009999", 0),
            ("5e-3", 0),
            ("-.5", 1844674407370905),
            ("-1", 1844674407370855),
            ("inf", 922337203685477),
            ("-inf", 922337203685477),
            ("nan", 922337203685477),
            ("1e400", 922337203685477),
            ("4294967296", 429496729600),
        ];
        for (s, want) in cases {
            assert_eq!(centiseconds(s), Some(*want), "{s}");
        }
        assert_eq!(centiseconds("abc"), None);
    }

    #[test]
    fn timers_as_printed() {
        assert_eq!(timer(0), "   0.00");
        assert_eq!(timer(200), "   2.00");
        assert_eq!(timer(30000), " 300.00");
        assert_eq!(timer(12344), " 123.44");
        assert_eq!(timer(1224), "  12.24");
        // observed: ageing 1e9 s, 3e7 s
        assert_eq!(timer(100_000_000_000), "12157521.92");
        assert_eq!(timer(3_000_000_000), "-153412284.59");
    }
}
