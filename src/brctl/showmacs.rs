//! `brctl showmacs`: the rows the kernel's brforward table holds, built from an AF_BRIDGE fdb dump,
//! and their text.
//!
//! brforward lists the bridge's entries that point at a port (not the bridge's own addresses),
//! skips entries that have aged out, gives the port's number cut to 8 bits, and an ageing timer
//! only for learned entries. Rows are sorted by MAC address.

use std::collections::HashMap;

use super::time::timer;
use crate::netlink::consts::{NUD_NOARP, NUD_PERMANENT, NUD_STALE};
use crate::netlink::fdb::FdbEntry;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub port_no: u8,
    pub mac: [u8; 6],
    pub local: bool,
    /// Centiseconds since the entry was refreshed (0 for local and static entries).
    pub ageing: u64,
}

/// The brforward rows of bridge `bridge`, given its fdb dump and its ports' numbers by ifindex.
pub fn rows(bridge: i32, fdb: &[FdbEntry], port_no: &HashMap<i32, u16>) -> Vec<Row> {
    let mut rows: Vec<Row> = fdb
        .iter()
        .filter(|e| {
            e.master == Some(bridge as u32) && e.ifindex != bridge && e.state & NUD_STALE == 0
        })
        .filter_map(|e| {
            let no = port_no.get(&e.ifindex)?;
            let is_static = e.state & (NUD_PERMANENT | NUD_NOARP) != 0;
            Some(Row {
                port_no: *no as u8,
                mac: e.mac?,
                local: e.state & NUD_PERMANENT != 0,
                ageing: if is_static {
                    0
                } else {
                    u64::from(e.updated.unwrap_or(0))
                },
            })
        })
        .collect();
    rows.sort_by_key(|r| r.mac);
    rows
}

pub fn text(rows: &[Row]) -> String {
    let mut s = String::from("port no\tmac addr\t\tis local?\tageing timer\n");
    for r in rows {
        let m = r.mac;
        s.push_str(&format!(
            "{:3}\t{:02x}:{:02x}:{:02x}:{:02x}:{:02x}:{:02x}\t{}\t\t{}\n",
            r.port_no,
            m[0],
            m[1],
            m[2],
            m[3],
            m[4],
            m[5],
            if r.local { "yes" } else { "no" },
            timer(r.ageing)
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::netlink::consts::NUD_REACHABLE;

    fn e(ifindex: i32, state: u16, mac: u8, master: Option<u32>, updated: u32) -> FdbEntry {
        FdbEntry {
            ifindex,
            state,
            mac: Some([2, 0, 0, 0, 0, mac]),
            master,
            updated: Some(updated),
            ..Default::default()
        }
    }

    #[test]
    fn brforward_rows() {
        let ports: HashMap<i32, u16> = [(3, 1), (4, 258)].into_iter().collect();
        let fdb = vec![
            e(4, NUD_REACHABLE, 9, Some(5), 59),
            e(3, NUD_PERMANENT, 1, Some(5), 700),
            e(5, NUD_PERMANENT, 0, Some(5), 0), // the bridge's own address: not in brforward
            e(3, NUD_PERMANENT, 7, None, 0),    // the port's own (NTF_SELF) address list
            e(4, NUD_STALE, 8, Some(5), 30100), // aged out
            e(4, NUD_NOARP, 4, Some(5), 800),   // static
            e(6, NUD_REACHABLE, 6, Some(5), 1), // not a port we know
        ];
        let r = rows(5, &fdb, &ports);
        assert_eq!(
            r,
            vec![
                Row {
                    port_no: 1,
                    mac: [2, 0, 0, 0, 0, 1],
                    local: true,
                    ageing: 0
                },
                Row {
                    port_no: 2,
                    mac: [2, 0, 0, 0, 0, 4],
                    local: false,
                    ageing: 0
                },
                Row {
                    port_no: 2,
                    mac: [2, 0, 0, 0, 0, 9],
                    local: false,
                    ageing: 59
                },
            ]
        );
        assert_eq!(
            text(&r),
            "port no\tmac addr\t\tis local?\tageing timer\n  1\t02:00:00:00:00:01\tyes\t\t   0.00\n  \
             2\t02:00:00:00:00:04\tno\t\t   0.00\n  2\t02:00:00:00:00:09\tno\t\t   0.59\n"
        );
    }
}
