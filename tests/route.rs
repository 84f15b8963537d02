//! `ip route`: every command compared with iproute2 6.1 in twin sandboxes (the same script runs
//! with ipbox and with the reference; transcripts must match byte for byte).
//!
//! Veths get fixed MAC addresses so that the kernel's order of IPv6 link-local routes does not
//! depend on random addresses.
mod common;
use common::*;

/// Two veth ends, up, with IPv4 and IPv6 addresses on v0.
const SETUP: &str =
    "ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip link set lo up
ip addr add 10.0.0.1/24 dev v0
ip addr add 2001:db8::1/64 dev v0
";

fn same(script: &str) {
    assert_same(&format!("{SETUP}{script}"));
}

#[test]
fn seeds_verbatim_in_host_and_namespace() {
    assert_same(
        "ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip addr add 192.168.1.2/24 dev v0
ip addr add 10.10.103.1/24 dev v0
ip route add 192.168.2.0/24 via 192.168.1.1
ip route add default via 10.10.103.254
ip route
ip route show table 0
ip netns add ns1
ip link set v1 netns ns1
ip -n ns1 link set v1 up
ip -n ns1 addr add 192.168.1.1/24 dev v1
ip -n ns1 addr add 10.10.103.2/24 dev v1
ip -n ns1 route add 192.168.2.0/24 via 192.168.1.1
ip netns exec ns1 ip route add 192.168.2.0/24 via 192.168.1.1
ip netns exec ns1 ip route add default via 10.10.103.254
ip -n ns1 route
ip -n ns1 route show table 0
ip netns exec ns1 ip route show table 0",
    );
}

#[test]
fn every_route_type() {
    same(
        "ip route add unreachable 192.168.4.0/24
ip route add blackhole 192.168.5.0/24
ip route add prohibit 192.168.6.0/24 metric 5
ip route add throw 10.7.0.0/16
ip route add unicast 192.168.3.0/24 via 10.0.0.2
ip route add local 10.9.9.9 dev v0
ip route add broadcast 10.9.9.255 dev v0
ip route add brd 10.9.8.255 dev v0
ip route add multicast 224.1.0.0/16 dev v0
ip route add nat 10.11.0.0/16 via 10.0.0.9
ip route add anycast 10.12.0.0/16 dev v0
ip route add xresolve 10.13.0.0/16 dev v0
ip route add 9 10.14.0.0/16
ip route add unr 10.15.0.0/16
ip -6 route add unreachable 2001:db8:9::/64
ip -6 route add prohibit 2001:db8:a::/64
ip -6 route add blackhole 2001:db8:b::/64
ip -6 route add throw 2001:db8:c::/64
ip -6 route add local 2001:db8:d::1 dev v0
ip -6 route add anycast 2001:db8:e::/64 dev v0
ip route
ip route show table all
ip -6 route
ip -6 route show table local
ip -d route
ip -d route show table all
ip -N route show table all
ip route show type unreachable
ip route show type local table all
ip route show type multicast
ip route show type unicast
ip route show type brd table local
ip route show type 7",
    );
}

#[test]
fn selectors_and_the_fields_they_hide() {
    same(
        "ip route add 192.168.1.0/24 via 10.0.0.2 metric 100
ip route add 10.6.0.0/16 via 10.0.0.2 proto 99 metric 3 mtu 1400 advmss 1300
ip route add 10.8.0.0/16 via 10.0.0.3 proto static
ip route add 192.168.7.0/24 via 172.16.0.1 dev v0 onlink
ip route add 192.168.9.0/24 dev v0 scope host
ip route add 192.168.10.0/24 nexthop via 10.0.0.2 dev v0 nexthop via 10.0.0.3 dev v0
ip route add 10.20.0.0/16 dev v1 src 10.0.0.1
ip route add 10.21.0.0/16 dev v0 tos 0x10
ip route add 10.22.0.0/16 dev v0 realms 3/4
ip route add 10.23.0.0/16 dev v0 realms 7
ip route add default via 10.0.0.254
ip route add 10.24.0.0/16 from 10.0.0.0/24 dev v0
ip route show dev v0
ip route show oif v1
ip route show proto static
ip route show proto kernel
ip route show protocol openr
ip route show proto all
ip route show scope link
ip route show scope host
ip route show scope global
ip route show scope all
ip route show metric 100
ip route show priority 3
ip route show preference 0
ip route show via 10.0.0.2
ip route show via 10.0.0.0/24
ip route show via inet 10.0.0.3
ip route show src 10.0.0.1
ip route show src 10.0.0.0/24
ip route show tos 0x10
ip route show dsfield 0x10
ip route show realms 3/4
ip route show realms 3/
ip route show realms 4
ip route show realms 7
ip route show root 192.168.0.0/16
ip route show root 10.0.0.0/8
ip route show match 192.168.1.5
ip route show match 10.6.1.1
ip route show exact 192.168.1.0/24
ip route show 192.168.1.0/24
ip route show to 192.168.1.0/24
ip route show to match 10.8.9.9
ip route show to root 10.0.0.0/8
ip route show default
ip route show to default
ip route show table all default
ip route show table all root 0/0
ip route show from 10.0.0.0/24
ip route show from root 10.0.0.0/16
ip route show from match 10.0.0.5
ip route show from exact 10.0.0.0/24
ip route show cached
ip route show cloned
ip route show iif v0
ip route show mark 0
ip route show mark 5
ip route show 0/8
ip route show 10
ip route show 10/8
ip route show dev v0 proto static scope global
ip -4 route show table all
ip -6 route show table all
ip -f inet6 route
ip -f inet route show table local",
    );
}

/// `type N` selects with C's `1 << N` on an int: the shift count is taken modulo 32 on x86, so
/// `type 33` is `type 1` (unicast) and `type 40` is `type 8` (prohibit); `type 32` selects
/// nothing. Flush uses the same selector.
#[test]
fn type_numbers_shift_as_in_c() {
    same(
        "ip route add unreachable 10.9.0.0/24
ip route add prohibit 10.9.1.0/24
ip route show type 33
ip -d route show type 33
ip route show type 40
ip -d route show type 40
ip route show type 31
ip route show type 32
ip route show type 63
ip route show type 64
ip route show type 65
ip route show type 0x27
ip route show table all type 34
ip route flush type 39
ip route",
    );
}

