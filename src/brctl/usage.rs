//! The command table: names, how many arguments each needs, and the help text bridge-utils prints.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    AddBr,
    DelBr,
    AddIf,
    DelIf,
    Hairpin,
    SetAgeing,
    SetBridgePrio,
    SetFd,
    SetHello,
    SetMaxAge,
    SetPathCost,
    SetPortPrio,
    Show,
    ShowMacs,
    ShowStp,
    Stp,
}

pub struct Command {
    pub name: &'static str,
    pub cmd: Cmd,
    /// Arguments required after the command name (more are ignored, or taken by addif/delif/show).
    pub nargs: usize,
    pub help: &'static str,
}

/// In bridge-utils' order, which is the order of the usage text.
pub const COMMANDS: [Command; 16] = [
    Command {
        name: "addbr",
        cmd: Cmd::AddBr,
        nargs: 1,
        help: "<bridge>\t\tadd bridge",
    },
    Command {
        name: "delbr",
        cmd: Cmd::DelBr,
        nargs: 1,
        help: "<bridge>\t\tdelete bridge",
    },
    Command {
        name: "addif",
        cmd: Cmd::AddIf,
        nargs: 2,
        help: "<bridge> <device>\tadd interface to bridge",
    },
    Command {
        name: "delif",
        cmd: Cmd::DelIf,
        nargs: 2,
        help: "<bridge> <device>\tdelete interface from bridge",
    },
    Command {
        name: "hairpin",
        cmd: Cmd::Hairpin,
        nargs: 3,
        help: "<bridge> <port> {on|off}\tturn hairpin on/off",
    },
    Command {
        name: "setageing",
        cmd: Cmd::SetAgeing,
        nargs: 2,
        help: "<bridge> <time>\t\tset ageing time",
    },
    Command {
        name: "setbridgeprio",
        cmd: Cmd::SetBridgePrio,
        nargs: 2,
        help: "<bridge> <prio>\t\tset bridge priority",
    },
    Command {
        name: "setfd",
        cmd: Cmd::SetFd,
        nargs: 2,
        help: "<bridge> <time>\t\tset bridge forward delay",
    },
    Command {
        name: "sethello",
        cmd: Cmd::SetHello,
        nargs: 2,
        help: "<bridge> <time>\t\tset hello time",
    },
    Command {
        name: "setmaxage",
        cmd: Cmd::SetMaxAge,
        nargs: 2,
        help: "<bridge> <time>\t\tset max message age",
    },
    Command {
        name: "setpathcost",
        cmd: Cmd::SetPathCost,
        nargs: 3,
        help: "<bridge> <port> <cost>\tset path cost",
    },
    Command {
        name: "setportprio",
        cmd: Cmd::SetPortPrio,
        nargs: 3,
        help: "<bridge> <port> <prio>\tset port priority",
    },
    Command {
        name: "show",
        cmd: Cmd::Show,
        nargs: 0,
        help: "[ <bridge> ]\t\tshow a list of bridges",
    },
    Command {
        name: "showmacs",
        cmd: Cmd::ShowMacs,
        nargs: 1,
        help: "<bridge>\t\tshow a list of mac addrs",
    },
    Command {
        name: "showstp",
        cmd: Cmd::ShowStp,
        nargs: 1,
        help: "<bridge>\t\tshow bridge stp info",
    },
    Command {
        name: "stp",
        cmd: Cmd::Stp,
        nargs: 2,
        help: "<bridge> {on|off}\tturn stp on/off",
    },
];

/// Exact names only: bridge-utils knows no abbreviations.
pub fn lookup(name: &str) -> Option<&'static Command> {
    COMMANDS.iter().find(|c| c.name == name)
}

/// `brctl -h` and every usage error (on stdout).
pub fn usage() -> String {
    let mut s = String::from("Usage: brctl [commands]\ncommands:\n");
    for c in &COMMANDS {
        s.push_str(&format!("\t{:<10}\t{}\n", c.name, c.help));
    }
    s
}

/// Too few arguments (on stdout too).
pub fn incorrect(c: &Command) -> String {
    format!(
        "Incorrect number of arguments for command\nUsage: brctl {} {}\n",
        c.name, c.help
    )
}

pub const VERSION: &str = "bridge-utils, 1.7\n";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usage_lines() {
        let u = usage();
        assert!(u.contains("\taddbr     \t<bridge>\t\tadd bridge\n"));
        assert!(u.contains("\tsetbridgeprio\t<bridge> <prio>\t\tset bridge priority\n"));
        assert_eq!(u.lines().count(), 18);
        assert!(lookup("help").is_none());
        assert!(lookup("sho").is_none());
    }
}
