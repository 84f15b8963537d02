//! A link as iproute2 6.1 prints it (print_linkinfo / print_linkinfo_brief): text, oneline,
//! brief, JSON, color. Takes a decoded `Link` and the names it refers to; never calls the kernel.

use std::collections::HashMap;

use super::{Color, Printer};
use crate::netlink::link::*;
use crate::print::stats::print_stats64;

/// Names and flags of other links, by index (for `@peer`, `master`, M-DOWN).
#[derive(Default)]
pub struct LinkIndex<'a> {
    pub map: HashMap<i32, (&'a [u8], u32)>,
}

impl<'a> LinkIndex<'a> {
    pub fn name(&self, idx: i32) -> Option<&'a [u8]> {
        self.map.get(&idx).map(|(n, _)| *n)
    }
    /// ll_index_to_flags: 0 for an unknown link.
    pub fn flags(&self, idx: i32) -> u32 {
        self.map.get(&idx).map(|(_, f)| *f).unwrap_or(0)
    }
}

/// What the caller decided about this listing.
#[derive(Debug, Clone, Copy, Default)]
pub struct LinkOpts {
    /// `ip link` (true) or `ip addr` (false).
    pub do_link: bool,
    pub details: u32,
    pub stats: u32,
    pub brief: bool,
    /// The family filter of the listing (0, AF_PACKET, AF_INET …).
    pub family: u8,
    pub numeric: bool,
    pub human: bool,
    pub iec: bool,
    /// Listings print `qlen N`; the -echo of a change does not.
    pub showqueue: bool,
}

/// Prints details of a link kind (`info_data`) or of a port kind (`info_slave_data`).
/// Returns false when iproute2 has no printer for that kind.
pub type KindPrinter =
    fn(p: &mut Printer, kind: &[u8], data: Option<&[u8]>, slave: bool, names: &LinkIndex) -> bool;

pub struct LinkPrinter<'x, 'a> {
    pub opts: LinkOpts,
    pub names: &'x LinkIndex<'a>,
    /// nsid -> name in /run/netns, for `link-netns NAME`.
    pub netns_names: &'x HashMap<i32, String>,
    pub kinds: KindPrinter,
}

const LINK_MODES: [&str; 2] = ["DEFAULT", "DORMANT"];
const EVENTS: [&str; 7] = [
    "NONE",
    "REBOOT",
    "FEATURE CHANGE",
    "BONDING FAILOVER",
    "NOTIFY PEERS",
    "RESEND IGMP",
    "BONDING OPTION",
];

/// ll_addr_n2a: `aa:bb:…`, or dotted IPv4/IPv6 for tunnel link types.
pub fn lladdr(addr: &[u8], ty: u16) -> String {
    const ARPHRD_TUNNEL: u16 = 768;
    const ARPHRD_TUNNEL6: u16 = 769;
    const ARPHRD_SIT: u16 = 776;
    const ARPHRD_IPGRE: u16 = 778;
    if addr.len() == 4 && matches!(ty, ARPHRD_TUNNEL | ARPHRD_SIT | ARPHRD_IPGRE) {
        return std::net::Ipv4Addr::new(addr[0], addr[1], addr[2], addr[3]).to_string();
    }
    if addr.len() == 16 && ty == ARPHRD_TUNNEL6 {
        let mut a = [0u8; 16];
        a.copy_from_slice(addr);
        return std::net::Ipv6Addr::from(a).to_string();
    }
    let mut s = String::with_capacity(addr.len() * 3);
    for (i, b) in addr.iter().enumerate() {
        if i > 0 {
            s.push(':');
        }
        s.push_str(&format!("{b:02x}"));
    }
    if addr.is_empty() {
        // snprintf("%02x", addr[0]) of an empty address prints a stale byte; show 00
        s.push_str("00");
    }
    s
}