/// rtt/rttvar/rto_min times as get_time_rtt reads them: strtoul for plain words (`-1` wraps,
/// only a real overflow fails), strtod with hex floats when there is a '.', and C's
/// double-to-unsigned conversion of huge values.
#[test]
fn rtt_times_as_get_time_rtt_reads_them() {
    same(
        "ip route add 10.1.1.0/24 dev v0 rtt -1
ip route add 10.1.2.0/24 dev v0 rttvar 1e30.
ip route add 10.1.3.0/24 dev v0 rto_min 0x1.8p3
ip route add 10.1.4.0/24 dev v0 rtt 4294967296
ip route add 10.1.5.0/24 dev v0 rto_min 4294967295.5
ip route add 10.1.6.0/24 dev v0 rto_min 9223372036854775807
ip route add 10.1.7.0/24 dev v0 rto_min 18446744073709551615
ip route add 10.1.8.0/24 dev v0 rto_min 18446744073709551616
ip route add 10.1.10.0/24 dev v0 rto_min 0x10.8s
ip route add 10.1.11.0/24 dev v0 rto_min -0.
ip route add 10.1.19.0/24 dev v0 rto_min 0x.8p4
ip route add 10.1.23.0/24 dev v0 rto_min 08
ip route add 10.1.24.0/24 dev v0 rttvar 010
ip route add 10.1.25.0/24 dev v0 rto_min -5
ip route add 10.1.26.0/24 dev v0 rtt -5ms
ip route add 10.1.28.0/24 dev v0 rto_min infinity
ip route add 10.1.29.0/24 dev v0 rto_min 1.e3
ip route add 10.1.30.0/24 dev v0 rto_min .e3
ip route
ip -j route",
    );
}

/// A failed dump: iproute2 writes the error at once and its buffered `[` at exit, so a shared
/// pipe shows the error first (`echo` ends the unfinished line for the transcript).
#[test]
fn dump_errors_come_before_buffered_output() {
    same(
        "ip -j route show table 999 2>&1 | cat; echo
ip -j -p route show table 999 2>&1 | cat; echo
ip route show table 999 2>&1 | cat
ip -s route flush table 999 2>&1 | cat
ip -j route flush table 999 2>&1 | cat",
    );
}

#[test]
fn metrics_and_flags() {
    same(
        "ip route add 1.2.3.0/24 dev v0 rtt 2000 rttvar 3s features ecn congctl lock cubic hoplimit 5 quickack 1 reordering 3 window 10 cwnd 3 initcwnd 5 initrwnd 6 ssthresh 7 rto_min 300ms fastopen_no_cookie 1 realms 3/4
ip route add 1.2.4.0/24 dev v0 rtt 1.5s rttvar 1234567 mtu lock 1300 advmss lock 1200 tos 0x10 src 10.0.0.1
ip route add 1.2.5.0/24 dev v0 initcwnd lock 10 window lock 5 hoplimit lock 3 realms 7 tos AF11
ip route add 1.2.6.0/24 dev v0 rtt 100ms rttvar 50 rto_min 2s ssthresh lock 9 cwnd lock 4 reordering lock 2 initrwnd lock 8
ip route add 1.2.7.0/24 dev v0 mtu 1400 congctl reno quickack 0 fastopen_no_cookie 0
ip route add 1.2.8.0/24 via 172.16.0.1 dev v0 onlink
ip route add 1.2.9.0/24 via 10.0.0.2 dev v0 expires 100
ip -6 route add 2001:db8:5::/64 dev v0 mtu 1400 hoplimit 9 advmss 1300
ip route
ip -6 route
ip -d route
ip -j route
ip -j -p route
ip -o route
ip route show 1.2.3.0/24
ip -j -p route show 1.2.3.0/24
ip route add 2.0.0.0/8 dev v0 mtu x
ip route add 2.0.0.0/8 dev v0 mtu lock
ip route add 2.0.0.0/8 dev v0 hoplimit 256
ip route add 2.0.0.0/8 dev v0 advmss x
ip route add 2.0.0.0/8 dev v0 reordering x
ip route add 2.0.0.0/8 dev v0 rtt x
ip route add 2.0.0.0/8 dev v0 rtt 3min
ip route add 2.0.0.0/8 dev v0 rto_min x
ip route add 2.0.0.0/8 dev v0 window x
ip route add 2.0.0.0/8 dev v0 cwnd x
ip route add 2.0.0.0/8 dev v0 initcwnd x
ip route add 2.0.0.0/8 dev v0 initrwnd x
ip route add 2.0.0.0/8 dev v0 features foo
ip route add 2.0.0.0/8 dev v0 features ecn ecn
ip route add 2.0.0.0/8 dev v0 features
ip route add 2.0.0.0/8 dev v0 quickack x
ip route add 2.0.0.0/8 dev v0 quickack 2
ip route add 2.0.0.0/8 dev v0 rttvar x
ip route add 2.0.0.0/8 dev v0 ssthresh x
ip route add 2.0.0.0/8 dev v0 realms x/y
ip route add 2.0.0.0/8 dev v0 fastopen_no_cookie x
ip route add 2.0.0.0/8 dev v0 fastopen_no_cookie 3
ip route add 2.0.0.0/8 dev v0 tos foo
ip route add 2.0.0.0/8 dev v0 expires x
ip route add 2.0.0.0/8 dev v0 pref foo
ip route add 2.0.0.0/8 dev v0 ttl-propagate maybe
ip route add 2.0.0.0/8 dev v0 nhid x
ip route add 2.0.0.0/8 dev v0 congctl",
    );
}

#[test]
fn multipath() {
    same(
        "ip route add 192.168.10.0/24 nexthop via 10.0.0.2 dev v0 weight 1 nexthop via 10.0.0.3 dev v0 weight 2
ip route add 192.168.11.0/24 nexthop via 10.0.0.2 nexthop via 10.0.0.3 weight 256
ip route add 192.168.12.0/24 nexthop via 172.16.0.1 dev v0 onlink nexthop dev v0
ip route add 192.168.13.0/24 nexthop via 10.0.0.2 realms 5 nexthop via 10.0.0.3 realms 2/6
ip route add 192.168.14.0/24 proto static metric 7 nexthop via 10.0.0.2 nexthop via 10.0.0.3
ip route append 192.168.14.0/24 proto static metric 7 nexthop via 10.0.0.4
ip -6 route add 2001:db8:8::/64 nexthop via 2001:db8::5 dev v0 nexthop via 2001:db8::6 dev v0
ip route add 2001:db8:9::/64 nexthop via 2001:db8::5 dev v0 weight 3 nexthop via 2001:db8::6 dev v0
ip route
ip -6 route
ip -o route
ip -o -6 route
ip -j route
ip -j -p route
ip -j -p -6 route
ip -c route
ip -d route
ip route show dev v0
ip route show via 10.0.0.2
ip route add 1.0.0.0/8 nexthop via 10.0.0.2 weight 0
ip route add 1.0.0.0/8 nexthop via 10.0.0.2 weight 257
ip route add 1.0.0.0/8 nexthop via 10.0.0.2 dev v0 foo
ip route add 1.0.0.0/8 nexthop
ip route add 1.0.0.0/8 nexthop via 10.0.0.2 nexthop
ip route add 1.0.0.0/8 nexthop via 10.0.0.2 dev nosuch
ip route add 1.0.0.0/8 dev nosuch nexthop via 10.0.0.2 dev nosuch2
ip route add 1.0.0.0/8 nexthop via 10.0.0.77
ip route add 1.0.0.0/8 nexthop via 10.0.0.2 dev v0 realms x
ip route del 192.168.10.0/24
ip route del 192.168.14.0/24 nexthop via 10.0.0.4
ip route",
    );
}

