//! RTM_NEWROUTE / RTM_DELROUTE messages decoded into a typed, zero-copy `Route` (multipath
//! nexthops, metrics, cache info included), and the route request builders.
//!
//! Decoding never fails on short or odd attributes: what cannot be read is simply absent, the
//! way iproute2's parse_rtattr leaves a slot empty.

use super::attr::{Table, cstr, get_i32, get_u8, get_u16, get_u32};
use super::consts::*;
use super::msg::Request;

pub const RTA_MAX_KNOWN: usize = 32;
pub const RTAX_MAX: u16 = 17;

/// RTAX_FEATURES bits.
pub const RTAX_FEATURE_ECN: u32 = 1;

/// rtm_flags of cloned IPv4 routes carry the routing cache's RTCF_* flags in the high bits.
pub const RTCF_NOTIFY: u32 = 0x0001_0000;
pub const RTCF_DIRECTDST: u32 = 0x0002_0000;
pub const RTCF_REDIRECTED: u32 = 0x0004_0000;
pub const RTCF_TPROXY: u32 = 0x0008_0000;
pub const RTCF_FAST: u32 = 0x0020_0000;
pub const RTCF_MASQ: u32 = 0x0040_0000;
pub const RTCF_SNAT: u32 = 0x0080_0000;
pub const RTCF_DOREDIRECT: u32 = 0x0100_0000;
pub const RTCF_DIRECTSRC: u32 = 0x0400_0000;
pub const RTCF_DNAT: u32 = 0x0800_0000;
pub const RTCF_BROADCAST: u32 = 0x1000_0000;
pub const RTCF_MULTICAST: u32 = 0x2000_0000;
pub const RTCF_REJECT: u32 = 0x4000_0000;
pub const RTCF_LOCAL: u32 = 0x8000_0000;

/// RTNL_FAMILY_IPMR / IP6MR: multicast forwarding cache entries in an AF_UNSPEC dump.
pub const RTNL_FAMILY_IPMR: u8 = 128;
pub const RTNL_FAMILY_IP6MR: u8 = 129;

/// ICMPV6_ROUTER_PREF_*.
pub const PREF_LOW: u8 = 3;
pub const PREF_MEDIUM: u8 = 0;
pub const PREF_HIGH: u8 = 1;

/// struct rtmsg.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RtMsg {
    pub family: u8,
    pub dst_len: u8,
    pub src_len: u8,
    pub tos: u8,
    pub table: u8,
    pub protocol: u8,
    pub scope: u8,
    pub ty: u8,
    pub flags: u32,
}

impl RtMsg {
    pub const LEN: usize = 12;

    pub fn bytes(&self) -> [u8; 12] {
        let mut b = [0u8; 12];
        b[0] = self.family;
        b[1] = self.dst_len;
        b[2] = self.src_len;
        b[3] = self.tos;
        b[4] = self.table;
        b[5] = self.protocol;
        b[6] = self.scope;
        b[7] = self.ty;
        b[8..12].copy_from_slice(&self.flags.to_ne_bytes());
        b
    }
    pub fn parse(p: &[u8]) -> Option<RtMsg> {
        let h = p.get(..Self::LEN)?;
        Some(RtMsg {
            family: h[0],
            dst_len: h[1],
            src_len: h[2],
            tos: h[3],
            table: h[4],
            protocol: h[5],
            scope: h[6],
            ty: h[7],
            flags: u32::from_ne_bytes([h[8], h[9], h[10], h[11]]),
        })
    }
}

/// struct rtvia: an address of another family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Via<'a> {
    pub family: u16,
    pub addr: &'a [u8],
}

impl<'a> Via<'a> {
    fn parse(p: &'a [u8]) -> Option<Via<'a>> {
        Some(Via {
            family: get_u16(p)?,
            addr: p.get(2..)?,
        })
    }
}

/// struct rta_cacheinfo.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CacheInfo {
    pub clntref: u32,
    pub lastuse: u32,
    pub expires: i32,
    pub error: u32,
    pub used: u32,
    pub id: u32,
    pub ts: u32,
    pub tsage: u32,
}

