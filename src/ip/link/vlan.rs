//! vlan: `type vlan id VLANID [protocol …] [reorder_hdr|gvrp|mvrp|loose_binding|bridge_binding
//! on|off] [ingress-qos-map|egress-qos-map FROM:TO …]` (iproute2 6.1's iplink_vlan.c) and the
//! `vlan …` details.

use super::kinds::explain_err;
use super::llproto;
use crate::error::{Error, Result};
use crate::ip::Ctx;
use crate::ip::args::{Args, get_u16, get_u32, invarg, matches};
use crate::netlink::attr::{self, Table, attrs, get_u16_be};
use crate::netlink::msg::Request;
use crate::print::Printer;
use crate::print::link::LinkIndex;

// IFLA_INFO_DATA of kind vlan (linux/if_link.h)
const IFLA_VLAN_ID: u16 = 1;
const IFLA_VLAN_FLAGS: u16 = 2;
const IFLA_VLAN_EGRESS_QOS: u16 = 3;
const IFLA_VLAN_INGRESS_QOS: u16 = 4;
const IFLA_VLAN_PROTOCOL: u16 = 5;
const IFLA_VLAN_QOS_MAPPING: u16 = 1;

// enum vlan_flags (linux/if_vlan.h)
const VLAN_FLAG_REORDER_HDR: u32 = 0x1;
const VLAN_FLAG_GVRP: u32 = 0x2;
const VLAN_FLAG_LOOSE_BINDING: u32 = 0x4;
const VLAN_FLAG_MVRP: u32 = 0x8;
const VLAN_FLAG_BRIDGE_BINDING: u32 = 0x10;

const USAGE: &str = "Usage: ... vlan id VLANID
\t\t[ protocol VLANPROTO ]
\t\t[ reorder_hdr { on | off } ]
\t\t[ gvrp { on | off } ]
\t\t[ mvrp { on | off } ]
\t\t[ loose_binding { on | off } ]
\t\t[ bridge_binding { on | off } ]
\t\t[ ingress-qos-map QOS-MAP ]
\t\t[ egress-qos-map QOS-MAP ]

VLANID := 0-4095
VLANPROTO: [ 802.1Q | 802.1ad ]
QOS-MAP := [ QOS-MAP ] QOS-MAPPING
QOS-MAPPING := FROM:TO
";

pub fn help() {
    print!("{USAGE}");
}

/// The flag words in iproute2's order, with the bit each sets.
const FLAGS: &[(&str, u32)] = &[
    ("reorder_hdr", VLAN_FLAG_REORDER_HDR),
    ("gvrp", VLAN_FLAG_GVRP),
    ("mvrp", VLAN_FLAG_MVRP),
    ("loose_binding", VLAN_FLAG_LOOSE_BINDING),
    ("bridge_binding", VLAN_FLAG_BRIDGE_BINDING),
];

/// parse_mapping: `FROM:TO` words until one without a colon; Err(word) names the failing word
/// as iproute2 leaves it (cut at its colon).
fn qos_map(args: &mut Args, req: &mut Request, ty: u16) -> std::result::Result<(), String> {
    let nest = req.nest(ty);
    while let Some(w) = args.peek().map(str::to_string) {
        let Some((from, to)) = w.split_once(':') else {
            break;
        };
        let from = get_u32(from, 0).ok_or_else(|| from.to_string())?;
        let to =
            get_u32(to, 0).ok_or_else(|| w.split(':').next().unwrap_or_default().to_string())?;
        let mut m = from.to_ne_bytes().to_vec();
        m.extend_from_slice(&to.to_ne_bytes());
        req.attr(IFLA_VLAN_QOS_MAPPING, &m);
        args.next();
    }
    req.end(nest);
    Ok(())
}

