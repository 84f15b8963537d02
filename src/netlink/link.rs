//! RTM_NEWLINK messages decoded into a typed, zero-copy `Link`, and the link request builders.

use super::attr::{Table, attrs, cstr, get_u32, get_u64};
use super::consts::*;
use super::msg::Request;

/// IFLA_OPERSTATE's names, by value (IF_OPER_UNKNOWN … IF_OPER_UP).
pub const OPER_STATES: [&str; 7] = [
    "UNKNOWN",
    "NOTPRESENT",
    "DOWN",
    "LOWERLAYERDOWN",
    "TESTING",
    "DORMANT",
    "UP",
];

pub const IFF_UP: u32 = 0x1;
pub const IFF_BROADCAST: u32 = 0x2;
pub const IFF_DEBUG: u32 = 0x4;
pub const IFF_LOOPBACK: u32 = 0x8;
pub const IFF_POINTOPOINT: u32 = 0x10;
pub const IFF_NOTRAILERS: u32 = 0x20;
pub const IFF_RUNNING: u32 = 0x40;
pub const IFF_NOARP: u32 = 0x80;
pub const IFF_PROMISC: u32 = 0x100;
pub const IFF_ALLMULTI: u32 = 0x200;
pub const IFF_MASTER: u32 = 0x400;
pub const IFF_SLAVE: u32 = 0x800;
pub const IFF_MULTICAST: u32 = 0x1000;
pub const IFF_PORTSEL: u32 = 0x2000;
pub const IFF_AUTOMEDIA: u32 = 0x4000;
pub const IFF_DYNAMIC: u32 = 0x8000;
pub const IFF_LOWER_UP: u32 = 0x10000;
pub const IFF_DORMANT: u32 = 0x20000;
pub const IFF_ECHO: u32 = 0x40000;

pub const ARPHRD_ETHER: u16 = 1;

/// struct ifinfomsg.
#[derive(Debug, Clone, Copy, Default)]
pub struct IfInfo {
    pub family: u8,
    pub ty: u16,
    pub index: i32,
    pub flags: u32,
    pub change: u32,
}

impl IfInfo {
    pub fn bytes(&self) -> [u8; 16] {
        let mut b = [0u8; 16];
        b[0] = self.family;
        b[2..4].copy_from_slice(&self.ty.to_ne_bytes());
        b[4..8].copy_from_slice(&self.index.to_ne_bytes());
        b[8..12].copy_from_slice(&self.flags.to_ne_bytes());
        b[12..16].copy_from_slice(&self.change.to_ne_bytes());
        b
    }
    pub fn parse(p: &[u8]) -> Option<IfInfo> {
        let h = p.get(..16)?;
        Some(IfInfo {
            family: h[0],
            ty: u16::from_ne_bytes([h[2], h[3]]),
            index: i32::from_ne_bytes([h[4], h[5], h[6], h[7]]),
            flags: u32::from_ne_bytes([h[8], h[9], h[10], h[11]]),
            change: u32::from_ne_bytes([h[12], h[13], h[14], h[15]]),
        })
    }
}

/// struct rtnl_link_stats64 (older, shorter layouts are zero-filled).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats64 {
    pub rx_packets: u64,
    pub tx_packets: u64,
    pub rx_bytes: u64,
    pub tx_bytes: u64,
    pub rx_errors: u64,
    pub tx_errors: u64,
    pub rx_dropped: u64,
    pub tx_dropped: u64,
    pub multicast: u64,
    pub collisions: u64,
    pub rx_length_errors: u64,
    pub rx_over_errors: u64,
    pub rx_crc_errors: u64,
    pub rx_frame_errors: u64,
    pub rx_fifo_errors: u64,
    pub rx_missed_errors: u64,
    pub tx_aborted_errors: u64,
    pub tx_carrier_errors: u64,
    pub tx_fifo_errors: u64,
    pub tx_heartbeat_errors: u64,
    pub tx_window_errors: u64,
    pub rx_compressed: u64,
    pub tx_compressed: u64,
    pub rx_nohandler: u64,
    pub rx_otherhost_dropped: u64,
}

