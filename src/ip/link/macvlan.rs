//! macvlan and macvtap: `type macvlan|macvtap [mode MODE] [flag FLAG] [nopromisc] [nodst]
//! [macaddr …] [bcqueuelen N]` (iproute2 6.1's iplink_macvlan.c) and their details.

use super::kinds::explain_err;
use super::parse::scanf_hex;
use crate::error::{Error, Result};
use crate::ip::Ctx;
use crate::ip::args::{Args, get_u32, matches};
use crate::netlink::attr::{Table, attrs};
use crate::netlink::msg::Request;
use crate::print::Printer;
use crate::print::link::LinkIndex;

// IFLA_INFO_DATA of kinds macvlan and macvtap (linux/if_link.h)
const IFLA_MACVLAN_MODE: u16 = 1;
const IFLA_MACVLAN_FLAGS: u16 = 2;
const IFLA_MACVLAN_MACADDR_MODE: u16 = 3;
const IFLA_MACVLAN_MACADDR: u16 = 4;
const IFLA_MACVLAN_MACADDR_DATA: u16 = 5;
const IFLA_MACVLAN_MACADDR_COUNT: u16 = 6;
const IFLA_MACVLAN_BC_QUEUE_LEN: u16 = 7;
const IFLA_MACVLAN_BC_QUEUE_LEN_USED: u16 = 8;

const MACVLAN_MODE_PRIVATE: u32 = 1;
const MACVLAN_MODE_VEPA: u32 = 2;
const MACVLAN_MODE_BRIDGE: u32 = 4;
const MACVLAN_MODE_PASSTHRU: u32 = 8;
const MACVLAN_MODE_SOURCE: u32 = 16;

const MACVLAN_FLAG_NOPROMISC: u16 = 1;
const MACVLAN_FLAG_NODST: u16 = 2;

const MACVLAN_MACADDR_ADD: u32 = 0;
const MACVLAN_MACADDR_DEL: u32 = 1;
const MACVLAN_MACADDR_FLUSH: u32 = 2;
const MACVLAN_MACADDR_SET: u32 = 3;

const ETH_ALEN: usize = 6;

fn usage(kind: &str) -> String {
    format!(
        "Usage: ... {kind} mode MODE [flag MODE_FLAG] MODE_OPTS [bcqueuelen BC_QUEUE_LEN]

MODE: private | vepa | bridge | passthru | source
MODE_FLAG: null | nopromisc | nodst
MODE_OPTS: for mode \"source\":
\tmacaddr {{ {{ add | del }} <macaddr> | set [ <macaddr> [ <macaddr>  ... ] ] | flush }}
BC_QUEUE_LEN: Length of the rx queue for broadcast/multicast: [0-4294967295]
"
    )
}

pub fn help_macvlan() {
    print!("{}", usage("macvlan"));
}
pub fn help_macvtap() {
    print!("{}", usage("macvtap"));
}
pub fn parse_macvlan(ctx: &mut Ctx, args: &mut Args, req: &mut Request) -> Result<()> {
    parse(ctx, args, req, "macvlan")
}
pub fn parse_macvtap(ctx: &mut Ctx, args: &mut Args, req: &mut Request) -> Result<()> {
    parse(ctx, args, req, "macvtap")
}

/// ll_addr_a2n into a 6-byte buffer: Ok(bytes) when the word is exactly a MAC. A part that is not
/// hex is reported (the message iproute2 prints); a word of another length fails silently.
/// `Err(None)` = silent failure, `Err(Some(msg))` = failure with a message.
fn mac_a2n(word: &str) -> std::result::Result<[u8; ETH_ALEN], Option<String>> {
    if word.contains('.') {
        // a dotted IPv4 address is 4 bytes: never a MAC
        return match crate::ip::inet::ipv4_loose(word) {
            Some(_) => Err(None),
            None => Err(Some(format!("\"{word}\" is invalid lladdr."))),
        };
    }
    let mut out = [0u8; ETH_ALEN];
    let mut n = 0;
    for part in word.split(':') {
        if n == ETH_ALEN {
            // iproute2 stops reading at the buffer's end and reports one byte too many
            return Err(None);
        }
        let v = scanf_hex(part)
            .filter(|v| (0..=255).contains(v))
            .ok_or_else(|| Some(format!("\"{part}\" is invalid lladdr.")))?;
        out[n] = v as u8;
        n += 1;
    }
    if n == ETH_ALEN { Ok(out) } else { Err(None) }
}

