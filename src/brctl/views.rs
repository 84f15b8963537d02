//! The commands that only look: show, showstp, showmacs. They gather typed data from the kernel
//! and hand it to the printers (show.rs, showstp.rs, showmacs.rs).

use std::collections::HashMap;

use super::Ctx;
use super::info::Dev;
use super::{show, showmacs, showstp};
use crate::error::strerror;

/// How bridge-utils reaches a bridge named on the command line: through sysfs when the name is
/// a bridge's own name (its ports then come sorted by name), else through the ioctl on the name
/// cut to 15 bytes (ports in port-number order). Errors are its two messages.
fn named_bridge(ctx: &mut Ctx, name: &str) -> Result<(Dev, bool), String> {
    if let Some(d) = ctx.k.sysfs_dev(name).filter(Dev::is_bridge) {
        return Ok((d, true));
    }
    match ctx.k.ioctl_dev(name) {
        None => Err(format!("bridge {name} does not exist!")),
        Some(d) if !d.is_bridge() => Err(format!("device {name} is not a bridge!")),
        Some(d) => Ok((d, false)),
    }
}

/// Ports sorted as bridge-utils lists them: by name (sysfs) or by port number (ioctl).
fn sort_ports(ports: &mut [Dev], by_name: bool) {
    if by_name {
        ports.sort_by(|a, b| a.name.cmp(&b.name));
    } else {
        ports.sort_by_key(|p| p.port.as_ref().map_or(0, |i| i.port_no));
    }
}

/// The bridge's ports, sorted.
fn ports(ctx: &mut Ctx, bridge: &Dev, by_name: bool) -> Result<Vec<Dev>, i32> {
    let mut ports = ctx.k.ports(bridge.index)?;
    sort_ports(&mut ports, by_name);
    Ok(ports)
}

/// Every bridge by name, with its ports by name, from one dump of all links.
fn all_bridges(ctx: &mut Ctx) -> Vec<(Dev, Vec<Dev>)> {
    let links = ctx.k.links().unwrap_or_default();
    let mut ports: HashMap<u32, Vec<Dev>> = HashMap::new();
    let mut bridges = Vec::new();
    for l in links {
        if l.is_bridge() {
            bridges.push(l);
        } else if l.port.is_some() && l.master != 0 {
            ports.entry(l.master).or_default().push(l);
        }
    }
    bridges.sort_by(|a, b| a.name.cmp(&b.name));
    bridges
        .into_iter()
        .map(|b| {
            let mut p = ports.remove(&(b.index as u32)).unwrap_or_default();
            sort_ports(&mut p, true);
            (b, p)
        })
        .collect()
}

pub fn show(ctx: &mut Ctx, names: &[String]) -> i32 {
    let mut header = true;
    let mut show_one = |ctx: &mut Ctx, name: &[u8], bridge: &Dev, ports: Result<Vec<Dev>, i32>| {
        if header {
            ctx.out.print(show::HEADER);
            header = false;
        }
        let Some(info) = &bridge.bridge else { return };
        ctx.out.print(show::bridge_head(name, info));
        match ports {
            Ok(p) => ctx
                .out
                .print(show::interfaces(p.iter().map(|d| d.name.as_slice()))),
            Err(e) => ctx.out.print(show::interfaces_failed(&strerror(e))),
        }
    };
    if names.is_empty() {
        for (b, p) in all_bridges(ctx) {
            show_one(ctx, &b.name, &b, Ok(p));
        }
        return 0;
    }
    let mut errors = 0;
    for name in names {
        match named_bridge(ctx, name) {
            Ok((b, by_name)) => {
                let p = ports(ctx, &b, by_name);
                show_one(ctx, name.as_bytes(), &b, p)
            }
            Err(msg) => {
                ctx.out.error(msg);
                errors += 1;
            }
        }
    }
    i32::from(errors > 0)
}

pub fn showstp(ctx: &mut Ctx, name: &str) -> i32 {
    let (bridge, by_name) = match named_bridge(ctx, name) {
        Ok(b) => b,
        Err(msg) => {
            ctx.out.error(msg);
            return 1;
        }
    };
    let Some(info) = &bridge.bridge else { return 1 };
    ctx.out.print(showstp::bridge(name.as_bytes(), info));
    match ports(ctx, &bridge, by_name) {
        Ok(ports) => {
            for p in &ports {
                if let Some(pi) = &p.port {
                    ctx.out.print(showstp::port(&p.name, pi));
                }
            }
        }
        Err(e) => ctx.out.print(showstp::ports_failed(&strerror(e))),
    }
    0
}

pub fn showmacs(ctx: &mut Ctx, name: &str) -> i32 {
    let failed = |ctx: &mut Ctx, errno: i32| {
        ctx.out
            .error(format!("read of forward table failed: {}", strerror(errno)));
        1
    };
    let bridge = match ctx.k.ioctl_dev(name) {
        None => return failed(ctx, libc::ENODEV),
        Some(d) if !d.is_bridge() => return failed(ctx, libc::EOPNOTSUPP),
        Some(d) => d,
    };
    let fdb = match ctx.k.fdb(bridge.index) {
        Ok(f) => f,
        Err(e) => return failed(ctx, e),
    };
    let ports = match ctx.k.ports(bridge.index) {
        Ok(p) => p,
        Err(e) => return failed(ctx, e),
    };
    let numbers: HashMap<i32, u16> = ports
        .iter()
        .filter_map(|p| Some((p.index, p.port.as_ref()?.port_no)))
        .collect();
    ctx.out.print(showmacs::text(&showmacs::rows(
        bridge.index,
        &fdb,
        &numbers,
    )));
    0
}
