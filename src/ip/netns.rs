//! `ip netns`: every subcommand of iproute2 6.1's ipnetns.c, with its messages and exit codes.

use std::os::fd::AsRawFd;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;

use nix::fcntl::{OFlag, open};
use nix::mount::{MsFlags, mount};
use nix::sched::{CloneFlags, setns, unshare};
use nix::sys::stat::Mode;

use super::args::{Args, duparg, get_i32, invarg, matches};
use super::{Ctx, suggest};
use crate::error::{Error, Result, errno_text, io_text};
use crate::netlink::nsid::{self, Nsid};
use crate::netns::{RUN_DIR, invalid_name, names, open_fd, path_of};

const USAGE: &str = "Usage:\tip netns list\n\
\tip netns add NAME\n\
\tip netns attach NAME PID\n\
\tip netns set NAME NETNSID\n\
\tip [-all] netns delete [NAME]\n\
\tip netns identify [PID]\n\
\tip netns pids NAME\n\
\tip [-all] netns exec [NAME] cmd ...\n\
\tip netns monitor\n\
\tip netns list-id [target-nsid POSITIVE-INT] [nsid POSITIVE-INT]\n\
NETNSID := auto | POSITIVE-INT";

fn usage() -> Error {
    Error::usage(USAGE)
}

const COMMANDS: &[&str] = &[
    "list", "show", "lst", "list-id", "help", "add", "set", "delete", "identify", "pids", "exec",
    "monitor", "attach",
];

pub fn run(ctx: &mut Ctx, mut args: Args) -> Result<()> {
    let Some(cmd) = args.next() else {
        return list(ctx);
    };
    if !ctx.opts.all
        && let Some(name) = args.peek()
        && invalid_name(name)
    {
        return Err(Error::usage(format!("Invalid netns name \"{name}\"")));
    }
    let c = cmd.as_str();
    if matches(c, "list") || matches(c, "show") || matches(c, "lst") {
        list(ctx)
    } else if matches(c, "list-id") {
        list_id(ctx, args)
    } else if matches(c, "help") {
        Err(usage())
    } else if matches(c, "add") {
        add(ctx, args, true)
    } else if matches(c, "set") {
        set(ctx, args)
    } else if matches(c, "delete") {
        delete(ctx, args)
    } else if matches(c, "identify") {
        identify(ctx, args)
    } else if matches(c, "pids") {
        pids(ctx, args)
    } else if matches(c, "exec") {
        exec(ctx, args)
    } else if matches(c, "monitor") {
        monitor(ctx)
    } else if matches(c, "attach") {
        add(ctx, args, false)
    } else {
        let mut msg = format!("Command \"{cmd}\" is unknown, try \"ip netns help\".");
        if let Some(s) = suggest::closest(&cmd, COMMANDS) {
            msg.push_str(&format!("\nDid you mean \"{s}\"?"));
        }
        Err(Error::usage(msg))
    }
}

/// get_netnsid_from_name: the id the current namespace has for NAME (a path when it holds '/'),
/// None when it has none or NAME cannot be opened. A refusal (a file in /run/netns that is no
/// namespace) is printed as rtnl_talk prints it, every time, as iproute2 does.
pub fn nsid_from_name(ctx: &mut Ctx, name: &str) -> Option<i32> {
    let fd = open_fd(name).ok()?;
    match ctx.sock().ok()?.talk(nsid::get_by_fd(fd.as_raw_fd())) {
        Ok(answer) => nsid::first(answer.messages())
            .map(|n| n.nsid)
            .filter(|&n| n >= 0),
        Err(e) => {
            ctx.warn(format_args!("{e}"));
            None
        }
    }
}

/// netns_map_init: the first name in readdir order of each id, once per process (not retried
/// while /run/netns cannot be read).
pub fn map_init(ctx: &mut Ctx) {
    if ctx.nsid_names.is_some() || std::fs::read_dir(RUN_DIR).is_err() {
        return;
    }
    let mut map: Vec<(i32, String)> = Vec::new();
    for name in names() {
        if let Some(n) = nsid_from_name(ctx, &name)
            && !map.iter().any(|(m, _)| *m == n)
        {
            map.push((n, name));
        }
    }
    ctx.nsid_names = Some(map);
}

