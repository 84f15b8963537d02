//! `brctl show` text: a header once, then per bridge its name, id, STP flag and ports, the ports
//! after the first on continuation lines. Tabs only, no alignment, as bridge-utils prints them.

use super::info::{BridgeId, BridgeInfo};

pub const HEADER: &str = "bridge name\tbridge id\t\tSTP enabled\tinterfaces\n";

/// `8000.020000000010`: priority, a dot, the MAC, all lower-case hex.
pub fn bridge_id(id: &BridgeId) -> String {
    let hex = |b: &[u8]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
    format!("{}.{}", hex(&id[..2]), hex(&id[2..]))
}

/// A bridge's line up to its interfaces: `br0\t\t8000.…\tno\t\t`.
pub fn bridge_head(name: &[u8], info: &BridgeInfo) -> Vec<u8> {
    let mut v = name.to_vec();
    v.extend_from_slice(b"\t\t");
    v.extend_from_slice(bridge_id(&info.bridge_id).as_bytes());
    v.extend_from_slice(if info.stp_state != 0 {
        b"\tyes\t\t"
    } else {
        b"\tno\t\t"
    });
    v
}

/// The interfaces, one per line, and the end of the bridge's last line.
pub fn interfaces<'a>(ports: impl IntoIterator<Item = &'a [u8]>) -> Vec<u8> {
    let mut v = Vec::new();
    for (i, p) in ports.into_iter().enumerate() {
        if i > 0 {
            v.extend_from_slice(b"\n\t\t\t\t\t\t\t");
        }
        v.extend_from_slice(p);
    }
    v.push(b'\n');
    v
}

/// What bridge-utils prints when it cannot list the ports.
pub fn interfaces_failed(err: &str) -> String {
    format!(" can't get port info: {err}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines() {
        let info = BridgeInfo {
            bridge_id: [0x80, 0, 2, 0, 0, 0, 0, 0x10],
            ..Default::default()
        };
        assert_eq!(
            bridge_head(b"br0", &info),
            b"br0\t\t8000.020000000010\tno\t\t"
        );
        assert_eq!(
            interfaces([&b"veth0"[..], b"veth2"]),
            b"veth0\n\t\t\t\t\t\t\tveth2\n"
        );
        assert_eq!(interfaces(std::iter::empty::<&[u8]>()), b"\n");
        let stp = BridgeInfo {
            stp_state: 2,
            ..Default::default()
        };
        assert_eq!(bridge_head(b"b", &stp), b"b\t\t0000.000000000000\tyes\t\t");
    }
}