impl Stats64 {
    /// From IFLA_STATS64 (u64 fields) or IFLA_STATS (u32 fields).
    fn parse(p: &[u8], wide: bool) -> Stats64 {
        let w = if wide { 8 } else { 4 };
        let f = |i: usize| -> u64 {
            let Some(b) = p.get(i * w..i * w + w) else {
                return 0;
            };
            if wide {
                get_u64(b).unwrap_or(0)
            } else {
                get_u32(b).unwrap_or(0).into()
            }
        };
        Stats64 {
            rx_packets: f(0),
            tx_packets: f(1),
            rx_bytes: f(2),
            tx_bytes: f(3),
            rx_errors: f(4),
            tx_errors: f(5),
            rx_dropped: f(6),
            tx_dropped: f(7),
            multicast: f(8),
            collisions: f(9),
            rx_length_errors: f(10),
            rx_over_errors: f(11),
            rx_crc_errors: f(12),
            rx_frame_errors: f(13),
            rx_fifo_errors: f(14),
            rx_missed_errors: f(15),
            tx_aborted_errors: f(16),
            tx_carrier_errors: f(17),
            tx_fifo_errors: f(18),
            tx_heartbeat_errors: f(19),
            tx_window_errors: f(20),
            rx_compressed: f(21),
            tx_compressed: f(22),
            rx_nohandler: f(23),
            rx_otherhost_dropped: if wide { f(24) } else { 0 },
        }
    }
}

/// One link as the kernel describes it. Borrowed from the message buffer.
#[derive(Debug, Clone, Default)]
pub struct Link<'a> {
    pub deleted: bool,
    pub info: IfInfo,
    pub name: &'a [u8],
    pub mtu: Option<u32>,
    pub qdisc: Option<&'a [u8]>,
    pub master: Option<u32>,
    /// IFLA_LINK: the peer or lower device (0 = none).
    pub link: Option<u32>,
    pub link_netnsid: Option<i32>,
    pub new_netnsid: Option<i32>,
    pub new_ifindex: Option<i32>,
    pub operstate: Option<u8>,
    pub linkmode: Option<u8>,
    pub group: Option<u32>,
    pub txqlen: Option<u32>,
    pub event: Option<u32>,
    pub address: Option<&'a [u8]>,
    pub broadcast: Option<&'a [u8]>,
    pub perm_address: Option<&'a [u8]>,
    pub alias: Option<&'a [u8]>,
    pub stats: Option<(Stats64, bool)>,
    pub carrier_changes: Option<u32>,
    pub proto_down: Option<u8>,
    pub promiscuity: Option<u32>,
    pub allmulti: Option<u32>,
    pub min_mtu: Option<u32>,
    pub max_mtu: Option<u32>,
    pub num_tx_queues: Option<u32>,
    pub num_rx_queues: Option<u32>,
    pub gso_max_size: Option<u32>,
    pub gso_max_segs: Option<u32>,
    pub tso_max_size: Option<u32>,
    pub tso_max_segs: Option<u32>,
    pub gro_max_size: Option<u32>,
    pub phys_port_name: Option<&'a [u8]>,
    pub phys_port_id: Option<&'a [u8]>,
    pub phys_switch_id: Option<&'a [u8]>,
    pub parent_bus: Option<&'a [u8]>,
    pub parent_dev: Option<&'a [u8]>,
    pub kind: Option<&'a [u8]>,
    pub info_data: Option<&'a [u8]>,
    pub slave_kind: Option<&'a [u8]>,
    pub slave_data: Option<&'a [u8]>,
    pub addr_gen_mode: Option<u8>,
    pub has_xdp: bool,
    pub altnames: Vec<&'a [u8]>,
    /// AF_BRIDGE dumps: IFLA_PROTINFO (bridge port attributes).
    pub protinfo: Option<&'a [u8]>,
}

