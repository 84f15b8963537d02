//! iproute2's name tables: /etc/iproute2/{rt_tables,rt_protos,rt_scopes,rt_realms,rt_dsfield,group}
//! (plus rt_tables.d/*.conf and rt_protos.d/*.conf) over built-in defaults, read once on first use.

use std::sync::OnceLock;

pub const CONFDIR: &str = "/etc/iproute2";

/// How iproute2 keeps a table: an array of 256 names (protocols, scopes, realms, DS fields) or a
/// hash of 256 chains (routing tables, groups).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Store {
    /// `tab[id] = name`: a later line for an id replaces the name; ids outside 0..=255 are
    /// skipped; a name stands for the lowest id that has it.
    Tab,
    /// Entries pushed at the head of chain `id & 255`: every line is kept (ids below 0 skipped);
    /// an id shows the name it was given last; a name stands for the first match walking the
    /// chains 0..=255, each newest first.
    Hash,
}

/// The entries of one table, oldest first.
#[derive(Debug, Clone)]
struct Map {
    store: Store,
    entries: Vec<(u32, String)>,
}

impl Map {
    fn new(store: Store) -> Map {
        Map {
            store,
            entries: Vec::new(),
        }
    }

    fn insert(&mut self, id: u32, name: &str) {
        if self.store == Store::Tab {
            self.entries.retain(|(i, _)| *i != id);
        }
        self.entries.push((id, name.to_string()));
    }

    fn name(&self, id: u32) -> Option<&str> {
        self.entries
            .iter()
            .rev()
            .find(|(i, _)| *i == id)
            .map(|(_, n)| n.as_str())
    }

    fn id(&self, name: &str) -> Option<u32> {
        let matching = self
            .entries
            .iter()
            .enumerate()
            .filter(|(_, (_, n))| n == name);
        match self.store {
            Store::Tab => matching.map(|(_, (i, _))| *i).min(),
            // the lowest chain; in it the newest entry
            Store::Hash => matching
                .min_by_key(|(pos, (i, _))| (*i & 255, std::cmp::Reverse(*pos)))
                .map(|(_, (i, _))| *i),
        }
    }

    /// Reads a `NUMBER NAME` file as iproute2's fread_id_name does (lines as fgets gives them in
    /// 511-byte pieces; `#` comments; `sscanf("0x%x %s")`, else `sscanf("%d %s")`); a line that
    /// is neither stops the file with iproute2's "Database … is corrupted" message (which quotes
    /// the rest of the line, its newline included).
    fn load(&mut self, path: &str) {
        let Ok(text) = std::fs::read(path) else {
            return;
        };
        for piece in fgets_pieces(&text) {
            let n = piece
                .iter()
                .take_while(|b| matches!(b, b' ' | b'\t'))
                .count();
            // fgets' string ends at a NUL byte
            let p = &piece[n..];
            let p = &p[..p.iter().position(|&b| b == 0).unwrap_or(p.len())];
            if p.is_empty() || p[0] == b'#' || p[0] == b'\n' {
                continue;
            }
            let Some((id, name)) = scan_id_name(p) else {
                eprintln!(
                    "Database {path} is corrupted at {}",
                    String::from_utf8_lossy(p)
                );
                return;
            };
            let name = String::from_utf8_lossy(name);
            match self.store {
                Store::Tab if (0..256).contains(&id) => self.insert(id as u32, &name),
                Store::Hash if id >= 0 => self.insert(id as u32, &name),
                _ => {}
            }
        }
    }

    /// Also reads every `*.conf` in a `.d` directory, in directory order.
    fn load_dir(&mut self, dir: &str) {
        let Ok(rd) = std::fs::read_dir(dir) else {
            return;
        };
        for e in rd.flatten() {
            let n = e.file_name().to_string_lossy().into_owned();
            if n.ends_with(".conf") && n.len() > 5 && !n.starts_with('.') {
                self.load(&format!("{dir}/{n}"));
            }
        }
    }
}

/// What `fgets(buf, 512, fp)` returns, call after call: up to and including a newline, at most
/// 511 bytes.
fn fgets_pieces(text: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut n = rest
            .iter()
            .position(|&b| b == b'\n')
            .map_or(rest.len(), |i| i + 1);
        n = n.min(511);
        let (piece, tail) = rest.split_at(n);
        rest = tail;
        Some(piece)
    })
}