/// ll_type_n2a: the ARPHRD name (`[N]` for unknown types, and always with -N).
pub fn link_type(ty: u16, numeric: bool) -> String {
    let name = match ty {
        0 => "generic",
        1 => "ether",
        2 => "eether",
        3 => "ax25",
        4 => "pronet",
        5 => "chaos",
        6 => "ieee802",
        7 => "arcnet",
        8 => "atalk",
        15 => "dlci",
        19 => "atm",
        23 => "metricom",
        24 => "ieee1394",
        32 => "infiniband",
        256 => "slip",
        257 => "cslip",
        258 => "slip6",
        259 => "cslip6",
        260 => "rsrvd",
        264 => "adapt",
        270 => "rose",
        271 => "x25",
        272 => "hwx25",
        280 => "can",
        512 => "ppp",
        513 => "hdlc",
        516 => "lapb",
        517 => "ddcmp",
        518 => "rawhdlc",
        519 => "rawip",
        768 => "ipip",
        769 => "tunnel6",
        770 => "frad",
        771 => "skip",
        772 => "loopback",
        773 => "ltalk",
        774 => "fddi",
        775 => "bif",
        776 => "sit",
        777 => "ip/ddp",
        778 => "gre",
        779 => "pimreg",
        780 => "hippi",
        781 => "ash",
        782 => "econet",
        783 => "irda",
        784 => "fcpp",
        785 => "fcal",
        786 => "fcpl",
        787 => "fcfb0",
        800 => "tr",
        801 => "ieee802.11",
        802 => "ieee802.11/prism",
        803 => "ieee802.11/radiotap",
        804 => "ieee802154",
        805 => "ieee802154_monitor",
        820 => "phonet",
        821 => "phonet_pipe",
        822 => "caif",
        823 => "ip6gre",
        824 => "netlink",
        825 => "6lowpan",
        826 => "vsockmon",
        0xfffe => "none",
        0xffff => "void",
        _ => "",
    };
    if numeric || name.is_empty() {
        format!("[{ty}]")
    } else {
        name.to_string()
    }
}

impl LinkPrinter<'_, '_> {
    /// print_link_flags: `<FLAGS> `, NO-CARRIER first, M-DOWN last.
    fn flags(&self, p: &mut Printer, flags: u32, mdown: bool) {
        const NAMES: [(u32, &str); 18] = [
            (IFF_LOOPBACK, "LOOPBACK"),
            (IFF_BROADCAST, "BROADCAST"),
            (IFF_POINTOPOINT, "POINTOPOINT"),
            (IFF_MULTICAST, "MULTICAST"),
            (IFF_NOARP, "NOARP"),
            (IFF_ALLMULTI, "ALLMULTI"),
            (IFF_PROMISC, "PROMISC"),
            (IFF_MASTER, "MASTER"),
            (IFF_SLAVE, "SLAVE"),
            (IFF_DEBUG, "DEBUG"),
            (IFF_DYNAMIC, "DYNAMIC"),
            (IFF_AUTOMEDIA, "AUTOMEDIA"),
            (IFF_PORTSEL, "PORTSEL"),
            (IFF_NOTRAILERS, "NOTRAILERS"),
            (IFF_UP, "UP"),
            (IFF_LOWER_UP, "LOWER_UP"),
            (IFF_DORMANT, "DORMANT"),
            (IFF_ECHO, "ECHO"),
        ];
        p.open_array("flags", "<");
        let mut f = flags;
        if f & IFF_UP != 0 && f & IFF_RUNNING == 0 {
            let sep = if f != 0 { "," } else { "" };
            p.string("", "NO-CARRIER", format_args!("NO-CARRIER{sep}"));
        }
        f &= !IFF_RUNNING;
        for (bit, name) in NAMES {
            if f & bit != 0 {
                f &= !bit;
                let sep = if f != 0 { "," } else { "" };
                p.string("", name, format_args!("{name}{sep}"));
            }
        }
        if f != 0 {
            p.hex("", f.into(), format_args!("{f:x}"));
        }
        if mdown {
            p.string("", "M-DOWN", format_args!(",M-DOWN"));
        }
        p.close_array("> ");
    }

