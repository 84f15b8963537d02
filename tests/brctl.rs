//! `brctl`: every command, error and option of bridge-utils 1.7.1, compared with the real
//! brctl in twin sandboxes. ipbox's own `ip` makes the veths and namespaces; settings are checked
//! with the reference `/usr/sbin/ip -d` (and addresses set with it), so these tests lean on no
//! other part of ipbox than `ip link add/set` and `ip netns`.
mod common;
use common::*;

#[test]
fn usage_options_and_argument_counts() {
    assert_same(
        "brctl
brctl help
brctl -h
brctl --help
brctl --he
brctl -V
brctl --version
brctl --vers
brctl -x
brctl -xh
brctl -hx
brctl -Vh
brctl show -x
brctl show br0 -h
brctl show --help
brctl --foo
brctl --foo=bar
brctl ---
brctl --help=x
brctl --vers=1
brctl --=
brctl -
brctl -W foo
brctl -- -h
brctl show -- -h
brctl --
brctl -- --
brctl foo bar
brctl sho
brctl addbr br0 -5
brctl setageing br0 -5
brctl addbr
brctl delbr
brctl addif
brctl addif br0
brctl delif br0
brctl hairpin br0 veth1
brctl setageing br0
brctl setbridgeprio br0
brctl setfd br0
brctl sethello br0
brctl setmaxage br0
brctl setpathcost br0 veth1
brctl setportprio br0 veth1
brctl showmacs
brctl showstp
brctl stp br0
brctl -- addbr br0
brctl show
POSIXLY_CORRECT=1 brctl show -x
brctl show br0 nosuch 2>&1
brctl -x 2>&1",
    );
}

#[test]
fn addbr_delbr_and_show() {
    assert_same(
        "brctl show
brctl addbr br0
brctl show
brctl addbr br0 extra args
brctl addbr br0
brctl addbr averyveryverylongname
brctl addbr a/b
brctl addbr ''
brctl addbr 'a b'
brctl addbr .
brctl addbr 'br%d'
brctl addbr Br1
brctl addbr _x
brctl show
brctl show br0 nosuch lo averyveryverylongname averyveryverylo
brctl show ''
brctl delbr nosuch
brctl delbr ''
brctl delbr lo
ip link set br0 up
brctl delbr br0
ip link set br0 down
brctl delbr br0 more
brctl delbr averyveryverylongnamexx
brctl show
brctl delbr br1
brctl delbr Br1
brctl delbr _x
brctl show
brctl show br0",
    );
}

#[test]
fn addif_delif_several_and_their_errors() {
    assert_same(
        "brctl addbr br0
brctl addbr br1
ip link add veth0 type veth peer name veth1
ip link add veth2 type veth peer name veth3
brctl addif br0 veth0 nosuch veth1
brctl show
brctl addif nosuch veth1
brctl addif nosuch nosuch2
brctl addif br0 veth0
brctl addif br1 veth0
brctl addif br0 br1
brctl addif br0 br0
brctl addif br0 lo
brctl addif lo veth1
brctl addif veth1 veth2
brctl addif br0 averyveryverylongname
brctl addif br0 ''
brctl addbr averyveryverylongname
brctl addif averyveryverylongname veth2
brctl show
brctl delif br0 veth1
brctl delif br0 veth0 veth1
brctl delif br0 nosuch
brctl delif nosuch veth0
brctl delif lo veth0
brctl delif br1 veth2
brctl delif averyveryverylongnameZZZ veth2
brctl delif br0 veth3
brctl show
brctl addif br0 veth0 veth1 veth1 veth2
brctl show
brctl addif br1 veth3 veth2
brctl show br1 br0
/usr/sbin/ip -o link show master br0
brctl delif br0 veth1 veth0
brctl show",
    );
}

