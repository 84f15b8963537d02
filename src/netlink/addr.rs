//! RTM_NEWADDR messages decoded into a typed, zero-copy `Addr`, and address requests.

use super::attr::Table;
use super::consts::*;
use super::msg::Request;

/// struct ifaddrmsg.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IfAddr {
    pub family: u8,
    pub prefixlen: u8,
    pub flags: u8,
    pub scope: u8,
    pub index: u32,
}

impl IfAddr {
    pub fn bytes(&self) -> [u8; 8] {
        let mut b = [0u8; 8];
        b[0] = self.family;
        b[1] = self.prefixlen;
        b[2] = self.flags;
        b[3] = self.scope;
        b[4..8].copy_from_slice(&self.index.to_ne_bytes());
        b
    }
    pub fn parse(p: &[u8]) -> Option<IfAddr> {
        let h = p.get(..8)?;
        Some(IfAddr {
            family: h[0],
            prefixlen: h[1],
            flags: h[2],
            scope: h[3],
            index: u32::from_ne_bytes([h[4], h[5], h[6], h[7]]),
        })
    }
}

/// struct ifa_cacheinfo.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CacheInfo {
    pub preferred: u32,
    pub valid: u32,
}

pub const INFINITY_LIFE_TIME: u32 = u32::MAX;

/// One address. `local`/`address` follow iproute2: each stands in for the other when missing.
#[derive(Debug, Clone, Default)]
pub struct Addr<'a> {
    pub deleted: bool,
    pub hdr: IfAddr,
    pub local: Option<&'a [u8]>,
    pub address: Option<&'a [u8]>,
    pub broadcast: Option<&'a [u8]>,
    pub anycast: Option<&'a [u8]>,
    pub label: Option<&'a [u8]>,
    pub cacheinfo: Option<CacheInfo>,
    /// IFA_FLAGS when present, else the header's 8 bits.
    pub flags: u32,
    pub metric: Option<u32>,
}

impl<'a> Addr<'a> {
    pub fn parse(ty: u16, payload: &'a [u8]) -> Option<Addr<'a>> {
        if ty != RTM_NEWADDR && ty != RTM_DELADDR {
            return None;
        }
        let hdr = IfAddr::parse(payload)?;
        let t: Table<'a, 16> = Table::parse(&payload[8..]);
        let mut a = Addr {
            deleted: ty == RTM_DELADDR,
            hdr,
            ..Addr::default()
        };
        a.local = t.get(IFA_LOCAL);
        a.address = t.get(IFA_ADDRESS);
        if a.local.is_none() {
            a.local = a.address;
        }
        if a.address.is_none() {
            a.address = a.local;
        }
        a.broadcast = t.get(IFA_BROADCAST);
        a.anycast = t.get(IFA_ANYCAST);
        a.label = t.str(IFA_LABEL);
        a.cacheinfo = t.get(IFA_CACHEINFO).and_then(|c| {
            Some(CacheInfo {
                preferred: u32::from_ne_bytes(c.get(0..4)?.try_into().ok()?),
                valid: u32::from_ne_bytes(c.get(4..8)?.try_into().ok()?),
            })
        });
        a.flags = t.u32(IFA_FLAGS).unwrap_or(hdr.flags.into());
        a.metric = t.u32(IFA_RT_PRIORITY);
        Some(a)
    }
}

/// RTM_GETADDR dump for a family, optionally one device (strict checking filters by index).
pub fn dump(family: u8, index: u32) -> Request {
    Request::new(RTM_GETADDR, 0).header(
        &IfAddr {
            family,
            index,
            ..IfAddr::default()
        }
        .bytes(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_and_fallbacks() {
        let mut r = Request::new(RTM_NEWADDR, 0).header(
            &IfAddr {
                family: 2,
                prefixlen: 24,
                index: 3,
                ..Default::default()
            }
            .bytes(),
        );
        r.attr(IFA_ADDRESS, &[10, 0, 0, 1]);
        r.attr(IFA_CACHEINFO, &[0xff; 16]);
        let b = r.finish(1, 0).to_vec();
        let a = Addr::parse(RTM_NEWADDR, &b[16..]).unwrap();
        assert_eq!(a.local, Some(&[10u8, 0, 0, 1][..]));
        assert_eq!(a.cacheinfo.unwrap().valid, u32::MAX);
        assert!(Addr::parse(RTM_NEWADDR, &[1, 2, 3]).is_none());
        // short cacheinfo and short address never panic
        let mut r = Request::new(RTM_NEWADDR, 0).header(
            &IfAddr {
                family: 10,
                ..Default::default()
            }
            .bytes(),
        );
        r.attr(IFA_LOCAL, &[1, 2]);
        r.attr(IFA_CACHEINFO, &[1, 2, 3]);
        let b = r.finish(1, 0).to_vec();
        let a = Addr::parse(RTM_NEWADDR, &b[16..]).unwrap();
        assert!(a.cacheinfo.is_none());
        assert_eq!(a.local, Some(&[1u8, 2][..]));
    }
}