/// netns_get_name: the first name in /run/netns whose id is `id`, asked afresh.
fn find_name(ctx: &mut Ctx, id: i32) -> Option<String> {
    if id < 0 {
        return None;
    }
    names()
        .into_iter()
        .find(|name| nsid_from_name(ctx, name) == Some(id))
}

fn list(ctx: &mut Ctx) -> Result<()> {
    map_init(ctx);
    if std::fs::metadata(RUN_DIR).is_err() {
        return Ok(());
    }
    let entries = names();
    ctx.p.begin();
    for name in entries {
        let id = nsid_from_name(ctx, &name);
        ctx.p.open_object("");
        ctx.p.string("name", &name, format_args!("{name}"));
        if let Some(id) = id {
            ctx.p.int("id", id.into(), format_args!(" (id: {id})"));
        }
        ctx.p.text_str("\n");
        ctx.p.close_object();
    }
    ctx.p.end();
    Ok(())
}

/// list-id: every id of the current namespace with the name /run/netns gives it.
fn list_id(ctx: &mut Ctx, mut args: Args) -> Result<()> {
    // iproute2 fills its name cache before it reads the arguments
    map_init(ctx);
    let mut target: Option<i32> = None;
    let mut id: Option<i32> = None;
    while let Some(w) = args.next() {
        let slot = match w.as_str() {
            "target-nsid" => &mut target,
            "nsid" => &mut id,
            _ => return Err(usage()),
        };
        if slot.is_some() {
            return Err(duparg(&w, &w));
        }
        let v = args.need()?;
        match get_i32(&v, 0) {
            None => return Err(invarg(&format!("\"{w}\" value is invalid"), &v)),
            // iproute2 names the word after the value here (its argv[1]).
            Some(n) if n < 0 => {
                return Err(invarg(
                    &format!("\"{w}\" value should be >= 0"),
                    args.peek().unwrap_or("(null)"),
                ));
            }
            Some(n) => *slot = Some(n),
        }
    }
    if let Some(n) = id {
        let answer = ctx.talk(nsid::get_by_id(n, target))?;
        ctx.p.begin();
        if let Some(rec) = nsid::first(answer.messages()) {
            print_nsid(ctx, &rec);
        }
        ctx.p.end();
        return Ok(());
    }
    let dump = ctx.dump(nsid::dump(target));
    ctx.p.begin();
    match dump {
        Ok(d) => {
            for m in d.messages() {
                if let Some(rec) = nsid::decode(m.ty, m.payload) {
                    print_nsid(ctx, &rec);
                }
            }
            ctx.p.end();
            Ok(())
        }
        Err(e) => {
            // rtnl_dump_filter prints the error, then the JSON document closes, then the last word
            ctx.warn(format_args!("{e}"));
            ctx.p.end();
            Err(Error::exit("Dump terminated", 1))
        }
    }
}

/// One id, named from the cache (which gives the name up) or else by asking for every name
/// afresh (which puts it back), as iproute2's print_nsid.
fn print_nsid(ctx: &mut Ctx, rec: &Nsid) {
    let p = &mut ctx.p;
    p.open_object("");
    if rec.deleted {
        p.bool("deleted", true, format_args!("Deleted "));
    }
    if rec.nsid < 0 {
        p.text_str("nsid unassigned ");
    } else {
        p.int("nsid", rec.nsid.into(), format_args!("nsid {} ", rec.nsid));
    }
    if let Some(cur) = rec.current {
        if cur < 0 {
            p.text_str("current-nsid unassigned ");
        } else {
            p.int(
                "current-nsid",
                cur.into(),
                format_args!("current-nsid {cur} "),
            );
        }
    }
    let key = rec.current.unwrap_or(rec.nsid);
    let cached = ctx.nsid_names.as_mut().and_then(|map| {
        let i = map.iter().position(|(n, _)| *n == key && key >= 0)?;
        Some(map.remove(i).1)
    });
    let name = match cached {
        Some(name) => Some(name),
        // iproute2 looks the peer's own id up here, even when it printed current-nsid
        None if !rec.deleted => {
            let found = find_name(ctx, rec.nsid);
            if let Some(name) = &found {
                let map = ctx.nsid_names.get_or_insert_with(Vec::new);
                if !map.iter().any(|(n, _)| *n == rec.nsid) {
                    map.push((rec.nsid, name.clone()));
                }
            }
            found
        }
        None => None,
    };
    if let Some(name) = name {
        ctx.p
            .string("name", &name, format_args!("(iproute2 netns name: {name})"));
    }
    ctx.p.text_str("\n");
    ctx.p.close_object();
}

