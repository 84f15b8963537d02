//! The link kinds ipbox knows: how to parse `type KIND ARGS` and how to print their details.
//! One file per kind beside this one; this table ties them together.

use super::{bridge, bridge_slave, macvlan, veth, vlan, vxlan};
use crate::error::{Error, Result};
use crate::ip::Ctx;
use crate::ip::args::Args;
use crate::netlink::msg::Request;
use crate::print::Printer;
use crate::print::link::LinkIndex;

/// Writes a kind's attributes (inside IFLA_INFO_DATA or IFLA_INFO_SLAVE_DATA).
pub type ParseFn = fn(&mut Ctx, &mut Args, &mut Request) -> Result<()>;
/// Prints a kind's details (`-d`), text and JSON; `None` data when the kernel sent none.
pub type PrintFn = fn(&mut Printer, Option<&[u8]>, &LinkIndex);
/// The other links a kind's details name (a vxlan's `dev`, a port's `backup_port`), so the
/// caller can resolve their names before printing.
pub type LinksFn = fn(Option<&[u8]>) -> Vec<i32>;

pub struct Kind {
    pub name: &'static str,
    pub parse: Option<ParseFn>,
    pub print: Option<PrintFn>,
    /// `ip link help KIND` (prints to stdout, exit 0).
    pub help: Option<fn()>,
    pub links: Option<LinksFn>,
}

/// A kind iproute2 knows without options of its own: it takes and ignores any arguments
/// (iproute2 opens an empty IFLA_INFO_DATA for them).
const fn plain(name: &'static str, help: fn()) -> Kind {
    Kind {
        name,
        parse: Some(ignore_args),
        print: None,
        help: Some(help),
        links: None,
    }
}

pub const KINDS: &[Kind] = &[
    Kind {
        name: "veth",
        parse: Some(veth::parse),
        print: None,
        help: Some(veth::help),
        links: None,
    },
    Kind {
        name: "bridge",
        parse: Some(bridge::parse),
        print: Some(bridge::print),
        help: Some(bridge::help),
        links: None,
    },
    Kind {
        name: "bridge_slave",
        parse: Some(bridge_slave::parse),
        print: Some(bridge_slave::print),
        help: Some(bridge_slave::help),
        links: Some(bridge_slave::links),
    },
    Kind {
        name: "macvlan",
        parse: Some(macvlan::parse_macvlan),
        print: Some(macvlan::print),
        help: Some(macvlan::help_macvlan),
        links: None,
    },
    Kind {
        name: "macvtap",
        parse: Some(macvlan::parse_macvtap),
        print: Some(macvlan::print),
        help: Some(macvlan::help_macvtap),
        links: None,
    },
    Kind {
        name: "vxlan",
        parse: Some(vxlan::parse),
        print: Some(vxlan::print),
        help: Some(vxlan::help),
        links: Some(vxlan::links),
    },
    Kind {
        name: "vlan",
        parse: Some(vlan::parse),
        print: Some(vlan::print),
        help: Some(vlan::help),
        links: None,
    },
    plain("dummy", help_dummy),
    plain("ifb", help_ifb),
];

fn ignore_args(_: &mut Ctx, args: &mut Args, _: &mut Request) -> Result<()> {
    args.take_rest();
    Ok(())
}
fn help_dummy() {
    println!("Usage: ... dummy");
}
fn help_ifb() {
    println!("Usage: ... ifb");
}

pub fn find(name: &str) -> Option<&'static Kind> {
    KINDS.iter().find(|k| k.name == name)
}

/// Kind names for usage text, sorted.
pub fn names() -> Vec<&'static str> {
    let mut v: Vec<&str> = KINDS.iter().map(|k| k.name).collect();
    v.sort_unstable();
    v
}

/// A kind parser's `fprintf(stderr, …); explain(); return -1`: an optional first line, then the
/// kind's usage, exit code 1.
pub fn explain_err(head: Option<String>, usage: &str) -> Error {
    let usage = usage.strip_suffix('\n').unwrap_or(usage);
    match head {
        Some(h) => Error::fail(format!("{h}\n{usage}")),
        None => Error::fail(usage),
    }
}