#[test]
fn altnames_and_long_names_as_bridge_utils_reaches_them() {
    assert_same(
        "brctl addbr br9
brctl addbr averyveryverylongname
ip link add veth0 type veth peer name veth1
ip link add vethB type veth peer name vethA
ip link property add dev veth0 altname portalt
ip link property add dev br9 altname bralt
brctl addif bralt portalt vethB vethA veth1
brctl show
brctl show bralt br9 averyveryverylongname
brctl showmacs bralt
brctl delif bralt portalt
brctl addif br9 portalt
brctl hairpin br9 portalt on
brctl hairpin bralt veth0 on
brctl setpathcost br9 portalt 7
brctl setpathcost br10 portalt 7
brctl setportprio bralt portalt 7
brctl setfd bralt 3
brctl setbridgeprio averyveryverylongnameXX 0x1000
brctl showstp br9
brctl showmacs averyveryverylongnameYY
brctl delbr bralt
brctl show",
    );
}

#[test]
fn bridge_setters_change_the_bridge() {
    assert_same(
        "brctl addbr br0
ip link add veth0 type veth peer name veth1
brctl addif br0 veth0
brctl setfd br0 4.5
brctl sethello br0 1.5
brctl setmaxage br0 12.25
brctl setageing br0 123.456
brctl setbridgeprio br0 0x1170
brctl showstp br0
/usr/sbin/ip -d link show br0
brctl show
brctl setfd br0 abc
brctl sethello br0 abc
brctl setmaxage br0 abc
brctl setageing br0 abc
brctl setageing br0 ''
brctl setbridgeprio br0 abc
brctl setfd nosuch 3
brctl setfd lo 3
brctl setfd veth1 3
brctl setageing nosuch 3
brctl sethello lo 3
brctl setmaxage nosuch 10
brctl setbridgeprio nosuch 1
brctl setbridgeprio lo 1
brctl sethello br0 0.5
brctl sethello br0 11
brctl sethello br0 1e10
brctl setmaxage br0 5
brctl setmaxage br0 41
brctl setmaxage br0 inf
brctl setfd br0 0
brctl setfd br0 1e3
brctl showstp br0 | grep 'forward delay'
brctl stp br0 on
brctl setfd br0 0
brctl setfd br0 31
brctl setfd br0 nan
brctl setfd br0 1e10
brctl setfd br0 0x1p3
brctl sethello br0 2,5
brctl setmaxage br0 '  7abc'
brctl setageing br0 0
brctl showstp br0 | grep -v timer
brctl setageing br0 1e9
brctl showstp br0 | grep ageing
brctl setageing br0 3e7
brctl showstp br0 | grep ageing
brctl setageing br0 -- -1
brctl -- setageing br0 -0.5
brctl setageing br0 1e3
brctl setbridgeprio br0 70000
brctl setbridgeprio br0 -- -1
brctl -- setbridgeprio br0 -2
brctl setbridgeprio br0 010
/usr/sbin/ip -d link show br0
brctl show",
    );
}

#[test]
fn stp_on_off() {
    assert_same(
        "brctl addbr br0
brctl stp br0 maybe
brctl stp br0 ON
brctl stp nosuch on
brctl stp lo off
brctl stp br0 yes
brctl show
brctl stp br0 no
brctl show
brctl stp br0 1
brctl showstp br0 | grep -v timer
brctl stp br0 0
brctl stp br0 on
/usr/sbin/ip -d link show br0
brctl stp br0 off
/usr/sbin/ip -d link show br0",
    );
}