fn is_c_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// `sscanf(p, "0x%x %s")`, else `sscanf(p, "%d %s")`: the number as the int it is stored in
/// (glibc converts through unsigned long / long and cuts to 32 bits) and the name's bytes.
fn scan_id_name(p: &[u8]) -> Option<(i32, &[u8])> {
    fn with_name(id: i32, r: &[u8]) -> Option<(i32, &[u8])> {
        let r = &r[r.iter().take_while(|&&b| is_c_space(b)).count()..];
        let len = r.iter().take_while(|&&b| !is_c_space(b)).count();
        (len > 0).then(|| (id, &r[..len]))
    }
    let hex = p.strip_prefix(b"0x").and_then(|r| scan_number(r, 16));
    hex.and_then(|(v, r)| with_name(v as u32 as i32, r))
        .or_else(|| scan_number(p, 10).and_then(|(v, r)| with_name(v as i32, r)))
}

/// scanf's %x (strtoul, base 16, `0x` allowed) or %d (strtol, base 10): white space, a sign,
/// digits. The value is what strtoul/strtol return (saturated on overflow), as 64 bits.
fn scan_number(p: &[u8], base: u32) -> Option<(i64, &[u8])> {
    let mut i = p.iter().take_while(|&&b| is_c_space(b)).count();
    let neg = match p.get(i) {
        Some(b'-') => {
            i += 1;
            true
        }
        Some(b'+') => {
            i += 1;
            false
        }
        _ => false,
    };
    if base == 16
        && p.get(i) == Some(&b'0')
        && matches!(p.get(i + 1), Some(b'x' | b'X'))
        && p.get(i + 2).is_some_and(u8::is_ascii_hexdigit)
    {
        i += 2;
    }
    let digits = p[i..]
        .iter()
        .take_while(|b| (**b as char).is_digit(base))
        .count();
    if digits == 0 {
        return None;
    }
    let mut v: u64 = 0;
    let mut overflow = false;
    for &b in &p[i..i + digits] {
        let d = u64::from((b as char).to_digit(base).unwrap_or(0));
        match v
            .checked_mul(u64::from(base))
            .and_then(|x| x.checked_add(d))
        {
            Some(x) => v = x,
            None => overflow = true,
        }
    }
    let rest = &p[i + digits..];
    let value = if base == 16 {
        // strtoul: ULONG_MAX on overflow, a negated value wraps
        let u = if overflow {
            u64::MAX
        } else if neg {
            v.wrapping_neg()
        } else {
            v
        };
        u as i64
    } else if neg {
        // strtol: LONG_MIN on overflow
        if overflow || v > 1 << 63 {
            i64::MIN
        } else {
            (v as i64).wrapping_neg()
        }
    } else if overflow || v > i64::MAX as u64 {
        i64::MAX
    } else {
        v as i64
    };
    Some((value, rest))
}

/// One name table: iproute2's built-in names, then its files over them, read on first need.
///
/// Some of iproute2's tables are lazy (protocols, scopes, realms): printing an id that has a
/// built-in name does not read the files, so a file that renames a built-in id takes effect
/// only once something else made iproute2 read them (a name given on the command line, an id
/// without a built-in name). Tables and groups always read their files first.
#[derive(Debug)]
pub struct Table {
    builtin: Map,
    files: &'static [&'static str],
    dirs: &'static [&'static str],
    lazy: bool,
    full: OnceLock<Map>,
}

impl Table {
    fn new(
        store: Store,
        defaults: &[(u32, &str)],
        files: &'static [&'static str],
        dirs: &'static [&'static str],
        lazy: bool,
    ) -> Table {
        let mut builtin = Map::new(store);
        for (id, name) in defaults {
            builtin.insert(*id, name);
        }
        Table {
            builtin,
            files,
            dirs,
            lazy,
            full: OnceLock::new(),
        }
    }
    #[cfg(test)]
    fn with(defaults: &[(u32, &str)]) -> Table {
        Table::new(Store::Hash, defaults, &[], &[], false)
    }
    fn full(&self) -> &Map {
        self.full.get_or_init(|| {
            let mut m = self.builtin.clone();
            for f in self.files {
                m.load(&file(f));
            }
            for d in self.dirs {
                m.load_dir(&file(d));
            }
            m
        })
    }
    pub fn name(&self, id: u32) -> Option<&str> {
        if self.lazy
            && self.full.get().is_none()
            && let Some(n) = self.builtin.name(id)
        {
            return Some(n);
        }
        self.full().name(id)
    }
    pub fn id(&self, name: &str) -> Option<u32> {
        self.full().id(name)
    }
}

fn file(name: &str) -> String {
    format!("{CONFDIR}/{name}")
}

pub fn groups() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| Table::new(Store::Hash, &[(0, "default")], &["group"], &[], false))
}

