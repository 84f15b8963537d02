//! `ip netns`: every subcommand and error, compared with iproute2 6.1 in twin sandboxes.
mod common;
use common::*;

#[test]
fn add_list_exec_identify_delete() {
    assert_same(
        "ip netns add ns0
ip netns add ns1
ip netns list
ip netns
ip netns show
ip netns lst
ip -j netns
ip -j -p netns
ip netns exec ns0 ls /sys/class/net
ip -n ns0 netns identify
ip netns exec ns1 ip netns identify
ip netns identify
ip netns identify $$
ip netns identify abc
ip netns identify 1 2
ip netns identify 999999
ip netns delete ns0
ip netns list
ip netns del ns1 extra
ip netns list",
    );
}

#[test]
fn name_and_argument_errors() {
    assert_same(
        "ip netns add ns1
ip netns add ns1
ip netns add a/b
ip netns add ..
ip netns add .
ip netns add ''
ip netns exec a/b ls
ip netns a/b
ip netns del nosuch
ip netns del
ip netns add
ip netns foo
ip netns help
ip -n nonexist netns
ip -n
ip netns exec
ip netns exec ns1
ip netns exec nonexist ls
ip netns exec ns1 /nonexistent/cmd
ip netns exec ns1 sh -c 'exit 7'
ip -all netns exec",
    );
}

#[test]
fn set_and_list_id() {
    assert_same(
        "ip netns add ns1
ip netns add ns2
ip netns set ns1 5
ip netns list
ip netns set ns1 6
ip netns set nosuch 5
ip netns set ns1 abc
ip netns set ns1 -3
ip netns set ns1
ip netns set
ip netns set ns2 auto
ip netns list
ip netns list-id
ip -j netns list-id
ip -j -p netns list-id
ip netns list-id nsid 5
ip -j netns list-id nsid 5
ip netns list-id nsid 7
ip netns list-id target-nsid 5
ip -j netns list-id target-nsid 5
ip netns list-id nsid abc
ip netns list-id nsid -1
ip netns list-id nsid -1 x
ip netns list-id bogus
ip netns list-id nsid 1 nsid 2",
    );
}

#[test]
fn pids_attach_all() {
    assert_same(
        "ip netns add ns1
ip netns add ns2
ip netns pids ns1
ip netns pids nosuch
ip netns pids
ip netns pids ns1 x
ip netns attach att $$
ip netns list
ip netns identify
ip netns attach att2
ip netns attach att2 abc
ip netns attach att2 0
ip netns attach att2 999999
ip netns list
ip -all netns exec echo hi
ip -all netns exec sh -c 'exit 3'
ip -all netns delete
ip netns list",
    );
}

#[test]
fn etc_netns_files_are_bound_over_etc() {
    assert_same(
        "ip netns add ns1
mkdir -p /etc/netns/ns1 && echo 'nameserver 192.0.2.53' > /etc/netns/ns1/resolv.conf
echo x > /etc/netns/ns1/no-such-file-in-etc
ip netns exec ns1 cat /etc/resolv.conf
ip -n ns1 netns identify",
    );
}

#[test]
fn pids_finds_a_process_inside() {
    // a process parked in ns1 shows up in `pids`, and `identify PID` names ns1
    assert_transcript(
        "ip netns add ns1
ip netns exec ns1 sleep 5 & sleep 0.3; p=$(ip netns pids ns1); ip netns identify $p; kill $p",
        "$ ip netns add ns1\n[rc=0]\n$ ip netns exec ns1 sleep 5 & sleep 0.3; p=$(ip netns pids ns1); ip netns identify $p; kill $p\nns1\n[rc=0]\n",
    );
}

#[test]
fn monitor_reports_add_and_delete_as_they_happen() {
    assert_transcript(
        "(timeout 2 ip netns monitor > mon.out &); sleep 0.3; ip netns add m1; ip netns del m1; sleep 0.3; cat mon.out",
        "$ (timeout 2 ip netns monitor > mon.out &); sleep 0.3; ip netns add m1; ip netns del m1; sleep 0.3; cat mon.out\nadd m1\ndelete m1\n[rc=0]\n",
    );
}