    /// print_name_and_link: `name@peer` (or `@ifN` across namespaces, `@NONE`); returns M-DOWN.
    fn name_and_link(&self, p: &mut Printer, l: &Link, brief: bool) -> bool {
        let mut mdown = false;
        let mut shown: Vec<u8> = l.name.to_vec();
        if let Some(iflink) = l.link {
            let iflink = iflink as i32;
            let peer: Option<Vec<u8>> = if iflink != 0 {
                if l.link_netnsid.is_some() {
                    if p.is_json() {
                        p.json_int("link_index", iflink.into());
                        None
                    } else {
                        Some(format!("if{iflink}").into_bytes())
                    }
                } else {
                    let name = self
                        .names
                        .name(iflink)
                        .map(<[u8]>::to_vec)
                        .unwrap_or_else(|| format!("if{iflink}").into_bytes());
                    mdown = self.names.flags(iflink) & IFF_UP == 0;
                    if p.is_json() {
                        p.json_string("link", &name);
                        None
                    } else {
                        Some(name)
                    }
                }
            } else if p.is_json() {
                p.json_null("link");
                None
            } else {
                Some(b"NONE".to_vec())
            };
            if let Some(peer) = peer {
                shown.push(b'@');
                shown.extend_from_slice(&peer);
            }
        }
        let s = crate::bytes::decode(&shown);
        if brief {
            // "%-16s": padded by bytes, not characters
            let pad = 16usize.saturating_sub(shown.len());
            p.color_string(
                Color::Ifname,
                "ifname",
                l.name,
                format_args!("{s}{:pad$} ", ""),
            );
        } else {
            p.color_string(Color::Ifname, "ifname", l.name, format_args!("{s}: "));
        }
        mdown
    }

    fn operstate(&self, p: &mut Printer, state: u8, brief: bool) {
        let color = match state {
            6 => Color::Up,
            2 => Color::Down,
            _ => Color::None,
        };
        match OPER_STATES.get(state as usize) {
            None => {
                if p.is_json() {
                    p.json_uint("operstate_index", state.into());
                } else {
                    p.text(format_args!("state {state:#x} "));
                }
            }
            Some(s) if brief => p.color_string(color, "operstate", s, format_args!("{s:<14} ")),
            Some(s) => {
                if p.is_json() {
                    p.json_string("operstate", s);
                } else {
                    p.text_str("state ");
                    p.color_text(color, format_args!("{s} "));
                }
            }
        }
    }