impl CacheInfo {
    fn parse(p: &[u8]) -> Option<CacheInfo> {
        let w = |i: usize| get_u32(p.get(i * 4..)?);
        Some(CacheInfo {
            clntref: w(0)?,
            lastuse: w(1)?,
            expires: get_i32(p.get(8..)?)?,
            error: w(3)?,
            used: w(4)?,
            id: w(5)?,
            ts: w(6)?,
            tsage: w(7)?,
        })
    }
}

/// One metric of RTA_METRICS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetricValue<'a> {
    Num(u32),
    /// RTAX_CC_ALGO: the congestion control name.
    Name(&'a [u8]),
}

/// RTA_METRICS: the values present (index = RTAX_*), and the lock bits.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metrics<'a> {
    pub lock: u32,
    pub values: [Option<MetricValue<'a>>; RTAX_MAX as usize + 1],
}

impl<'a> Metrics<'a> {
    fn parse(p: &'a [u8]) -> Metrics<'a> {
        let t: Table<'a, { RTAX_MAX as usize + 1 }> = Table::parse(p);
        let mut m = Metrics {
            lock: t.u32(RTAX_LOCK).unwrap_or(0),
            ..Metrics::default()
        };
        for i in 2..=RTAX_MAX {
            let Some(raw) = t.get(i) else { continue };
            m.values[i as usize] = if i == RTAX_CC_ALGO {
                Some(MetricValue::Name(cstr(raw)))
            } else {
                // iproute2 reads 4 bytes whatever the length; a short one reads as 0 here
                Some(MetricValue::Num(get_u32(raw).unwrap_or(0)))
            };
        }
        m
    }
}

/// One struct rtnexthop of RTA_MULTIPATH with its attributes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NextHop<'a> {
    pub flags: u8,
    pub hops: u8,
    pub ifindex: i32,
    pub gateway: Option<&'a [u8]>,
    pub via: Option<Via<'a>>,
    pub newdst: Option<&'a [u8]>,
    pub flow: Option<u32>,
}

fn parse_multipath(mut p: &[u8]) -> Vec<NextHop<'_>> {
    let mut out = Vec::new();
    while p.len() >= 8 {
        let len = get_u16(p).unwrap_or(0) as usize;
        if len > p.len() || len < 8 {
            break;
        }
        let mut nh = NextHop {
            flags: p[2],
            hops: p[3],
            ifindex: get_i32(&p[4..]).unwrap_or(0),
            ..NextHop::default()
        };
        if len > 8 {
            let t: Table<'_, RTA_MAX_KNOWN> = Table::parse(&p[8..len]);
            nh.gateway = t.get(RTA_GATEWAY);
            nh.via = t.get(RTA_VIA).and_then(Via::parse);
            nh.newdst = t.get(RTA_NEWDST);
            nh.flow = t.u32(RTA_FLOW);
        }
        out.push(nh);
        p = p.get(super::msg::align4(len)..).unwrap_or(&[]);
    }
    out
}

/// A route message, decoded.
#[derive(Debug, Clone, Default)]
pub struct Route<'a> {
    /// RTM_NEWROUTE or RTM_DELROUTE.
    pub msg_type: u16,
    pub hdr: RtMsg,
    /// rtm_get_table: RTA_TABLE when present, else rtm_table.
    pub table: u32,
    pub dst: Option<&'a [u8]>,
    pub src: Option<&'a [u8]>,
    pub iif: Option<u32>,
    pub oif: Option<u32>,
    pub gateway: Option<&'a [u8]>,
    pub priority: Option<u32>,
    pub prefsrc: Option<&'a [u8]>,
    pub metrics: Option<Metrics<'a>>,
    /// None without RTA_MULTIPATH.
    pub multipath: Option<Vec<NextHop<'a>>>,
    pub flow: Option<u32>,
    pub cacheinfo: Option<CacheInfo>,
    pub mark: Option<u32>,
    pub via: Option<Via<'a>>,
    pub newdst: Option<&'a [u8]>,
    pub pref: Option<u8>,
    pub uid: Option<u32>,
    pub ttl_propagate: Option<u8>,
    pub nhid: Option<u32>,
    /// The whole message payload (rtmsg + attributes), to send back as a delete when flushing.
    pub payload: &'a [u8],
}