#[test]
fn port_setters_and_hairpin() {
    assert_same(
        "brctl addbr br0
brctl addbr br1
ip link add veth0 type veth peer name veth1
ip link add veth2 type veth peer name veth3
brctl addif br0 veth0 veth2
brctl addif br1 veth1
brctl setpathcost br0 veth0 100
brctl setpathcost br1 veth0 101
brctl setpathcost nosuch veth0 102
brctl setpathcost lo veth0 103
brctl setpathcost br0 veth3 5
brctl setpathcost br0 nosuch 5
brctl setpathcost nosuch nosuch 5
brctl setpathcost lo veth3 5
brctl setpathcost br0 veth0 0
brctl setpathcost br1 veth0 0
brctl setpathcost nosuch veth0 0
brctl setpathcost lo veth0 0
brctl setpathcost br0 veth0 65535
brctl setpathcost br0 veth0 65536
brctl setpathcost br0 veth0 99999999999
brctl setpathcost br0 veth0 4294967297
brctl setpathcost br0 veth0 ' -5'
brctl setpathcost br0 veth0 abc
brctl setpathcost br0 veth0 0x10
brctl setportprio br0 veth0 abc
brctl setportprio br0 veth0 16
brctl setportprio br0 veth2 63
brctl setportprio br0 veth0 64
brctl setportprio br1 veth0 64
brctl setportprio nosuch veth0 64
brctl setportprio br0 veth0 65537
brctl setportprio br0 veth0 ' -1'
brctl setportprio br0 veth3 1
brctl setportprio br0 nosuch 1
brctl setportprio lo veth3 1
brctl setportprio br0 veth0 010
brctl hairpin br0 veth0 maybe
brctl hairpin br0 veth0 on
brctl hairpin br1 veth2 yes
brctl hairpin br0 veth3 on
brctl hairpin nosuch veth3 on
brctl hairpin lo veth3 on
brctl hairpin br0 nosuch on
brctl hairpin nosuch nosuch on
brctl hairpin lo veth0 1
brctl hairpin averyveryverylongname veth0 1
brctl showstp br0
/usr/sbin/ip -d link show veth0
/usr/sbin/ip -d link show veth2
brctl hairpin br0 veth2 off
brctl hairpin br0 veth0 no
brctl hairpin br0 veth1 0
brctl showstp br0
brctl showstp br1
brctl showstp nosuch
brctl showstp lo
/usr/sbin/ip -d link show veth0",
    );
}

#[test]
fn unprivileged_users_get_bridge_utils_refusals() {
    // the ioctls check CAP_NET_ADMIN before (and sysfs' file modes instead of) what netlink checks
    assert_same(
        "brctl addbr br0
ip link add veth0 type veth peer name veth1
brctl addif br0 veth0
U=\"setpriv --reuid=65534 --regid=65534 --clear-groups\"
$U brctl addbr br1
$U brctl addbr br0
$U brctl delbr nosuch
$U brctl delbr br0
$U brctl delbr lo
$U brctl addif br0 veth1
$U brctl addif br0 veth0
$U brctl addif br0 br0
$U brctl addif br0 lo
$U brctl addif nosuch veth1
$U brctl addif lo veth1
$U brctl delif br0 veth1
$U brctl delif br0 veth0
$U brctl setfd br0 3
$U brctl setfd nosuch 3
$U brctl setfd lo 3
$U brctl stp br0 on
$U brctl setbridgeprio br0 1
$U brctl setpathcost br0 veth0 5
$U brctl setpathcost br0 veth1 5
$U brctl setportprio br0 veth0 5
$U brctl hairpin br0 veth0 on
$U brctl show
$U brctl showstp br0 | head -3
$U brctl showmacs br0
$U brctl addbr ''
$U brctl sethello br0 1e10
$U brctl sethello nosuch 1e10
brctl addbr br1
$U brctl setpathcost br1 veth0 5
$U brctl setportprio br1 veth0 99
$U brctl setportprio br0 veth0 99
$U brctl hairpin br1 veth0 on
$U brctl delif br1 veth0
$U brctl delif br1 nosuch
$U brctl delif nosuch veth0",
    );
}

/// A bridge between two namespaces, with STP and hairpin: showstp's port states, flags and the
/// hairpin line, showmacs with entries learned from a ping.
const TWO_HOSTS: &str = "ip netns add ns1
ip netns add ns2
ip link add v1 address 02:00:00:00:01:01 type veth peer name v1p address 02:00:00:00:01:02
ip link add v2 address 02:00:00:00:00:01 type veth peer name v2p address 02:00:00:00:02:02
ip link set v1p netns ns1
ip link set v2p netns ns2
brctl addbr br0
brctl showmacs br0
brctl showmacs nosuch
brctl showmacs lo
brctl addif br0 v2 v1
ip link set br0 up
ip link set v1 up
ip link set v2 up
/usr/sbin/ip -n ns1 addr add 10.0.0.1/24 dev v1p
/usr/sbin/ip -n ns2 addr add 10.0.0.2/24 dev v2p
ip -n ns1 link set v1p up
ip -n ns2 link set v2p up
ip netns exec ns1 ping -c1 -W1 10.0.0.2 >/dev/null; echo $?
brctl showmacs br0
brctl show
brctl showstp br0
brctl stp br0 on
brctl hairpin br0 v1 on
brctl showstp br0
brctl show
brctl setageing br0 0
sleep 0.1
brctl showmacs br0
brctl hairpin br0 v1 off
brctl stp br0 off
brctl showstp br0";

