//! Network-namespace mechanics shared by `ip netns` and `ip -n`: the run directory, entering a
//! named namespace the way `ip netns exec` does (setns, private mount namespace, / made rslave,
//! a fresh /sys, /etc/netns/NAME/* bound over /etc), and running a command in it.

use std::ffi::CString;
use std::os::fd::{AsFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;

use nix::fcntl::{OFlag, open};
use nix::mount::{MntFlags, MsFlags, mount, umount2};
use nix::sched::{CloneFlags, setns, unshare};
use nix::sys::stat::Mode;

use crate::error::{Error, Result, errno_text};

pub const RUN_DIR: &str = "/run/netns";
pub const ETC_DIR: &str = "/etc/netns";
const NAME_MAX: usize = 255;

pub fn path_of(name: &str) -> String {
    format!("{RUN_DIR}/{name}")
}

/// iproute2's invalid_name: empty, longer than NAME_MAX, containing '/', or "." / "..".
pub fn invalid_name(name: &str) -> bool {
    name.is_empty()
        || crate::bytes::raw_len(name) > NAME_MAX
        || name.contains('/')
        || name == "."
        || name == ".."
}

/// Names in /run/netns in readdir order (unsorted, as iproute2 lists them). A missing directory
/// is an empty list.
pub fn names() -> Vec<String> {
    let Ok(dir) = std::fs::read_dir(RUN_DIR) else {
        return Vec::new();
    };
    dir.filter_map(|e| e.ok())
        .map(|e| crate::bytes::decode(e.file_name().as_bytes()).into_owned())
        .filter(|n| n != "." && n != "..")
        .collect()
}

/// netns_get_fd: a name with '/' is a path, anything else lives in /run/netns.
pub fn open_fd(name: &str) -> nix::Result<OwnedFd> {
    let path = if name.contains('/') {
        name.to_string()
    } else {
        path_of(name)
    };
    open(
        crate::bytes::os(&path).as_os_str(),
        OFlag::O_RDONLY | OFlag::O_CLOEXEC,
        Mode::empty(),
    )
}

/// Enters the named namespace exactly as iproute2's netns_switch does. Messages are iproute2's;
/// the caller decides the exit code (255 for `-n`, exec setup).
pub fn switch(name: &str) -> std::result::Result<(), String> {
    let fd = open(
        crate::bytes::os(&path_of(name)).as_os_str(),
        OFlag::O_RDONLY | OFlag::O_CLOEXEC,
        Mode::empty(),
    )
    .map_err(|e| {
        format!(
            "Cannot open network namespace \"{name}\": {}",
            errno_text(e)
        )
    })?;
    setns(fd.as_fd(), CloneFlags::CLONE_NEWNET).map_err(|e| {
        format!(
            "setting the network namespace \"{name}\" failed: {}",
            errno_text(e)
        )
    })?;
    drop(fd);
    unshare(CloneFlags::CLONE_NEWNS).map_err(|e| format!("unshare failed: {}", errno_text(e)))?;
    mount(
        Some(""),
        "/",
        Some("none"),
        MsFlags::MS_SLAVE | MsFlags::MS_REC,
        None::<&str>,
    )
    .map_err(|e| format!("\"mount --make-rslave /\" failed: {}", errno_text(e)))?;
    let mut flags = MsFlags::empty();
    if umount2("/sys", MntFlags::MNT_DETACH).is_err()
        && let Ok(st) = nix::sys::statvfs::statvfs("/sys")
        && st.flags().contains(nix::sys::statvfs::FsFlags::ST_RDONLY)
    {
        flags = MsFlags::MS_RDONLY;
    }
    mount(
        Some(crate::bytes::os(name).as_os_str()),
        "/sys",
        Some("sysfs"),
        flags,
        None::<&str>,
    )
    .map_err(|e| format!("mount of /sys failed: {}", errno_text(e)))?;
    bind_etc(name);
    Ok(())
}

/// Binds every entry of /etc/netns/NAME over /etc/ENTRY; failures are reported and skipped.
fn bind_etc(name: &str) {
    if crate::bytes::raw_len(name) >= NAME_MAX {
        return;
    }
    let dir_path = format!("{ETC_DIR}/{name}");
    let Ok(dir) = std::fs::read_dir(crate::bytes::os(&dir_path)) else {
        return;
    };
    for e in dir.flatten() {
        let entry = crate::bytes::decode(e.file_name().as_bytes()).into_owned();
        let src = format!("{dir_path}/{entry}");
        let dst = format!("/etc/{entry}");
        let (src_os, dst_os) = (crate::bytes::os(&src), crate::bytes::os(&dst));
        if let Err(err) = mount(
            Some(src_os.as_os_str()),
            dst_os.as_os_str(),
            Some("none"),
            MsFlags::MS_BIND,
            None::<&str>,
        ) {
            crate::bytes::eprintln(&format!("Bind {src} -> {dst} failed: {}", errno_text(err)));
        }
    }
}

/// iproute2's cmd_exec: optionally fork (batch mode, -all), enter the namespace, execvp.
/// Without fork this only returns on failure; with fork it returns the child's exit status.
pub fn exec_in(name: &str, argv: &[String], fork: bool) -> Result<i32> {
    if fork {
        // SAFETY: single-threaded process; the child only enters the namespace and execs.
        match unsafe { nix::unistd::fork() } {
            Err(e) => return Err(Error::exit(format!("fork: {}", errno_text(e)), 1)),
            Ok(nix::unistd::ForkResult::Parent { child }) => {
                return match nix::sys::wait::waitpid(child, None) {
                    Ok(nix::sys::wait::WaitStatus::Exited(_, code)) => Ok(code),
                    Ok(_) => Err(Error::exit("", 1)),
                    Err(e) => Err(Error::exit(format!("waitpid: {}", errno_text(e)), 1)),
                };
            }
            Ok(nix::unistd::ForkResult::Child) => {
                if let Err(msg) = switch(name) {
                    crate::bytes::eprintln(&msg);
                    // iproute2's child would fall back into the caller here; ending it is saner.
                    unsafe { libc::_exit(255) };
                }
                exec_or_die(argv);
            }
        }
    }
    if let Err(msg) = switch(name) {
        return Err(Error::exit(msg, 255));
    }
    exec_or_die(argv);
}

fn exec_or_die(argv: &[String]) -> ! {
    let cargs: Vec<CString> = argv
        .iter()
        .map(|a| CString::new(crate::bytes::encode(a).into_owned()).unwrap_or_default())
        .collect();
    let cmd = argv.first().map(String::as_str).unwrap_or("");
    if let Some(c) = cargs.first() {
        let err = nix::unistd::execvp(c, &cargs)
            .err()
            .unwrap_or(nix::errno::Errno::ENOENT);
        crate::bytes::eprintln(&format!("exec of \"{cmd}\" failed: {}", errno_text(err)));
    }
    // SAFETY: ends the (possibly forked) process without running destructors twice.
    unsafe { libc::_exit(1) }
}
