//! The commands that change a setting: of a bridge (setageing, setfd, sethello, setmaxage,
//! setbridgeprio, stp) or of a port (setpathcost, setportprio, hairpin).
//!
//! bridge-utils writes sysfs and falls back to an ioctl when that fails; the errors users see come
//! from that pair. For a bridge setting it amounts to: the name cut to 15 bytes, `No such device`
//! when missing, `Operation not supported` when not a bridge, else the kernel's answer. For a
//! port setting sysfs needs only the port (the bridge named is ignored when the port is in some
//! bridge); the fallback then asks the named bridge, and an unrelated port keeps the sysfs error.
//!
//! Netlink carries u32 times and costs, u16 priorities, where sysfs took an unsigned long: values
//! the kernel would refuse as out of range are refused here; an ageing time (or an unchecked
//! forward delay) beyond 2^32 centiseconds is sent cut to 32 bits, which is also what the kernel
//! reports back for the longer value, so brctl and `ip -d` show the same as with bridge-utils.

use super::Ctx;
use super::kernel::{BridgeAttr, Errno, PortAttr};
use super::time::centiseconds;
use super::{scan, usage::Cmd};
use crate::error::strerror;
use libc::{EACCES, ENODEV, ENOENT, EOPNOTSUPP, EPERM, ERANGE};

/// The four time setters: bridge-utils' words for each.
fn time_words(cmd: Cmd) -> (&'static str, &'static str) {
    match cmd {
        Cmd::SetAgeing => ("bad ageing time value", "set ageing time failed"),
        Cmd::SetFd => ("bad forward delay value", "set forward delay failed"),
        Cmd::SetHello => ("bad hello timer value", "set hello timer failed"),
        _ => ("bad max age value", "set max age failed"),
    }
}

/// Looks the bridge up as the sysfs-or-ioctl pair does, then sets what `attr` makes of it.
fn bridge_set(
    ctx: &mut Ctx,
    name: &str,
    attr: impl FnOnce(&super::info::BridgeInfo) -> Result<BridgeAttr, Errno>,
) -> Result<(), Errno> {
    let dev = ctx.k.ioctl_dev(name).ok_or(ENODEV)?;
    let info = dev.bridge.as_ref().ok_or(EOPNOTSUPP)?;
    if !ctx.k.net_admin {
        return Err(EPERM);
    }
    let a = attr(info)?;
    ctx.k.set_bridge(dev.index, a)
}

fn report(ctx: &mut Ctx, res: Result<(), Errno>, what: &str) -> i32 {
    match res {
        Ok(()) => 0,
        Err(e) => {
            ctx.out.error(format!("{what}: {}", strerror(e)));
            1
        }
    }
}

pub fn set_time(ctx: &mut Ctx, cmd: Cmd, bridge: &str, value: &str) -> i32 {
    let (bad, failed) = time_words(cmd);
    let Some(cs) = centiseconds(value) else {
        ctx.out.error(bad);
        return 1;
    };
    let cut = cs as u32;
    let fits = cs <= u64::from(u32::MAX);
    let res = bridge_set(ctx, bridge, |info| match cmd {
        Cmd::SetAgeing => Ok(BridgeAttr::AgeingTime(cut)),
        // the kernel checks the forward delay's range only while STP runs
        Cmd::SetFd if fits || info.stp_state == 0 => Ok(BridgeAttr::ForwardDelay(cut)),
        Cmd::SetHello if fits => Ok(BridgeAttr::HelloTime(cut)),
        Cmd::SetMaxAge if fits => Ok(BridgeAttr::MaxAge(cut)),
        _ => Err(ERANGE),
    });
    report(ctx, res, failed)
}

pub fn setbridgeprio(ctx: &mut Ctx, bridge: &str, value: &str) -> i32 {
    let Some(prio) = scan::int(value) else {
        ctx.out.error("bad priority");
        return 1;
    };
    // the kernel keeps the low 16 bits, as it does of the sysfs value
    let res = bridge_set(ctx, bridge, |_| Ok(BridgeAttr::Priority(prio as u16)));
    report(ctx, res, "set bridge priority failed")
}