#[test]
fn tables() {
    same(
        "ip route show table 300
ip -j route show table 300
ip route show table 100
ip route add 1.2.3.0/24 dev v0 table 300
ip route add 1.2.4.0/24 dev v0 table 1000 proto static metric 7
ip route add 1.2.5.0/24 dev v0 table 100
ip route add 1.2.6.0/24 dev v0 table default
ip route add 1.2.7.0/24 dev v0 table 0x20
ip -6 route add 2001:db8:7::/64 dev v0 table 300
ip route show table 300
ip route show table 1000
ip route show table 0x20
ip route show table default
ip route show table local
ip route show table main
ip route show table all
ip route show table unspec
ip route show table 0
ip -6 route show table 300
ip -6 route show table all
ip -d route show table 1000
ip -N route show table all
ip -j route show table all
ip route show table foo
ip route show table
ip route add 2.0.0.0/8 dev v0 table foo
ip route add 2.0.0.0/8 dev v0 table 4294967296
ip route add 2.0.0.0/8 dev v0 table 4294967295
ip route show table 4294967295
ip route flush table 300
ip route show table 300
ip route del 1.2.4.0/24 table 1000
ip route show table 1000
ip route show table 77
ip route flush table 77",
    );
}

#[test]
fn add_change_replace_append_prepend_test_delete() {
    same(
        "ip route add 192.168.2.0/24 via 10.0.0.2
ip route add 192.168.2.0/24 via 10.0.0.2
ip route change 192.168.99.0/24 via 10.0.0.2
ip route chg 192.168.2.0/24 via 10.0.0.3
ip route replace 192.168.99.0/24 via 10.0.0.2
ip route replace 192.168.99.0/24 via 10.0.0.3
ip route prepend 192.168.99.0/24 via 10.0.0.4 metric 5
ip route append 192.168.99.0/24 via 10.0.0.5 metric 5
ip route test 192.168.99.0/24 via 10.0.0.6
ip route
ip route del 192.168.99.0/24 via 10.0.0.5 metric 5
ip route delete 192.168.99.0/24
ip route d 192.168.2.0/24
ip route del 192.168.99.0/24
ip route del 192.168.2.0/24
ip route a 192.168.3.0/24 dev v0
ip route r 192.168.3.0/24 dev v0 metric 3
ip route c 192.168.3.0/24 dev v0 metric 3 mtu 1000
ip route p 192.168.3.0/24 dev v1
ip route ap 192.168.3.0/24 dev v1 metric 3
ip route
ip -6 route add 2001:db8:7::/64 via 2001:db8::5
ip -6 route add 2001:db8:7::/64 via 2001:db8::5
ip route add 2001:db8:8::/64 via 2001:db8::5 dev v0 metric 5
ip -6 route add 2001:db8:9::/64 dev v0 pref high
ip -6 route add 2001:db8:a::/64 dev v0 pref low metric 10
ip -6 route add 2001:db8:b::/64 via 2001:db8::5 pref medium
ip -6 route add 2001:db8:c::/64 via 10.0.0.1
ip route add 1.2.8.0/24 via inet6 2001:db8::2 dev v0
ip route add 1.2.9.0/24 via inet 10.0.0.2
ip -6 route
ip route
ip -6 route del 2001:db8:7::/64
ip -6 route del 2001:db8:7::/64
ip -6 route
ip route add 10.30.0.0/16 dev v0 proto 42 scope 200
ip route add 10.31.0.0/16 dev v0 proto bird scope site
ip route add 10.32.0.0/16 via 10.0.0.2 scope link
ip route add 10.33.0.0/16 dev v0 pref 7
ip route add 10.34.0.0/16 dev v0 metric 0x10
ip route add 10.35.0.0/16 dev v0 preference 9
ip route add 10.36.0.0/16 dev v0 priority 9
ip route add to 10.37.0.0/16 dev v0
ip route add 10.38.0.0/255.255.0.0 dev v0
ip route add 10.39 dev v0
ip route add 10.40.0.1/16 dev v0
ip route
ip -N route",
    );
}

#[test]
fn kernel_and_parse_errors() {
    same(
        "ip route add 192.168.8.0/24 via 172.16.0.1 dev v0
ip link add v2 type veth peer name v3
ip route add 10.98.0.0/16 dev v2
ip route add 10.97.0.0/16 via 10.0.0.2 dev v2
ip route add 10.96.0.0/16 nexthop via 10.0.0.2 dev v0 nexthop dev v2
ip route add 192.168.8.0/24 via 10.0.0.9 dev nosuch
ip route add 192.168.8.0/24 dev v1 scope host via 10.0.0.2
ip route add 1.2.3.0/24 dev v0 table 0
ip ro add 2001:db8:99::/64 via 2001:db8:55::1
ip route add to
ip route add unreachable
ip route add 10.0.0.300/24 dev v0
ip route add 1.2.3.0/24 dev v0 metric abc
ip route add 1.2.3.0/24 via 10.0.0.2 via 10.0.0.3
ip route add 1.2.3.0/24 1.2.4.0/24
ip route add 1.2.3.0/24 dev v0 scope foo
ip route add 1.2.3.0/24 dev v0 proto foo
ip route add 1.2.3.0/24 dev v0 weight 3
ip route add 1.2.3.0/24 dev v0 mark 5
ip route add 1.2.3.0/24 via
ip route add 1.2.3.0/24 via foo
ip route add 1.2.3.0/24 via inet6 10.0.0.2
ip route add 1.2.3.0/24 src foo dev v0
ip route add 1.2.3.0/24 dev
ip route add 1.2.3.0/24 from foo dev v0
ip route add 2001:db8:99::/64 via 10.0.0.2 dev v0
ip -4 route add 2001:db8:99::/64 dev v0
ip -6 route add 10.1.0.0/16 dev v0
ip route add 1.2.3.0/24 dev v0 vrf foo
ip route add 1.2.3.0/24 dev v0 vrf default
ip route add 1.2.3.0/24 dev v0 as 1.1.1.1
ip route show 1.2.3.0/24
ip route add 1.2.4.0/24 dev v0 as to 1.1.1.1
ip route add 1.2.4.0/24 dev v0 as foo
ip route add 1.2.4.0/24 dev v0 ttl-propagate enabled
ip route add 1.2.4.0/24 dev v0 nhid 5
ip route del 1.2.3.0/24 dev nosuch
ip route flush
ip route flush foo
ip route show table foo
ip route show proto foo
ip route show scope foo
ip route show type foo
ip route show dev nosuch
ip route show iif nosuch
ip route show mark x
ip route show metric x
ip route show vrf foo
ip route show vrf default
ip route show tos foo
ip route show realms x/y
ip route show via
ip route show via foo
ip route show src foo
ip route show from
ip route show root
ip route show 10.0.0.300
ip route show e
ip route show m
ip -6 route show via 10.0.0.1
ip route foo
ip route 1.2.3.0
ip ro flush cache foo",
    );
}