#[test]
fn showmacs_and_showstp_on_a_live_bridge() {
    assert_same(TWO_HOSTS);
}

/// Three STP bridges in a chain a - b - c, a the root: c's root port has a designated cost (b's
/// path cost to a), which the kernel sends as a u16. Hello every second and 8 s of waiting so the
/// ports forward and a's topology change has reached c in both runs (it stays for 22 s).
const STP_CHAIN: &str = "ip netns add a
ip netns add b
ip netns add c
ip -n a link add br0 type bridge
ip -n b link add br0 type bridge
ip -n c link add br0 type bridge
ip link add ab0 netns a type veth peer name ba0 netns b
ip link add bc0 netns b type veth peer name cb0 netns c
ip netns exec a brctl addif br0 ab0
ip netns exec b brctl addif br0 ba0 bc0
ip netns exec c brctl addif br0 cb0
ip netns exec a brctl setbridgeprio br0 0
ip netns exec b brctl setbridgeprio br0 100
ip netns exec c brctl setbridgeprio br0 200
for n in a b c; do ip netns exec $n brctl setfd br0 2; ip netns exec $n brctl sethello br0 1; ip netns exec $n brctl stp br0 on; done
for n in a b c; do ip -n $n link set br0 up; done
ip -n a link set ab0 up
ip -n b link set ba0 up
ip -n b link set bc0 up
ip -n c link set cb0 up
sleep 8
ip netns exec c brctl showstp br0";

#[test]
fn showstp_designated_cost_behind_another_bridge() {
    assert!(assert_same(STP_CHAIN).contains("designated cost\t   2"));
}

/// Static, local and externally learned entries added with iproute2's `bridge fdb`; the bridge's
/// own addresses (not behind a port) are not in brforward.
const FDB_KINDS: &str =
    "ip link add v1 address 02:00:00:00:01:01 type veth peer name v1p address 02:00:00:00:01:02
ip link add v2 address 02:00:00:00:00:01 type veth peer name v2p address 02:00:00:00:02:02
brctl addbr br0
brctl addif br0 v1 v2
/usr/sbin/bridge fdb add 02:00:00:00:00:99 dev v1 master static
/usr/sbin/bridge fdb add 02:00:00:00:00:98 dev v2 master
/usr/sbin/bridge fdb add 02:00:00:00:00:97 dev v2 master extern_learn
/usr/sbin/bridge fdb add 02:00:00:00:00:96 dev br0 self local
/usr/sbin/bridge fdb add 02:00:00:00:00:94 dev v1 master local
brctl showmacs br0
brctl delif br0 v1
brctl showmacs br0";

#[test]
fn showmacs_static_local_and_extern_entries() {
    assert_same(FDB_KINDS);
}

/// The showmacs rows in the order they were printed (the shared masking sorts them), timers masked.
fn showmacs_rows(transcript: &str) -> Vec<String> {
    transcript
        .lines()
        .filter_map(|l| {
            let cut = ["\tyes\t\t", "\tno\t\t"]
                .iter()
                .find_map(|f| l.find(f).map(|i| i + f.len()))?;
            Some(format!("{}T", &l[..cut]))
        })
        .collect()
}

/// Same rows in the same order as the reference; returns them.
fn same_showmacs_order(script: &str) -> Vec<String> {
    let ours = showmacs_rows(&transcript_raw(Tools::Ipbox, script));
    let reference = showmacs_rows(&transcript_raw(Tools::Reference, script));
    assert_eq!(ours, reference);
    ours
}