/// add NAME / attach NAME PID.
fn add(ctx: &mut Ctx, mut args: Args, create: bool) -> Result<()> {
    let name = args.next();
    let pid = if create {
        None
    } else {
        let (Some(_), Some(p)) = (&name, args.next()) else {
            return Err(Error::fail("No netns name and PID specified"));
        };
        match get_i32(&p, 0) {
            Some(n) if n != 0 => Some(n),
            _ => return Err(Error::fail(format!("Invalid PID: {p}"))),
        }
    };
    let Some(name) = name else {
        return Err(Error::fail("No netns name specified"));
    };
    let path = path_of(&name);

    make_run_dir()?;
    let lock = open(
        RUN_DIR,
        OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_CLOEXEC,
        Mode::empty(),
    )
    .map_err(|e| {
        Error::fail(format!(
            "Cannot open netns runtime directory \"{RUN_DIR}\": {}",
            errno_text(e)
        ))
    })?;
    // SAFETY: flock on a descriptor we own.
    let locked = unsafe { libc::flock(lock.as_raw_fd(), libc::LOCK_EX) } == 0;
    if !locked {
        ctx.warn(format_args!(
            "Warning: could not flock netns runtime directory \"{RUN_DIR}\": {}",
            io_text(&std::io::Error::last_os_error())
        ));
    }
    let mut made_mount = false;
    let shared = loop {
        match mount(
            Some(""),
            RUN_DIR,
            Some("none"),
            MsFlags::MS_SHARED | MsFlags::MS_REC,
            None::<&str>,
        ) {
            Ok(()) => break Ok(()),
            Err(nix::errno::Errno::EINVAL) if !made_mount => {
                if let Err(e) = mount(
                    Some(RUN_DIR),
                    RUN_DIR,
                    Some("none"),
                    MsFlags::MS_BIND | MsFlags::MS_REC,
                    None::<&str>,
                ) {
                    break Err(format!(
                        "mount --bind {RUN_DIR} {RUN_DIR} failed: {}",
                        errno_text(e)
                    ));
                }
                made_mount = true;
            }
            Err(e) => {
                break Err(format!(
                    "mount --make-shared {RUN_DIR} failed: {}",
                    errno_text(e)
                ));
            }
        }
    };
    drop(lock);
    shared.map_err(Error::fail)?;

    let file = open(
        crate::bytes::os(&path).as_os_str(),
        OFlag::O_RDONLY | OFlag::O_CREAT | OFlag::O_EXCL | OFlag::O_CLOEXEC,
        Mode::empty(),
    )
    .map_err(|e| {
        Error::fail(format!(
            "Cannot create namespace file \"{path}\": {}",
            errno_text(e)
        ))
    })?;
    drop(file);

    let proc_path = match pid {
        Some(p) => format!("/proc/{p}/ns/net"),
        None => "/proc/self/ns/net".to_string(),
    };
    let saved = if create {
        let saved = open(
            "/proc/self/ns/net",
            OFlag::O_RDONLY | OFlag::O_CLOEXEC,
            Mode::empty(),
        )
        .map_err(|e| Error::exit(format!("Cannot open init namespace: {}", errno_text(e)), 1))?;
        if let Err(e) = unshare(CloneFlags::CLONE_NEWNET) {
            ctx.warn(format_args!(
                "Failed to create a new network namespace \"{name}\": {}",
                errno_text(e)
            ));
            remove_file(ctx, &name);
            return Err(Error::silent(1));
        }
        Some(saved)
    } else {
        None
    };
    let bound = mount(
        Some(proc_path.as_str()),
        crate::bytes::os(&path).as_os_str(),
        Some("none"),
        MsFlags::MS_BIND,
        None::<&str>,
    );
    if let Some(saved) = &saved {
        setns(saved, CloneFlags::CLONE_NEWNET)
            .map_err(|e| Error::exit(format!("setns: {}", errno_text(e)), 1))?;
    }
    if let Err(e) = bound {
        ctx.warn(format_args!(
            "Bind {proc_path} -> {path} failed: {}",
            errno_text(e)
        ));
        if create {
            remove_file(ctx, &name);
        } else if let Err(e) = std::fs::remove_file(crate::bytes::os(&path)) {
            ctx.warn(format_args!(
                "Cannot remove namespace file \"{path}\": {}",
                io_text(&e)
            ));
        }
        return Err(Error::silent(1));
    }
    Ok(())
}