#[test]
fn flush() {
    same(
        "ip route add 10.1.0.0/16 via 10.0.0.2
ip route add 10.2.0.0/16 via 10.0.0.2 proto static
ip route add 10.3.0.0/16 via 10.0.0.3 table 100
ip route add 10.4.0.0/16 dev v1
ip -6 route add 2001:db8:1::/64 via 2001:db8::2
ip -s route flush proto static
ip route
ip -s -s route flush via 10.0.0.2
ip route
ip -s route flush table 100
ip route show table 100
ip route flush table 101
ip -s route flush table 101
ip route flush dev v1
ip route
ip -s route flush cache
ip route flush cache
ip -s -s route flush cache
ip -6 -s route flush cache
ip -6 route flush cached
ip -s -6 route flush table main
ip -6 route
ip route add 10.5.0.0/16 via 10.0.0.2
ip route add 10.6.0.0/16 via 10.0.0.2
ip route add 10.7.0.0/16 via 10.0.0.2 metric 9
ip -s route flush 10.5.0.0/16
ip -s route flush metric 9
ip -s route flush root 10.0.0.0/8
ip -s route flush root 10.0.0.0/8
ip route
ip -s -s route flush table all
ip route show table all
ip route add 10.8.0.0/16 dev v0
ip route flush dev v0 scope link
ip route
ip route flush table main
ip -s route flush table main",
    );
}

#[test]
fn get_variants() {
    same(
        "ip route add default via 10.0.0.254
ip route add 10.6.0.0/16 via 10.0.0.2 mtu 1400 advmss 1300
ip route add unreachable 192.168.4.0/24
ip route add prohibit 192.168.6.0/24
ip route add blackhole 192.168.5.0/24
ip route add 10.10.0.0/16 via 10.0.0.2 table 100
ip route get 192.168.1.5
ip route get 10.0.0.1
ip route get 10.6.1.1
ip route get 8.8.8.8
ip route get fibmatch 8.8.8.8
ip route get 8.8.8.8 fibmatch
ip route get fibmatch 10.0.0.7
ip route get 192.168.4.1
ip route get 192.168.6.1
ip route get 192.168.5.1
ip route get 2001:db8::5
ip route get 2001:db8:99::5
ip -6 route get 2001:db8::5
ip -4 route get 2001:db8::5
ip route get 10.0.0.5 from 10.0.0.1
ip route get 10.0.0.5 from 10.0.0.77
ip route get 10.0.0.5 oif v0
ip route get 10.0.0.5 dev v0
ip route get 10.0.0.5 oif nosuch
ip route get 10.0.0.5 iif nosuch
ip route get 10.0.0.5 iif v1
ip route get 10.0.0.5 mark 5
ip route get 10.0.0.5 mark 0x20
ip route get 10.0.0.5 mark x
ip route get 10.0.0.5 uid 1000
ip route get 10.0.0.5 uid x
ip route get 10.0.0.5 tos 0x10
ip route get 10.0.0.5 tos x
ip route get 10.0.0.5 ipproto tcp sport 100 dport 200
ip route get 10.0.0.5 ipproto 17
ip route get 10.0.0.5 ipproto foo
ip route get 10.0.0.5 sport x
ip route get 10.0.0.5 dport 70000
ip route get 10.0.0.5 connected
ip -j route get 10.0.0.5 connected
ip route get 10.0.0.5 from 10.0.0.1 connected
ip route get 10.0.0.0/24
ip route get 2001:db8::/64
ip route get
ip route get from 10.0.0.1
ip route get 10.0.0.300
ip route get 10.0.0.5 vrf foo
ip -j route get 10.0.0.5
ip -j -p route get 10.0.0.1
ip -o route get 10.0.0.1
ip -c route get 10.0.0.5
ip -d route get 10.0.0.5
ip -s route get 10.0.0.5
ip route get to 10.0.0.5
ip route get 127.0.0.1
ip route get 10.0.0.255
ip route get 224.0.0.1
ip route get 10.0.0.5 notify
ip route get 10.10.1.1
ip -n nonexist route get 10.0.0.5",
    );
}

#[test]
fn output_modes() {
    same(
        "ip route add default via 10.0.0.254
ip route add 192.168.1.0/24 via 10.0.0.2 metric 100 mtu lock 1400
ip route add unreachable 192.168.4.0/24
ip route add 192.168.10.0/24 nexthop via 10.0.0.2 dev v0 weight 1 nexthop via 10.0.0.3 dev v0 weight 2
ip route add 10.22.0.0/16 dev v0 realms 3/4
ip -6 route add 2001:db8:1::/64 via 2001:db8::2
ip -j route
ip -j -p route
ip -json -pretty route show table all
ip -p route
ip -o route
ip -oneline route show table all
ip -c route
ip -color=always route show table all
ip -c=never route
ip -c -o route
ip -c -6 route
ip -c -j route
ip -d -o route
ip -d -j route
ip -s -j route
ip -N -j route show table all
ip -j route show 1.1.1.0/24
ip -j -p route show 1.1.1.0/24
ip -j route show table local
ip -j route show dev v0
ip -j route show proto kernel scope link
ip -j -6 route show table all",
    );
}

