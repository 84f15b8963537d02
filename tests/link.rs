//! `ip link`: add/set/delete/show in every output mode, compared with iproute2 6.1.
mod common;
use common::*;

#[test]
fn show_in_every_mode() {
    assert_same(
        "ip link
ip link show
ip link list
ip link lst
ip l
ip -o link
ip -br link
ip -j link
ip -j -p link
ip -d link
ip -c link
ip -c -br link
ip -N link
ip -s link
ip -s -s link
ip -j -s -s link
ip -s -h link
ip -s -h -iec link
ip link add v0 type veth peer name v1
ip link set v0 up
ip link
ip -o link
ip -br link
ip -j -p link
ip -c -o link
ip link set v1 up
ip -br -c link
ip -d link show v0
ip -d -j link show v1
ip -d -j -p link show v1",
    );
}

#[test]
fn unnamed_veth_pairs_bridge_and_namespaces() {
    // the seed tutorial: three unnamed veth pairs, bridge0, ends moved into namespaces
    assert_same(
        "ip netns add ns0
ip netns add ns1
ip link add type veth
ip link add type veth
ip link add type veth
ip link add bridge0 type bridge
ip link set dev veth1 netns ns0
ip link set dev veth3 netns ns1
ip link set dev veth0 master bridge0
ip link set dev veth2 master bridge0
ip link set dev bridge0 up
ip link set dev veth0 up
ip link set dev veth2 up
ip -n ns0 link set dev veth1 up
ip -n ns1 link set dev veth3 up
ip link
ip netns
ip -n ns0 link
ip netns exec ns1 ip link
ip -j link show veth0
ip -j -n ns0 link
ip -br link
ip -o link
ip link show master bridge0
ip -j link show master bridge0
ip link show type bridge
ip link show type bridge_slave
ip -j link show type bridge_slave
ip link show up
ip -j link show up
ip link set dev veth4 netns ns0
ip netns exec ns0 ip link set veth4 name eth9
ip -n ns0 -br link
ip link show veth5
ip link set dev veth0 nomaster
ip link set dev bridge0 down
ip link del bridge0
ip link",
    );
}

#[test]
fn set_attributes() {
    assert_same(
        "ip link add v0 type veth peer name v1
ip link set v0 mtu 1400
ip link set v0 name v9
ip link set v9 alias 'my alias'
ip link set v9 multicast off
ip link set v9 promisc on
ip link set v9 arp off allmulticast on
ip link set v9 txqueuelen 500
ip link set v9 group 5
ip link set v9 address 02:11:22:33:44:55 broadcast ff:ff:ff:ff:ff:fe
ip link show v9
ip -j link show v9
ip link show group 5
ip -j link show group 5
ip link set v9 dynamic on trailers off
ip link set v9 txqlen 600 qlen 700
ip link set dev v9 mtu 1300 up
ip link show v9
ip link set v9 mode dormant
ip link set v9 state up
ip link set v9 addrgenmode none
ip -d link show v9
ip link set v9 protodown on
ip link set v9 carrier off
ip link set v9 gso_max_size 32000 gso_max_segs 100 gro_max_size 32000
ip -d link show v9
ip link set group 5 down
ip link show v9
ip link set dev v1 numtxqueues 4
ip link property add dev v1 altname myalt0
ip link property add dev v1 altname myalt1
ip link show v1
ip -j link show v1
ip link show myalt0
ip link set myalt1 mtu 1280
ip link property del dev v1 altname myalt0
ip link show v1
ip link property add altname x
ip link property foo
ip link del v9
ip link",
    );
}

#[test]
fn add_variants_and_kernel_names() {
    assert_same(
        "ip link add type veth
ip link add type veth peer
ip link add veth9 type veth
ip link add vA type veth peer name vB
ip link add vA type veth peer name vC
ip link add name vD type veth peer vE
ip link add dev vF type veth peer name vG mtu 1400 address 02:00:00:00:00:01 txqueuelen 10
ip link add vH mtu 9000 address 02:00:00:00:00:02 numtxqueues 2 numrxqueues 3 group 7 type veth peer name vI
ip -d link show vH
ip link add vJ index 77 type veth peer name vK index 78
ip link add vL txqueuelen 5 type veth peer name vM netns 1
ip netns add ns1
ip link add vN type veth peer name vO netns ns1
ip link
ip -n ns1 link
ip link add link vA name vP type veth
ip link add link nosuch name vQ type veth
ip link replace vZ type veth peer name vY
ip link replace vZ type veth peer name vY
ip link",
    );
}