#[test]
fn batch_reuses_one_socket_and_stops_at_first_failure() {
    assert_same(
        "printf 'netns add b1\\nnetns set b1 9\\nnetns list-id\\nnetns del nosuch\\nnetns add b2\\n' > b.txt
ip -b b.txt
ip netns list
printf 'netns add c1\\n# comment\\nnetns \\\\\\n list\\nnetns del nosuch\\nnetns add c2\\n' > c.txt
ip -force -batch c.txt
ip netns list
printf 'netns list\\nnetns bogus\\nnetns add d1\\n' | ip -force -b -
ip netns list
ip -b /nonexistent
printf 'netns exec c1 sh -c \"exit 4\"\\nnetns exec c1 echo \"a  b\"\\n' | ip -force -b -
printf 'netns list\\0 extra\\nnetns list \\0\\\\\\nnetns bogus\\n' | ip -b -",
    );
}

#[test]
fn files_in_run_netns_that_are_no_namespace() {
    // iproute2 asks the kernel for the id of every entry, and prints each refusal: `list` twice
    // per entry (its name cache, then the listing), list-id once plus once more per id it cannot
    // name from the cache, a link listing once when it first names a link-netns
    assert_same(
        "ip netns add a
touch /run/netns/fake
mkdir /run/netns/dir
ln -s /proc/self/ns/net /run/netns/lnk
ip netns list
ip netns
ip -j netns
ip netns list-id
ip link add v0 type veth peer name v1 netns a
ip link show
ip -j link show
ip -br link show
ip -o addr
ip addr show label lo
ip -4 addr
ip link show up
ip -n a link show
ip -n a netns list-id
ip -n a netns list-id nsid 0
ip netns list-id nsid 0
ip netns list-id bogus
ip link add v2 link-netns fake type veth peer name v3
ip link add v2 link-netns a type veth peer name v3
ip netns set fake 4
ip netns del fake
ip netns list",
    );
}

#[test]
fn batch_keeps_one_namespace_name_cache() {
    // iproute2 fills its nsid -> name cache once per process; list-id takes out what it prints
    // (so a later link line shows the bare id) and a name deleted meanwhile stays in it
    assert_same(
        "ip netns add a
ip link add v0 type veth peer name v1 netns a
printf 'netns list-id\\nlink show v0\\nnetns list-id\\nlink show v0\\n' | ip -b -
ip netns add b
ip link add v2 type veth peer name v3 netns b
printf 'link show v0\\nnetns set b 9\\nnetns list\\nlink show v2\\n' | ip -b -",
    );
}

#[test]
fn all_exec_ends_when_a_child_is_killed() {
    // cmd_exec exits 1 when the forked child did not exit normally; exit codes are ignored
    assert_same(
        "ip netns add ns1
ip netns add ns2
ip -all netns exec sh -c 'kill -9 $$'
ip -all netns exec sh -c 'exit 5'
printf 'netns exec ns1 sh -c \"kill -9 \\\\$\\\\$\"\\nlink show lo\\n' | ip -force -b -
ip -j -all netns exec true",
    );
}

#[test]
fn names_that_are_not_utf8() {
    assert_same(
        "ip netns add $'n\\xff'
ip netns add ünï
ip netns list | od -c
ip -j netns list | od -c
ip netns exec $'n\\xff' ip netns identify | od -c
ip netns pids $'n\\xff'
ip -n $'n\\xff' link show lo | head -1
ip netns exec $'n\\xff' sh -c 'echo $0' $'q\\xfe' | od -c
ip netns exec $'n\\xff\\xfe' true 2>&1 | od -c
ip netns del $'n\\xff'
ip netns list",
    );
}
