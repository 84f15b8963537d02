//! iproute2's name tables: /etc/iproute2/{rt_tables,rt_protos,rt_scopes,rt_realms,rt_dsfield,group}
//! (plus rt_tables.d/*.conf and rt_protos.d/*.conf) over built-in defaults, read once on first use.

use std::collections::HashMap;
use std::sync::OnceLock;

pub const CONFDIR: &str = "/etc/iproute2";

#[derive(Debug, Default)]
pub struct Table {
    by_id: HashMap<u32, String>,
    /// Names in file order (first definition of a name wins on lookup).
    by_name: HashMap<String, u32>,
}

impl Table {
    fn with(defaults: &[(u32, &str)]) -> Table {
        let mut t = Table::default();
        for (id, name) in defaults {
            t.insert(*id, name);
        }
        t
    }
    fn insert(&mut self, id: u32, name: &str) {
        self.by_id.insert(id, name.to_string());
        self.by_name.insert(name.to_string(), id);
    }
    pub fn name(&self, id: u32) -> Option<&str> {
        self.by_id.get(&id).map(String::as_str)
    }
    pub fn id(&self, name: &str) -> Option<u32> {
        self.by_name.get(name).copied()
    }

    /// Reads a `NUMBER NAME` file (numbers decimal or 0x-hex, `#` comments); a malformed line
    /// stops the file with iproute2's "Database … is corrupted" message.
    fn load(&mut self, path: &str) {
        let Ok(text) = std::fs::read(path) else { return };
        let text = String::from_utf8_lossy(&text);
        for line in text.lines() {
            let l = line.trim_start_matches([' ', '\t']);
            if l.is_empty() || l.starts_with('#') {
                continue;
            }
            let mut it = l.split_whitespace();
            let (Some(num), Some(name)) = (it.next(), it.next()) else {
                eprintln!("Database {path} is corrupted at {l}");
                return;
            };
            let id = if let Some(h) = num.strip_prefix("0x") {
                u32::from_str_radix(h.trim_end_matches(|c: char| !c.is_ascii_hexdigit()), 16).ok()
            } else {
                leading_int(num)
            };
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
            if n.ends_with(".conf") && !n.starts_with('.') {
                self.load(&format!("{dir}/{n}"));
            }
        }
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
    T.get_or_init(|| {
        let mut t = Table::with(&[(0, "default")]);
        t.load(&file("group"));
        t
    })
}

pub fn protos() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = Table::with(&[
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
            (99, "openr"),
            (186, "bgp"),
            (187, "isis"),
            (188, "ospf"),
            (189, "rip"),
            (192, "eigrp"),
        ]);
        t.load(&file("rt_protos"));
        t.load_dir(&file("rt_protos.d"));
        t
    })
}

pub fn scopes() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = Table::with(&[(0, "global"), (255, "nowhere"), (254, "host"), (253, "link"), (200, "site")]);
        t.load(&file("rt_scopes"));
        t
    })
}

pub fn tables() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = Table::with(&[(0, "unspec"), (253, "default"), (254, "main"), (255, "local")]);
        t.load(&file("rt_tables"));
        t.load_dir(&file("rt_tables.d"));
        t
    })
}

pub fn realms() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = Table::with(&[(0, "cosmos")]);
        t.load(&file("rt_realms"));
        t
    })
}

pub fn dsfields() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = Table::default();
        t.load(&file("rt_dsfield"));
        t
    })
}

/// id -> name, or the number (always the number with -N).
pub fn n2a(t: &Table, id: u32, numeric: bool) -> String {
    if !numeric {
        if let Some(n) = t.name(id) {
            return n.to_string();
        }
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
