//! `brctl showstp` text: the bridge block, then one block per port. Numbers are read back as C
//! ints (`%4i`), ids as `%.4x`, times with bridge-utils' timer format. "max age" and "bridge max
//! age" (and the hello and forward delay pairs) are the same setting, as they are in bridge-utils.

use super::info::{BridgeInfo, PortInfo};
use super::show::bridge_id;
use super::time::timer;

fn state_name(state: u8) -> &'static str {
    match state {
        0 => "disabled",
        1 => "listening",
        2 => "learning",
        3 => "forwarding",
        4 => "blocking",
        _ => "<INVALID STATE>",
    }
}

pub fn bridge(name: &[u8], b: &BridgeInfo) -> Vec<u8> {
    let mut v = name.to_vec();
    let t = |cs: u32| timer(u64::from(cs));
    let s = format!(
        "\n bridge id\t\t{}\n designated root\t{}\n root port\t\t{:4}\t\t\tpath cost\t\t{:4}\n \
         max age\t\t{}\t\t\tbridge max age\t\t{}\n \
         hello time\t\t{}\t\t\tbridge hello time\t{}\n \
         forward delay\t\t{}\t\t\tbridge forward delay\t{}\n \
         ageing time\t\t{}\n \
         hello timer\t\t{}\t\t\ttcn timer\t\t{}\n \
         topology change timer\t{}\t\t\tgc timer\t\t{}\n \
         flags\t\t\t{}{}\n\n\n",
        bridge_id(&b.bridge_id),
        bridge_id(&b.root_id),
        i32::from(b.root_port),
        b.root_path_cost as i32,
        t(b.max_age),
        t(b.max_age),
        t(b.hello_time),
        t(b.hello_time),
        t(b.forward_delay),
        t(b.forward_delay),
        t(b.ageing_time),
        timer(b.hello_timer),
        timer(b.tcn_timer),
        timer(b.topology_change_timer),
        timer(b.gc_timer),
        if b.topology_change != 0 {
            "TOPOLOGY_CHANGE "
        } else {
            ""
        },
        if b.topology_change_detected != 0 {
            "TOPOLOGY_CHANGE_DETECTED "
        } else {
            ""
        },
    );
    v.extend_from_slice(s.as_bytes());
    v
}

pub fn port(name: &[u8], p: &PortInfo) -> Vec<u8> {
    let mut v = name.to_vec();
    let mut s = format!(
        " ({})\n port id\t\t{:04x}\t\t\tstate\t\t{:>15}\n \
         designated root\t{}\tpath cost\t\t{:4}\n \
         designated bridge\t{}\tmessage age timer\t{}\n \
         designated port\t{:04x}\t\t\tforward delay timer\t{}\n \
         designated cost\t{:4}\t\t\thold timer\t\t{}\n \
         flags\t\t\t{}{}",
        p.port_no,
        p.port_id,
        state_name(p.state),
        bridge_id(&p.designated_root),
        p.path_cost as i32,
        bridge_id(&p.designated_bridge),
        timer(p.message_age_timer),
        p.designated_port,
        timer(p.forward_delay_timer),
        p.designated_cost as i32,
        timer(p.hold_timer),
        if p.config_pending != 0 {
            "CONFIG_PENDING "
        } else {
            ""
        },
        if p.topology_change_ack != 0 {
            "TOPOLOGY_CHANGE_ACK "
        } else {
            ""
        },
    );
    if p.hairpin != 0 {
        s.push_str(&format!("\n hairpin mode\t\t{:4}", p.hairpin));
    }
    s.push_str("\n\n");
    v.extend_from_slice(s.as_bytes());
    v
}

/// When the port list cannot be had.
pub fn ports_failed(err: &str) -> String {
    format!("can't get ports: {err}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_as_observed() {
        let id = [0x11, 0x70, 2, 0, 0, 0, 0, 0x10];
        let b = BridgeInfo {
            bridge_id: id,
            root_id: id,
            max_age: 1224,
            hello_time: 150,
            forward_delay: 450,
            ageing_time: 12344,
            hello_timer: 84,
            gc_timer: 12154,
            ..Default::default()
        };
        let want = "br0\n bridge id\t\t1170.020000000010\n designated root\t1170.020000000010\n \
                    root port\t\t   0\t\t\tpath cost\t\t   0\n max age\t\t  12.24\t\t\tbridge max age\t\t  12.24\n \
                    hello time\t\t   1.50\t\t\tbridge hello time\t   1.50\n \
                    forward delay\t\t   4.50\t\t\tbridge forward delay\t   4.50\n ageing time\t\t 123.44\n \
                    hello timer\t\t   0.84\t\t\ttcn timer\t\t   0.00\n \
                    topology change timer\t   0.00\t\t\tgc timer\t\t 121.54\n flags\t\t\t\n\n\n";
        assert_eq!(String::from_utf8(bridge(b"br0", &b)).unwrap(), want);

        let p = PortInfo {
            port_no: 3,
            port_id: 0x8003,
            state: 3,
            designated_root: id,
            designated_bridge: id,
            path_cost: 250,
            designated_port: 0x8003,
            forward_delay_timer: 1280,
            hairpin: 1,
            ..Default::default()
        };
        let want = "veth0 (3)\n port id\t\t8003\t\t\tstate\t\t     forwarding\n \
                    designated root\t1170.020000000010\tpath cost\t\t 250\n \
                    designated bridge\t1170.020000000010\tmessage age timer\t   0.00\n \
                    designated port\t8003\t\t\tforward delay timer\t  12.80\n \
                    designated cost\t   0\t\t\thold timer\t\t   0.00\n flags\t\t\t\n hairpin mode\t\t   1\n\n";
        assert_eq!(String::from_utf8(port(b"veth0", &p)).unwrap(), want);
        assert!(
            String::from_utf8(port(
                b"v",
                &PortInfo {
                    state: 9,
                    ..Default::default()
                }
            ))
            .unwrap()
            .contains("<INVALID STATE>")
        );
    }
}
