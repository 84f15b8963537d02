//! Long, pseudo-random sequences of ip and brctl commands (fixed seeds, so every run is the same
//! script) compared with the reference tools: the interplay of links, addresses, routes and
//! bridges that hand-written scripts do not think of.
mod common;
use common::*;

/// xorshift64*: small, deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn pick<'a>(&mut self, v: &[&'a str]) -> &'a str {
        v[(self.next() % v.len() as u64) as usize]
    }
}

fn script(seed: u64, len: usize) -> String {
    let mut r = Rng(seed);
    let devs = ["v0", "v1", "v2", "v3", "br0", "lo", "nosuch"];
    let addrs = [
        "10.0.0.1/24",
        "10.0.0.2/24",
        "10.0.1.1/16",
        "192.168.1.1/24",
        "10.0.0.1",
        "10.0.0.300/24",
        "10.0.2.1/32",
        "127.0.0.2/8",
        "1.2.3.4/31",
        "2001:db8::1/64",
        "2001:db8::2/128",
        "fd00::1/64",
        "fe80::5/64",
    ];
    let opts = [
        "", "-j ", "-o ", "-br ", "-d ", "-4 ", "-6 ", "-j -p ", "-N ", "-0 ", "-d -j ",
    ];
    let mut out = vec![
        "ip link add v0 type veth peer name v1".to_string(),
        "ip link add v2 type veth peer name v3".to_string(),
        "ip link add br0 type bridge".to_string(),
    ];
    for _ in 0..len {
        let o = r.pick(&opts);
        let d = r.pick(&devs);
        let a = r.pick(&addrs);
        let line = match r.next() % 16 {
            0 => format!("ip link set {d} up"),
            1 => {
                let n = r.pick(&devs);
                let what = r.pick(&[
                    "down",
                    "mtu 1400",
                    "mtu 9000",
                    "alias x",
                    "master br0",
                    "nomaster",
                    "promisc on",
                    "arp off",
                    "multicast off",
                    "txqlen 100",
                    "group 2",
                ]);
                if r.next().is_multiple_of(8) {
                    format!("ip link set {d} name {n}")
                } else {
                    format!("ip link set {d} {what}")
                }
            }
            2 => {
                let sel = r.pick(&[
                    "",
                    "up",
                    "master br0",
                    "type veth",
                    "type bridge_slave",
                    "group 2",
                    "dev",
                ]);
                if sel == "dev" {
                    format!("ip {o}link show dev {d}")
                } else {
                    format!("ip {o}link show {sel}")
                }
            }
            3 => {
                let extra = r.pick(&[
                    "",
                    "brd +",
                    "scope link",
                    "noprefixroute",
                    "metric 5",
                    "valid_lft 100 preferred_lft 50",
                    "nodad",
                    "peer 10.9.9.9",
                ]);
                format!("ip addr add {a} dev {d} {extra}")
            }
            4 => format!("ip addr del {a} dev {d}"),
            5 => {
                let sel = r.pick(&[
                    "",
                    "up",
                    "scope global",
                    "scope link",
                    "to 10.0.0.0/8",
                    "secondary",
                    "primary",
                    "dynamic",
                ]);
                format!("ip {o}addr show {sel}")
            }
            6 => format!(
                "ip {o}addr flush {}",
                r.pick(&["dev v0", "to 10.0.0.0/8", "scope link dev v1", "secondary"])
            ),
            7 => {
                let dst = r.pick(&[
                    "10.5.0.0/16",
                    "10.6.0.0/16",
                    "default",
                    "2001:db8:5::/48",
                    "blackhole 10.7.0.0/16",
                ]);
                let how = r.pick(&[
                    "via 10.0.0.2",
                    "dev v0",
                    "via 10.0.0.2 metric 10",
                    "dev v2 table 100",
                    "via 2001:db8::2",
                ]);
                format!("ip route add {dst} {how}")
            }
            8 => {
                let sel = r.pick(&[
                    "",
                    "show table all",
                    "show table 100",
                    "show dev v0",
                    "show proto kernel",
                    "show scope link",
                    "show type blackhole",
                    "show root 10.0.0.0/8",
                    "show match 10.5.1.1",
                ]);
                format!("ip {o}route {sel}")
            }
            9 => format!(
                "ip route del {}",
                r.pick(&["10.5.0.0/16", "default", "blackhole 10.7.0.0/16"])
            ),
            10 => format!(
                "ip {o}route get {}",
                r.pick(&["10.0.0.2", "10.5.1.1", "2001:db8::9", "127.0.0.1"])
            ),
            11 => format!("ip {o}link"),
            12 => format!("ip {o}addr"),
            13 => format!(
                "brctl {}",
                r.pick(&[
                    "show",
                    "showmacs br0",
                    "showstp br0",
                    "addif br0 v2",
                    "delif br0 v2",
                    "stp br0 on",
                    "show br0"
                ])
            ),
            14 => format!("ip link del {d}"),
            _ => format!(
                "ip {o}route flush {}",
                r.pick(&["dev v0", "table 100", "proto static"])
            ),
        };
        out.push(line);
    }
    out.join("\n")
}

#[test]
fn sequence_one() {
    assert_same(&script(0x1234_5678_9abc_def1, 70));
}

#[test]
fn sequence_two() {
    assert_same(&script(0x0fed_cba9_8765_4321, 70));
}

#[test]
fn sequence_three() {
    assert_same(&script(42, 70));
}
