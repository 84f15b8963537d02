//! `ip link … type KIND ARGS` and `ip -d link show` details for bridge, bridge_slave, macvlan,
//! macvtap, vxlan, vlan, dummy and ifb, compared with iproute2 6.1 in twin sandboxes.
mod common;
use common::*;

/// assert_same, plus a guard against vacuous passes: the reference transcript must show what
/// the script is about (so a test cannot pass because every command failed the same way).
fn same(script: &str, must_show: &[&str]) {
    let reference = transcript(Tools::Reference, script);
    for want in must_show {
        assert!(
            reference.contains(want),
            "reference transcript lacks {want:?}:\n{reference}"
        );
    }
    let ours = transcript(Tools::Ipbox, script);
    if ours != reference {
        panic!(
            "ipbox differs from the reference:\n{}",
            diff(&reference, &ours)
        );
    }
}

// ---- bridge ----------------------------------------------------------------------------------

#[test]
fn bridge_add_with_options_and_details() {
    same(
        "ip link add br0 type bridge
ip -d link show br0
ip -d -j link show br0
ip -d -j -p link show br0
ip link add br1 type bridge forward_delay 1000 hello_time 300 max_age 3000 ageing_time 1234 stp_state 1 priority 100 group_fwd_mask 0x8 group_address 01:80:c2:00:00:0e no_linklocal_learn 1 mcast_snooping 0 mcast_vlan_snooping 0 mcast_router 2 mcast_query_use_ifaddr 1 mcast_querier 1 mcast_hash_elasticity 10 mcast_hash_max 512 mcast_last_member_count 3 mcast_startup_query_count 4 mcast_last_member_interval 200 mcast_membership_interval 30000 mcast_querier_interval 26000 mcast_query_interval 13000 mcast_query_response_interval 1100 mcast_startup_query_interval 3000 mcast_stats_enabled 1 mcast_igmp_version 3 mcast_mld_version 2 nf_call_iptables 0 nf_call_ip6tables 0 nf_call_arptables 0 fdb_flush
ip -d link show br1
ip -d -j -p link show br1
ip -d -o link show br1
ip -d link show type bridge",
        &["bridge forward_delay 1500", "forward_delay 1000 hello_time 300", "\"group_fwd_mask\": \"0x8\"", "designated_root 0064.", "no_linklocal_learn 1"],
    );
}

#[test]
fn bridge_set_options_on_an_existing_bridge() {
    same(
        "ip link add br0 type bridge
ip link set br0 type bridge priority 4096 ageing_time 500 group_fwd_mask 0 mcast_snooping 0
ip link set br0 type bridge vlan_protocol 802.1ad vlan_default_pvid 2 vlan_stats_enabled 1 vlan_stats_per_port 1
ip link set br0 type bridge vlan_protocol 0x8100
ip link set br0 type bridge vlan_protocol ip
ip link set br0 type bridge vlan_filtering 0
ip link set br0 type bridge
ip link set br0 up
ip link add v0 type veth peer name v1
ip link set v0 master br0
ip link set v0 up
ip -d link show br0
ip -d -j link show br0
ip link set br0 type bridge mcast_q 1 f 1000 h 300 n 1 fdb
ip -d link show br0
ip link set br0 type bridge m 1
ip link del br0 type bridge bogus
ip link del br0 type bridge",
        &[
            "priority 4096",
            "ageing_time 500",
            "mcast_snooping 0",
            "mcast_query_use_ifaddr 1",
            "Numerical result out of range",
        ],
    );
}

#[test]
fn bridge_errors_and_help() {
    same(
        "ip link add br0 type bridge help
ip link add br0 type bridge bogus
ip link add br0 type bridge forward_delay
ip link add br0 type bridge forward_delay x
ip link add br0 type bridge hello_time -1
ip link add br0 type bridge priority 70000
ip link add br0 type bridge vlan_filtering 256
ip link add br0 type bridge vlan_protocol foo
ip link add br0 type bridge group_fwd_mask 0x10000
ip link add br0 type bridge group_address zz
ip link add br0 type bridge no_linkl 1
ip link add br0 type bridge no_linklocal_learn x
ip link add br0 type bridge mcast_vlan_snoop 0
ip link add br0 type bridge mcast_vlan_snooping 300
ip link add br0 type bridge mcast_hash_max x
ip link add br0 type bridge mcast_query_interval x
ip link add br0 type bridge mcast_igmp_version 256
ip link add br0 type bridge nf_call_arptables on
ip link add br0 type bridge mcast_last_member_interval 18446744073709551616
ip link add br0 type bridge mcast_last_member_interval -1
ip link help bridge",
        &[
            "bridge: unknown command \"bogus\"?",
            "Where: VLAN_PROTOCOL",
            "invalid mcast_hash_max",
            "\"zz\" is invalid lladdr.",
        ],
    );
}