#[test]
fn echo_and_numeric_names() {
    same(
        "ip -echo route add 5.5.5.0/24 dev v1
ip -echo -j route add 5.5.6.0/24 dev v1
ip -echo -j -p route add 5.5.7.0/24 via 10.0.0.2 table 55
ip -echo route del 5.5.6.0/24 dev v1
ip -echo route add 5.5.8.0/24 dev v1 table 55
ip -echo -6 route add 2001:db8:7::/64 via 2001:db8::5
ip -echo route add 5.5.5.0/24 dev v1
ip route add 10.30.0.0/16 dev v0 proto 42 scope 200 table 250
ip route add 10.31.0.0/16 dev v0 proto 250 scope 100 table 251
ip route show table all
ip -N route show table all
ip -r route show table local
ip -r route",
    );
}

#[test]
fn ipv6() {
    same(
        "ip -6 route add 2001:db8:1::/64 via 2001:db8::2
ip -6 route add 2001:db8:2::/64 dev v0 metric 5 mtu 1300
ip -6 route add 2001:db8:3::1 dev v0
ip -6 route add default via 2001:db8::fe
ip -6 route add 2001:db8:4::/64 from 2001:db8::/64 via 2001:db8::2
ip -6 route
ip -6 route show
ip -6 route show table all
ip -6 route show table local
ip -6 route show table main
ip -6 route show dev v0
ip -6 route show default
ip -6 route show root 2001:db8::/32
ip -6 route show match 2001:db8:1::5
ip -6 route show 2001:db8:1::/64
ip -6 route show from 2001:db8::/64
ip -6 route show via 2001:db8::2
ip -6 route show proto kernel
ip -6 route show metric 5
ip -6 route show type local table all
ip -6 -d route
ip -6 -j route
ip -6 -j -p route show table all
ip -6 -o route
ip -6 route flush 2001:db8:1::/64
ip -6 route
ip -6 route get 2001:db8:1::9
ip -6 route get 2001:db8:4::9 from 2001:db8::1
ip route show table all
ip -6 route add 2001:db8:5::/64 dev v0 expires 100
ip -6 route show 2001:db8:5::/64 | sed -E 's/expires [0-9]+sec/expires Nsec/'
ip -6 -j route show 2001:db8:5::/64 | sed -E 's/\"expires\":[0-9]+/\"expires\":N/'
ip -6 -d route show 2001:db8:5::/64 | sed -E 's/expires [0-9]+sec/expires Nsec/'",
    );
}

#[test]
fn router_namespace_tutorial() {
    assert_same(
        "ip netns add h1
ip netns add r
ip netns add h2
ip link add h1-eth0 type veth peer name r-eth0
ip link add h2-eth0 type veth peer name r-eth1
ip link set h1-eth0 netns h1
ip link set r-eth0 netns r
ip link set r-eth1 netns r
ip link set h2-eth0 netns h2
ip -n h1 addr add 10.0.1.2/24 dev h1-eth0
ip -n r addr add 10.0.1.1/24 dev r-eth0
ip -n r addr add 10.0.2.1/24 dev r-eth1
ip -n h2 addr add 10.0.2.2/24 dev h2-eth0
ip -n h1 link set h1-eth0 up
ip -n h1 link set lo up
ip -n r link set r-eth0 up
ip -n r link set r-eth1 up
ip -n h2 link set h2-eth0 up
ip netns exec r sysctl -w net.ipv4.ip_forward=1
ip -n h1 route add default via 10.0.1.1
ip netns exec h2 ip route add default via 10.0.2.1
ip netns exec h1 ping -c 1 -W 2 10.0.2.2
ip netns exec h2 ping -c 1 -W 2 10.0.1.2
ip -n h1 route
ip -n h2 route show
ip -n r route
ip -n r route show table all
ip -n h1 route get 10.0.2.2
ip -n r route get 10.0.2.2 from 10.0.1.2 iif r-eth0
ip -n r -j -p route
ip -n h1 route del default
ip netns exec h1 ping -c 1 -W 1 10.0.2.2
ip -n h1 route add 10.0.2.0/24 via 10.0.1.1
ip netns exec h1 ping -c 1 -W 2 10.0.2.2
ip -n h1 route",
    );
}

#[test]
fn bridge_as_default_gateway_tutorial() {
    assert_same(
        "ip link add br0 type bridge
ip link set br0 up
ip addr add 10.10.103.254/24 dev br0
ip netns add ns1
ip netns add ns2
ip link add veth1 type veth peer name veth1-br
ip link add veth2 type veth peer name veth2-br
ip link set veth1 netns ns1
ip link set veth2 netns ns2
ip link set veth1-br master br0
ip link set veth2-br master br0
ip link set veth1-br up
ip link set veth2-br up
ip -n ns1 addr add 10.10.103.1/24 dev veth1
ip -n ns2 addr add 10.10.103.2/24 dev veth2
ip -n ns1 link set veth1 up
ip -n ns2 link set veth2 up
ip -n ns1 route add default via 10.10.103.254
ip netns exec ns2 ip route add default via 10.10.103.254
ip netns exec ns1 ping -c 1 -W 2 10.10.103.254
ip netns exec ns1 ping -c 1 -W 2 10.10.103.2
ip -n ns1 route
ip -n ns2 route
ip route
ip route show dev br0
ip -n ns1 route get 8.8.8.8",
    );
}

/// Usage texts list only what ipbox serves, and near misses get a suggestion: ipbox-only
/// expectations.
#[test]
fn help_and_unknown_subcommands() {
    let t = transcript(
        Tools::Ipbox,
        "ip route help\nip route shwo\nip route xyz\nip route save\nip route add 1.2.3.0/24 dev lo encap ip dst 1.1.1.1",
    );
    assert!(
        t.starts_with("$ ip route help\n! Usage: ip route { list | flush } SELECTOR\n"),
        "{t}"
    );
    assert!(
        t.contains("! ROUTE_GET_FLAGS := [ fibmatch ]\n[rc=255]\n"),
        "{t}"
    );
    // every way to the usage text ends the same: stderr, exit code 255
    let usage = transcript(Tools::Ipbox, "ip route help")
        .lines()
        .skip(1)
        .collect::<Vec<_>>()
        .join("\n");
    for cmd in [
        "ip route add",
        "ip route add help",
        "ip route show table help",
        "ip route get help",
        "ip route get from help",
        "ip r del help",
    ] {
        let t = transcript(Tools::Ipbox, cmd);
        assert_eq!(t, format!("$ {cmd}\n{usage}\n"), "{cmd}");
    }
    assert!(
        !t.contains("save SELECTOR") && !t.contains("ENCAPTYPE"),
        "{t}"
    );
    assert!(
        t.contains(
            "$ ip route shwo\n! Command \"shwo\" is unknown, try \"ip route help\".\n! Did you mean \"show\"?\n[rc=255]\n"
        ),
        "{t}"
    );
    assert!(
        t.contains(
            "$ ip route xyz\n! Command \"xyz\" is unknown, try \"ip route help\".\n[rc=255]\n"
        ),
        "{t}"
    );
    assert!(
        t.contains("$ ip route save\n! \"ip route save\" is not served by ipbox; use iproute2's ip for it.\n[rc=1]\n"),
        "{t}"
    );
    assert!(
        t.contains(
            "encap ip dst 1.1.1.1\n! Error: \"encap\" (lightweight tunnels) is not served by ipbox"
        ),
        "{t}"
    );
}

