//! ipbox: one binary that is iproute2's `ip` (netns, link, addr, route) and bridge-utils' `brctl`.
//! The applet is chosen by the basename of argv[0] (a leading `-` stripped), or named after
//! `ipbox` itself: `ipbox ip link`, `ipbox /usr/sbin/brctl show`.

mod brctl;
mod bytes;
mod error;
mod ip;
mod names;
mod netlink;
mod netns;
mod print;

use std::ffi::OsString;
use std::path::Path;

// Link the unwinder statically so the binary needs nothing but libc (no libgcc_s.so).
#[link(name = "gcc_eh", kind = "static")]
unsafe extern "C" {}

const APPLETS: &[&str] = &["brctl", "ip"];

fn main() {
    // Like a C program: a closed pipe ends us quietly (SIGPIPE), never with an error or a panic.
    // SAFETY: setting a signal disposition at startup, before any other thread exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let mut argv = std::env::args_os();
    let argv0 = argv.next().unwrap_or_default();
    let rest: Vec<OsString> = argv.collect();
    std::process::exit(dispatch(&argv0, rest));
}

fn strings(v: Vec<OsString>) -> Vec<String> {
    v.into_iter()
        .map(|s| {
            s.into_string()
                .unwrap_or_else(|s| s.to_string_lossy().into_owned())
        })
        .collect()
}

/// ip's arguments, bytes that are not UTF-8 kept (see bytes.rs).
fn byte_strings(v: Vec<OsString>) -> Vec<String> {
    use std::os::unix::ffi::OsStrExt;
    v.into_iter()
        .map(|s| bytes::decode(s.as_bytes()).into_owned())
        .collect()
}

/// The applet name an argv[0] stands for: its basename, one leading '-' removed.
fn applet_name(argv0: &OsString) -> String {
    let s = argv0.to_string_lossy();
    let base = s.rsplit('/').next().unwrap_or("");
    base.strip_prefix('-').unwrap_or(base).to_string()
}

fn dispatch(argv0: &OsString, rest: Vec<OsString>) -> i32 {
    let name = applet_name(argv0);
    if name.starts_with("ipbox") {
        return front_end(rest);
    }
    run_applet(&name, rest)
}

fn run_applet(name: &str, rest: Vec<OsString>) -> i32 {
    match name {
        "ip" => ip::main(byte_strings(rest), None),
        "brctl" => brctl::main(strings(rest)),
        // iproute2's own trick: a binary named ipOBJECT (iplink, ipaddr, iproute, ipnetns) runs
        // `ip OBJECT`.
        n if n.len() > 2 && n.starts_with("ip") && ip::object_exists(&n[2..]) => {
            ip::main(byte_strings(rest), Some(n[2..].to_string()))
        }
        n => {
            eprintln!("{n}: applet not found");
            127
        }
    }
}

fn usage() -> String {
    format!(
        "ipbox {} multi-call binary: iproute2's ip (netns, link, address, route) and bridge-utils' brctl.\n\
         \n\
         Usage: ipbox APPLET [ARGS...]     run an applet (or call ipbox through a link named after it)\n\
         \x20      ipbox --list               list the applets\n\
         \x20      ipbox --install [-s] DIR   make hard links (symbolic with -s) named ip and brctl in DIR\n\
         \x20      ipbox --help | --version\n\
         \n\
         Applets: {}\n",
        env!("CARGO_PKG_VERSION"),
        APPLETS.join(", ")
    )
}

/// `ipbox …` itself: GNU-style options, read with lexopt.
fn front_end(args: Vec<OsString>) -> i32 {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let first = match parser.next() {
        Ok(Some(a)) => a,
        Ok(None) => {
            print!("{}", usage());
            return 0;
        }
        Err(e) => {
            eprintln!("ipbox: {e}");
            return 1;
        }
    };
    // --help, --version and --list take nothing (not even `--list=x`)
    let info = match first {
        Long("help") | Short('h') => Some('h'),
        Long("version") | Short('V') => Some('V'),
        Long("list") => Some('l'),
        _ => None,
    };
    if let Some(what) = info {
        match next(&mut parser) {
            Ok(None) => {}
            Ok(Some(other)) => return unexpected(other),
            Err(rc) => return rc,
        }
        match what {
            'h' => print!("{}", usage()),
            'V' => {
                println!(
                    "ipbox {} (ip follows iproute2 6.1, brctl follows bridge-utils 1.7.1)",
                    env!("CARGO_PKG_VERSION")
                )
            }
            _ => {
                for a in APPLETS {
                    println!("{a}");
                }
            }
        }
        return 0;
    }
    match first {
        Long("install") => {
            let mut symbolic = false;
            let mut dir: Option<OsString> = None;
            loop {
                match next(&mut parser) {
                    Ok(Some(Short('s'))) => symbolic = true,
                    Ok(Some(Value(v))) if dir.is_none() => dir = Some(v),
                    Ok(None) => break,
                    Ok(Some(other)) => return unexpected(other),
                    Err(rc) => return rc,
                }
            }
            match dir {
                Some(d) => install(Path::new(&d), symbolic),
                None => {
                    eprintln!("ipbox: --install needs a directory: ipbox --install [-s] DIR");
                    1
                }
            }
        }
        Value(applet) => {
            let name = applet_name(&applet);
            let rest: Vec<OsString> = parser.raw_args().map(|r| r.collect()).unwrap_or_default();
            if name.starts_with("ipbox") {
                eprintln!("{name}: applet not found");
                return 127;
            }
            run_applet(&name, rest)
        }
        other => {
            eprintln!("ipbox: {}", other.unexpected());
            eprint!("{}", usage());
            1
        }
    }
}

/// The next front-end argument; a lexopt error is reported here (exit code 1).
fn next(parser: &mut lexopt::Parser) -> Result<Option<lexopt::Arg<'_>>, i32> {
    parser.next().map_err(|e| {
        eprintln!("ipbox: {e}");
        1
    })
}

fn unexpected(arg: lexopt::Arg<'_>) -> i32 {
    eprintln!("ipbox: {}", arg.unexpected());
    1
}

/// Links named after every applet in `dir`, pointing at this very binary.
fn install(dir: &Path, symbolic: bool) -> i32 {
    let exe = match std::fs::read_link("/proc/self/exe") {
        Ok(p) => p,
        Err(e) => {
            eprintln!("ipbox: cannot find my own binary: {}", error::io_text(&e));
            return 1;
        }
    };
    let mut rc = 0;
    for a in APPLETS {
        let link = dir.join(a);
        let made = if symbolic {
            std::os::unix::fs::symlink(&exe, &link)
        } else {
            std::fs::hard_link(&exe, &link)
        };
        if let Err(e) = made {
            let already = e.kind() == std::io::ErrorKind::AlreadyExists && same_file(&link, &exe);
            if !already {
                eprintln!("ipbox: {}: {}", link.display(), error::io_text(&e));
                rc = 1;
            }
        }
    }
    rc
}

fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn applet_names() {
        assert_eq!(applet_name(&OsString::from("/usr/sbin/ip")), "ip");
        assert_eq!(applet_name(&OsString::from("-brctl")), "brctl");
        assert_eq!(applet_name(&OsString::from("ipbox")), "ipbox");
    }
}