// ---- bridge_slave ------------------------------------------------------------------------------

#[test]
fn bridge_port_options_and_details() {
    same(
        "ip link add br0 type bridge
ip link add v0 type veth peer name v1
ip link add v2 type veth peer name v3
ip link set v0 master br0
ip link set v2 master br0
ip -d link show v0
ip link set v0 type bridge_slave priority 10 cost 100 hairpin on guard on root_block on fastleave on learning off flood off proxy_arp on proxy_arp_wifi on mcast_flood off bcast_flood off mcast_to_unicast on neigh_suppress on vlan_tunnel off isolated on locked on
ip link set v0 type bridge_slave group_fwd_mask 0x4005 mcast_router 2
ip link set v0 type bridge_slave backup_port v2
ip -d link show v0
ip -d -j link show v0
ip -d -j -p link show v0
ip -d link show dev v0
ip -d link show master br0
ip link set v0 type bridge_slave nobackup_port fdb_flush
ip link set v0 type bridge_slave hairpin o mcast_f on m off l on n off b on pr 7 g on
ip -d link show v0
ip link set v0 type bridge_slave mcast_fast_leave off state 0
ip link set v2 up
ip link set v3 up
ip link set br0 up
ip link set v2 type bridge_slave state 3
ip -d link show v2
ip -d -j link show v2
ip link set v0 type bridge_slave
ip -d link show type bridge_slave",
        &["bridge_slave state", "group_fwd_mask_str", "backup_port v2", "\"hairpin\": true", "proxy_arp_wifi on", "priority 7"],
    );
}

#[test]
fn bridge_port_errors() {
    same(
        "ip link add br0 type bridge
ip link add v0 type veth peer name v1
ip link set v0 master br0
ip link set v0 type bridge_slave hairpin 1
ip link set v0 type bridge_slave hairpin ON
ip link set v0 type bridge_slave hairpin ''
ip link set v0 type bridge_slave hairpin
ip link set v0 type bridge_slave state forwarding
ip link set v0 type bridge_slave state 9
ip link set v0 type bridge_slave priority 70000
ip link set v0 type bridge_slave cost -1
ip link set v0 type bridge_slave mcast_router x
ip link set v0 type bridge_slave group_fwd_mask x
ip link set v0 type bridge_slave backup_port nonexist
ip link set v0 type bridge_slave backup_port v1
ip link set v0 type bridge_slave mab on
ip link set v0 type bridge_slave bogus
ip link set v0 type bridge_slave help
ip link set v1 type bridge_slave learning off
ip link add v4 type bridge_slave
ip link help bridge_slave
printf 'link set v0 type bridge_slave hairpin bad\\nlink show lo\\n' > b1; ip -force -batch b1
printf 'link set v0 type bridge_slave bogus\\nlink show lo\\n' > b2; ip -force -batch b2
printf 'link set v0 type bridge_slave cost x\\nlink show lo\\n' > b3; ip -force -batch b3",
        &[
            "must be one of \"off\", \"on\", not \"1\"",
            "bridge_slave: unknown option \"mab\"?",
            "state is invalid",
            "Command failed b2:1",
        ],
    );
}

// ---- macvlan / macvtap --------------------------------------------------------------------------