fn parse(ctx: &mut Ctx, args: &mut Args, req: &mut Request, kind: &str) -> Result<()> {
    let mut mode = 0u32;
    let mut flags = 0u16;
    let mut has_flags = false;
    // a word `macaddr set` gave back, cut at its first ':' as iproute2's parser leaves it
    let mut pending: Option<String> = None;
    loop {
        let w = match pending.take() {
            Some(w) => w,
            None => match args.next() {
                Some(w) => w,
                None => break,
            },
        };
        if matches(&w, "mode") {
            let v = args.need()?;
            mode = match v.as_str() {
                "private" => MACVLAN_MODE_PRIVATE,
                "vepa" => MACVLAN_MODE_VEPA,
                "bridge" => MACVLAN_MODE_BRIDGE,
                "passthru" => MACVLAN_MODE_PASSTHRU,
                "source" => MACVLAN_MODE_SOURCE,
                _ => {
                    return Err(Error::fail(format!(
                        "Error: argument of \"mode\" must be \"private\", \"vepa\", \"bridge\", \"passthru\" or \"source\", not \"{v}\""
                    )));
                }
            };
        } else if matches(&w, "flag") {
            let v = args.need()?;
            flags |= match v.as_str() {
                "nopromisc" => MACVLAN_FLAG_NOPROMISC,
                "nodst" => MACVLAN_FLAG_NODST,
                "null" => 0,
                _ => {
                    return Err(Error::fail(format!(
                        "Error: argument of \"flag\" must be \"nopromisc\", \"nodst\" or \"null\", not \"{v}\""
                    )));
                }
            };
            has_flags = true;
        } else if matches(&w, "macaddr") {
            let v = args.need()?;
            let mac_mode = match v.as_str() {
                "add" => MACVLAN_MACADDR_ADD,
                "del" => MACVLAN_MACADDR_DEL,
                "set" => MACVLAN_MACADDR_SET,
                "flush" => MACVLAN_MACADDR_FLUSH,
                _ => return Err(explain_err(None, &usage(kind))),
            };
            req.u32(IFLA_MACVLAN_MACADDR_MODE, mac_mode);
            if mac_mode == MACVLAN_MACADDR_ADD || mac_mode == MACVLAN_MACADDR_DEL {
                let a = args.need()?;
                match mac_a2n(&a) {
                    Ok(mac) => {
                        req.attr(IFLA_MACVLAN_MACADDR, &mac);
                    }
                    Err(msg) => return Err(Error::fail(msg.unwrap_or_default())),
                }
            } else if mac_mode == MACVLAN_MACADDR_SET {
                let nest = req.nest(IFLA_MACVLAN_MACADDR_DATA);
                while let Some(a) = args.next() {
                    match mac_a2n(&a) {
                        Ok(mac) => {
                            req.attr(IFLA_MACVLAN_MACADDR, &mac);
                        }
                        Err(msg) => {
                            if let Some(m) = msg {
                                ctx.warn(format_args!("{m}"));
                            }
                            // not a MAC: it is the next option (as far as its first ':')
                            let cut = a.split(':').next().unwrap_or_default().to_string();
                            pending = Some(cut);
                            break;
                        }
                    }
                }
                req.end(nest);
            }
        } else if matches(&w, "nopromisc") {
            flags |= MACVLAN_FLAG_NOPROMISC;
            has_flags = true;
        } else if matches(&w, "nodst") {
            flags |= MACVLAN_FLAG_NODST;
            has_flags = true;
        } else if matches(&w, "bcqueuelen") {
            let v = args.need()?;
            let n = get_u32(&v, 0).ok_or_else(|| {
                Error::fail(format!(
                    "Error: argument of \"bcqueuelen\" must be a positive integer [0-4294967295], not \"{v}\""
                ))
            })?;
            req.u32(IFLA_MACVLAN_BC_QUEUE_LEN, n);
        } else if matches(&w, "help") {
            return Err(explain_err(None, &usage(kind)));
        } else {
            return Err(explain_err(
                Some(format!("{kind}: unknown option \"{w}\"?")),
                &usage(kind),
            ));
        }
    }
    if mode != 0 {
        req.u32(IFLA_MACVLAN_MODE, mode);
    }
    if has_flags {
        if flags & MACVLAN_FLAG_NOPROMISC != 0 && mode != MACVLAN_MODE_PASSTHRU {
            return Err(explain_err(
                Some(format!(
                    "{kind}: nopromisc flag only valid in passthru mode"
                )),
                &usage(kind),
            ));
        }
        req.u16(IFLA_MACVLAN_FLAGS, flags);
    }
    Ok(())
}