impl<'a> Route<'a> {
    /// Decodes a route message; None for other message types or a truncated header.
    pub fn parse(ty: u16, payload: &'a [u8]) -> Option<Route<'a>> {
        if ty != RTM_NEWROUTE && ty != RTM_DELROUTE {
            return None;
        }
        let hdr = RtMsg::parse(payload)?;
        let t: Table<'a, RTA_MAX_KNOWN> = Table::parse(&payload[RtMsg::LEN..]);
        Some(Route {
            msg_type: ty,
            hdr,
            table: t.u32(RTA_TABLE).unwrap_or(u32::from(hdr.table)),
            dst: t.get(RTA_DST),
            src: t.get(RTA_SRC),
            iif: t.u32(RTA_IIF),
            oif: t.u32(RTA_OIF),
            gateway: t.get(RTA_GATEWAY),
            priority: t.u32(RTA_PRIORITY),
            prefsrc: t.get(RTA_PREFSRC),
            metrics: t.get(RTA_METRICS).map(Metrics::parse),
            multipath: t.get(RTA_MULTIPATH).map(parse_multipath),
            flow: t.u32(RTA_FLOW),
            cacheinfo: t.get(RTA_CACHEINFO).and_then(CacheInfo::parse),
            mark: t.u32(RTA_MARK),
            via: t.get(RTA_VIA).and_then(Via::parse),
            newdst: t.get(RTA_NEWDST),
            pref: t.get(RTA_PREF).and_then(get_u8),
            uid: t.u32(RTA_UID),
            ttl_propagate: t.get(RTA_TTL_PROPAGATE).and_then(get_u8),
            nhid: t.u32(RTA_NH_ID),
            payload,
        })
    }

    pub fn is_cloned(&self) -> bool {
        self.hdr.flags & RTM_F_CLONED != 0
    }

    /// Every interface index the route refers to (for resolving names before printing).
    pub fn ifindexes(&self) -> impl Iterator<Item = u32> + '_ {
        self.oif
            .into_iter()
            .chain(self.iif)
            .chain(self.multipath.iter().flatten().map(|nh| nh.ifindex as u32))
    }
}

/// All routes of a dump buffer (other messages are skipped).
pub fn routes(data: &[u8]) -> Vec<Route<'_>> {
    super::msg::Messages::new(data)
        .filter_map(|m| Route::parse(m.ty, m.payload))
        .collect()
}

/// The RTM_GETROUTE dump of iproute2's rtnl_routedump_req with iproute_dump_filter: the
/// kernel filters by protocol, cloned-ness, table and output device (strict checking).
pub fn dump(family: u8, protocol: u8, cloned: bool, table: u32, oif: u32) -> Request {
    let hdr = RtMsg {
        family,
        protocol,
        flags: if cloned { RTM_F_CLONED } else { 0 },
        ..RtMsg::default()
    };
    let mut r = Request::new(RTM_GETROUTE, 0).header(&hdr.bytes());
    if table != 0 {
        r.u32(RTA_TABLE, table);
    }
    if oif != 0 {
        r.u32(RTA_OIF, oif);
    }
    r
}

/// A route message turned into its own deletion (what `ip route flush` sends back).
pub fn delete_of(payload: &[u8]) -> Request {
    Request::new(RTM_DELROUTE, 0).header(payload)
}