#[test]
fn batch_with_routes() {
    same(
        "printf 'route add 10.50.0.0/16 via 10.0.0.2\\nroute add 10.50.0.0/16 via 10.0.0.2\\nroute show\\n' > b1
ip -b b1
ip -force -b b1
printf 'route add 10.51.0.0/16 via 10.0.0.2 metric x\\nroute show\\n' > b2
ip -force -b b2
printf 'route show table 77\\nroute show\\n' > b3
ip -force -b b3
printf 'route get 10.0.0.7\\nroute flush\\nroute show dev nosuch\\n' > b4
ip -force -b b4
ip route add 10.60.0.0/16 via 10.0.0.2 proto static table 100
ip route add 10.61.0.0/16 dev v0 proto boot
printf 'route show dev v0\\nroute show proto static table 100\\nroute show table 100 dev v0\\nroute show table 55\\nroute show proto kernel\\nroute flush table 100\\nroute show table 100\\nroute show table all\\n' > b5
ip -force -b b5
ip -j -b b5",
    );
}

/// PMTU exceptions: cloned routes in `show cache`, `get`, JSON, `flush cache` (expiry times masked).
#[test]
fn pmtu_exceptions_in_the_cache() {
    assert_same(
        "ip netns add h1
ip netns add r
ip netns add h2
ip link add h1-eth0 type veth peer name r-eth0
ip link add h2-eth0 type veth peer name r-eth1
ip link set h1-eth0 netns h1
ip link set r-eth0 netns r
ip link set r-eth1 netns r
ip link set h2-eth0 netns h2
ip -n h1 addr add 10.0.1.2/24 dev h1-eth0
ip -n h1 addr add 2001:db8:1::2/64 dev h1-eth0
ip -n r addr add 10.0.1.1/24 dev r-eth0
ip -n r addr add 2001:db8:1::1/64 dev r-eth0
ip -n r addr add 10.0.2.1/24 dev r-eth1
ip -n r addr add 2001:db8:2::1/64 dev r-eth1
ip -n h2 addr add 10.0.2.2/24 dev h2-eth0
ip -n h2 addr add 2001:db8:2::2/64 dev h2-eth0
ip -n h1 link set h1-eth0 up
ip -n r link set r-eth0 up
ip -n r link set r-eth1 up
ip -n r link set r-eth1 mtu 1300
ip -n h2 link set h2-eth0 up
ip -n h2 link set h2-eth0 mtu 1300
ip netns exec r sysctl -qw net.ipv4.ip_forward=1
ip netns exec r sysctl -qw net.ipv6.conf.all.forwarding=1
ip -n h1 route add default via 10.0.1.1
ip -n h1 route add default via 2001:db8:1::1
ip -n h2 route add default via 10.0.2.1
ip -n h2 route add default via 2001:db8:2::1
sleep 2
ip netns exec h1 ping -c 1 -W 2 -M do -s 1400 10.0.2.2 | head -2
ip netns exec h1 ping -6 -c 1 -W 2 -M do -s 1400 2001:db8:2::2 | head -2
ip -n h1 route show cache | sed -E 's/expires [0-9]+sec/expires Nsec/'
ip -n h1 route list cloned | sed -E 's/expires [0-9]+sec/expires Nsec/'
ip -n h1 -6 route show cache | sed -E 's/expires [0-9]+sec/expires Nsec/'
ip -n h1 -j route show cache | sed -E 's/\"expires\":[0-9]+/\"expires\":N/'
ip -n h1 -j -6 route show cache | sed -E 's/\"expires\":[0-9]+/\"expires\":N/'
ip -n h1 -o route show table cache | sed -E 's/expires [0-9]+sec/expires Nsec/'
ip -n h1 route get 10.0.2.2 | sed -E 's/expires [0-9]+sec/expires Nsec/'
ip -n h1 -6 route get 2001:db8:2::2 | sed -E 's/expires [0-9]+sec/expires Nsec/'
ip -n h1 -6 -d route show table all cache | sed -E 's/expires [0-9]+sec/expires Nsec/'
ip -n h1 route show table all cache | sed -E 's/expires [0-9]+sec/expires Nsec/'
ip -n h1 -s route flush cache
ip -n h1 route show cache
ip -n h1 -s -s -6 route flush cache | sed -E 's/expires [0-9]+sec/expires Nsec/'
ip -n h1 -6 route show cache",
    );
}

