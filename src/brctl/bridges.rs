//! addbr and delbr. bridge-utils creates and deletes bridges with the SIOCBRADDBR/SIOCBRDELBR
//! ioctls; over netlink the same happens with RTM_NEWLINK/RTM_DELLINK, with the ioctls' own
//! refusals checked first: permission before anything, the name cut to 15 bytes, an empty name
//! refused (netlink would make up a name), only bridges deleted, and never one that is up.

use super::Ctx;
use super::kernel::{Errno, ifreq_name};
use crate::error::strerror;
use libc::{EBUSY, EEXIST, EINVAL, ENXIO, EPERM};

pub fn addbr(ctx: &mut Ctx, name: &str) -> i32 {
    let ifname = ifreq_name(name);
    let res = if !ctx.k.net_admin {
        Err(EPERM)
    } else if ifname.is_empty() {
        Err(EINVAL)
    } else {
        ctx.k.add_bridge(ifname)
    };
    match res {
        Ok(()) => return 0,
        Err(EEXIST) => ctx.out.error(format!(
            "device {name} already exists; can't create bridge with the same name"
        )),
        Err(e) => ctx.out.error(format!("add bridge failed: {}", strerror(e))),
    }
    1
}

fn delete(ctx: &mut Ctx, name: &str) -> Result<(), Errno> {
    if !ctx.k.net_admin {
        return Err(EPERM);
    }
    let dev = ctx.k.ioctl_dev(name).ok_or(ENXIO)?;
    if !dev.is_bridge() {
        return Err(EPERM);
    }
    if dev.is_up() {
        return Err(EBUSY);
    }
    ctx.k.del_link(dev.index)
}

pub fn delbr(ctx: &mut Ctx, name: &str) -> i32 {
    match delete(ctx, name) {
        Ok(()) => return 0,
        Err(ENXIO) => ctx
            .out
            .error(format!("bridge {name} doesn't exist; can't delete it")),
        Err(EBUSY) => ctx
            .out
            .error(format!("bridge {name} is still up; can't delete it")),
        Err(e) => ctx
            .out
            .error(format!("can't delete bridge {name}: {}", strerror(e))),
    }
    1
}
