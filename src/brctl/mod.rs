//! The `brctl` applet: bridge-utils 1.7.1's brctl, every command over rtnetlink (no ioctl, no
//! sysfs), so it works in any network namespace. Output, messages and exit codes are
//! bridge-utils' own; where the kernel answers differently over netlink than over bridge-utils'
//! ioctls and sysfs files, the difference is checked for first (see kernel.rs, setters.rs).
//!
//! Flow: options (getopt.rs) → command table (usage.rs) → a command (bridges.rs, ports.rs,
//! setters.rs, views.rs) → kernel.rs for netlink, info.rs and netlink::fdb for typed replies →
//! printers (show.rs, showstp.rs, showmacs.rs) → out.rs.

mod bridges;
mod getopt;
mod info;
mod kernel;
mod out;
mod ports;
mod scan;
mod setters;
mod show;
mod showmacs;
mod showstp;
mod time;
mod usage;
mod views;

use crate::error::strerror;
use getopt::Parsed;
use kernel::Kernel;
use out::Out;
use usage::Cmd;

pub struct Ctx<'a> {
    pub k: Kernel,
    pub out: &'a mut Out,
}

/// The name glibc's getopt messages start with: argv[0] as given when we run as brctl.
fn program_name() -> String {
    let argv0 = std::env::args().next().unwrap_or_default();
    let base = argv0.rsplit('/').next().unwrap_or("");
    if base.strip_prefix('-').unwrap_or(base) == "brctl" {
        argv0
    } else {
        "brctl".to_string()
    }
}

pub fn main(argv: Vec<String>) -> i32 {
    let mut out = Out::new();
    let posixly_correct = std::env::var_os("POSIXLY_CORRECT").is_some();
    let rc = match getopt::parse(&program_name(), &argv, posixly_correct) {
        Parsed::Help => {
            out.print(usage::usage());
            0
        }
        Parsed::Version => {
            out.print(usage::VERSION);
            0
        }
        Parsed::Bad(messages) => {
            for m in messages {
                out.error(m);
            }
            out.error("Unknown option '?'");
            out.print(usage::usage());
            1
        }
        Parsed::Words(words) => run(&mut out, words),
    };
    out.flush();
    rc
}

fn run(out: &mut Out, words: Vec<String>) -> i32 {
    let Some(first) = words.first() else {
        out.print(usage::usage());
        return 1;
    };
    let k = match Kernel::open() {
        Ok(k) => k,
        Err(e) => {
            out.error(format!("can't setup bridge control: {}", strerror(e)));
            return 1;
        }
    };
    let Some(c) = usage::lookup(first) else {
        out.error(format!("never heard of command [{first}]"));
        out.print(usage::usage());
        return 1;
    };
    if words.len() - 1 < c.nargs {
        out.print(usage::incorrect(c));
        return 1;
    }
    dispatch(&mut Ctx { k, out }, c.cmd, &words[1..])
}

/// `a` holds at least the command's required arguments.
fn dispatch(ctx: &mut Ctx, cmd: Cmd, a: &[String]) -> i32 {
    match cmd {
        Cmd::AddBr => bridges::addbr(ctx, &a[0]),
        Cmd::DelBr => bridges::delbr(ctx, &a[0]),
        Cmd::AddIf => ports::addif(ctx, &a[0], &a[1..]),
        Cmd::DelIf => ports::delif(ctx, &a[0], &a[1..]),
        Cmd::Hairpin => setters::hairpin(ctx, &a[0], &a[1], &a[2]),
        Cmd::SetAgeing | Cmd::SetFd | Cmd::SetHello | Cmd::SetMaxAge => {
            setters::set_time(ctx, cmd, &a[0], &a[1])
        }
        Cmd::SetBridgePrio => setters::setbridgeprio(ctx, &a[0], &a[1]),
        Cmd::SetPathCost => setters::setpathcost(ctx, &a[0], &a[1], &a[2]),
        Cmd::SetPortPrio => setters::setportprio(ctx, &a[0], &a[1], &a[2]),
        Cmd::Show => views::show(ctx, a),
        Cmd::ShowMacs => views::showmacs(ctx, &a[0]),
        Cmd::ShowStp => views::showstp(ctx, &a[0]),
        Cmd::Stp => setters::stp(ctx, &a[0], &a[1]),
    }
}