/// on_netns_del: detach the bind mount, remove the file.
fn remove_file(ctx: &mut Ctx, name: &str) -> bool {
    let path = path_of(name);
    let os = crate::bytes::os(&path);
    let _ = nix::mount::umount2(os.as_os_str(), nix::mount::MntFlags::MNT_DETACH);
    match std::fs::remove_file(&os) {
        Ok(()) => true,
        Err(e) => {
            ctx.warn(format_args!(
                "Cannot remove namespace file \"{path}\": {}",
                io_text(&e)
            ));
            false
        }
    }
}

fn delete(ctx: &mut Ctx, mut args: Args) -> Result<()> {
    if ctx.opts.all {
        for name in names() {
            if !remove_file(ctx, &name) {
                break;
            }
        }
        return Ok(());
    }
    // iproute2 6.1 removes the first name only; further words are ignored.
    let Some(name) = args.next() else {
        return Err(Error::fail("No netns name specified"));
    };
    if remove_file(ctx, &name) {
        Ok(())
    } else {
        Err(Error::silent(1))
    }
}

fn set(ctx: &mut Ctx, mut args: Args) -> Result<()> {
    let Some(name) = args.next() else {
        return Err(Error::fail("No netns name specified"));
    };
    let Some(v) = args.next() else {
        return Err(Error::fail("No nsid specified"));
    };
    let id = if v == "auto" {
        -1
    } else {
        match get_i32(&v, 0) {
            None => return Err(invarg("Invalid \"netnsid\" value", &v)),
            Some(n) if n < 0 => return Err(invarg("\"netnsid\" value should be >= 0", &v)),
            Some(n) => n,
        }
    };
    let path = path_of(&name);
    if let Err(e) = open(
        crate::bytes::os(&path).as_os_str(),
        OFlag::O_RDONLY | OFlag::O_CLOEXEC,
        Mode::empty(),
    ) {
        return Err(Error::fail(format!(
            "Cannot open network namespace \"{name}\": {}",
            errno_text(e)
        )));
    }
    let fd = open_fd(&name).map_err(|_| Error::silent(1))?;
    ctx.talk(nsid::set(fd.as_raw_fd(), id))?;
    Ok(())
}

fn is_pid(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_digit())
}