/// iproute2's keyword prefixes in selectors, get and modify words.
#[test]
fn keyword_prefixes() {
    same(
        "ip route add 10.1.0.0/16 via 10.0.0.2 proto static metric 5 realm 4
ip r
ip r s
ip ro sh ta al
ip ro l t main
ip route show t 0
ip route show pr static
ip route show p static
ip route show sc link
ip route show ty unicast
ip route show ca
ip route show cl
ip route show d 0x0
ip route show re 4
ip route show f 10.0.0.0/24
ip route show fr 0/0
ip route show r 10.0.0.0/8
ip route show ma 10.1.2.3
ip route show ex 10.1.0.0/16
ip route show to ex 10.1.0.0/16
ip route show met 5
ip route show pri 5
ip route show pref 5
ip route show preference 5
ip route show v 10.0.0.2
ip route show via inet6 ::
ip route show src ::1
ip -6 route show src ::1
ip route show table default
ip route show table 253
ip route ge 10.1.1.1
ip route g 10.1.1.1
ip route ge 10.1.1.1 f 10.0.0.1
ip route ge 10.1.1.1 i v1
ip route ge 10.1.1.1 o v0
ip route ge 10.0.0.9 n
ip route ge 10.1.1.1 c
ip route ge 10.1.1.1 u 5
ip route ge 10.1.1.1 s 5
ip route ge 10.1.1.1 d 0x10
ip route ge 10.1.1.1 ip icmp
ip route ge 10.1.1.1 fi
ip route ge 10.1.1.1 m 3
ip route add 10.2.0.0/16 via 10.0.0.2 m 4
ip route add 10.3.0.0/16 via 10.0.0.2 p 4
ip route add 10.4.0.0/16 via 10.0.0.2 pro 4
ip route add 10.5.0.0/16 via 10.0.0.2 t 100
ip route add 10.6.0.0/16 via 10.0.0.2 w 5 c 3 i 3 r 2 q 1 f ecn ss 5 co reno
ip route add 10.7.0.0/16 via 10.0.0.2 d 0x10
ip route add 10.8.0.0/16 via 10.0.0.2 re 5
ip route add 10.9.0.0/16 via 10.0.0.2 v 3
ip route add 10.10.0.0/16 via 10.0.0.2 pre 5
ip route add 10.11.0.0/16 via 10.0.0.2 initr 3
ip route add 10.12.0.0/16 via 10.0.0.2 rttv 3 fa 1
ip route add 10.13.0.0/16 via 10.0.0.2 e 3
ip route add u 10.14.0.0/16
ip route add b 10.15.0.0/16 dev v0
ip route add m 10.16.0.0/16 dev v0
ip route add x 10.16.0.0/16 dev v0
ip route add a 10.16.0.0/16 dev v0
ip route add l 10.16.0.0/16 dev v0
ip route add n 10.16.0.0/16 dev v0
ip route add local 10.17.0.0/16 dev v0
ip route show table all
ip route show type b table all
ip route show type n table all
ip route show type 3 table all
ip route show type 300
ip -d -N route show table all",
    );
}

/// Thousands of routes: listing, JSON, and a flush in batches of iproute2's size.
#[test]
fn big_tables() {
    same(
        "for i in $(seq 0 15); do for j in $(seq 0 249); do echo \"route add 11.$i.$j.0/24 via 10.0.0.2\"; done; done > b; ip -b b
ip route | wc -l
ip route | md5sum
ip -j route | md5sum
ip -s route flush via 10.0.0.2
ip route | wc -l
for i in $(seq 0 1); do for j in $(seq 0 249); do echo \"route add 11.$i.$j.0/24 via 10.0.0.2\"; done; done > b; ip -b b
ip -s route flush root 11.0.0.0/8",
    );
}

/// -0/-B/-M/-f families, and gateways of another family (RTA_VIA).
#[test]
fn other_families_and_via() {
    same(
        "ip -0 route
ip -B route
ip -M route
ip -f link route
ip -0 route show table all
ip -B route show table all
ip -M route show table all
ip -0 route add 1.2.3.0/24 dev v0
ip -B route add 1.2.3.0/24 dev v0
ip -M route add 100 dev v0
ip -M route add 1.2.3.0/24 dev v0
ip -0 route get 1.2.3.4
ip -M route get 100
ip -B route get 1.2.3.4
ip -0 route flush table all
ip -B route flush table all
ip -0 route show via 10.0.0.2
ip route add 1.2.4.0/24 via link 02:00:00:00:00:02 dev v0
ip route add 1.2.5.0/24 via bridge 10.0.0.2 dev v0
ip route add 1.2.6.0/24 via ipx 10.0.0.2 dev v0
ip route add 1.2.7.0/24 via mpls 100 dev v0
ip route show via link 02:00:00:00:00:02
ip route show via inet6 ::/0
ip route add 1.2.8.0/24 via inet6 fe80::1 dev v0
ip route
ip -j route
ip route show via inet6 fe80::1
ip route show via inet6 fe80::/64
ip route del 1.2.8.0/24 via inet6 fe80::1 dev v0",
    );
}

/// The bridge tutorial again, with the bridge built by brctl.
#[test]
fn bridge_gateway_with_brctl() {
    assert_same(
        "brctl addbr br0
ip link set br0 up
ip addr add 10.10.103.254/24 dev br0
ip netns add ns1
ip link add veth1 type veth peer name veth1-br
ip link set veth1 netns ns1
brctl addif br0 veth1-br
ip link set veth1-br up
ip -n ns1 addr add 10.10.103.1/24 dev veth1
ip -n ns1 link set veth1 up
ip -n ns1 route add default via 10.10.103.254
ip netns exec ns1 ping -c 1 -W 2 10.10.103.254
ip -n ns1 route
ip -n ns1 route get 10.10.103.254
ip route show dev br0",
    );
}

/// Names from /etc/iproute2 (a private tmpfs here): iproute2 6.1's built-in names when the
/// files are missing, the files' names (rt_tables.d, rt_protos.d included) when present,
/// corrupted lines, and the lazy reading of protocols, scopes and realms.
#[test]
fn name_tables_from_etc_iproute2() {
    same(
        "mount -t tmpfs none /etc/iproute2
ip route add 10.1.0.0/16 dev v0 proto 99 scope 200 table 100 realm 0/5 tos 0x28
ip route add 10.2.0.0/16 dev v0 proto 42 scope 254 table 253 realm 3
ip route add 10.3.0.0/16 dev v0 proto 18 table 0x1000
ip route add 10.4.0.0/16 dev v0 proto 186 table unspec
ip route show table all
ip -j route show table all
ip route show table all proto babel
ip route show table all proto openr
ip route show table all scope site
ip route show tos AF11 table all
ip route add 10.5.0.0/16 dev v0 table mytable
printf '100 mytable\\n# comment\\n0x1000 hextable\\n  200\\tspaced # trailing\\nbad line here\\n300 after\\n' > /etc/iproute2/rt_tables
mkdir /etc/iproute2/rt_tables.d /etc/iproute2/rt_protos.d
printf '253 mydefault\\n' > /etc/iproute2/rt_tables.d/x.conf
printf '254 ignored\\n' > /etc/iproute2/rt_tables.d/y.txt
printf '99 myproto\\n' > /etc/iproute2/rt_protos.d/p.conf
printf '200 mysite\\n' > /etc/iproute2/rt_scopes
printf '3 realm3\\n5 realm5\\n' > /etc/iproute2/rt_realms
printf '0x28 myds\\n' > /etc/iproute2/rt_dsfield
ip route show table all
ip -j route show table all
ip route add 10.5.0.0/16 dev v0 table mytable
ip route show table mytable
ip route show table hextable
ip route show table after
ip route show table mydefault
ip route show proto myproto table all
ip route show scope mysite table all
ip route show realm realm3 table all
ip route show realms /realm5 table all
ip route show tos myds table all
ip -N route show table all",
    );
}