#[test]
fn macvlan_modes_flags_and_details() {
    same(
        "ip link add v0 type veth peer name v1
ip link add mv0 link v0 type macvlan mode private
ip link add mv1 link v0 type macvlan mode vepa bcqueuelen 50
ip link add mv2 link v1 type macvlan mode passthru flag nopromisc
ip link add mv3 link v0 type macvtap mode bridge
ip link add mv4 link v0 type macvlan
ip link add mv5 link v0 type macvlan b 10 f null nodst
ip -d link show mv0
ip -d link show mv1
ip -d link show mv2
ip -d -j link show mv2
ip -d link show mv3
ip -d -j -p link show mv3
ip -d link show mv4
ip -d -j link show mv5
ip link set mv1 type macvlan bcqueuelen 2000
ip -d link show mv1",
        &[
            "macvlan mode private",
            "mode passthru nopromisc",
            "macvtap mode bridge",
            "\"nodst\":true",
            "bcqueuelen 2000",
        ],
    );
}

#[test]
fn macvlan_source_mode_addresses() {
    same(
        "ip link add v0 type veth peer name v1
ip link add mv0 link v0 type macvlan mode source nodst
ip -d link show mv0
ip link set mv0 type macvlan macaddr set 02:00:00:00:00:01 02:00:00:00:00:02 02:00:00:00:00:03
ip -d link show mv0
ip -d -j link show mv0
ip -d -j -p link show mv0
ip link set mv0 type macvlan macaddr del 02:00:00:00:00:02
ip link set mv0 type macvlan macaddr add 02:00:00:00:00:04
ip -d link show mv0
ip link set mv0 type macvlan macaddr flush
ip -d link show mv0
ip link set mv0 type macvlan macaddr set 02:00:00:00:00:01 mode source
ip link set mv0 type macvlan macaddr set 02:00:00:00:00:01 aa:bb mode source
ip link set mv0 type macvlan macaddr set 02:00:00:00:00:01 bcqueuelen 5
ip link set mv0 type macvlan macaddr set 02:00:00:00:00:01 10.0.0.1
ip link set mv0 type macvlan macaddr set
ip -d link show mv0
ip link add mv1 link v0 type macvtap mode source
ip link set mv1 type macvtap macaddr add 02:00:00:00:00:09
ip -d -j link show mv1",
        &[
            "remotes (3) MAC MAC MAC ",
            "\"macaddr_data\"",
            "\"mode\" is invalid lladdr.",
            "macvlan: unknown option \"aa\"?",
            "remotes (0)",
        ],
    );
}

#[test]
fn macvlan_errors_and_help() {
    same(
        "ip link add v0 type veth peer name v1
ip link add mv0 link v0 type macvlan mode source
ip link set mv0 type macvlan macaddr add aa:bb
ip link set mv0 type macvlan macaddr add zz
ip link set mv0 type macvlan macaddr add 1:2:3:4:5:6:7
ip link set mv0 type macvlan macaddr bogus
ip link set mv0 type macvlan macaddr
ip link add mv5 link v0 type macvlan mode bogus
ip link add mv5 link v0 type macvlan mode
ip link add mv5 link v0 type macvlan flag bogus
ip link add mv5 link v0 type macvlan nopromisc
ip link add mv5 link v0 type macvlan mode bridge flag nopromisc
ip link add mv5 link v0 type macvlan m bridge n
ip link add mv5 link v0 type macvtap bcqueuelen x
ip link add mv5 link v0 type macvtap bcqueuelen -1
ip link add mv5 link v0 type macvtap bogus
ip link add mv5 link v0 type macvtap help
ip link add mv5 link v0 type macvlan mode passthru nopromisc
ip link help macvlan
ip link help macvtap",
        &[
            "not \"bogus\"",
            "nopromisc flag only valid in passthru mode",
            "macvtap: unknown option",
            "BC_QUEUE_LEN:",
        ],
    );
}

// ---- vxlan ------------------------------------------------------------------------------------

