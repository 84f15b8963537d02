//! iproute2's name tables: /etc/iproute2/{rt_tables,rt_protos,rt_scopes,rt_realms,rt_dsfield,group}
//! (plus rt_tables.d/*.conf and rt_protos.d/*.conf) over built-in defaults, read once on first use.

use std::collections::HashMap;
use std::sync::OnceLock;

pub const CONFDIR: &str = "/etc/iproute2";

/// Names by id and ids by name.
#[derive(Debug, Default, Clone)]
struct Map {
    by_id: HashMap<u32, String>,
    by_name: HashMap<String, u32>,
}

impl Map {
    fn insert(&mut self, id: u32, name: &str) {
        self.by_id.insert(id, name.to_string());
        self.by_name.insert(name.to_string(), id);
    }

    /// Reads a `NUMBER NAME` file (numbers decimal or 0x-hex, `#` comments); a malformed line
    /// stops the file with iproute2's "Database … is corrupted" message (which quotes the rest of
    /// the line, its newline included).
    fn load(&mut self, path: &str) {
        let Ok(text) = std::fs::read(path) else { return };
        let text = String::from_utf8_lossy(&text);
        for line in text.split_inclusive('\n') {
            let l = line.trim_start_matches([' ', '\t']);
            let body = l.strip_suffix('\n').unwrap_or(l);
            if body.is_empty() || body.starts_with('#') {
                continue;
            }
            let mut it = body.split_whitespace();
            let id = match (it.next(), it.next()) {
                (Some(num), Some(_)) => match num.strip_prefix("0x") {
                    Some(h) => u32::from_str_radix(h.trim_end_matches(|c: char| !c.is_ascii_hexdigit()), 16).ok(),
                    None => leading_int(num),
                },
                _ => None,
            };
            let name = body.split_whitespace().nth(1).unwrap_or_default();
            match id {
                Some(id) => self.insert(id, name),
                None => {
                    eprintln!("Database {path} is corrupted at {l}");
                    return;
                }
            }
        }
    }

    /// Also reads every `*.conf` in a `.d` directory, in directory order.
    fn load_dir(&mut self, dir: &str) {
        let Ok(rd) = std::fs::read_dir(dir) else { return };
        for e in rd.flatten() {
            let n = e.file_name().to_string_lossy().into_owned();
            if n.ends_with(".conf") && n.len() > 5 && !n.starts_with('.') {
                self.load(&format!("{dir}/{n}"));
            }
        }
    }
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
        defaults: &[(u32, &str)],
        files: &'static [&'static str],
        dirs: &'static [&'static str],
        lazy: bool,
    ) -> Table {
        let mut builtin = Map::default();
        for (id, name) in defaults {
            builtin.insert(*id, name);
        }
        Table { builtin, files, dirs, lazy, full: OnceLock::new() }
    }
    #[cfg(test)]
    fn with(defaults: &[(u32, &str)]) -> Table {
        Table::new(defaults, &[], &[], false)
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
            && let Some(n) = self.builtin.by_id.get(&id)
        {
            return Some(n);
        }
        self.full().by_id.get(&id).map(String::as_str)
    }
    pub fn id(&self, name: &str) -> Option<u32> {
        self.full().by_name.get(name).copied()
    }
}

/// sscanf("%d") on a leading number.
fn leading_int(s: &str) -> Option<u32> {
    let digits: String = s.chars().take_while(|c| c.is_ascii_digit() || *c == '-').collect();
    digits.parse::<i64>().ok().map(|v| v as u32)
}

fn file(name: &str) -> String {
    format!("{CONFDIR}/{name}")
}

pub fn groups() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| Table::new(&[(0, "default")], &["group"], &[], false))
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
    T.get_or_init(|| Table::new(PROTOS, &["rt_protos"], &["rt_protos.d"], true))
}

pub fn scopes() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        Table::new(
            &[(0, "global"), (255, "nowhere"), (254, "host"), (253, "link"), (200, "site")],
            &["rt_scopes"],
            &[],
            true,
        )
    })
}

pub fn tables() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        Table::new(&[(253, "default"), (254, "main"), (255, "local")], &["rt_tables"], &["rt_tables.d"], false)
    })
}

pub fn realms() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| Table::new(&[(0, "unknown")], &["rt_realms"], &[], true))
}

pub fn dsfields() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| Table::new(&[], &["rt_dsfield"], &[], false))
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
}