/// bridge-utils' on/off words.
fn on_off(word: &str) -> Option<bool> {
    match word {
        "on" | "yes" | "1" => Some(true),
        "off" | "no" | "0" => Some(false),
        _ => None,
    }
}

pub fn stp(ctx: &mut Ctx, bridge: &str, value: &str) -> i32 {
    let Some(on) = on_off(value) else {
        ctx.out.error("expect on/off for argument");
        return 1;
    };
    let res = bridge_set(ctx, bridge, |_| Ok(BridgeAttr::StpState(u32::from(on))));
    report(ctx, res, "set stp status failed")
}

/// A port setting, with the errors of bridge-utils' sysfs write and ioctl fallback.
/// `attr` is what the write would send, or the kernel's refusal of a value netlink cannot carry.
fn port_set(
    ctx: &mut Ctx,
    bridge: &str,
    port: &str,
    attr: Result<PortAttr, Errno>,
) -> Result<(), Errno> {
    let dev = ctx.k.nametoindex(port);
    // /sys/class/net/PORT/brport/… exists for a bridge port under its own name
    let via_sysfs = dev
        .as_ref()
        .is_some_and(|d| d.name == port.as_bytes() && d.port.is_some());
    let write_err = match (&dev, via_sysfs) {
        // only root opens the file; the kernel then wants CAP_NET_ADMIN
        (Some(_), true) if !ctx.k.root => EACCES,
        (Some(_), true) if !ctx.k.net_admin => EPERM,
        (Some(d), true) => match attr.and_then(|a| ctx.k.set_port(d.index, a)) {
            Ok(()) => return Ok(()),
            Err(e) => e,
        },
        _ => ENOENT,
    };
    // the ioctl fallback: the port's number in the named bridge
    let dev = dev.ok_or(ENODEV)?;
    let br = ctx.k.ioctl_dev(bridge).ok_or(ENODEV)?;
    if !br.is_bridge() {
        return Err(EOPNOTSUPP);
    }
    if dev.port.is_none() || dev.master != br.index as u32 {
        return Err(write_err);
    }
    match attr {
        // hairpin has no ioctl: bridge-utils sends command 0, which the kernel does not support
        Ok(PortAttr::Hairpin(_)) => Err(EOPNOTSUPP),
        _ if !ctx.k.net_admin => Err(EPERM),
        // the ioctl would repeat what the write did
        _ if via_sysfs => Err(write_err),
        _ => attr.and_then(|a| ctx.k.set_port(dev.index, a)),
    }
}

pub fn setpathcost(ctx: &mut Ctx, bridge: &str, port: &str, value: &str) -> i32 {
    let Some(cost) = scan::int(value) else {
        ctx.out.error("bad path cost value");
        return 1;
    };
    let attr = u32::try_from(cost).map(PortAttr::Cost).map_err(|_| ERANGE);
    let res = port_set(ctx, bridge, port, attr);
    report(ctx, res, "set path cost failed")
}

pub fn setportprio(ctx: &mut Ctx, bridge: &str, port: &str, value: &str) -> i32 {
    let Some(prio) = scan::int(value) else {
        ctx.out.error("bad path priority value");
        return 1;
    };
    let attr = u16::try_from(prio)
        .map(PortAttr::Priority)
        .map_err(|_| ERANGE);
    let res = port_set(ctx, bridge, port, attr);
    report(ctx, res, "set port priority failed")
}

pub fn hairpin(ctx: &mut Ctx, bridge: &str, port: &str, value: &str) -> i32 {
    let Some(on) = on_off(value) else {
        ctx.out.error("expect on/off for argument");
        return 1;
    };
    if ctx.k.nametoindex(port).is_none() {
        ctx.out.error(format!("interface {port} does not exist!"));
        return 1;
    }
    if ctx.k.nametoindex(bridge).is_none() {
        ctx.out.error(format!("bridge {bridge} does not exist!"));
        return 1;
    }
    let res = port_set(ctx, bridge, port, Ok(PortAttr::Hairpin(on)));
    report(
        ctx,
        res,
        &format!("can't set {port} to hairpin on bridge {bridge}"),
    )
}