#[test]
fn vxlan_add_and_details() {
    same(
        "ip link add v0 type veth peer name v1
ip link add vx0 type vxlan id 42 dstport 4789 gbp
ip -d link show vx0
ip -d -j link show vx0
ip link add vx1 type vxlan id 43 remote 2001:db8::2 local 2001:db8::1 dev v0 ttl 64 tos 0x10 df set flowlabel 5 dstport 4789 srcport 1000 2000 nolearning proxy rsc l2miss l3miss ageing 100 maxaddress 10 noudpcsum udp6zerocsumtx udp6zerocsumrx remcsumtx remcsumrx
ip -d link show vx1
ip -d -j -p link show vx1
ip link add vx2 type vxlan id 44 group 239.1.1.1 dev v0 dstport 0 ttl inherit tos inherit df inherit ageing none maxaddress unlimited
ip -d link show vx2
ip -d -j link show vx2
ip link add vx3 type vxlan external dstport 4789
ip -d link show vx3
ip link add vx4 type vxlan external vnifilter dstport 4790
ip -d link show vx4
ip -d -j link show vx4
ip link add vx5 type vxlan id 45 remote 10.0.0.2 local 10.0.0.1 dstport 4789
ip -d -j link show vx5
ip link add vx6 type vxlan external gpe
ip -d link show vx6
ip link add vx7 type vxlan id 47
ip -d link show vx7
ip -4 link add vx8 type vxlan id 48 dstport 1
ip -d link show vx8
ip -6 link add vx9 type vxlan id 49 dstport 1 tos CS1
ip -d -j link show vx9
ip link set vx1 type vxlan learning ageing 5
ip link set vx1 type vxlan nol
ip link set vx1 type vxlan r
ip link set vx1 type vxlan id 2
ip -d link show vx1
ip -d link show",
        &["vxlan id 42 srcport 0 0 dstport 4789", "remote 2001:db8::2 local 2001:db8::1 dev v0", "group 239.1.1.1", "vxlan external vnifilterid 0", "\"remote\":\"10.0.0.2\"", "destination port not specified", "gpe"],
    );
}

/// -r shows vxlan's remote/group/local by name (format_host), here from a private /etc/hosts.
#[test]
fn vxlan_addresses_resolved_with_r() {
    same(
        "printf '10.0.0.2 gw.example gw\\n10.0.0.1 me.example\\n239.1.1.1 mcast.example\\n2001:db8::2 gw6.example\\nff05::1 mc6.example\\n' > hosts
mount --bind hosts /etc/hosts
ip link add v0 type veth peer name v1
ip link add vx0 type vxlan id 1 dstport 4789 remote 10.0.0.2 local 10.0.0.1
ip link add vx1 type vxlan id 2 dstport 4789 group 239.1.1.1 dev v0
ip link add vx2 type vxlan id 3 dstport 4789 remote 2001:db8::2
ip link add vx3 type vxlan id 4 dstport 4789 group ff05::1 dev v0
ip link add vx4 type vxlan id 5 dstport 4789 remote 10.0.0.9
ip -r -d link show vx0
ip -r -d link show vx1
ip -r -d link show vx2
ip -r -d link show vx3
ip -r -d link show vx4
ip -r -d -j link show vx0
ip -r -d -j link show vx3
ip -d link show vx0",
        &["remote gw.example local me.example", "group mcast.example", "\"group6\":\"mc6.example\"", "remote 10.0.0.9"],
    );
}

#[test]
fn vxlan_errors_and_help() {
    same(
        "ip link add v0 type veth peer name v1
ip link add vx3 type vxlan id 16777216
ip link add vx3 type vxlan id 1 id 2
ip link add vx3 type vxlan vni 1 dstport 1 dstport 2
ip link add vx3 type vxlan id 1 proxy noproxy
ip link add vx3 type vxlan id 1 nolearning learning
ip link add vx3 type vxlan id 1 remote 10.0.0.1 group 239.0.0.1
ip link add vx3 type vxlan id 1 group 239.0.0.1 remote 10.0.0.1
ip link add vx3 type vxlan id 1 group 10.0.0.1
ip link add vx3 type vxlan id 1 remote 239.0.0.1
ip link add vx3 type vxlan id 1 local 239.0.0.1
ip link add vx3 type vxlan id 1 local any
ip link add vx3 type vxlan id 1 remote bogus
ip link add vx3 type vxlan id 1 remote 10.0.0.1 local ::1
ip link add vx3 type vxlan id 1 dev nonexist
ip link add vx3 type vxlan id 1 ttl 256
ip link add vx3 type vxlan id 1 ttl x
ip link add vx3 type vxlan id 1 tos 0x100
ip link add vx3 type vxlan id 1 df maybe
ip link add vx3 type vxlan id 1 flowlabel 0x100000
ip link add vx3 type vxlan id 1 flowlabel 5 dstport 1
ip link add vx3 type vxlan id 1 ageing x
ip link add vx3 type vxlan id 1 maxaddress x
ip link add vx3 type vxlan id 1 srcport 1
ip link add vx3 type vxlan id 1 srcport x 1
ip link add vx3 type vxlan id 1 srcport 1 x
ip link add vx3 type vxlan id 1 dstport 70000
ip link add vx3 type vxlan id 1 external
ip link add vx3 type vxlan vnifilter
ip link add vx3 type vxlan dstport 1
ip link add vx3 type vxlan id 1 group 239.0.0.1
ip link add vx3 type vxlan id 1 bogus
ip link add vx3 type vxlan id 1 help
ip link add vx3 type vxlan id 1 ttl
ip link help vxlan
printf 'link add vx0 type vxlan id 1 dev nonexist\\nlink show lo\\n' > b1; ip -force -batch b1
printf 'link add vx0 type vxlan id 1 remote 10.0.0.1 group 239.1.1.1\\nlink show lo\\n' > b2; ip -force -batch b2",
        &[
            "invalid id",
            "is a garbage",
            "both group and remote",
            "invalid local address",
            "Cannot find device \"nonexist\"",
            "'group' requires 'dev'",
            "vnifilter is valid only",
        ],
    );
}

