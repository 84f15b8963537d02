//! brctl's exchanges with the kernel, all over rtnetlink: looking devices up, listing bridges,
//! ports and forwarding entries, and the requests that change things. Errors are plain errno
//! values, which is all bridge-utils ever shows of them.
//!
//! bridge-utils finds a device in three ways, and where they disagree brctl's behaviour shows it:
//! - `if_nametoindex(NAME)`: any device or altname, but never a name of 16 bytes or more;
//! - an ioctl on `NAME` cut to 15 bytes (the kernel's IFNAMSIZ), so `averyveryverylongname` finds
//!   `averyveryverylo`;
//! - a sysfs path `/sys/class/net/NAME/...`: only a device's own name, exactly.
//!
//! The three are `nametoindex`, `ioctl_dev` and `sysfs_dev` below.

use super::info::Dev;
use crate::netlink::bridge::*;
use crate::netlink::consts::*;
use crate::netlink::fdb::{self, FdbEntry};
use crate::netlink::link::{self, IfInfo, Link};
use crate::netlink::msg::{Messages, Request};
use crate::netlink::socket::Socket;

/// Kernel errno.
pub type Errno = i32;

/// Stats are never shown by brctl: the kernel need not gather them.
const MASK: u32 = RTEXT_FILTER_SKIP_STATS;
const IFNAMSIZ: usize = 16;

pub struct Kernel {
    sock: Socket,
    /// Holds CAP_NET_ADMIN: bridge-utils' ioctls check it before anything else they check.
    pub net_admin: bool,
    /// Effective uid 0: sysfs files (root's, mode 0644) open for writing.
    pub root: bool,
}

/// A bridge setting, in the kernel's units (IFLA_BR_*).
#[derive(Debug, Clone, Copy)]
pub enum BridgeAttr {
    AgeingTime(u32),
    ForwardDelay(u32),
    HelloTime(u32),
    MaxAge(u32),
    Priority(u16),
    StpState(u32),
}

/// A bridge port setting (IFLA_BRPORT_*).
#[derive(Debug, Clone, Copy)]
pub enum PortAttr {
    Cost(u32),
    Priority(u16),
    Hairpin(bool),
}

fn devs(bytes: &[u8]) -> Vec<Dev> {
    Messages::new(bytes)
        .filter_map(|m| Link::parse(m.ty, m.payload))
        .filter(|l| !l.deleted)
        .map(|l| Dev::from_link(&l))
        .collect()
}

/// The name an ioctl's ifreq carries: at most IFNAMSIZ-1 bytes.
pub fn ifreq_name(name: &str) -> &[u8] {
    let b = name.as_bytes();
    &b[..b.len().min(IFNAMSIZ - 1)]
}

/// (CAP_NET_ADMIN in the effective set, effective uid 0) from /proc/self/status; without it,
/// assume both (the kernel refuses what is not allowed anyway, only its order of refusals may
/// differ from the ioctls').
fn privileges(status: &str) -> (bool, bool) {
    const CAP_NET_ADMIN: u32 = 12;
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .map(str::trim)
    };
    let net_admin = field("CapEff:")
        .and_then(|h| u64::from_str_radix(h, 16).ok())
        .is_none_or(|c| c >> CAP_NET_ADMIN & 1 == 1);
    let root = field("Uid:")
        .and_then(|u| u.split_whitespace().nth(1))
        .is_none_or(|e| e == "0");
    (net_admin, root)
}

impl Kernel {
    pub fn open() -> Result<Kernel, Errno> {
        let (net_admin, root) =
            privileges(&std::fs::read_to_string("/proc/self/status").unwrap_or_default());
        Socket::open()
            .map(|sock| Kernel {
                sock,
                net_admin,
                root,
            })
            .map_err(|e| e.errno)
    }

    /// RTM_GETLINK by name (its own name or an altname); None when there is no such device.
    fn link(&mut self, name: &[u8]) -> Option<Dev> {
        if name.is_empty() {
            return None;
        }
        let ans = self.sock.talk(link::get(0, 0, Some(name), MASK)).ok()?;
        devs(&ans.replies).into_iter().next()
    }

    /// As if_nametoindex(3) finds it.
    pub fn nametoindex(&mut self, name: &str) -> Option<Dev> {
        if name.len() >= IFNAMSIZ {
            return None;
        }
        self.link(name.as_bytes())
    }

    /// As an ioctl on `ifr_name = name` finds it.
    pub fn ioctl_dev(&mut self, name: &str) -> Option<Dev> {
        self.link(ifreq_name(name))
    }

    /// As /sys/class/net/NAME finds it.
    pub fn sysfs_dev(&mut self, name: &str) -> Option<Dev> {
        self.nametoindex(name).filter(|d| d.name == name.as_bytes())
    }

    /// Every device.
    pub fn links(&mut self) -> Result<Vec<Dev>, Errno> {
        let d = self
            .sock
            .dump(link::dump(0, MASK, None, None))
            .map_err(|e| e.errno)?;
        Ok(devs(&d.data))
    }

