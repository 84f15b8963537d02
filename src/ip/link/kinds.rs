//! The link kinds ipbox knows: how to parse `type KIND ARGS` and how to print their details.
//! One file per kind beside this one; this table ties them together.

use super::veth;
use crate::error::Result;
use crate::ip::Ctx;
use crate::ip::args::Args;
use crate::netlink::msg::Request;
use crate::print::Printer;
use crate::print::link::LinkIndex;

/// Writes a kind's attributes (inside IFLA_INFO_DATA or IFLA_INFO_SLAVE_DATA).
pub type ParseFn = fn(&mut Ctx, &mut Args, &mut Request) -> Result<()>;
/// Prints a kind's details (`-d`), text and JSON; `None` data when the kernel sent none.
pub type PrintFn = fn(&mut Printer, Option<&[u8]>, &LinkIndex);

pub struct Kind {
    pub name: &'static str,
    pub parse: Option<ParseFn>,
    pub print: Option<PrintFn>,
    /// `ip link help KIND` (prints to stdout, exit 0).
    pub help: Option<fn()>,
}

pub const KINDS: &[Kind] = &[
    Kind { name: "veth", parse: Some(veth::parse), print: None, help: Some(veth::help) },
];

pub fn find(name: &str) -> Option<&'static Kind> {
    KINDS.iter().find(|k| k.name == name)
}

/// Kind names for usage text, sorted.
pub fn names() -> Vec<&'static str> {
    let mut v: Vec<&str> = KINDS.iter().map(|k| k.name).collect();
    v.sort_unstable();
    v
}

/// The details printer `print::link` calls: finds `KIND` (or `KIND_slave`) and prints its
/// `info_data`/`info_slave_data` object. False when the kind has no printer.
pub fn print_details(p: &mut Printer, kind: &[u8], data: Option<&[u8]>, slave: bool, names: &LinkIndex) -> bool {
    let mut name = String::from_utf8_lossy(kind).into_owned();
    if slave {
        name.push_str("_slave");
    }
    let Some(print) = find(&name).and_then(|k| k.print) else { return false };
    p.open_object(if slave { "info_slave_data" } else { "info_data" });
    print(p, data, names);
    p.close_object();
    true
}