    /// The whole record of one link, without the final newline in brief JSON-less address
    /// listings (the caller ends those).
    pub fn print(&self, p: &mut Printer, l: &Link) {
        let o = self.opts;
        if l.deleted {
            p.bool("deleted", true, format_args!("Deleted "));
        }
        if o.brief {
            self.print_brief(p, l);
            return;
        }
        p.int(
            "ifindex",
            l.info.index.into(),
            format_args!("{}: ", l.info.index),
        );
        let mdown = self.name_and_link(p, l, false);
        self.flags(p, l.info.flags, mdown);
        if let Some(mtu) = l.mtu {
            p.int("mtu", mtu.into(), format_args!("mtu {mtu} "));
        }
        if let Some(q) = l.qdisc {
            let qs = crate::bytes::decode(q);
            p.string("qdisc", q, format_args!("qdisc {qs} "));
        }
        if let Some(m) = l.master {
            let name = self
                .names
                .name(m as i32)
                .map(<[u8]>::to_vec)
                .unwrap_or_else(|| format!("if{m}").into_bytes());
            let ns = crate::bytes::decode(&name);
            p.string("master", &name, format_args!("master {ns} "));
        }
        if let Some(s) = l.operstate {
            self.operstate(p, s, false);
        }
        if o.do_link
            && let Some(m) = l.linkmode
        {
            match LINK_MODES.get(m as usize) {
                Some(s) => p.string("linkmode", s, format_args!("mode {s} ")),
                None => p.int("linkmode_index", m.into(), format_args!("mode {m} ")),
            }
        }
        if let Some(g) = l.group {
            let name = crate::names::n2a(crate::names::groups(), g, o.numeric);
            p.string("group", &name, format_args!("group {name} "));
        }
        if let Some(q) = l.txqlen.filter(|_| o.showqueue)
            && q != 0
        {
            p.int("txqlen", q.into(), format_args!("qlen {}", q as i32));
        }
        if let Some(e) = l.event {
            match EVENTS.get(e as usize) {
                Some(_) if e == 0 => {}
                Some(s) => p.string("event", s, format_args!("event {s} ")),
                None => p.int("event", e.into(), format_args!("event {} ", e as i32)),
            }
        }
        if o.family == 0 || o.family == crate::ip::AF_PACKET || o.details > 0 {
            p.nl();
            let lt = link_type(l.info.ty, o.numeric);
            p.string("link_type", &lt, format_args!("    link/{lt} "));
            if let Some(a) = l.address {
                let s = lladdr(a, l.info.ty);
                p.color_string(Color::Mac, "address", &s, format_args!("{s}"));
            }
            if let Some(b) = l.broadcast {
                if l.info.flags & IFF_POINTOPOINT != 0 {
                    p.text_str(" peer ");
                    p.json_bool("link_pointtopoint", true);
                } else {
                    p.text_str(" brd ");
                }
                let s = lladdr(b, l.info.ty);
                p.color_string(Color::Mac, "broadcast", &s, format_args!("{s}"));
            }
            if let Some(pa) = l.perm_address
                && l.address != Some(pa)
            {
                p.text_str(" permaddr ");
                let s = lladdr(pa, l.info.ty);
                p.color_string(Color::Mac, "permaddr", &s, format_args!("{s}"));
            }
        }
        if let Some(id) = l.link_netnsid {
            if p.is_json() {
                p.json_int("link_netnsid", id.into());
            } else if id >= 0 {
                match self.netns_names.get(&id) {
                    Some(n) => p.text(format_args!(" link-netns {n}")),
                    None => p.text(format_args!(" link-netnsid {id}")),
                }
            } else {
                p.text_str(" link-netnsid unknown");
            }
        }
        if let Some(id) = l.new_netnsid {
            match self.netns_names.get(&id) {
                Some(n) => p.text(format_args!(" new-netns {n}")),
                None => p.text(format_args!(" new-netnsid {id}")),
            }
        }
        if let Some(id) = l.new_ifindex {
            p.text(format_args!(" new-ifindex {id}"));
        }
        if l.proto_down == Some(1) {
            p.bool("proto_down", true, format_args!(" protodown on "));
        }
        if o.details > 0 {
            self.details(p, l);
        }
        if (o.do_link || o.details > 0)
            && let Some(a) = l.alias
        {
            let sl = p.sl();
            p.text(format_args!("{sl}    "));
            let s = crate::bytes::decode(a);
            p.string("ifalias", a, format_args!("alias {s}"));
        }
        if o.do_link && o.stats > 0 {
            p.nl();
            self.stats(p, l);
        }
        if !l.altnames.is_empty() {
            p.json_open_array("altnames");
            for a in &l.altnames {
                let sl = p.sl();
                p.text(format_args!("{sl}    altname "));
                let s = crate::bytes::decode(a);
                p.string("", a, format_args!("{s}"));
            }
            p.json_close_array();
        }
        p.text_str("\n");
    }

    /// `-s` statistics block (ip link prints it inside the record, ip addr after addresses).
    pub fn stats(&self, p: &mut Printer, l: &Link) {
        if let Some((s, wide)) = &l.stats {
            let what = if *wide { "stats64" } else { "stats" };
            print_stats64(p, s, l.carrier_changes, what, self.opts);
        }
    }