    /// The ports of a bridge.
    pub fn ports(&mut self, bridge: i32) -> Result<Vec<Dev>, Errno> {
        let d = self
            .sock
            .dump(link::dump(0, MASK, Some(bridge), None))
            .map_err(|e| e.errno)?;
        Ok(devs(&d.data)
            .into_iter()
            .filter(|p| p.master == bridge as u32 && p.port.is_some())
            .collect())
    }

    /// The forwarding database of a bridge and its ports, as the kernel dumps it.
    pub fn fdb(&mut self, bridge: i32) -> Result<Vec<FdbEntry>, Errno> {
        let d = self.sock.dump(fdb::dump(bridge)).map_err(|e| e.errno)?;
        Ok(fdb::entries(&d.data))
    }

    fn ack(&mut self, req: Request) -> Result<(), Errno> {
        self.sock.talk(req).map(|_| ()).map_err(|e| e.errno)
    }

    fn newlink(index: i32, flags: u16) -> Request {
        Request::new(RTM_NEWLINK, flags).header(
            &IfInfo {
                index,
                ..IfInfo::default()
            }
            .bytes(),
        )
    }

    /// `ip link add NAME type bridge`.
    pub fn add_bridge(&mut self, name: &[u8]) -> Result<(), Errno> {
        let mut r = Self::newlink(0, NLM_F_CREATE | NLM_F_EXCL);
        r.strz(IFLA_IFNAME, name);
        let n = r.nest(IFLA_LINKINFO);
        r.attr(IFLA_INFO_KIND, b"bridge");
        r.end(n);
        self.ack(r)
    }

    /// `ip link del`.
    pub fn del_link(&mut self, index: i32) -> Result<(), Errno> {
        self.ack(
            Request::new(RTM_DELLINK, 0).header(
                &IfInfo {
                    index,
                    ..IfInfo::default()
                }
                .bytes(),
            ),
        )
    }

    /// `ip link set master` (0: `nomaster`).
    pub fn set_master(&mut self, index: i32, master: i32) -> Result<(), Errno> {
        let mut r = Self::newlink(index, 0);
        r.i32(IFLA_MASTER, master);
        self.ack(r)
    }

    /// RTM_NEWLINK on `index` with IFLA_LINKINFO { `kind_attr`: "bridge", `data_attr`: { one
    /// attribute } }: `type bridge …` or `type bridge_slave …`.
    fn set_linkinfo(
        &mut self,
        index: i32,
        kind_attr: u16,
        data_attr: u16,
        put: impl FnOnce(&mut Request),
    ) -> Result<(), Errno> {
        let mut r = Self::newlink(index, 0);
        let li = r.nest(IFLA_LINKINFO);
        r.attr(kind_attr, b"bridge");
        let data = r.nest(data_attr);
        put(&mut r);
        r.end(data);
        r.end(li);
        self.ack(r)
    }

    /// `ip link set BRIDGE type bridge …`.
    pub fn set_bridge(&mut self, index: i32, a: BridgeAttr) -> Result<(), Errno> {
        self.set_linkinfo(index, IFLA_INFO_KIND, IFLA_INFO_DATA, |r| {
            match a {
                BridgeAttr::AgeingTime(v) => r.u32(IFLA_BR_AGEING_TIME, v),
                BridgeAttr::ForwardDelay(v) => r.u32(IFLA_BR_FORWARD_DELAY, v),
                BridgeAttr::HelloTime(v) => r.u32(IFLA_BR_HELLO_TIME, v),
                BridgeAttr::MaxAge(v) => r.u32(IFLA_BR_MAX_AGE, v),
                BridgeAttr::Priority(v) => r.u16(IFLA_BR_PRIORITY, v),
                BridgeAttr::StpState(v) => r.u32(IFLA_BR_STP_STATE, v),
            };
        })
    }

    /// `ip link set PORT type bridge_slave …`.
    pub fn set_port(&mut self, index: i32, a: PortAttr) -> Result<(), Errno> {
        self.set_linkinfo(index, IFLA_INFO_SLAVE_KIND, IFLA_INFO_SLAVE_DATA, |r| {
            match a {
                PortAttr::Cost(v) => r.u32(IFLA_BRPORT_COST, v),
                PortAttr::Priority(v) => r.u16(IFLA_BRPORT_PRIORITY, v),
                PortAttr::Hairpin(on) => r.u8(IFLA_BRPORT_MODE, u8::from(on)),
            };
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn privileges_from_status() {
        assert_eq!(
            privileges("Uid:\t0\t0\t0\t0\nCapEff:\t000001fffeffffff\n"),
            (true, true)
        );
        assert_eq!(
            privileges("Uid:\t65534\t65534\t65534\t65534\nCapEff:\t0000000000000000\n"),
            (false, false)
        );
        assert_eq!(
            privileges("Uid:\t1000\t0\t0\t0\nCapEff:\t0000000000001000\n"),
            (true, true)
        );
        assert_eq!(privileges(""), (true, true));
    }
}
