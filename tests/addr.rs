//! `ip address`: add/change/replace/del, show with selectors, flush — compared with iproute2 6.1.
mod common;
use common::*;

const SETUP: &str = "ip link add v0 type veth peer name v1
ip link set v0 up
ip link set v1 up
ip addr add 10.0.0.1/24 dev v0
ip addr add 10.0.0.2/24 dev v0
ip addr add 10.0.1.1/24 brd + dev v0 label v0:foo
ip addr add 10.0.2.1 peer 10.0.2.2 dev v0
ip addr add 10.0.3.1/24 brd + scope link noprefixroute dev v0
ip addr add 10.0.4.1/24 valid_lft 100 preferred_lft 50 dev v0
ip addr add 10.1.1.1/24 metric 55 dev v0
ip addr add 10.2.0.1/16 broadcast 10.2.255.254 anycast 10.2.0.9 scope 200 dev v0
ip addr add 2001:db8::1/64 dev v0
ip addr add 2001:db8::2/64 nodad dev v0
ip addr add 2001:db8::3 peer 2001:db8::4 dev v0
ip addr add fd00::1/64 valid_lft 300 preferred_lft 0 dev v0
ip addr add fd00::2/64 home mngtmpaddr optimistic dev v0
ip addr add 127.1.0.1/8 dev v1
";

fn with_setup(script: &str) -> String {
    format!("{SETUP}{script}")
}

#[test]
fn add_and_show_in_every_mode() {
    assert_same(&with_setup(
        "ip addr
ip a
ip address show
ip address list
ip addr lst
ip -4 addr
ip -6 addr
ip -0 addr
ip -f inet6 addr
ip -o addr
ip -o -4 addr
ip -br addr
ip -br -6 addr
ip -j addr
ip -j -p addr
ip -j -o addr
ip -j -br addr
ip -c addr
ip -c -br addr
ip -c -o addr
ip -d addr show v0
ip addr show dev v0
ip addr show v0
ip -j addr show dev v1",
    ));
}

#[test]
fn selectors() {
    assert_same(&with_setup(
        "ip addr show to 10.0.0.0/16
ip addr show to 10.0.0.1
ip addr show to 2001:db8::/32
ip -j addr show to 10.0.0.0/16
ip addr show scope link
ip addr show scope host
ip addr show scope site
ip addr show scope 200
ip addr show scope all dev v0
ip -j addr show scope host
ip addr show scope global dev v0
ip addr show secondary
ip addr show primary dev v0
ip addr show dynamic
ip addr show permanent dev v0
ip addr show -permanent
ip addr show nodad
ip addr show tentative
ip addr show -tentative dev v0
ip addr show deprecated
ip addr show label v0:*
ip addr show label 'v0*'
ip addr show label v1
ip -j addr show label v0:foo
ip addr show up
ip addr show type veth
ip addr show master nosuch
ip link add br0 type bridge
ip link set v1 master br0
ip addr show master br0
ip addr show nomaster
ip -4 addr show nomaster
ip addr show group default
ip -s addr show lo
ip -s -s -j addr show lo",
    ));
}

#[test]
fn delete_change_replace_flush() {
    assert_same(&with_setup(
        "ip addr del 10.0.0.9/24 dev v0
ip addr del 10.0.0.2/24 dev v0
ip addr del 10.0.1.1 dev v0
ip addr del 2001:db8::3 dev v0
ip addr
ip addr change 10.1.1.1/24 metric 77 dev v0
ip addr chg 10.1.1.1/24 metric 78 dev v0
ip addr replace 10.1.1.1/24 metric 88 dev v0
ip addr replace 10.9.1.1/24 dev v0
ip addr change 10.9.9.9/24 dev v0
ip addr show dev v0
ip addr flush
ip -s addr flush dev v0 to 10.0.0.0/8
ip -s -s addr flush dev v0 scope link
ip -s addr flush dev v1
ip addr flush dev v0 secondary
ip addr flush dev v0 primary
ip -4 addr
ip addr flush dev v0
ip -0 addr flush dev v0
ip addr flush nosuch
ip addr flush label nothing
ip addr",
    ));
}

#[test]
fn errors_like_iproute2() {
    assert_same(&with_setup(
        "ip addr add 10.0.0.1/24 dev v0
ip addr add 2001:db8::1/64 dev v0
ip addr add 192.168.1.1/24 dev nosuch
ip addr add 10.0.0.300/24 dev v0
ip addr add bogus dev v0
ip addr add 10.0.0.9/24
ip addr add 10.0.0.9/24 nodad dev v0
ip addr add 10.0.0.10/24 secondary dev v0
ip addr add 10.0.0.11/24 brd + brd - dev v0
ip addr add 10.0.0.11/24 peer 10.0.0.12 peer 10.0.0.13 dev v0
ip addr add 10.0.0.11/24 10.0.0.12/24 dev v0
ip addr add fd01::1/64 brd + dev v0
ip addr add 10.0.0.12/24 scope bogus dev v0
ip addr add 10.0.0.13/24 valid_lft 0 dev v0
ip addr add 10.0.0.13/24 valid_lft 10 preferred_lft 20 dev v0
ip addr add 10.0.0.13/24 valid_lft x dev v0
ip addr add 10.0.0.13/24 valid_lft 10 valid_lft 20 dev v0
ip addr add 10.0.0.14/24 autojoin dev v0
ip addr add 10.0.0.15/24 metric x dev v0
ip addr add 10.0.0.16/24 anycast 2001::1 dev v0
ip addr add 10.0.0.17/24 peer 2001::1 dev v0
ip -6 addr add 10.0.0.18/24 dev v0
ip addr add 10.0.0.19/24 dev v0 label
ip addr add
ip addr del 10.9.9.9/24 dev v0
ip addr del 10.9.9.9 dev v0
ip addr del dev v0
ip addr show nosuch
ip addr show dev v0 dev v1
ip addr show scope bogus
ip addr show to bogus
ip addr show group bogus
ip addr foo
ip addr",
    ));
}