/// The attribute types of a route payload, in order.
#[cfg(test)]
fn attr_types(payload: &[u8]) -> Vec<u16> {
    payload
        .get(RtMsg::LEN..)
        .map(|p| super::attr::attrs(p).map(|(t, _)| t).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::netlink::attr::encode as attr;

    fn rtnh(flags: u8, hops: u8, ifindex: i32, attrs: &[u8]) -> Vec<u8> {
        let mut v = Vec::new();
        v.extend_from_slice(&((8 + attrs.len()) as u16).to_ne_bytes());
        v.push(flags);
        v.push(hops);
        v.extend_from_slice(&ifindex.to_ne_bytes());
        v.extend_from_slice(attrs);
        v
    }

    #[test]
    fn decodes_a_multipath_route_with_metrics() {
        let hdr = RtMsg {
            family: 2,
            dst_len: 24,
            table: 254,
            protocol: 3,
            ty: 1,
            ..RtMsg::default()
        };
        let mut p = hdr.bytes().to_vec();
        p.extend(attr(RTA_DST, &[192, 168, 10, 0]));
        let mx = [
            attr(RTAX_LOCK, &(1u32 << RTAX_MTU).to_ne_bytes()),
            attr(RTAX_MTU, &1400u32.to_ne_bytes()),
            attr(RTAX_CC_ALGO, b"cubic\0"),
        ]
        .concat();
        p.extend(attr(RTA_METRICS, &mx));
        let mp = [
            rtnh(0, 0, 3, &attr(RTA_GATEWAY, &[10, 0, 0, 2])),
            rtnh(4, 1, 3, &attr(RTA_GATEWAY, &[10, 0, 0, 3])),
        ]
        .concat();
        p.extend(attr(RTA_MULTIPATH, &mp));
        p.extend(attr(RTA_TABLE, &1000u32.to_ne_bytes()));
        let r = Route::parse(RTM_NEWROUTE, &p).unwrap();
        assert_eq!(r.table, 1000);
        assert_eq!(r.dst, Some(&[192, 168, 10, 0][..]));
        let m = r.metrics.as_ref().unwrap();
        assert_eq!(m.lock, 1 << RTAX_MTU);
        assert_eq!(m.values[RTAX_MTU as usize], Some(MetricValue::Num(1400)));
        assert_eq!(
            m.values[RTAX_CC_ALGO as usize],
            Some(MetricValue::Name(b"cubic"))
        );
        let nhs = r.multipath.as_ref().unwrap();
        assert_eq!(nhs.len(), 2);
        assert_eq!((nhs[1].flags, nhs[1].hops, nhs[1].ifindex), (4, 1, 3));
        assert_eq!(nhs[1].gateway, Some(&[10, 0, 0, 3][..]));
        assert_eq!(r.ifindexes().collect::<Vec<_>>(), vec![3, 3]);
    }

    #[test]
    fn hostile_routes_never_panic() {
        assert!(Route::parse(RTM_NEWROUTE, &[0; 5]).is_none());
        assert!(Route::parse(RTM_NEWLINK, &[0; 12]).is_none());
        let mut p = RtMsg::default().bytes().to_vec();
        // rtnexthop with length 0, then one longer than the attribute, then a short cacheinfo
        p.extend(attr(
            RTA_MULTIPATH,
            &[0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0],
        ));
        p.extend(attr(RTA_CACHEINFO, &[1, 2, 3]));
        p.extend(attr(RTA_VIA, &[2]));
        p.extend(attr(RTA_METRICS, &attr(RTAX_MTU, &[1])));
        let r = Route::parse(RTM_NEWROUTE, &p).unwrap();
        assert_eq!(r.multipath.as_ref().map(Vec::len), Some(0));
        assert!(r.cacheinfo.is_none());
        assert!(r.via.is_none());
        assert_eq!(
            r.metrics.unwrap().values[RTAX_MTU as usize],
            Some(MetricValue::Num(0))
        );
    }

    #[test]
    fn dump_request_carries_the_kernel_filters() {
        let mut r = dump(2, 4, true, 1000, 7);
        let bytes = r.finish(1, 0).to_vec();
        let m = super::super::msg::Messages::new(&bytes).next().unwrap();
        let h = RtMsg::parse(m.payload).unwrap();
        assert_eq!((h.family, h.protocol, h.flags), (2, 4, RTM_F_CLONED));
        assert_eq!(attr_types(m.payload), vec![RTA_TABLE, RTA_OIF]);
    }
}