#[test]
fn showmacs_rows_are_sorted_by_mac() {
    let rows = same_showmacs_order(TWO_HOSTS);
    assert_eq!(
        rows[..4],
        [
            "  1\t02:00:00:00:00:01\tyes\t\tT",
            "  2\t02:00:00:00:01:01\tyes\t\tT",
            "  2\t02:00:00:00:01:02\tno\t\tT",
            "  1\t02:00:00:00:02:02\tno\t\tT",
        ]
    );
    let rows = same_showmacs_order(FDB_KINDS);
    assert_eq!(
        rows[..6],
        [
            "  2\t02:00:00:00:00:01\tyes\t\tT",
            "  1\t02:00:00:00:00:94\tyes\t\tT",
            "  2\t02:00:00:00:00:97\tno\t\tT",
            "  2\t02:00:00:00:00:98\tyes\t\tT",
            "  1\t02:00:00:00:00:99\tno\t\tT",
            "  1\t02:00:00:00:01:01\tyes\t\tT",
        ]
    );
}

#[test]
fn inside_ip_netns_exec() {
    assert_same(
        "ip netns add ns1
ip netns exec ns1 brctl addbr br5
ip netns exec ns1 brctl show
ip netns exec ns1 brctl stp br5 on
ip netns exec ns1 brctl showstp br5
brctl show
brctl showstp br5
ip netns exec ns1 brctl delbr br5
ip netns exec ns1 brctl show",
    );
}

#[test]
fn seed_tutorials() {
    // "connect two namespaces through a bridge", with brctl instead of ip link … master
    assert_same(
        "ip netns add ns1
ip netns add ns2
ip link add veth-ns1 type veth peer name veth-ns1-br
ip link add veth-ns2 type veth peer name veth-ns2-br
ip link set veth-ns1 netns ns1
ip link set veth-ns2 netns ns2
brctl addbr virtual-bridge
brctl addif virtual-bridge veth-ns1-br
brctl addif virtual-bridge veth-ns2-br
brctl show
ip link set virtual-bridge up
ip link set veth-ns1-br up
ip link set veth-ns2-br up
/usr/sbin/ip -n ns1 addr add 10.1.1.1/24 dev veth-ns1
/usr/sbin/ip -n ns2 addr add 10.1.1.2/24 dev veth-ns2
ip -n ns1 link set veth-ns1 up
ip -n ns2 link set veth-ns2 up
ip netns exec ns1 ping -c1 -W1 10.1.1.2
brctl showmacs virtual-bridge",
    );
    // "managing bridges": add, list, remove ports and bridges
    assert_same(
        "ip link add eth1 type veth peer name eth1p
ip link add eth2 type veth peer name eth2p
brctl addbr bridge0
brctl addif bridge0 eth1 eth2
brctl show
brctl delif bridge0 eth1
brctl show
brctl addif bridge0 eth1
brctl show
brctl addbr bridge1
brctl show
brctl delbr bridge1
brctl show
ip link set bridge0 up
brctl delbr bridge0
ip link set bridge0 down
brctl delbr bridge0
brctl show",
    );
}

#[test]
fn works_in_a_namespace_without_sysfs_remount() {
    // nsenter keeps the host's /sys: bridge-utils would read the wrong namespace there; ipbox
    // asks the kernel of the namespace it runs in.
    assert_transcript(
        "ip netns add ns1
nsenter --net=/run/netns/ns1 brctl addbr brX
nsenter --net=/run/netns/ns1 brctl show
nsenter --net=/run/netns/ns1 brctl stp brX on
nsenter --net=/run/netns/ns1 brctl showstp brX | grep -c 'bridge id'
brctl show
brctl showstp brX",
        "$ ip netns add ns1
[rc=0]
$ nsenter --net=/run/netns/ns1 brctl addbr brX
[rc=0]
$ nsenter --net=/run/netns/ns1 brctl show
bridge name\tbridge id\t\tSTP enabled\tinterfaces
brX\t\t8000.000000000000\tno\t\t
[rc=0]
$ nsenter --net=/run/netns/ns1 brctl stp brX on
[rc=0]
$ nsenter --net=/run/netns/ns1 brctl showstp brX | grep -c 'bridge id'
1
[rc=0]
$ brctl show
[rc=0]
$ brctl showstp brX
! bridge brX does not exist!
[rc=1]
",
    );
}
