//! The `ip` applet: global options exactly as iproute2 6.1 parses them, the object table with its
//! prefix matching, batch mode, and the context (options, output, netlink socket) every object
//! handler receives.

pub mod addr;
pub mod args;
mod batch;
pub mod inet;
pub mod link;
pub mod lookup;
mod netns;
pub mod route;
mod suggest;

use crate::error::{Error, Result};
use crate::netlink::msg::Request;
use crate::netlink::socket::{Answer, Dump, Socket};
use crate::print::{Mode, Printer};
use args::{Args, invarg, matches};

pub const AF_UNSPEC: u8 = 0;
pub const AF_INET: u8 = 2;
pub const AF_INET6: u8 = 10;
pub const AF_PACKET: u8 = 17;
pub const AF_MPLS: u8 = 28;
pub const AF_BRIDGE: u8 = 7;

/// Global options (ip/ip.c's globals).
#[derive(Debug, Clone, Default)]
pub struct Opts {
    pub family: u8,
    pub human: u32,
    pub iec: bool,
    pub stats: u32,
    pub details: u32,
    pub resolve: bool,
    pub oneline: bool,
    pub timestamp: u32,
    pub force: bool,
    pub batch: Option<String>,
    pub brief: bool,
    pub json: bool,
    pub pretty: bool,
    pub rcvbuf: Option<u32>,
    pub numeric: bool,
    pub all: bool,
    pub echo: bool,
    /// -loops: flush rounds (0 = unlimited).
    pub loops: i32,
    color: ColorWhen,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum ColorWhen {
    #[default]
    Never,
    Always,
    Auto,
}

/// Everything a command handler works with.
pub struct Ctx {
    pub opts: Opts,
    pub p: Printer,
    /// The family of this command (-4/-6/-f), reset for every batch line.
    pub family: u8,
    pub batch_mode: bool,
    /// iproute2's nsid -> /run/netns name cache (netns_map_init): filled once per process on first
    /// need, then kept for the rest of a batch, stale or not; `netns list-id` takes out the names
    /// it prints and puts back those it finds again.
    pub nsid_names: Option<Vec<(i32, String)>>,
    /// iproute2's do_link: set by `ip link show` and never cleared, so that later commands of a
    /// batch print links (and `ip addr show DEV`) as `ip link show` does.
    pub link_listed: bool,
    /// iproute2's static link/address `filter`, as the last listing left it (for -echo).
    pub last_filter: addr::LastFilter,
    /// iproute2's ll_map name -> index cache (see lookup::LlCache).
    pub ll_cache: lookup::LlCache,
    sock: Option<Socket>,
}

impl Ctx {
    pub fn new(opts: Opts) -> Self {
        let dark = std::env::var("COLORFGBG")
            .ok()
            .and_then(|v| v.rsplit_once(';').map(|(_, last)| last.to_string()))
            .is_some_and(|l| matches!(l.as_str(), "0" | "1" | "2" | "3" | "4" | "5" | "6" | "8"));
        let color = !opts.json
            && match opts.color {
                ColorWhen::Never => false,
                ColorWhen::Always => true,
                ColorWhen::Auto => unsafe { libc::isatty(1) == 1 },
            };
        let mode = Mode {
            json: opts.json,
            pretty: opts.pretty,
            color,
            dark,
            oneline: opts.oneline,
            resolve: opts.resolve,
        };
        Ctx {
            family: opts.family,
            p: Printer::stdout(mode),
            opts,
            batch_mode: false,
            nsid_names: None,
            link_listed: false,
            last_filter: addr::LastFilter::default(),
            ll_cache: lookup::LlCache::default(),
            sock: None,
        }
    }

    /// The netlink socket of the current namespace, opened on first use and kept for the batch.
    pub fn sock(&mut self) -> Result<&mut Socket> {
        if self.sock.is_none() {
            let s = Socket::open_with(!self.batch_mode).map_err(|e| {
                Error::exit(
                    format!(
                        "Cannot open netlink socket: {}",
                        crate::error::strerror(e.errno)
                    ),
                    1,
                )
            })?;
            self.sock = Some(s);
        }
        Ok(self.sock.as_mut().expect("socket just opened"))
    }

    /// A request that wants an ACK; a warning riding on the ACK is printed as iproute2 does.
    pub fn talk(&mut self, req: Request) -> Result<Answer> {
        let answer = self.sock()?.talk(req)?;
        if let Some(w) = &answer.warning {
            let dot = if w.ends_with('.') { "" } else { "." };
            self.warn(format_args!("Warning: {w}{dot}"));
        }
        Ok(answer)
    }

