//! The multicall front end and the ip global options.
mod common;
use common::*;
use std::process::Command;

fn ipbox(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(ipbox_bin())
        .args(args)
        .output()
        .expect("run ipbox");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn list_help_version() {
    assert_eq!(ipbox(&["--list"]), (0, "brctl\nip\n".into(), String::new()));
    let (rc, out, _) = ipbox(&["--help"]);
    assert_eq!(rc, 0);
    assert!(out.contains("ipbox --install [-s] DIR"), "{out}");
    let (rc, out, _) = ipbox(&["--version"]);
    assert_eq!(rc, 0);
    assert!(
        out.starts_with(&format!("ipbox {} ", env!("CARGO_PKG_VERSION"))),
        "{out}"
    );
}

#[test]
fn unknown_applet() {
    assert_eq!(
        ipbox(&["nosuch"]),
        (127, String::new(), "nosuch: applet not found\n".into())
    );
    assert_eq!(
        ipbox(&["/usr/bin/ipzz"]),
        (127, String::new(), "ipzz: applet not found\n".into())
    );
}

#[test]
fn applet_by_name_and_by_path() {
    let (rc, out, _) = ipbox(&["/usr/sbin/ip", "-V"]);
    assert_eq!(rc, 0);
    assert_eq!(
        out,
        format!(
            "ip utility, ipbox {} (follows iproute2-6.1.0)\n",
            env!("CARGO_PKG_VERSION")
        )
    );
    let (rc, _, err) = ipbox(&["ip"]);
    assert_eq!(rc, 255);
    assert!(
        err.starts_with("Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n"),
        "{err}"
    );
}

#[test]
fn install_makes_working_links() {
    for (flag, symbolic) in [(None, false), (Some("-s"), true)] {
        let dir =
            std::env::temp_dir().join(format!("ipbox-install-{}-{symbolic}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let mut args = vec!["--install"];
        if let Some(f) = flag {
            args.push(f);
        }
        let d = dir.to_str().unwrap().to_string();
        args.push(&d);
        assert_eq!(ipbox(&args), (0, String::new(), String::new()));
        for a in ["ip", "brctl"] {
            let p = dir.join(a);
            assert_eq!(
                std::fs::symlink_metadata(&p)
                    .unwrap()
                    .file_type()
                    .is_symlink(),
                symbolic
            );
        }
        let out = Command::new(dir.join("ip")).arg("-V").output().unwrap();
        assert!(String::from_utf8_lossy(&out.stdout).starts_with("ip utility, ipbox"));
        // a second install over our own links is fine
        assert_eq!(ipbox(&args).0, 0);
        let _ = std::fs::remove_dir_all(&dir);
    }
    assert_eq!(ipbox(&["--install"]).0, 1);
}

#[test]
fn ip_object_named_binary() {
    // iproute2's trick: a binary called ipnetns runs `ip netns`
    let dir = std::env::temp_dir().join(format!("ipbox-ipnetns-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::os::unix::fs::symlink(ipbox_bin(), dir.join("ipnetns")).unwrap();
    let out = Command::new(dir.join("ipnetns"))
        .arg("help")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(255));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("Usage:\tip netns list\n"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn global_options_like_iproute2() {
    assert_same(
        "ip -x
ip -jp netns
ip -color=bogus netns
ip -f foo netns
ip -rc abc netns
ip -- -4 netns
ip -s -s -d -o -br -t -ts -h -iec -r -N -a -echo -force netns
ip -family inet6 -4 -0 -M -B netns
ip --json --pretty netns
ip -c=never -color=auto -c netns
ip -color= link show lo
ip -c= link show lo
ip -= link show lo
ip -c=always= link show lo",
    );
}

const USAGE: &str = "! Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }
!        ip [ -force ] -batch filename
! where  OBJECT := { address | help | link | netns | route }
!        OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[esolve] |
!                     -h[uman-readable] | -iec | -j[son] | -p[retty] |
!                     -f[amily] { inet | inet6 | mpls | bridge | link } |
!                     -4 | -6 | -M | -B | -0 |
!                     -l[oops] { maximum-addr-flush-attempts } | -br[ief] |
!                     -o[neline] | -t[imestamp] | -ts[hort] | -b[atch] [filename] |
!                     -rc[vbuf] [size] | -n[etns] name | -N[umeric] | -a[ll] |
!                     -c[olor]}
[rc=255]
";

/// Where ipbox says more than iproute2: its usage lists what it serves, objects it does not
/// serve say so, and near misses get a suggestion after iproute2's own line.
#[test]
fn usage_unserved_objects_and_suggestions() {
    let want = format!(
        "$ ip\n{USAGE}$ ip help\n{USAGE}$ ip -he\n{USAGE}$ ip -f help\n{USAGE}$ ip -l\n{USAGE}$ ip n\n\
! Object \"neighbor\" is not served by ipbox (it serves address, link, netns, route); use iproute2's ip for it.\n[rc=1]\n\
$ ip line\n! Object \"line\" is unknown, try \"ip help\".\n! Did you mean \"link\"?\n[rc=1]\n\
$ ip xyzzy\n! Object \"xyzzy\" is unknown, try \"ip help\".\n[rc=1]\n\
$ ip netns shwo\n! Command \"shwo\" is unknown, try \"ip netns help\".\n! Did you mean \"show\"?\n[rc=255]\n"
    );
    assert_transcript(
        "ip\nip help\nip -he\nip -f help\nip -l\nip n\nip line\nip xyzzy\nip netns shwo",
        &want,
    );
}

/// A closed pipe ends ip quietly, killed by SIGPIPE as a C program is (141 in the shell), never
/// with an error message or a panic.
#[test]
fn closed_pipe_ends_quietly() {
    assert_same(
        "for i in $(seq 0 299); do echo \"link add a$i type veth peer name b$i\"; done > many.txt
ip -b many.txt
ip -d link | head -1; echo \"ip exit: ${PIPESTATUS[0]}\"
ip -j -p link | head -2; echo \"ip exit: ${PIPESTATUS[0]}\"
ip addr | head -c 10; echo; echo \"ip exit: ${PIPESTATUS[0]}\"",
    );
}

/// Called as ipOBJECT, iproute2 runs the object first and, when that handler fails with exit
/// code 1, goes on as plain `ip` with the first word as the object.
#[test]
fn ip_object_named_binary_falls_back_after_a_failure() {
    assert_same(
        "for n in ipaddr iplink ipnetns ipa; do ln -s \"$(command -v ip)\" $n; done
./ipaddr show lo
./ipaddr -4 show lo
./ipaddr show nosuch
./ipaddr add 1.2.3.4/24 dev nosuch
./ipaddr
./iplink show nosuch
./iplink set nosuch up
./iplink del nosuch
./iplink set dev lo carrier maybe
./ipnetns del nosuch
./ipnetns exec nosuch true
./ipnetns set
./ipa flush",
    );
}

#[test]
fn info_options_take_no_arguments() {
    assert_eq!(
        ipbox(&["--list=x"]),
        (
            1,
            String::new(),
            "ipbox: unexpected argument for option '--list': \"x\"\n".into()
        )
    );
    assert_eq!(
        ipbox(&["--list", "x"]),
        (
            1,
            String::new(),
            "ipbox: unexpected argument \"x\"\n".into()
        )
    );
    assert_eq!(ipbox(&["--help=1"]).0, 1);
    assert_eq!(ipbox(&["--version", "-s"]).0, 1);
    assert_eq!(ipbox(&["-V"]).0, 0);
}

/// stdout and stderr sharing one pipe: iproute2's stdio writes a record when it ends (and holds
/// what only ends at exit), stderr at once; ipbox keeps the same order.
#[test]
fn merged_streams_in_iproute2_order() {
    assert_same(
        "ip netns add a
ip netns add b
ip -j netns list-id target-nsid 5 2>&1
printf 'netns list\\nnetns del nosuch\\nnetns list\\n' > b1.txt
ip -force -b b1.txt 2>&1
printf 'link show lo\\nlink set nosuch up\\nlink show lo\\n' > b2.txt
ip -force -b b2.txt 2>&1
ip -j route show table 999 2>&1
ip -j link show nosuch 2>&1
printf 'addr show lo\\naddr add 1.2.3.4/24 dev nosuch\\nroute show table 55\\nnetns identify\\nnetns pids nosuch\\n' > b3.txt
ip -force -b b3.txt 2>&1
ip -j -force -b b3.txt 2>&1
touch /run/netns/stray
ip netns 2>&1
ip -j netns 2>&1",
    );
}

/// The binary needs nothing but libc.
#[test]
fn needs_nothing_but_libc() {
    let out = Command::new("ldd")
        .arg(ipbox_bin())
        .output()
        .expect("ldd (libc-bin)");
    let text = String::from_utf8_lossy(&out.stdout);
    for line in text.lines() {
        let lib = line.split_whitespace().next().unwrap_or("");
        assert!(
            lib.starts_with("linux-vdso") || lib.starts_with("libc.so") || lib.contains("ld-linux"),
            "unexpected shared library {lib}:\n{text}"
        );
    }
    assert!(text.contains("libc.so"), "{text}");
}