#[test]
fn seed_tutorial_addresses_in_namespaces() {
    assert_same(
        "ip netns add ns0
ip netns add ns1
ip link add veth0 type veth peer name veth1
ip link set veth1 netns ns0
ip link add br0 type bridge
ip link set veth0 master br0
ip link set br0 up
ip link set veth0 up
ip addr add local 192.168.1.1/24 dev br0
ip -n ns0 addr add 192.168.1.2/24 dev veth1
ip -n ns0 link set veth1 up
ip -n ns0 link set lo up
ip netns exec ns0 ip addr
ip -n ns1 addr
ip -n ns0 -br addr
ip netns exec ns0 ip -j addr
ip addr show br0
ip netns exec ns0 ping -c 1 -W 2 192.168.1.1",
    );
}

#[test]
fn resolve_names_with_dash_r() {
    assert_same(
        "ip link set lo up
ip -r addr
ip -r -br addr
ip -r -j addr show lo
ip link add v0 type veth peer name v1
ip addr add 192.0.2.1/24 dev v0
ip -r addr show v0",
    );
}

#[test]
fn echo_of_changes() {
    assert_same(
        "ip link add v0 type veth peer name v1
ip -echo addr add 10.0.0.1/24 dev v0
ip -echo -j addr add 10.0.0.2/24 dev v0
ip -echo addr del 10.0.0.2/24 dev v0
ip -echo -o addr add 10.0.0.3/24 dev v0
ip -echo -6 addr add 2001:db8::1/64 nodad dev v0
ip -echo -br addr add 10.0.0.4/24 dev v0; echo '<no newline before>'
ip -echo -br -j addr add 10.0.0.5/24 dev v0
ip -echo -br addr del 10.0.0.4/24 dev v0; echo '<no newline before>'",
    );
}

#[test]
fn flush_rounds_and_loops() {
    assert_same(
        "ip link add v0 type veth peer name v1
ip addr add 10.0.0.1/24 dev v0
ip addr add 10.0.0.2/24 dev v0
ip addr add 10.0.0.3/24 dev v0
sysctl -qw net.ipv4.conf.v0.promote_secondaries=1
ip -l 1 -s addr flush dev v0
ip addr show v0
ip addr add 10.0.0.1/24 dev v0
ip addr add 10.0.0.2/24 dev v0
ip -loops 0 -s -s addr flush dev v0
ip -s addr flush dev v0
printf 'addr add 10.0.0.1/24 dev v0\\naddr add 10.0.0.2/24 dev v0\\naddr add 10.0.0.3/24 dev v0\\n-l 1 addr flush dev v0\\naddr show v0\\n' > b.txt
ip -l 1 -force -b b.txt",
    );
}

#[test]
fn batch_after_link_show_lists_addresses_as_links() {
    // iproute2's do_link, set by `link show`, stays set for the rest of a batch: `addr show DEV`
    // then prints the link alone (iplink_get), and links print `mode`, alias, addrgenmode and
    // their statistics as `ip link` does
    assert_same(
        "ip link add x1 type veth peer name y1
ip link set x1 alias foo
ip addr add 10.0.0.1/24 dev x1
printf 'addr show dev x1\\nlink show lo\\naddr show dev x1\\naddr show dev x1 up\\naddr show dev x1 label x*\\n' | ip -b -
printf 'link show lo\\naddr show dev x1\\naddr\\n' | ip -s -b -
printf 'link show lo\\naddr show dev x1\\naddr show\\n' | ip -d -b -
printf 'link show nosuch\\naddr show x1\\naddr show x1 group 0\\n' | ip -force -b -
printf 'link show lo\\naddr show x1\\n' | ip -j -b -
printf 'link show lo\\naddr show x1\\n' | ip -4 -b -
printf 'link show lo\\naddr show dev nosuch\\n' | ip -b -",
    );
}

#[test]
fn echo_follows_the_filter_of_the_last_listing() {
    // print_linkinfo/print_addrinfo check iproute2's static filter: zeroed at start (group 0, no
    // qlen), then whatever the last listing of the process left; -echo also puts `IDX: DEV` on
    // listed address lines
    assert_same(
        "ip link add x1 type veth peer name y1
ip addr add 10.0.0.1/24 dev x1
ip -echo addr show dev x1
ip -echo -j addr show dev x1
ip -echo addr
ip -echo link add v0 group 5 type veth peer name v1
ip -echo link add v2 type veth peer name v3 group 5
ip -echo link del v0
printf 'link show lo\\nlink set x1 mtu 1400\\naddr add 10.0.0.2/24 dev x1\\n' | ip -echo -b -
printf 'addr show\\nlink add v8 type veth peer name v9\\n' | ip -echo -b -
printf 'addr show up\\nlink add v10 type veth peer name v11\\n' | ip -echo -b -",
    );
}