fn identify(ctx: &mut Ctx, mut args: Args) -> Result<()> {
    let pid = match (args.next(), args.next()) {
        (None, _) => "self".to_string(),
        (Some(_), Some(_)) => return Err(Error::fail("extra arguments specified")),
        (Some(p), None) if !is_pid(&p) => {
            return Err(Error::fail(format!("Specified string '{p}' is not a pid")));
        }
        (Some(p), None) => p,
    };
    let target = std::fs::metadata(format!("/proc/{pid}/ns/net"))
        .map_err(|e| Error::fail(format!("Cannot open network namespace: {}", io_text(&e))))?;
    let mut found = String::new();
    match std::fs::read_dir(RUN_DIR) {
        Ok(dir) => {
            for e in dir.flatten() {
                let n = crate::bytes::decode(e.file_name().as_bytes()).into_owned();
                if let Ok(st) = std::fs::metadata(crate::bytes::os(&path_of(&n)))
                    && st.dev() == target.dev()
                    && st.ino() == target.ino()
                {
                    found = n;
                }
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => {
            return Err(Error::fail(format!(
                "Failed to open directory {RUN_DIR}:{}",
                io_text(&e)
            )));
        }
    }
    ctx.p.text(format_args!("{found}\n"));
    Ok(())
}

fn pids(ctx: &mut Ctx, mut args: Args) -> Result<()> {
    let Some(name) = args.next() else {
        return Err(Error::fail("No netns name specified"));
    };
    if !args.is_empty() {
        return Err(Error::fail("extra arguments specified"));
    }
    let ns = std::fs::metadata(crate::bytes::os(&path_of(&name)))
        .map_err(|e| Error::fail(format!("Cannot open network namespace: {}", io_text(&e))))?;
    let dir = std::fs::read_dir("/proc/")
        .map_err(|e| Error::fail(format!("Open of /proc failed: {}", io_text(&e))))?;
    for e in dir.flatten() {
        let n = e.file_name().to_string_lossy().into_owned();
        if !is_pid(&n) {
            continue;
        }
        if let Ok(st) = std::fs::metadata(format!("/proc/{n}/ns/net"))
            && st.dev() == ns.dev()
            && st.ino() == ns.ino()
        {
            ctx.p.text(format_args!("{n}\n"));
        }
    }
    Ok(())
}

fn exec(ctx: &mut Ctx, args: Args) -> Result<()> {
    let words = args.rest().to_vec();
    if ctx.opts.all {
        if words.is_empty() {
            return Err(Error::fail("No command specified"));
        }
        for name in names() {
            ctx.p.text(format_args!("\nnetns: {name}\n"));
            ctx.p.flush();
            // the child's exit status is ignored, as iproute2 does; a child killed by a signal
            // ends ip with exit code 1 (cmd_exec's exit(1))
            if let Err(e) = crate::netns::exec_in(&name, &words, true)
                && e.exits()
            {
                return Err(e);
            }
        }
        return Ok(());
    }
    let Some(name) = words.first() else {
        return Err(Error::fail("No netns name specified"));
    };
    if words.len() < 2 {
        return Err(Error::fail("No command specified"));
    }
    ctx.p.flush();
    let code = crate::netns::exec_in(name, &words[1..], ctx.batch_mode)?;
    if code == 0 {
        Ok(())
    } else {
        Err(Error::silent(code as u8))
    }
}

/// Creates /run/netns (0755) unless it is there.
fn make_run_dir() -> Result<()> {
    match nix::unistd::mkdir(RUN_DIR, Mode::from_bits_truncate(0o755)) {
        Ok(()) | Err(nix::errno::Errno::EEXIST) => Ok(()),
        Err(e) => Err(Error::fail(format!(
            "mkdir {RUN_DIR} failed: {}",
            errno_text(e)
        ))),
    }
}

/// Prints `add NAME` / `delete NAME` as entries appear in and leave /run/netns.
fn monitor(ctx: &mut Ctx) -> Result<()> {
    use nix::sys::inotify::{AddWatchFlags, InitFlags, Inotify};
    let ino = Inotify::init(InitFlags::IN_CLOEXEC)
        .map_err(|e| Error::fail(format!("inotify_init failed: {}", errno_text(e))))?;
    make_run_dir()?;
    ino.add_watch(RUN_DIR, AddWatchFlags::IN_CREATE | AddWatchFlags::IN_DELETE)
        .map_err(|e| Error::fail(format!("inotify_add_watch failed: {}", errno_text(e))))?;
    loop {
        let events = ino
            .read_events()
            .map_err(|e| Error::fail(format!("read failed: {}", errno_text(e))))?;
        for ev in events {
            let name = ev
                .name
                .as_ref()
                .map(|n| crate::bytes::decode(n.as_bytes()).into_owned())
                .unwrap_or_default();
            if ev.mask.contains(AddWatchFlags::IN_CREATE) {
                ctx.p.text(format_args!("add {name}\n"));
            }
            if ev.mask.contains(AddWatchFlags::IN_DELETE) {
                ctx.p.text(format_args!("delete {name}\n"));
            }
        }
        // events are shown as they happen (iproute2 leaves them in stdio's buffer)
        ctx.p.flush();
    }
}