/// The macvlan attributes iproute2 6.1 prints, decoded.
#[derive(Debug, Default)]
pub struct MacvlanInfo {
    pub mode: u32,
    pub flags: u16,
    pub bc_queue_len: Option<u32>,
    pub bc_queue_len_used: Option<u32>,
    pub macaddr_count: Option<u32>,
    /// The source-mode MACs, when the kernel sent the list.
    pub macaddrs: Option<Vec<[u8; ETH_ALEN]>>,
}

impl MacvlanInfo {
    /// None when there is no (valid) mode: iproute2 prints nothing then.
    pub fn decode(data: &[u8]) -> Option<MacvlanInfo> {
        let t: Table<9> = Table::parse(data);
        let macaddrs = t.get(IFLA_MACVLAN_MACADDR_DATA).map(|d| {
            attrs(d)
                .filter(|(ty, _)| *ty == IFLA_MACVLAN_MACADDR)
                .filter_map(|(_, p)| p.get(..ETH_ALEN).and_then(|m| m.try_into().ok()))
                .collect()
        });
        Some(MacvlanInfo {
            mode: t.u32(IFLA_MACVLAN_MODE)?,
            flags: t.u16(IFLA_MACVLAN_FLAGS).unwrap_or(0),
            bc_queue_len: t.u32(IFLA_MACVLAN_BC_QUEUE_LEN),
            bc_queue_len_used: t.u32(IFLA_MACVLAN_BC_QUEUE_LEN_USED),
            macaddr_count: t.u32(IFLA_MACVLAN_MACADDR_COUNT),
            macaddrs,
        })
    }

    pub fn print(&self, p: &mut Printer) {
        let mode = match self.mode {
            MACVLAN_MODE_PRIVATE => "private",
            MACVLAN_MODE_VEPA => "vepa",
            MACVLAN_MODE_BRIDGE => "bridge",
            MACVLAN_MODE_PASSTHRU => "passthru",
            MACVLAN_MODE_SOURCE => "source",
            _ => "unknown",
        };
        p.string("mode", mode, format_args!("mode {mode} "));
        if self.flags & MACVLAN_FLAG_NOPROMISC != 0 {
            p.bool("nopromisc", true, format_args!("nopromisc "));
        }
        if self.flags & MACVLAN_FLAG_NODST != 0 {
            p.bool("nodst", true, format_args!("nodst "));
        }
        if let Some(v) = self.bc_queue_len {
            p.uint("bcqueuelen", v.into(), format_args!("bcqueuelen {v} "));
        }
        if let Some(v) = self.bc_queue_len_used {
            p.uint(
                "usedbcqueuelen",
                v.into(),
                format_args!("usedbcqueuelen {v} "),
            );
        }
        if self.mode != MACVLAN_MODE_SOURCE {
            return;
        }
        let Some(count) = self.macaddr_count else {
            return;
        };
        let count = count as i32;
        p.int(
            "macaddr_count",
            count.into(),
            format_args!("remotes ({count}) "),
        );
        let Some(macs) = &self.macaddrs else { return };
        p.json_open_array("macaddr_data");
        for m in macs {
            let s = format!(
                "{:02x}:{:02x}:{:02x}:{:02x}:{:02x}:{:02x}",
                m[0], m[1], m[2], m[3], m[4], m[5]
            );
            p.string("", &s, format_args!("{s} "));
        }
        p.json_close_array();
    }
}

pub fn print(p: &mut Printer, data: Option<&[u8]>, _names: &LinkIndex) {
    if let Some(info) = data.and_then(MacvlanInfo::decode) {
        info.print(p);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn macs_of_six_bytes_only() {
        assert_eq!(mac_a2n("02:00:00:00:00:01"), Ok([2, 0, 0, 0, 0, 1]));
        assert_eq!(mac_a2n("aa:bb"), Err(None));
        assert_eq!(mac_a2n("1:2:3:4:5:6:7"), Err(None));
        assert_eq!(mac_a2n("10.0.0.1"), Err(None));
        assert_eq!(
            mac_a2n("mode"),
            Err(Some("\"mode\" is invalid lladdr.".into()))
        );
        assert_eq!(mac_a2n("bcqueuelen"), Err(None));
        assert_eq!(
            mac_a2n("aa:zz:00:00:00:00"),
            Err(Some("\"zz\" is invalid lladdr.".into()))
        );
    }
}