impl<'a> Link<'a> {
    /// Decodes an RTM_NEWLINK/RTM_DELLINK payload; None if it is too short or has no name.
    pub fn parse(ty: u16, payload: &'a [u8]) -> Option<Link<'a>> {
        if ty != RTM_NEWLINK && ty != RTM_DELLINK {
            return None;
        }
        let info = IfInfo::parse(payload)?;
        let t: Table<'a, IFLA_MAX_KNOWN> = Table::parse(&payload[16..]);
        let mut l = Link {
            deleted: ty == RTM_DELLINK,
            info,
            ..Link::default()
        };
        l.name = t.str(IFLA_IFNAME)?;
        l.mtu = t.u32(IFLA_MTU);
        l.qdisc = t.str(IFLA_QDISC);
        l.master = t.u32(IFLA_MASTER);
        l.link = t.u32(IFLA_LINK);
        l.link_netnsid = t.i32(IFLA_LINK_NETNSID);
        l.new_netnsid = t.i32(IFLA_NEW_NETNSID);
        l.new_ifindex = t.i32(IFLA_NEW_IFINDEX);
        l.operstate = t.u8(IFLA_OPERSTATE);
        l.linkmode = t.u8(IFLA_LINKMODE);
        l.group = t.u32(IFLA_GROUP);
        l.txqlen = t.u32(IFLA_TXQLEN);
        l.event = t.u32(IFLA_EVENT);
        l.address = t.get(IFLA_ADDRESS);
        l.broadcast = t.get(IFLA_BROADCAST);
        l.perm_address = t.get(IFLA_PERM_ADDRESS);
        l.alias = t.str(IFLA_IFALIAS);
        l.stats = match (t.get(IFLA_STATS64), t.get(IFLA_STATS)) {
            (Some(p), _) => Some((Stats64::parse(p, true), true)),
            (None, Some(p)) => Some((Stats64::parse(p, false), false)),
            _ => None,
        };
        l.carrier_changes = t.u32(IFLA_CARRIER_CHANGES);
        l.proto_down = t.u8(IFLA_PROTO_DOWN);
        l.promiscuity = t.u32(IFLA_PROMISCUITY);
        l.allmulti = t.u32(IFLA_ALLMULTI);
        l.min_mtu = t.u32(IFLA_MIN_MTU);
        l.max_mtu = t.u32(IFLA_MAX_MTU);
        l.num_tx_queues = t.u32(IFLA_NUM_TX_QUEUES);
        l.num_rx_queues = t.u32(IFLA_NUM_RX_QUEUES);
        l.gso_max_size = t.u32(IFLA_GSO_MAX_SIZE);
        l.gso_max_segs = t.u32(IFLA_GSO_MAX_SEGS);
        l.tso_max_size = t.u32(IFLA_TSO_MAX_SIZE);
        l.tso_max_segs = t.u32(IFLA_TSO_MAX_SEGS);
        l.gro_max_size = t.u32(IFLA_GRO_MAX_SIZE);
        l.phys_port_name = t.str(IFLA_PHYS_PORT_NAME);
        l.phys_port_id = t.get(IFLA_PHYS_PORT_ID);
        l.phys_switch_id = t.get(IFLA_PHYS_SWITCH_ID);
        l.parent_bus = t.str(IFLA_PARENT_DEV_BUS_NAME);
        l.parent_dev = t.str(IFLA_PARENT_DEV_NAME);
        l.has_xdp = t.has(IFLA_XDP);
        l.protinfo = t.get(IFLA_PROTINFO);
        if let Some(li) = t.get(IFLA_LINKINFO) {
            let li: Table<'a, 8> = Table::parse(li);
            l.kind = li.str(IFLA_INFO_KIND);
            l.info_data = li.get(IFLA_INFO_DATA);
            l.slave_kind = li.str(IFLA_INFO_SLAVE_KIND);
            l.slave_data = li.get(IFLA_INFO_SLAVE_DATA);
        }
        if let Some(af) = t.get(IFLA_AF_SPEC)
            && let Some((_, inet6)) = attrs(af).find(|(ty, _)| *ty == 10)
        {
            let t6: Table<'a, 16> = Table::parse(inet6);
            l.addr_gen_mode = t6.u8(IFLA_INET6_ADDR_GEN_MODE);
        }
        if let Some(props) = t.get(IFLA_PROP_LIST) {
            l.altnames = attrs(props)
                .filter(|(ty, _)| *ty == IFLA_ALT_IFNAME)
                .map(|(_, p)| cstr(p))
                .collect();
        }
        Some(l)
    }

    pub fn is_up(&self) -> bool {
        self.info.flags & IFF_UP != 0
    }
}

/// Only what a name map needs: index, name, flags (faster than a full parse).
pub fn parse_brief(ty: u16, payload: &[u8]) -> Option<(i32, &[u8], u32)> {
    if ty != RTM_NEWLINK {
        return None;
    }
    let info = IfInfo::parse(payload)?;
    let name = attrs(&payload[16..])
        .find(|(t, _)| *t == IFLA_IFNAME)
        .map(|(_, p)| cstr(p))?;
    Some((info.index, name, info.flags))
}

/// RTM_GETLINK for one link by name (IFLA_IFNAME, or IFLA_ALT_IFNAME for names that are not
/// valid ifnames) or by index.
pub fn get(family: u8, index: i32, name: Option<&[u8]>, ext_mask: u32) -> Request {
    let mut r = Request::new(RTM_GETLINK, 0).header(
        &IfInfo {
            family,
            index,
            ..IfInfo::default()
        }
        .bytes(),
    );
    if let Some(n) = name {
        let attr = if valid_ifname(n) {
            IFLA_IFNAME
        } else {
            IFLA_ALT_IFNAME
        };
        r.strz(attr, n);
    }
    r.u32(IFLA_EXT_MASK, ext_mask);
    r
}

/// RTM_GETLINK dump with kernel-side filters (master, kind) as iproute2's iplink_filter_req.
/// For a protocol family (AF_INET, AF_INET6 …) iproute2 sends the bare header: the IPv6 handler
/// of the kernel rejects any attribute.
pub fn dump(family: u8, ext_mask: u32, master: Option<i32>, kind: Option<&[u8]>) -> Request {
    let mut r = Request::new(RTM_GETLINK, 0).header(
        &IfInfo {
            family,
            ..IfInfo::default()
        }
        .bytes(),
    );
    if !matches!(family, 0 | 7 | 17) {
        return r;
    }
    r.u32(IFLA_EXT_MASK, ext_mask);
    if let Some(m) = master {
        r.i32(IFLA_MASTER, m);
    }
    if let Some(k) = kind {
        let n = r.nest(IFLA_LINKINFO);
        r.attr(IFLA_INFO_KIND, k);
        r.end(n);
    }
    r
}

/// iproute2's check_ifname: non-empty, shorter than IFNAMSIZ, no '/' and no white space.
pub fn valid_ifname(n: &[u8]) -> bool {
    !n.is_empty()
        && n.len() < 16
        && !n
            .iter()
            .any(|&b| b == b'/' || b.is_ascii_whitespace() || b == 0x0b)
}

pub fn first_link(bytes: &[u8]) -> Option<Link<'_>> {
    super::msg::Messages::new(bytes).find_map(|m| Link::parse(m.ty, m.payload))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(attrs: &[(u16, &[u8])]) -> Vec<u8> {
        let mut r = Request::new(RTM_NEWLINK, 0).header(
            &IfInfo {
                index: 3,
                flags: IFF_UP,
                ..Default::default()
            }
            .bytes(),
        );
        for (t, p) in attrs {
            r.attr(*t, p);
        }
        let b = r.finish(1, 0).to_vec();
        b[16..].to_vec()
    }