/// iproute2 6.1's built-in protocol names.
const PROTOS: &[(u32, &str)] = &[
    (0, "unspec"),
    (1, "redirect"),
    (2, "kernel"),
    (3, "boot"),
    (4, "static"),
    (8, "gated"),
    (9, "ra"),
    (10, "mrt"),
    (11, "zebra"),
    (12, "bird"),
    (13, "dnrouted"),
    (14, "xorp"),
    (15, "ntk"),
    (16, "dhcp"),
    (18, "keepalived"),
    (42, "babel"),
    (186, "bgp"),
    (187, "isis"),
    (188, "ospf"),
    (189, "rip"),
    (192, "eigrp"),
];

pub fn protos() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| Table::new(Store::Tab, PROTOS, &["rt_protos"], &["rt_protos.d"], true))
}

pub fn scopes() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        Table::new(
            Store::Tab,
            &[
                (0, "global"),
                (255, "nowhere"),
                (254, "host"),
                (253, "link"),
                (200, "site"),
            ],
            &["rt_scopes"],
            &[],
            true,
        )
    })
}

pub fn tables() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        Table::new(
            Store::Hash,
            &[(253, "default"), (254, "main"), (255, "local")],
            &["rt_tables"],
            &["rt_tables.d"],
            false,
        )
    })
}

pub fn realms() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| Table::new(Store::Tab, &[(0, "unknown")], &["rt_realms"], &[], true))
}

pub fn dsfields() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| Table::new(Store::Tab, &[(0, "0")], &["rt_dsfield"], &[], true))
}

/// id -> name, or the number (always the number with -N; tables that are not lazy still read
/// their files first then, complaints included, as iproute2's group and table lookups do).
pub fn n2a(t: &Table, id: u32, numeric: bool) -> String {
    if numeric {
        if !t.lazy {
            t.full();
        }
    } else if let Some(n) = t.name(id) {
        return n.to_string();
    }
    id.to_string()
}

/// name -> id, or a number (base 0) within `max`.
pub fn a2n(t: &Table, s: &str, max: u32) -> Option<u32> {
    if let Some(id) = t.id(s) {
        return Some(id);
    }
    crate::ip::args::get_u32(s, 0).filter(|&v| v <= max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_numbers() {
        let t = Table::with(&[(0, "default")]);
        assert_eq!(n2a(&t, 0, false), "default");
        assert_eq!(n2a(&t, 0, true), "0");
        assert_eq!(n2a(&t, 7, false), "7");
        assert_eq!(a2n(&t, "default", 255), Some(0));
        assert_eq!(a2n(&t, "0x10", 255), Some(16));
        assert_eq!(a2n(&t, "300", 255), None);
        assert_eq!(a2n(&t, "bogus", 255), None);
    }

    #[test]
    fn lines_as_sscanf_reads_them() {
        let scan = |s: &str| {
            scan_id_name(s.as_bytes()).map(|(id, n)| (id, String::from_utf8_lossy(n).into_owned()))
        };
        assert_eq!(scan("100 mytable\n"), Some((100, "mytable".into())));
        assert_eq!(scan("0x10 hex # c\n"), Some((16, "hex".into())));
        assert_eq!(scan("10abc\n"), Some((10, "abc".into())));
        assert_eq!(scan("0xzz\n"), Some((0, "xzz".into())));
        assert_eq!(scan("0x1ffffffff big\n"), Some((-1, "big".into())));
        assert_eq!(scan("4294967296 over\n"), Some((0, "over".into())));
        assert_eq!(
            scan("99999999999999999999 huge\n"),
            Some((-1, "huge".into()))
        );
        assert_eq!(scan("-5 neg\n"), Some((-5, "neg".into())));
        assert_eq!(scan("0X14 upper\n"), Some((0, "X14".into())));
        assert_eq!(scan("102\n"), None);
        assert_eq!(scan("bad line\n"), None);
    }

    #[test]
    fn arrays_and_chains() {
        let mut tab = Map::new(Store::Tab);
        for (id, n) in [(50, "a"), (50, "b"), (51, "x"), (52, "x")] {
            tab.insert(id, n);
        }
        assert_eq!(
            (tab.id("a"), tab.id("b"), tab.id("x"), tab.name(50)),
            (None, Some(50), Some(51), Some("b"))
        );
        let mut hash = Map::new(Store::Hash);
        for (id, n) in [
            (254, "main"),
            (100, "t1"),
            (100, "t2"),
            (101, "d"),
            (100, "d"),
            (100, "e"),
            (356, "e"),
        ] {
            hash.insert(id, n);
        }
        assert_eq!(
            (hash.id("t1"), hash.name(100), hash.id("d"), hash.id("e")),
            (Some(100), Some("e"), Some(100), Some(356))
        );
    }
}
