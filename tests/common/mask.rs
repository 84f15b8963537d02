//! Masks what the kernel randomizes (MAC addresses, EUI-64 link-local addresses, bridge ids) and
//! what ticks (timers, ping times) in a transcript, so ipbox and the reference can be compared.
//! Same rules as shared/tools/mask-volatile, written out by hand (no regex dependency).

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}
fn is_hex(b: u8) -> bool {
    b.is_ascii_hexdigit()
}
fn is_lhex(b: u8) -> bool {
    b.is_ascii_digit() || (b'a'..=b'f').contains(&b)
}

/// Replaces every match of `m` (tried at each position; returns (length, replacement)).
fn replace_all(s: &str, m: impl Fn(&[u8], usize) -> Option<(usize, String)>) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if let Some((len, rep)) = m(b, i) {
            out.extend_from_slice(rep.as_bytes());
            i += len;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A word boundary, or the end of an ANSI color sequence (`\x1b[33m`) right before.
fn boundary_before(b: &[u8], i: usize) -> bool {
    if i == 0 || !is_word(b[i - 1]) {
        return true;
    }
    if b[i - 1] == b'm' {
        let mut j = i - 1;
        while j > 0 && (b[j - 1].is_ascii_digit() || b[j - 1] == b';') {
            j -= 1;
        }
        return j >= 2 && b[j - 1] == b'[' && b[j - 2] == 0x1b;
    }
    false
}
fn boundary_after(b: &[u8], end: usize) -> bool {
    end >= b.len() || !is_word(b[end])
}

/// `hh:hh:hh:hh:hh:hh` with `pred` deciding the digits; `min..=max` digits per group.
fn mac_len(b: &[u8], i: usize, min: usize, max: usize, pred: fn(u8) -> bool) -> Option<usize> {
    let mut j = i;
    for g in 0..6 {
        if g > 0 {
            if b.get(j) != Some(&b':') {
                return None;
            }
            j += 1;
        }
        let start = j;
        while j < b.len() && j - start < max && pred(b[j]) {
            j += 1;
        }
        if j - start < min {
            return None;
        }
    }
    Some(j - i)
}

fn mask_macs(s: &str) -> String {
    replace_all(s, |b, i| {
        if !boundary_before(b, i) {
            return None;
        }
        let len = mac_len(b, i, 2, 2, is_hex)?;
        if !boundary_after(b, i + len) {
            return None;
        }
        let text = String::from_utf8_lossy(&b[i..i + len]).to_lowercase();
        let keep = text == "00:00:00:00:00:00"
            || text == "ff:ff:ff:ff:ff:ff"
            || text.starts_with("01:")
            || text.starts_with("33:33");
        Some((
            len,
            if keep {
                String::from_utf8_lossy(&b[i..i + len]).into_owned()
            } else {
                "MAC".into()
            },
        ))
    })
}

/// `8000.aabbccddeeff` (brctl) and `8000.a:b:c:d:e:f` (ip -d) bridge ids.
fn mask_bridge_ids(s: &str) -> String {
    let s = replace_all(s, |b, i| {
        if !boundary_before(b, i) || i + 17 > b.len() {
            return None;
        }
        let w = &b[i..i + 17];
        if !(w[..4].iter().all(|&c| is_lhex(c))
            && w[4] == b'.'
            && w[5..].iter().all(|&c| is_lhex(c)))
        {
            return None;
        }
        if !boundary_after(b, i + 17) {
            return None;
        }
        let prio = String::from_utf8_lossy(&w[..4]);
        if w[5..].iter().all(|&c| c == b'0') {
            return None;
        }
        Some((17, format!("{prio}.MAC")))
    });
    replace_all(&s, |b, i| {
        if !boundary_before(b, i) || i + 5 > b.len() {
            return None;
        }
        if !(b[i..i + 4].iter().all(|&c| is_lhex(c)) && b[i + 4] == b'.') {
            return None;
        }
        let len = mac_len(b, i + 5, 1, 2, is_lhex)?;
        if !boundary_after(b, i + 5 + len) {
            return None;
        }
        Some((
            5 + len,
            format!("{}.MAC", String::from_utf8_lossy(&b[i..i + 4])),
        ))
    })
}

/// `fe80::x:x:x:x` (EUI-64 or random interface ids).
fn mask_link_local(s: &str) -> String {
    replace_all(s, |b, i| {
        if !b[i..].starts_with(b"fe80::") {
            return None;
        }
        let mut j = i + 6;
        for g in 0..4 {
            if g > 0 {
                if b.get(j) != Some(&b':') {
                    return None;
                }
                j += 1;
            }
            let start = j;
            while j < b.len() && j - start < 4 && is_lhex(b[j]) {
                j += 1;
            }
            if j == start {
                return None;
            }
        }
        boundary_after(b, j).then(|| (j - i, "fe80::LL".to_string()))
    })
}

fn digits(b: &[u8], mut j: usize, dot_ok: bool) -> usize {
    while j < b.len() && (b[j].is_ascii_digit() || (dot_ok && b[j] == b'.')) {
        j += 1;
    }
    j
}

/// `N.N` right at `j`: returns its end.
fn decimal(b: &[u8], j: usize) -> Option<usize> {
    let k = digits(b, j, false);
    if k == j || b.get(k) != Some(&b'.') {
        return None;
    }
    let l = digits(b, k + 1, false);
    (l > k + 1).then_some(l)
}

fn mask_timers(s: &str) -> String {
    // ip -d / -j: `hello_timer    0.00`, `"gc_timer": 299.76`
    let s = replace_all(s, |b, i| {
        if !b[i..].starts_with(b"_timer") {
            return None;
        }
        let mut j = i + 6;
        if b.get(j) == Some(&b'"') {
            j += 1;
        }
        if b.get(j) == Some(&b':') {
            j += 1;
        }
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        let end = decimal(b, j)?;
        Some((end - i, format!("{}T", String::from_utf8_lossy(&b[i..j]))))
    });
    // brctl showstp: `hello timer\t\t   0.84`
    const NAMES: [&str; 7] = [
        "hello timer",
        "gc timer",
        "tcn timer",
        "topology change timer",
        "message age timer",
        "forward delay timer",
        "hold timer",
    ];
    let s = replace_all(&s, |b, i| {
        let name = NAMES.iter().find(|n| b[i..].starts_with(n.as_bytes()))?;
        let mut j = i + name.len();
        let tabs = j;
        while b.get(j) == Some(&b'\t') {
            j += 1;
        }
        if j == tabs {
            return None;
        }
        let head = j;
        while j < b.len() && b[j].is_ascii_whitespace() && b[j] != b'\n' {
            j += 1;
        }
        let end = digits(b, j, true);
        if end == j {
            return None;
        }
        Some((
            end - i,
            format!("{}T", String::from_utf8_lossy(&b[i..head])),
        ))
    });
    // brctl showmacs: `\tno\t\t   0.59` at the end of a line
    let lines: Vec<String> = s
        .split('\n')
        .map(|line| {
            for flag in ["\tyes\t\t", "\tno\t\t"] {
                if let Some(pos) = line.rfind(flag) {
                    let tail = &line[pos + flag.len()..];
                    let t = tail.trim_start();
                    let tb = t.as_bytes();
                    if decimal(tb, 0) == Some(tb.len()) && tb.len() >= 4 && tb[tb.len() - 3] == b'.'
                    {
                        return format!("{}{flag}T", &line[..pos]);
                    }
                }
            }
            line.to_string()
        })
        .collect();
    lines.join("\n")
}

fn mask_ping(s: &str) -> String {
    let s = replace_all(s, |b, i| {
        if !b[i..].starts_with(b"time=") {
            return None;
        }
        let end = digits(b, i + 5, true);
        (end > i + 5 && b[end..].starts_with(b" ms")).then(|| (end + 3 - i, "time=X ms".into()))
    });
    let s = replace_all(&s, |b, i| {
        if !b[i..].starts_with(b"time ") {
            return None;
        }
        let end = digits(b, i + 5, false);
        (end > i + 5 && b[end..].starts_with(b"ms")).then(|| (end + 2 - i, "time Xms".into()))
    });
    replace_all(&s, |b, i| {
        let head = b"rtt min/avg/max/mdev = ";
        if !b[i..].starts_with(head) {
            return None;
        }
        let mut j = i + head.len();
        while j < b.len() && (b[j].is_ascii_digit() || b[j] == b'.' || b[j] == b'/') {
            j += 1;
        }
        b[j..]
            .starts_with(b" ms")
            .then(|| (j + 3 - i, "rtt X".into()))
    })
}

/// showmacs rows are sorted by MAC, and MACs are random: compare them as a set.
fn sort_showmacs(s: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut rows: Vec<String> = Vec::new();
    let mut inside = false;
    for line in s.split('\n') {
        if inside && !line.is_empty() && !line.starts_with("[rc=") && !line.starts_with("! ") {
            rows.push(line.to_string());
            continue;
        }
        if inside {
            rows.sort();
            out.append(&mut rows);
            inside = false;
        }
        out.push(line.to_string());
        if line.starts_with("port no\tmac addr") {
            inside = true;
        }
    }
    rows.sort();
    out.append(&mut rows);
    out.join("\n")
}

pub fn mask(s: &str) -> String {
    let s = mask_macs(s);
    let s = mask_bridge_ids(&s);
    let s = mask_link_local(&s);
    let s = mask_timers(&s);
    let s = mask_ping(&s);
    sort_showmacs(&s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks() {
        assert_eq!(
            mask("link/ether 6a:37:8c:a6:64:a6 brd ff:ff:ff:ff:ff:ff"),
            "link/ether MAC brd ff:ff:ff:ff:ff:ff"
        );
        assert_eq!(mask("br0\t\t8000.020000000010\tno"), "br0\t\t8000.MAC\tno");
        assert_eq!(mask("8000.000000000000"), "8000.000000000000");
        assert_eq!(
            mask("bridge_id 8000.86:da:51:34:b0:ba x"),
            "bridge_id 8000.MAC x"
        );
        assert_eq!(mask("bridge_id 8000.0:0:0:0:0:0 "), "bridge_id 8000.MAC ");
        assert_eq!(
            mask("inet6 fe80::6837:8cff:fea6:64a6/64"),
            "inet6 fe80::LL/64"
        );
        assert_eq!(
            mask("hello_timer    0.00 gc_timer  299.76"),
            "hello_timer    T gc_timer  T"
        );
        assert_eq!(mask("\"gc_timer\": 299.76,"), "\"gc_timer\": T,");
        assert_eq!(
            mask(" hello timer\t\t   0.84\t\t\ttcn timer\t\t   0.00"),
            " hello timer\t\tT\t\t\ttcn timer\t\tT"
        );
        assert_eq!(mask("  2\tMAC\tno\t\t   0.59"), "  2\tMAC\tno\t\tT");
        assert_eq!(mask("time=0.045 ms"), "time=X ms");
        assert_eq!(
            mask("\x1b[33m06:0f:65:52:02:69\x1b[0m"),
            "\x1b[33mMAC\x1b[0m"
        );
        assert_eq!(mask("rtt min/avg/max/mdev = 0.1/0.2/0.3/0.0 ms"), "rtt X");
    }
}