    #[test]
    fn decode_basic_link() {
        let p = msg(&[
            (IFLA_IFNAME, b"v0\0"),
            (IFLA_MTU, &1500u32.to_ne_bytes()),
            (IFLA_OPERSTATE, &[6]),
        ]);
        let l = Link::parse(RTM_NEWLINK, &p).unwrap();
        assert_eq!(l.name, b"v0");
        assert_eq!(l.info.index, 3);
        assert_eq!(l.mtu, Some(1500));
        assert_eq!(l.operstate, Some(6));
        assert!(l.is_up());
    }

    #[test]
    fn hostile_links_never_panic() {
        assert!(Link::parse(RTM_NEWLINK, &[0; 8]).is_none());
        // no name: not a link we can show
        let p = msg(&[(IFLA_MTU, &[1, 2])]);
        assert!(Link::parse(RTM_NEWLINK, &p).is_none());
        // short u32s, empty strings, short stats
        let p = msg(&[
            (IFLA_IFNAME, b""),
            (IFLA_MTU, &[1, 2]),
            (IFLA_STATS64, &[1; 20]),
            (IFLA_LINKINFO, &[0xff; 3]),
            (IFLA_AF_SPEC, &[4, 0]),
        ]);
        let l = Link::parse(RTM_NEWLINK, &p).unwrap();
        assert_eq!(l.name, b"");
        assert_eq!(l.mtu, None);
        assert_eq!(l.stats.unwrap().0.rx_packets, u64::from_ne_bytes([1; 8]));
        assert_eq!(l.stats.unwrap().0.tx_bytes, 0);
    }

    #[test]
    fn ifnames() {
        assert!(valid_ifname(b"veth0"));
        assert!(!valid_ifname(b""));
        assert!(!valid_ifname(b"a/b"));
        assert!(!valid_ifname(b"a b"));
        assert!(!valid_ifname(b"averyveryverylongname"));
    }
}