pub fn parse(_ctx: &mut Ctx, args: &mut Args, req: &mut Request) -> Result<()> {
    let (mut flags, mut mask) = (0u32, 0u32);
    while let Some(w) = args.next() {
        if matches(&w, "protocol") {
            let v = args.need()?;
            let proto = llproto::a2n(&v).ok_or_else(|| invarg("protocol is invalid", &v))?;
            req.attr(IFLA_VLAN_PROTOCOL, &proto.to_be_bytes());
        } else if matches(&w, "id") {
            let v = args.need()?;
            let id = get_u16(&v, 0).ok_or_else(|| invarg("id is invalid", &v))?;
            req.u16(IFLA_VLAN_ID, id);
        } else if let Some(&(name, bit)) = FLAGS.iter().find(|(k, _)| matches(&w, k)) {
            let v = args.need()?;
            mask |= bit;
            match v.as_str() {
                "on" => flags |= bit,
                "off" => flags &= !bit,
                _ => {
                    return Err(Error::fail(format!(
                        "Error: argument of \"{name}\" must be \"on\" or \"off\", not \"{v}\""
                    )));
                }
            }
        } else if matches(&w, "ingress-qos-map") || matches(&w, "egress-qos-map") {
            let (ty, name) = if matches(&w, "ingress-qos-map") {
                (IFLA_VLAN_INGRESS_QOS, "invalid ingress-qos-map")
            } else {
                (IFLA_VLAN_EGRESS_QOS, "invalid egress-qos-map")
            };
            // NEXT_ARG: the map needs at least one more word
            if args.is_empty() {
                return Err(crate::ip::args::incomplete());
            }
            qos_map(args, req, ty).map_err(|bad| invarg(name, &bad))?;
        } else if matches(&w, "help") {
            return Err(explain_err(None, USAGE));
        } else {
            return Err(explain_err(
                Some(format!("vlan: unknown command \"{w}\"?")),
                USAGE,
            ));
        }
    }
    if mask != 0 {
        let mut f = flags.to_ne_bytes().to_vec();
        f.extend_from_slice(&mask.to_ne_bytes());
        req.attr(IFLA_VLAN_FLAGS, &f);
    }
    Ok(())
}

/// The vlan attributes iproute2 6.1 prints, decoded.
#[derive(Debug, Default)]
pub struct VlanInfo {
    /// Host order; None when the kernel sent none (iproute2 then says `802.1q`).
    pub protocol: Option<u16>,
    pub id: u16,
    /// None: absent; Some(None): present but too short (iproute2 stops printing there).
    pub flags: Option<Option<u32>>,
    pub ingress: Option<Vec<(u32, u32)>>,
    pub egress: Option<Vec<(u32, u32)>>,
}

fn mappings(p: &[u8]) -> Vec<(u32, u32)> {
    attrs(p)
        .filter_map(|(_, m)| Some((attr::get_u32(m)?, attr::get_u32(m.get(4..)?)?)))
        .collect()
}

impl VlanInfo {
    /// None when iproute2 prints nothing (no id, or a short id or protocol).
    pub fn decode(data: &[u8]) -> Option<VlanInfo> {
        let t: Table<6> = Table::parse(data);
        let protocol = match t.get(IFLA_VLAN_PROTOCOL) {
            Some(p) => Some(get_u16_be(p)?),
            None => None,
        };
        Some(VlanInfo {
            protocol,
            id: t.u16(IFLA_VLAN_ID)?,
            flags: t
                .get(IFLA_VLAN_FLAGS)
                .map(|f| f.get(..8).and_then(attr::get_u32)),
            ingress: t.get(IFLA_VLAN_INGRESS_QOS).map(mappings),
            egress: t.get(IFLA_VLAN_EGRESS_QOS).map(mappings),
        })
    }

    pub fn print(&self, p: &mut Printer) {
        let proto = self
            .protocol
            .map(llproto::n2a)
            .unwrap_or_else(|| "802.1q".to_string());
        p.string("protocol", &proto, format_args!("protocol {proto} "));
        p.uint("id", self.id.into(), format_args!("id {} ", self.id));
        match self.flags {
            Some(None) => return,
            Some(Some(f)) => print_flags(p, f),
            None => {}
        }
        if let Some(m) = &self.ingress {
            print_map(p, "ingress_qos", "ingress-qos-map", m);
        }
        if let Some(m) = &self.egress {
            print_map(p, "egress_qos", "egress-qos-map", m);
        }
    }
}