fn kind_name(kind: &[u8], slave: bool) -> String {
    let mut name = String::from_utf8_lossy(kind).into_owned();
    if slave {
        name.push_str("_slave");
    }
    name
}

/// The details printer `print::link` calls: finds `KIND` (or `KIND_slave`) and prints its
/// `info_data`/`info_slave_data` object. False when the kind has no printer.
pub fn print_details(
    p: &mut Printer,
    kind: &[u8],
    data: Option<&[u8]>,
    slave: bool,
    names: &LinkIndex,
) -> bool {
    let Some(print) = find(&kind_name(kind, slave)).and_then(|k| k.print) else {
        return false;
    };
    p.open_object(if slave {
        "info_slave_data"
    } else {
        "info_data"
    });
    print(p, data, names);
    p.close_object();
    true
}

/// Indexes of links that a link's kind details refer to.
pub fn links_referenced(kind: Option<&[u8]>, data: Option<&[u8]>, slave: bool) -> Vec<i32> {
    kind.and_then(|k| find(&kind_name(k, slave)))
        .and_then(|k| k.links)
        .map(|f| f(data))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::print::Mode;

    /// xorshift64: deterministic noise for the hostile-input test.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
    }

    /// Attribute streams with random types, lengths (including lying ones) and payloads, some
    /// nested one level: no kind printer or link resolver may panic on them.
    #[test]
    fn hostile_attributes_never_panic() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for round in 0..3000u32 {
            let mut buf = Vec::new();
            for _ in 0..(rng.next() % 12) {
                let ty = (rng.next() % 52) as u16;
                let len = (rng.next() % 24) as usize;
                let mut payload: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
                if rng.next().is_multiple_of(4) {
                    // a nested attribute inside (macvlan addresses, vlan qos maps)
                    let inner = (rng.next() % 10) as u16;
                    payload = [
                        ((4 + len) as u16).to_ne_bytes().to_vec(),
                        1u16.to_ne_bytes().to_vec(),
                        payload,
                    ]
                    .concat();
                    payload.truncate(inner as usize * 3);
                }
                let declared = if rng.next().is_multiple_of(8) {
                    (rng.next() % 64) as u16
                } else {
                    (4 + payload.len()) as u16
                };
                buf.extend_from_slice(&declared.to_ne_bytes());
                buf.extend_from_slice(&ty.to_ne_bytes());
                buf.extend_from_slice(&payload);
                buf.resize((buf.len() + 3) & !3, 0);
            }
            if round.is_multiple_of(5) {
                let cut = (rng.next() as usize) % (buf.len() + 1);
                buf.truncate(cut);
            }
            for k in KINDS {
                for json in [false, true] {
                    let mut p = Printer::capture(Mode {
                        json,
                        ..Mode::default()
                    });
                    p.begin();
                    p.open_object("");
                    if let Some(print) = k.print {
                        print(&mut p, Some(&buf), &LinkIndex::default());
                        print(&mut p, None, &LinkIndex::default());
                    }
                    p.close_object();
                    p.end();
                }
                if let Some(links) = k.links {
                    let _ = links(Some(&buf));
                }
            }
        }
    }

    #[test]
    fn table_names_are_unique_and_sorted_for_usage() {
        let n = names();
        let mut d = n.clone();
        d.dedup();
        assert_eq!(n, d);
        assert!(find("bridge_slave").is_some_and(|k| k.print.is_some()));
        assert!(find("ifb").is_some_and(|k| k.print.is_none() && k.parse.is_some()));
        let e = explain_err(Some("x: unknown option \"y\"?".into()), "Usage: x\n");
        assert_eq!(
            (e.to_string().as_str(), e.code(), e.exits()),
            ("x: unknown option \"y\"?\nUsage: x", 1, false)
        );
    }
}