// ---- vlan, dummy, ifb ---------------------------------------------------------------------------

/// This kernel has no 8021q module: iproute2 parses everything, then the kernel refuses.
#[test]
fn vlan_parsing_and_errors() {
    same(
        "ip link add v0 type veth peer name v1
ip link add vl0 link v0 type vlan id 5 protocol 802.1ad reorder_hdr on gvrp off mvrp on loose_binding off bridge_binding on ingress-qos-map 1:2 3:4 egress-qos-map 5:6
ip link add vl0 link v0 type vlan id 5 protocol bogus
ip link add vl0 link v0 type vlan id 70000
ip link add vl0 link v0 type vlan id 5 gvrp maybe
ip link add vl0 link v0 type vlan id 5 ingress-qos-map x:1
ip link add vl0 link v0 type vlan id 5 ingress-qos-map 1:x
ip link add vl0 link v0 type vlan id 5 egress-qos-map 1:2 3:y
ip link add vl0 link v0 type vlan id 5 egress-qos-map
ip link add vl0 link v0 type vlan id 5 egress-qos-map id 6
ip link add vl0 link v0 type vlan id 5 egress-qos-map 1:2 bogus
ip link add vl0 link v0 type vlan i 5 p 0x8100 r on g on m on l on b on
ip link add vl0 link v0 type vlan e 1:2 i 3
ip link add vl0 link v0 type vlan help
ip link add vl0 link v0 type vlan id
ip link help vlan",
        &["Error: Unknown device type.", "protocol is invalid", "must be \"on\" or \"off\", not \"maybe\"", "invalid ingress-qos-map", "vlan: unknown command \"bogus\"?"],
    );
}

#[test]
fn dummy_and_ifb() {
    same(
        "ip link add d0 type dummy
ip link add d0 type dummy foo
ip link add d0 type dummy help
ip link add i0 type ifb
ip link add i1 type ifb anything at all
ip -d link show i0
ip -d -j link show i1
ip link help dummy
ip link help ifb
ip link add x0 type bogus foo",
        &[
            "Error: Unknown device type.",
            "    ifb addrgenmode",
            "\"info_kind\":\"ifb\"",
            "Usage: ... dummy",
            "Garbage instead of arguments",
        ],
    );
}

#[test]
fn help_of_kinds() {
    same(
        "ip link help veth
ip link help bridge
ip link help bridge_slave
ip link help macvlan
ip link help macvtap
ip link help vxlan
ip link help vlan
ip link help dummy
ip link help ifb",
        &[
            "Usage: ... bridge [ fdb_flush ]",
            "Usage: ... bridge_slave",
            "Usage: ... macvtap mode MODE",
            "Usage: ... vxlan id VNI",
            "Usage: ... vlan id VLANID",
        ],
    );
}

/// ipbox's own `ip link help` lists the kinds it serves (README: usage lists what ipbox serves).
#[test]
fn link_help_lists_the_kinds() {
    let t = transcript(Tools::Ipbox, "ip link help");
    let want = "! TYPE := { bridge | bridge_slave | dummy | ifb | macvlan | macvtap | veth | vlan | vxlan }\n[rc=255]\n";
    assert!(t.ends_with(want), "{t}");
}