/// The name files read as iproute2's fread_id_name does (`sscanf("0x%x %s")`, then `"%d %s"`,
/// numbers cut to an int, negative ids skipped), and kept as it keeps them: protocols, scopes,
/// realms and DS fields in 256-entry arrays (a later line for an id replaces it, ids above 255
/// are skipped, a name means its lowest id), routing tables in hash chains (every line kept, an
/// id shows its newest name, a name means the first match by chain `id & 255`, newest first).
#[test]
fn name_files_parsed_and_kept_as_iproute2_does() {
    same(
        "mount -t tmpfs none /etc/iproute2
printf '100 t1\\n100 t2\\n101 d\\n100 d\\n100 e\\n356 e\\n254 mymain\\n10abc\\n0xzz\\n0x1ffffffff hexbig\\n-5 neg\\n4294967295 maxt\\n4294967296 over\\n99999999999999999999 huge\\n+7 plus\\n\\v8 vtab\\n9 name extra words\\n0X14 upperx\\n0x 15 spacehex\\n2147483648 int2big\\n' > /etc/iproute2/rt_tables
printf '50 a\\n50 b\\n51 x\\n52 x\\n4 mystatic\\n300 bigproto\\n-1 negproto\\n255 last\\n0x2a answer\\n' > /etc/iproute2/rt_protos
printf '200 mysite\\n201 mysite\\n17 s17\\n17 s17b\\n' > /etc/iproute2/rt_scopes
printf '1 r1\\n2 r1\\n0x10 r16\\n300 r300\\n' > /etc/iproute2/rt_realms
printf '0x10 lowd\\n0x10 lowd2\\n' > /etc/iproute2/rt_dsfield
ip route add 10.1.0.0/24 dev v0 table t1
ip route add 10.2.0.0/24 dev v0 table t2
ip route add 10.3.0.0/24 dev v0 table d
ip route add 10.4.0.0/24 dev v0 table e
ip route add 10.5.0.0/24 dev v0 table mymain
ip route add 10.6.0.0/24 dev v0 table main
ip route add 10.7.0.0/24 dev v0 table abc
ip route add 10.8.0.0/24 dev v0 table xzz
ip route add 10.9.0.0/24 dev v0 table hexbig
ip route add 10.10.0.0/24 dev v0 table neg
ip route add 10.11.0.0/24 dev v0 table maxt
ip route add 10.12.0.0/24 dev v0 table over
ip route add 10.13.0.0/24 dev v0 table huge
ip route add 10.14.0.0/24 dev v0 table plus
ip route add 10.15.0.0/24 dev v0 table vtab
ip route add 10.16.0.0/24 dev v0 table name
ip route add 10.17.0.0/24 dev v0 table upperx
ip route add 10.18.0.0/24 dev v0 table spacehex
ip route add 10.19.0.0/24 dev v0 table int2big
ip route add 10.20.0.0/24 dev v0 table 356
ip route show table all
ip route show table d
ip route add 10.30.0.0/24 dev v0 proto a
ip route add 10.31.0.0/24 dev v0 proto b
ip route add 10.32.0.0/24 dev v0 proto x
ip route add 10.33.0.0/24 dev v0 proto 52
ip route add 10.34.0.0/24 dev v0 proto mystatic
ip route add 10.35.0.0/24 dev v0 proto static
ip route add 10.36.0.0/24 dev v0 proto bigproto
ip route add 10.37.0.0/24 dev v0 proto negproto
ip route add 10.38.0.0/24 dev v0 proto answer
ip route add 10.39.0.0/24 dev v0 proto last
ip route add 10.43.0.0/24 dev v0 scope mysite
ip route add 10.44.0.0/24 dev v0 scope s17
ip route add 10.45.0.0/24 dev v0 scope s17b
ip route add 10.48.0.0/24 dev v0 realms r1
ip route add 10.49.0.0/24 dev v0 realms r16/r1
ip route add 10.50.0.0/24 dev v0 realms r300
ip route add 10.51.0.0/24 dev v0 tos lowd
ip route add 10.52.0.0/24 dev v0 tos lowd2
ip route
ip -d route
ip -j route",
    );
}

/// -echo of every change, flush under -j/-o, and the kernel's answers to changes of missing routes.
#[test]
fn echo_flush_modes_and_missing_routes() {
    same(
        "ip route add 10.1.0.0/16 via 10.0.0.2
ip route add 10.2.0.0/16 via 10.0.0.2
ip route add 10.3.0.0/16 via 10.0.0.2
ip -j route flush 10.1.0.0/16
ip -j -s route flush 10.2.0.0/16
ip -j -s -s route flush 10.3.0.0/16
ip route add 10.3.0.0/16 via 10.0.0.2
ip -o -s -s route flush 10.3.0.0/16
ip -j -p route show table 300
ip -j -p route show 1.1.1.1
ip -j route get 10.0.0.300
ip -j route add 10.9.0.0/16 via 10.0.0.99 dev v1
ip -j -echo route add 10.9.0.0/16 via 10.0.0.99 dev v1
ip -c -echo route add 10.8.0.0/16 via 10.0.0.2 dev v0
ip -s -echo route add 10.7.0.0/16 via 10.0.0.2 dev v0
ip -d -echo route del 10.7.0.0/16 via 10.0.0.2 dev v0
ip -echo route add 2001:db8::/64 dev v0
ip -echo -6 route del 2001:db8::/64 dev v0
ip -echo route replace 10.8.0.0/16 via 10.0.0.3 dev v0
ip -echo route change 10.8.0.0/16 via 10.0.0.3 dev v0 mtu 1000
ip -echo route append 10.8.0.0/16 via 10.0.0.4 dev v0 metric 5
ip -echo route add 10.40.0.0/16 nexthop via 10.0.0.2 nexthop via 10.0.0.3
ip -echo route del 10.40.0.0/16
ip route del default
ip route del 10.99.0.0/16 via 10.0.0.2
ip route del 10.8.0.0/16 table 999
ip route change 10.99.0.0/16 dev v0
ip route test 10.8.0.0/16 via 10.0.0.3 dev v0
ip route",
    );
}

/// Device names that are not UTF-8 pass through route output byte for byte.
#[test]
fn names_that_are_not_utf8() {
    assert_same(
        "ip link add $'v\\xff' type veth peer name $'w\\xfe'
ip link set $'v\\xff' up
ip link set $'w\\xfe' up
ip addr add 10.0.0.1/24 dev $'v\\xff'
ip route add 10.9.0.0/16 dev $'v\\xff'
ip route | od -c
ip -j route | od -c
ip route show dev $'v\\xff' | od -c",
    );
}