    fn details(&self, p: &mut Printer, l: &Link) {
        let o = self.opts;
        if let Some(v) = l.promiscuity {
            p.uint("promiscuity", v.into(), format_args!(" promiscuity {v} "));
        }
        if let Some(v) = l.allmulti {
            p.uint("allmulti", v.into(), format_args!(" allmulti {v} "));
        }
        if let Some(v) = l.min_mtu {
            p.uint("min_mtu", v.into(), format_args!("minmtu {v} "));
        }
        if let Some(v) = l.max_mtu {
            p.uint("max_mtu", v.into(), format_args!("maxmtu {v} "));
        }
        if l.kind.is_some() || l.slave_kind.is_some() || l.info_data.is_some() {
            p.open_object("linkinfo");
            if let Some(k) = l.kind {
                p.nl();
                let ks = crate::bytes::decode(k);
                p.string("info_kind", k, format_args!("    {ks} "));
                (self.kinds)(p, k, l.info_data, false, self.names);
            }
            if let Some(k) = l.slave_kind {
                p.nl();
                let ks = crate::bytes::decode(k);
                p.string("info_slave_kind", k, format_args!("    {ks}_slave "));
                (self.kinds)(p, k, l.slave_data, true, self.names);
            }
            p.close_object();
        }
        if o.do_link
            && let Some(m) = l.addr_gen_mode
        {
            let s = match m {
                0 => "eui64".to_string(),
                1 => "none".to_string(),
                2 => "stable_secret".to_string(),
                3 => "random".to_string(),
                m => format!("{m:#04x}"),
            };
            p.string("inet6_addr_gen_mode", &s, format_args!("addrgenmode {s} "));
        }
        for (key, label, v) in [
            ("num_tx_queues", "numtxqueues", l.num_tx_queues),
            ("num_rx_queues", "numrxqueues", l.num_rx_queues),
            ("gso_max_size", "gso_max_size", l.gso_max_size),
            ("gso_max_segs", "gso_max_segs", l.gso_max_segs),
            ("tso_max_size", "tso_max_size", l.tso_max_size),
            ("tso_max_segs", "tso_max_segs", l.tso_max_segs),
            ("gro_max_size", "gro_max_size", l.gro_max_size),
        ] {
            p.opt_uint(key, label, v.map(u64::from));
        }
        if let Some(n) = l.phys_port_name {
            let s = crate::bytes::decode(n);
            p.string("phys_port_name", n, format_args!("portname {s} "));
        }
        for (key, label, v) in [
            ("phys_port_id", "portid", l.phys_port_id),
            ("phys_switch_id", "switchid", l.phys_switch_id),
        ] {
            if let Some(v) = v {
                let s: String = v.iter().map(|b| format!("{b:02x}")).collect();
                p.string(key, &s, format_args!("{label} {s} "));
            }
        }
        if let Some(n) = l.parent_bus {
            let s = crate::bytes::decode(n);
            p.string("parentbus", n, format_args!("parentbus {s} "));
        }
        if let Some(n) = l.parent_dev {
            let s = crate::bytes::decode(n);
            p.string("parentdev", n, format_args!("parentdev {s} "));
        }
    }

    /// print_linkinfo_brief: `name@peer        STATE          [MAC <FLAGS> ]`.
    fn print_brief(&self, p: &mut Printer, l: &Link) {
        let mdown = self.name_and_link(p, l, true);
        if let Some(s) = l.operstate {
            self.operstate(p, s, true);
        }
        if self.opts.family == crate::ip::AF_PACKET {
            if let Some(a) = l.address {
                let s = lladdr(a, l.info.ty);
                p.color_string(Color::Mac, "address", &s, format_args!("{s} "));
            }
            self.flags(p, l.info.flags, mdown);
            p.text_str("\n");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lladdr_forms() {
        assert_eq!(
            lladdr(&[0, 0x11, 0xaa, 0xbb, 0xcc, 0xdd], 1),
            "00:11:aa:bb:cc:dd"
        );
        assert_eq!(lladdr(&[10, 0, 0, 1], 768), "10.0.0.1");
        assert_eq!(lladdr(&[], 1), "00");
        assert_eq!(link_type(772, false), "loopback");
        assert_eq!(link_type(772, true), "[772]");
        assert_eq!(link_type(12345, false), "[12345]");
    }
}
