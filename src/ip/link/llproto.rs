//! Link-layer protocol names (iproute2 6.1's lib/ll_proto.c table): `802.1Q`, `802.1ad`, `ip` …
//! as `vlan protocol` and bridge `vlan_protocol` read and print them.

use crate::ip::args::get_u16;

/// (ETH_P_* value, name) in iproute2's order: the first match wins both ways.
const NAMES: &[(u16, &str)] = &[
    (0x0060, "loop"),
    (0x0200, "pup"),
    (0x0201, "pupat"),
    (0x0800, "ip"),
    (0x0805, "x25"),
    (0x0806, "arp"),
    (0x08ff, "bpq"),
    (0x0a00, "ieeepup"),
    (0x0a01, "ieeepupat"),
    (0x6000, "dec"),
    (0x6001, "dna_dl"),
    (0x6002, "dna_rc"),
    (0x6003, "dna_rt"),
    (0x6004, "lat"),
    (0x6005, "diag"),
    (0x6006, "cust"),
    (0x6007, "sca"),
    (0x8035, "rarp"),
    (0x809b, "atalk"),
    (0x80f3, "aarp"),
    (0x8137, "ipx"),
    (0x86dd, "ipv6"),
    (0x8863, "ppp_disc"),
    (0x8864, "ppp_ses"),
    (0x884c, "atmmpoa"),
    (0x8884, "atmfate"),
    (0x0001, "802_3"),
    (0x0002, "ax25"),
    (0x0003, "all"),
    (0x0004, "802_2"),
    (0x0005, "snap"),
    (0x0006, "ddcmp"),
    (0x0007, "wan_ppp"),
    (0x0008, "ppp_mp"),
    (0x0009, "localtalk"),
    (0x000c, "can"),
    (0x0010, "ppptalk"),
    (0x0011, "tr_802_2"),
    (0x0015, "mobitex"),
    (0x0016, "control"),
    (0x0017, "irda"),
    (0x0018, "econet"),
    (0x88ca, "tipc"),
    (0x8892, "profinet"),
    (0x88a2, "aoe"),
    (0x88a4, "ethercat"),
    (0x8100, "802.1Q"),
    (0x88a8, "802.1ad"),
    (0x8847, "mpls_uc"),
    (0x8848, "mpls_mc"),
    (0x6558, "teb"),
    (0x88cc, "LLDP"),
];

/// ll_proto_a2n: a name (any case) or a number (base 0) up to 0xffff, in host order.
pub fn a2n(s: &str) -> Option<u16> {
    NAMES
        .iter()
        .find(|(_, n)| n.eq_ignore_ascii_case(s))
        .map(|(id, _)| *id)
        .or_else(|| get_u16(s, 0))
}

/// ll_proto_n2a: the name, or `[N]`.
pub fn n2a(id: u16) -> String {
    match NAMES.iter().find(|(i, _)| *i == id) {
        Some((_, n)) => (*n).to_string(),
        None => format!("[{id}]"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_ways() {
        assert_eq!(a2n("802.1q"), Some(0x8100));
        assert_eq!(a2n("802.1AD"), Some(0x88a8));
        assert_eq!(a2n("0x8100"), Some(0x8100));
        assert_eq!(a2n("bogus"), None);
        assert_eq!(a2n("65536"), None);
        assert_eq!(n2a(0x8100), "802.1Q");
        assert_eq!(n2a(0x88a8), "802.1ad");
        assert_eq!(n2a(0x1234), "[4660]");
    }
}