#[test]
fn errors_like_iproute2() {
    assert_same(
        "ip link add v0 type veth peer name v1
ip link set v0 mtu abc
ip link set v0 mtu 10
ip link set v0 mtu 1000 mtu 1100
ip link set v0 name v1
ip link set v0 name averyveryverylongname
ip link set v0 name a/b
ip link set v0 address zz
ip link set v0 address 00:11
ip link set v0 address aa:zz:cc
ip link set v0 promisc maybe
ip link set v0 multicast
ip link set v0 arp yes
ip link set v0 master nosuch
ip link set v0 netns nosuch
ip link set v0 netns 999999
ip link set v0 txqueuelen x
ip link set v0 group bogus
ip link set v0 mode bogus
ip link set v0 state bogus
ip link set v0 addrgenmode bogus
ip link set v0 alias 0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890
ip link set v0 index 5
ip link set nosuch up
ip link set up
ip link set v0 v1
ip link del nosuch
ip link del
ip link del a
ip link add a type veth peer name b
ip link add x
ip link add name x dev y type veth
ip link add x type veth peer name y type veth
ip link add x type veth foo
ip link add x type bogus
ip link add averyveryverylongname type veth
ip link add group 5 type veth
ip link show nosuch
ip link show dev v0 dev v1
ip link show to 10.0.0.1
ip link show master nosuch
ip link show group bogus
ip link s
ip link sh
ip link foo
ip link
ip link del v0 type veth
ip link",
    );
}

#[test]
fn help_texts() {
    assert_same("ip link help veth\nip link help veth extra");
    // usage lists only what ipbox serves, so it is checked on its own
    let t = transcript(
        Tools::Ipbox,
        "ip link help\nip link add x type veth peer help\nip link help nosuchkind",
    );
    for cmd in [
        "ip link help",
        "ip link add x type veth peer help",
        "ip link help nosuchkind",
    ] {
        let block = t.split(&format!("$ {cmd}\n")).nth(1).unwrap_or_default();
        assert!(
            block.starts_with("! Usage: ip link add [link DEV | parentdev NAME] [ name ] NAME\n"),
            "{cmd}: {t}"
        );
        let end = block.find("[rc=").unwrap_or(0);
        assert!(
            block[..end].contains("! TYPE := { ") && block[..end].contains("veth"),
            "{cmd}: {t}"
        );
        assert!(block[end..].starts_with("[rc=255]"), "{cmd}: {t}");
    }
}

#[test]
fn batch_of_link_commands() {
    assert_same(
        "printf 'link add v0 type veth peer name v1\\nlink set v0 up\\nlink set v1 mtu 1400\\nlink show v1\\nlink set nosuch up\\nlink show v0\\n' > b.txt
ip -b b.txt
ip -force -b b.txt
ip link",
    );
}

#[test]
fn echo_of_changes() {
    assert_same(
        "ip link add v0 type veth peer name v1
ip -echo link set v0 up
ip -j -echo link set v0 up
ip -echo link add v2 type veth peer name v3
ip -echo link del v2
ip -echo -j link add v4 type veth peer name v5
ip -echo -j -p link del v4",
    );
}

#[test]
fn groups_of_links() {
    assert_same(
        "ip link add v0 group 3 type veth peer name v1 group 3
ip link add v2 type veth peer name v3
ip link set v2 group 3
ip -br link show group 3
ip link set group 3 up
ip -br link
ip link set group 3 mtu 1400
ip link show group 3
ip link del group 3
ip -br link
ip link add group 4 type veth
ip link del group bogus",
    );
}

#[test]
fn carrier_and_protodown_take_prefixes_of_off_on() {
    // lib/utils.c parse_on_off: prefixes of "off"/"on", else its own message and exit code 22
    // (EINVAL returned, so a -force batch goes on)
    assert_same(
        "ip link add v0 type veth peer name v1
ip link set v0 carrier o
ip link set v0 carrier of
ip link set v0 carrier ON
ip link set v0 carrier ''
ip link set v0 protodown maybe
ip link set v0 protodown o
ip link set v0 protodown_reason 1 maybe
printf 'link set v0 carrier maybe\\nlink show lo\\n' | ip -force -b -",
    );
}

