//! addif and delif: one interface after another, stopping at the first failure (the ones before
//! it stay done), as bridge-utils does. The SIOCBRADDIF/SIOCBRDELIF ioctls become IFLA_MASTER
//! changes; where netlink would quietly do something else (move a port from one bridge to another,
//! accept a port already in this bridge, release a port from some other bridge), the ioctls'
//! refusals are checked first, in the kernel's order.

use super::Ctx;
use super::info::Dev;
use super::kernel::Errno;
use crate::error::strerror;
use libc::{EBUSY, EINVAL, ELOOP, ENODEV, EOPNOTSUPP, EPERM};

/// The interface and the bridge, with the SIOCBRADDIF/SIOCBRDELIF checks that come before the
/// bridge code's own: both exist, the bridge is one, the caller may change it.
fn pair(ctx: &mut Ctx, bridge: &str, ifname: &str) -> Result<(Dev, Dev), Errno> {
    let dev = ctx.k.nametoindex(ifname).ok_or(ENODEV)?;
    let br = ctx.k.ioctl_dev(bridge).ok_or(ENODEV)?;
    if !br.is_bridge() {
        return Err(EOPNOTSUPP);
    }
    if !ctx.k.net_admin {
        return Err(EPERM);
    }
    Ok((dev, br))
}

/// br_add_if's refusals, in its order, then IFLA_MASTER.
fn add(ctx: &mut Ctx, bridge: &str, ifname: &str) -> Result<(), Errno> {
    let (dev, br) = pair(ctx, bridge, ifname)?;
    if !dev.bridgeable() {
        return Err(EINVAL);
    }
    if dev.is_bridge() {
        return Err(ELOOP);
    }
    if dev.master != 0 {
        return Err(EBUSY);
    }
    ctx.k.set_master(dev.index, br.index)
}

/// br_del_if's refusal (not a port of this bridge), then `nomaster`.
fn del(ctx: &mut Ctx, bridge: &str, ifname: &str) -> Result<(), Errno> {
    let (dev, br) = pair(ctx, bridge, ifname)?;
    if dev.port.is_none() || dev.master != br.index as u32 {
        return Err(EINVAL);
    }
    ctx.k.set_master(dev.index, 0)
}

/// bridge-utils' message for ENODEV: which of the two is missing.
fn no_device(ctx: &mut Ctx, bridge: &str, ifname: &str) -> String {
    if ctx.k.nametoindex(ifname).is_none() {
        format!("interface {ifname} does not exist!")
    } else {
        format!("bridge {bridge} does not exist!")
    }
}

pub fn addif(ctx: &mut Ctx, bridge: &str, ifnames: &[String]) -> i32 {
    for ifname in ifnames {
        let msg = match add(ctx, bridge, ifname) {
            Ok(()) => continue,
            Err(ENODEV) => no_device(ctx, bridge, ifname),
            Err(EBUSY) => format!(
                "device {ifname} is already a member of a bridge; can't add it to bridge {bridge}."
            ),
            Err(ELOOP) => {
                format!(
                    "device {ifname} is a bridge device itself; can't add a bridge device to a bridge device."
                )
            }
            Err(e) => format!("can't add {ifname} to bridge {bridge}: {}", strerror(e)),
        };
        ctx.out.error(msg);
        return 1;
    }
    0
}

pub fn delif(ctx: &mut Ctx, bridge: &str, ifnames: &[String]) -> i32 {
    for ifname in ifnames {
        let msg = match del(ctx, bridge, ifname) {
            Ok(()) => continue,
            Err(ENODEV) => no_device(ctx, bridge, ifname),
            Err(EINVAL) => format!("device {ifname} is not a port of {bridge}"),
            Err(e) => format!("can't delete {ifname} from {bridge}: {}", strerror(e)),
        };
        ctx.out.error(msg);
        return 1;
    }
    0
}