    /// A change with -echo: NLM_F_ECHO asks the kernel to send back what it did.
    pub fn talk_echo(&mut self, mut req: Request) -> Result<Answer> {
        use crate::netlink::consts::NLM_F_ECHO;
        req.set_flags(req.flags() | NLM_F_ECHO);
        self.talk(req)
    }

    /// A dump; an interrupted one is redone by the socket layer, then reported if it stays so.
    pub fn dump(&mut self, req: Request) -> std::result::Result<Dump, crate::error::KernelError> {
        let sock = match self.sock() {
            Ok(s) => s,
            Err(_) => return Err(crate::error::KernelError::new(libc::EIO)),
        };
        let dump = sock.dump(req)?;
        if dump.interrupted {
            self.warn(format_args!(
                "Dump was interrupted and may be inconsistent."
            ));
        }
        Ok(dump)
    }

    /// A line on stderr, after what stdout holds so far.
    pub fn warn(&mut self, msg: std::fmt::Arguments<'_>) {
        self.p.sync_for_stderr();
        crate::bytes::eprintln(&msg.to_string());
    }
}

/// What an object handler looks like.
type Handler = fn(&mut Ctx, Args) -> Result<()>;

/// iproute2 6.1's object table, in its order: the order decides what a prefix means
/// (`ip n` is neighbor, `ip a` address). `None` marks objects ipbox does not serve.
const OBJECTS: &[(&str, Option<Handler>)] = &[
    ("address", Some(addr::run)),
    ("addrlabel", None),
    ("maddress", None),
    ("route", Some(route::run)),
    ("rule", None),
    ("neighbor", None),
    ("neighbour", None),
    ("ntable", None),
    ("ntbl", None),
    ("link", Some(link::run)),
    ("l2tp", None),
    ("fou", None),
    ("ila", None),
    ("macsec", None),
    ("tunnel", None),
    ("tunl", None),
    ("tuntap", None),
    ("tap", None),
    ("token", None),
    ("tcpmetrics", None),
    ("tcp_metrics", None),
    ("monitor", None),
    ("xfrm", None),
    ("mroute", None),
    ("mrule", None),
    ("netns", Some(netns::run)),
    ("netconf", None),
    ("vrf", None),
    ("sr", None),
    ("nexthop", None),
    ("mptcp", None),
    ("ioam", None),
    ("help", Some(help)),
    ("stats", None),
];

/// Objects ipbox serves, for messages.
pub const SERVED: &str = "address, link, netns, route";

fn help(_: &mut Ctx, _: Args) -> Result<()> {
    Err(usage())
}

pub fn usage() -> Error {
    Error::usage(
        "Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n\
         \x20      ip [ -force ] -batch filename\n\
         where  OBJECT := { address | help | link | netns | route }\n\
         \x20      OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[esolve] |\n\
         \x20                   -h[uman-readable] | -iec | -j[son] | -p[retty] |\n\
         \x20                   -f[amily] { inet | inet6 | mpls | bridge | link } |\n\
         \x20                   -4 | -6 | -M | -B | -0 |\n\
         \x20                   -l[oops] { maximum-addr-flush-attempts } | -br[ief] |\n\
         \x20                   -o[neline] | -t[imestamp] | -ts[hort] | -b[atch] [filename] |\n\
         \x20                   -rc[vbuf] [size] | -n[etns] name | -N[umeric] | -a[ll] |\n\
         \x20                   -c[olor]}",
    )
}

/// Resolves an object word against the full table.
fn lookup(word: &str) -> Option<(&'static str, Option<Handler>)> {
    OBJECTS
        .iter()
        .find(|(name, _)| matches(word, name))
        .copied()
}

/// Runs one command line (`OBJECT ARGS…`), as iproute2's do_cmd.
pub fn do_cmd(ctx: &mut Ctx, words: Vec<String>) -> Result<()> {
    let mut args = Args::new(words);
    let Some(obj) = args.next() else {
        return Err(usage());
    };
    match lookup(&obj) {
        Some((_, Some(handler))) => handler(ctx, args),
        Some((name, None)) => Err(Error::fail(format!(
            "Object \"{name}\" is not served by ipbox (it serves {SERVED}); use iproute2's ip for it."
        ))),
        None => {
            let mut msg = format!("Object \"{obj}\" is unknown, try \"ip help\".");
            let names: Vec<&str> = OBJECTS.iter().map(|(n, _)| *n).collect();
            if let Some(s) = suggest::closest(&obj, &names) {
                msg.push_str(&format!("\nDid you mean \"{s}\"?"));
            }
            Err(Error::fail(msg))
        }
    }
}

/// Parses the global options; returns them with the remaining words. `-n NAME` enters the
/// namespace right here, as iproute2 does while parsing.
fn parse_options(argv: &[String]) -> Result<(Opts, Vec<String>)> {
    let mut o = Opts {
        loops: 10,
        ..Opts::default()
    };
    let mut i = 0;
    while i < argv.len() {
        let raw = argv[i].as_str();
        if raw == "--" {
            i += 1;
            break;
        }
        if !raw.starts_with('-') {
            break;
        }
        let opt = if raw.starts_with("--") {
            &raw[1..]
        } else {
            raw
        };
        let value = |i: &mut usize| -> Result<String> {
            *i += 1;
            argv.get(*i).cloned().ok_or_else(usage)
        };
        if matches(opt, "-loops") {
            let v = value(&mut i)?;
            o.loops = atoi(&v);
        } else if matches(opt, "-family") {
            let v = value(&mut i)?;
            if v == "help" {
                return Err(usage());
            }
            o.family = match v.as_str() {
                "inet" => AF_INET,
                "inet6" => AF_INET6,
                "link" => AF_PACKET,
                "mpls" => AF_MPLS,
                "bridge" => AF_BRIDGE,
                _ => return Err(invarg("invalid protocol family", &v)),
            };
        } else if opt == "-4" {
            o.family = AF_INET;
        } else if opt == "-6" {
            o.family = AF_INET6;
        } else if opt == "-0" {
            o.family = AF_PACKET;
        } else if opt == "-M" {
            o.family = AF_MPLS;
        } else if opt == "-B" {
            o.family = AF_BRIDGE;
        } else if matches(opt, "-human") || matches(opt, "-human-readable") {
            o.human += 1;
        } else if matches(opt, "-iec") {
            o.iec = true;
        } else if matches(opt, "-stats") || matches(opt, "-statistics") {
            o.stats += 1;
        } else if matches(opt, "-details") {
            o.details += 1;
        } else if matches(opt, "-resolve") {
            o.resolve = true;
        } else if matches(opt, "-oneline") {
            o.oneline = true;
        } else if matches(opt, "-timestamp") || matches(opt, "-tshort") {
            o.timestamp += 1;
        } else if matches(opt, "-Version") {
            let mut p = Printer::stdout(Mode::default());
            p.text(format_args!(
                "ip utility, ipbox {} (follows iproute2-6.1.0)\n",
                env!("CARGO_PKG_VERSION")
            ));
            p.flush();
            std::process::exit(0);
        } else if matches(opt, "-force") {
            o.force = true;
        } else if matches(opt, "-batch") {
            o.batch = Some(value(&mut i)?);
        } else if matches(opt, "-brief") {
            o.brief = true;
        } else if matches(opt, "-json") {
            o.json = true;
        } else if matches(opt, "-pretty") {
            o.pretty = true;
        } else if matches(opt, "-rcvbuf") {
            let v = value(&mut i)?;
            match args::get_u32(&v, 0) {
                Some(n) => o.rcvbuf = Some(n),
                None => return Err(Error::usage(format!("Invalid rcvbuf size '{v}'"))),
            }
        } else if let Some(c) = color_option(opt) {
            o.color = c;
        } else if matches(opt, "-help") {
            return Err(usage());
        } else if matches(opt, "-netns") {
            i += 1;
            let name = argv.get(i).map(String::as_str).unwrap_or("(null)");
            crate::netns::switch(name).map_err(|m| Error::exit(m, 255))?;
        } else if matches(opt, "-Numeric") {
            o.numeric = true;
        } else if matches(opt, "-all") {
            o.all = true;
        } else if opt == "-echo" {
            o.echo = true;
        } else {
            return Err(Error::usage(format!(
                "Option \"{opt}\" is unknown, try \"ip -help\"."
            )));
        }
        i += 1;
    }
    Ok((o, argv.get(i..).unwrap_or(&[]).to_vec()))
}

/// `-c[olor][=always|auto|never]` (a bad value makes the option unknown; an empty one is `always`).
fn color_option(opt: &str) -> Option<ColorWhen> {
    let (name, val) = match opt.split_once('=') {
        Some((n, v)) => (n, Some(v)),
        None => (opt, None),
    };
    if !matches(name, "-color") {
        return None;
    }
    match val {
        None | Some("" | "always") => Some(ColorWhen::Always),
        Some("auto") => Some(ColorWhen::Auto),
        Some("never") => Some(ColorWhen::Never),
        Some(_) => None,
    }
}

/// C's atoi: leading digits with an optional sign, 0 otherwise.
pub fn atoi(s: &str) -> i32 {
    let t = s.trim_start();
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let mut v: i64 = 0;
    for c in t.chars().take_while(char::is_ascii_digit) {
        v = (v * 10 + c.to_digit(10).unwrap_or(0) as i64).min(i64::from(i32::MAX) + 1);
    }
    (if neg { -v } else { v }) as i32
}

/// Entry of the applet. `object` is set when the binary was called as `ipOBJECT` (iplink …).
pub fn main(argv: Vec<String>, object: Option<String>) -> i32 {
    let (opts, rest) = match parse_options(&argv) {
        Ok(v) => v,
        Err(e) => return report(None, e),
    };
    let mut ctx = Ctx::new(opts);
    let code = if let Some(file) = ctx.opts.batch.clone() {
        batch::run(&mut ctx, &file)
    } else {
        let words = match object {
            Some(obj) => {
                // iproute2 tries the object of its own name first; when that handler returns
                // EXIT_FAILURE it goes on as a plain `ip` with the first word as the object
                // (an object ipbox does not serve just says so)
                let served = lookup(&obj).is_some_and(|(_, h)| h.is_some());
                match do_cmd(
                    &mut ctx,
                    std::iter::once(obj).chain(rest.iter().cloned()).collect(),
                ) {
                    Ok(()) => return finish(&mut ctx, 0),
                    Err(e) if served && e.code() == 1 && !e.exits() => {
                        report(Some(&mut ctx), e);
                    }
                    Err(e) => {
                        let code = report(Some(&mut ctx), e);
                        return finish(&mut ctx, code);
                    }
                }
                if rest.is_empty() {
                    return report(Some(&mut ctx), usage());
                }
                rest
            }
            None if rest.is_empty() => return report(Some(&mut ctx), usage()),
            None => rest,
        };
        match do_cmd(&mut ctx, words) {
            Ok(()) => 0,
            Err(e) => report(Some(&mut ctx), e),
        }
    };
    ctx.p.flush();
    code
}

fn finish(ctx: &mut Ctx, code: i32) -> i32 {
    ctx.p.flush();
    code
}

/// Prints an error after what stdout holds and gives its exit code.
pub fn report(ctx: Option<&mut Ctx>, e: Error) -> i32 {
    if let Some(c) = ctx {
        c.p.sync_for_stderr();
    }
    let msg = e.to_string();
    if !msg.is_empty() {
        crate::bytes::eprintln(&msg);
    }
    i32::from(e.code())
}

/// True when `word` names an object of iproute2's table (for ipOBJECT binary names).
pub fn object_exists(word: &str) -> bool {
    lookup(word).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn object_prefixes_follow_iproute2_table() {
        assert_eq!(lookup("a").unwrap().0, "address");
        assert_eq!(lookup("n").unwrap().0, "neighbor");
        assert_eq!(lookup("net").unwrap().0, "netns");
        assert_eq!(lookup("l").unwrap().0, "link");
        assert_eq!(lookup("r").unwrap().0, "route");
        assert_eq!(lookup("i").unwrap().0, "ila");
        assert_eq!(lookup("s").unwrap().0, "sr");
        assert_eq!(lookup("st").unwrap().0, "stats");
        assert_eq!(lookup("h").unwrap().0, "help");
        assert!(lookup("line").is_none());
    }

    #[test]
    fn options_in_iproute2_order() {
        let (o, rest) = parse_options(&words("-s -s -d -j -p -br -4 link show")).unwrap();
        assert_eq!(
            (o.stats, o.details, o.json, o.pretty, o.brief, o.family),
            (2, 1, true, true, true, AF_INET)
        );
        assert_eq!(rest, words("link show"));
        // -h is -human, -f is -family, -b is -batch, -r is -resolve, -a is -all
        let (o, _) = parse_options(&words("-h -r -a --json")).unwrap();
        assert!(o.human == 1 && o.resolve && o.all && o.json);
        assert_eq!(parse_options(&words("-l link show")).unwrap().0.loops, 0);
        let (_, rest) = parse_options(&words("-- -x")).unwrap();
        assert_eq!(rest, words("-x"));
        let e = parse_options(&words("-jp link")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "Option \"-jp\" is unknown, try \"ip -help\"."
        );
        assert_eq!(e.code(), 255);
        assert!(parse_options(&words("-color=bogus")).is_err());
        assert_eq!(
            parse_options(&words("-c=never")).unwrap().0.color,
            ColorWhen::Never
        );
        let e = parse_options(&words("-f foo")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "Error: argument \"foo\" is wrong: invalid protocol family"
        );
        let e = parse_options(&words("-rc abc")).unwrap_err();
        assert_eq!(e.to_string(), "Invalid rcvbuf size 'abc'");
    }

    #[test]
    fn atoi_like_c() {
        assert_eq!(atoi("12x"), 12);
        assert_eq!(atoi("x"), 0);
        assert_eq!(atoi("-3"), -3);
    }
}