/// `<REORDER_HDR,GVRP,…> ` (JSON: a "flags" array).
fn print_flags(p: &mut Printer, mut flags: u32) {
    const NAMES: [(u32, &str); 5] = [
        (VLAN_FLAG_REORDER_HDR, "REORDER_HDR"),
        (VLAN_FLAG_GVRP, "GVRP"),
        (VLAN_FLAG_MVRP, "MVRP"),
        (VLAN_FLAG_LOOSE_BINDING, "LOOSE_BINDING"),
        (VLAN_FLAG_BRIDGE_BINDING, "BRIDGE_BINDING"),
    ];
    p.open_array("flags", "<");
    for (bit, name) in NAMES {
        if flags & bit != 0 {
            flags &= !bit;
            let sep = if flags != 0 { "," } else { "" };
            p.string("", name, format_args!("{name}{sep}"));
        }
    }
    if flags != 0 {
        p.hex("", flags.into(), format_args!("{flags:x}"));
    }
    p.close_array("> ");
}

/// `_SL_      ingress-qos-map { 1:2 3:4 } ` (JSON: an array of {from, to}).
fn print_map(p: &mut Printer, key: &str, name: &str, m: &[(u32, u32)]) {
    p.json_open_array(key);
    p.nl();
    p.text(format_args!("      {name} {{ "));
    for (from, to) in m {
        if p.is_json() {
            p.open_object("");
            p.json_uint("from", (*from).into());
            p.json_uint("to", (*to).into());
            p.close_object();
        } else {
            p.text(format_args!("{from}:{to} "));
        }
    }
    p.json_close_array();
    p.text_str("} ");
}

pub fn print(p: &mut Printer, data: Option<&[u8]>, _names: &LinkIndex) {
    if let Some(info) = data.and_then(VlanInfo::decode) {
        info.print(p);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::netlink::attr::encode as attr;

    fn render(data: &[u8], json: bool) -> String {
        crate::print::render_object(json, |p| print(p, Some(data), &LinkIndex::default()))
    }

    #[test]
    fn details() {
        let map = [
            attr(IFLA_VLAN_QOS_MAPPING, &[1, 0, 0, 0, 2, 0, 0, 0]),
            attr(IFLA_VLAN_QOS_MAPPING, &[3, 0, 0, 0, 4, 0, 0, 0]),
        ]
        .concat();
        let d = [
            attr(IFLA_VLAN_PROTOCOL, &[0x88, 0xa8]),
            attr(IFLA_VLAN_ID, &5u16.to_ne_bytes()),
            attr(IFLA_VLAN_FLAGS, &[0x21, 0, 0, 0, 0xff, 0xff, 0xff, 0xff]),
            attr(IFLA_VLAN_INGRESS_QOS, &map),
        ]
        .concat();
        assert_eq!(
            render(&d, false),
            "protocol 802.1ad id 5 <REORDER_HDR,20> \n      ingress-qos-map { 1:2 3:4 } "
        );
        assert_eq!(
            render(&d, true),
            "[{\"protocol\":\"802.1ad\",\"id\":5,\"flags\":[\"REORDER_HDR\",\"20\"],\"ingress_qos\":[{\"from\":1,\"to\":2},{\"from\":3,\"to\":4}]}]\n"
        );
    }

    #[test]
    fn short_or_missing_id_prints_nothing() {
        assert_eq!(render(&attr(IFLA_VLAN_PROTOCOL, &[0x81, 0]), false), "");
        assert_eq!(
            render(
                &[
                    attr(IFLA_VLAN_ID, &[5]),
                    attr(IFLA_VLAN_PROTOCOL, &[0x81, 0])
                ]
                .concat(),
                false
            ),
            ""
        );
        assert_eq!(
            render(
                &[
                    attr(IFLA_VLAN_ID, &[5, 0]),
                    attr(IFLA_VLAN_PROTOCOL, &[0x81])
                ]
                .concat(),
                false
            ),
            ""
        );
    }
}