#[test]
fn veth_peer_of_a_set_names_an_existing_device() {
    // the peer is parsed into the same request: without NLM_F_CREATE its device must exist
    assert_same(
        "ip link add v0 type veth peer name v1
ip link set v0 type veth peer name x
ip link set v0 type veth peer name v1
ip link set v0 type veth peer v1
ip link set v0 type veth peer
ip link set v0 type veth peer mtu 1400
ip link set v0 type veth peer dev nosuch mtu 1400",
    );
}

#[test]
fn show_takes_the_address_filters_too() {
    // ipaddr_list_flush_or_save parses the same words for links: flag words select nothing, a
    // bad scope is an error, a label hides every link line; vrf must name a vrf
    assert_same(
        "ip link add v0 type veth peer name v1
ip link add br0 type bridge
ip link set v0 master br0
ip link show label foo
ip -j link show label foo
ip -br -j link show label foo
ip -o link show label lo
ip -s link show dev lo label foo
ip link show scope bogus
ip link show scope host
ip link show permanent
ip link show -permanent
ip link show dynamic
ip -br link show primary
ip link show -tentative up
ip link show vrf br0
ip addr show vrf br0
ip link show vrf nosuch",
    );
}

#[test]
fn group_names_from_a_corrupted_file_even_with_numeric() {
    // rtnl_group_n2a reads /etc/iproute2/group before it looks at -N, complaint included
    assert_same(
        "mount -t tmpfs none /etc/iproute2
printf '0 default\\n7 seven\\n0x10 hexg\\nbad line here\\n9 after\\n' > /etc/iproute2/group
ip link add v0 group 7 type veth peer name v1 group 16
ip link show
ip -N link show
ip -N -j link show v0
ip -N addr show dev v1
ip -N -br link show",
    );
}

#[test]
fn batch_name_cache_keeps_names_of_devices_gone_since() {
    // iproute2's ll_map remembers every name it looked up or listed for the whole batch; a link
    // change drops its own entry, but a veth deleted with its peer stays: the kernel then refuses
    // the stale index
    assert_same(
        "ip link add x1 type veth peer name y1
printf 'link show\\nlink set x1 name z1\\nlink set x1 mtu 1400\\n' | ip -b -
ip link set z1 name x1
printf 'addr add 10.0.0.1/24 dev x1\\nlink del y1\\nlink set x1 mtu 1400\\n' | ip -b -
ip link add x1 type veth peer name y1
printf 'link set x1 up\\nlink del y1\\nlink set x1 mtu 1400\\n' | ip -b -
ip link add x1 type veth peer name y1
printf 'link show dev x1\\nlink del y1\\naddr add 10.0.0.1/24 dev x1\\n' | ip -b -
ip link add x1 type veth peer name y1
printf 'link show type veth\\nlink del y1\\naddr show dev x1\\n' | ip -b -
ip link add x1 type veth peer name y1
printf 'link show dev y1\\nlink del x1\\nlink add x1 type veth peer name y1\\nlink set y1 up\\n' | ip -b -
printf 'route show\\nlink del y1\\nlink add x1 type veth peer name y1\\nlink set x1 up\\n' | ip -b -",
    );
}

#[test]
fn names_that_are_not_ascii_or_not_utf8() {
    // names are bytes: printed as they are, padded by bytes in -br ("%-16s"), and names given
    // on the command line reach the kernel unchanged (od shows the bytes)
    assert_same(
        "ip link add näme type veth peer name 日本
ip -br addr
ip link show näme | head -1
ip link add $'a\\xff' type veth peer name $'b\\xe9c'
ip -br addr | od -c
ip link show $'a\\xff' | head -1 | od -c
ip -j link show $'a\\xff' | od -c | head -3
ip link set $'a\\xff' alias $'x\\xfey'
ip link show $'a\\xff' | tail -1 | od -c
ip -j -p link show $'a\\xff' | grep ifalias | od -c
ip link property add dev $'a\\xff' altname $'alt\\xfd'
ip link show $'alt\\xfd' | tail -1 | od -c
ip addr add 10.0.0.1/24 dev $'a\\xff' label $'a\\xff:\\xfa'
ip addr show label $'a\\xff*' | od -c
ip link show nosuch$'\\xff' 2>&1 | od -c
printf 'link show %s\\nlink show nosuch\\xfe\\n' $'a\\xff' > b.txt; ip -b b.txt 2>&1 | tail -2 | od -c
ip link set $'a\\xff' name $'z\\xff\\xfe'
ip -br addr | od -c",
    );
}
