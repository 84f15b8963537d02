//! Test harness: every script runs in its own sandbox (fresh network, mount and pid namespace,
//! private mount propagation, tmpfs over /run/netns and /etc/netns, a fresh sysfs), with `ip`
//! and `brctl` on PATH being either ipbox (through symlinks) or the reference tools
//! (iproute2 6.1's /usr/sbin/ip, bridge-utils' brctl). Each line of a script is echoed with its
//! stdout, stderr (lines prefixed "! ") and exit code; kernel-random values are masked.
#![allow(dead_code)]

pub mod mask;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Which `ip`/`brctl` a script sees.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tools {
    Ipbox,
    Reference,
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

fn scratch(tag: &str) -> PathBuf {
    let n = COUNTER.fetch_add(1, Ordering::SeqCst);
    let d = std::env::temp_dir().join(format!("ipbox-test-{}-{tag}-{n}", std::process::id()));
    std::fs::create_dir_all(&d).expect("scratch dir");
    d
}

pub fn ipbox_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_ipbox"))
}

fn which(cmd: &str) -> Option<PathBuf> {
    let path = std::env::var("PATH").unwrap_or_default();
    std::env::split_paths(&format!("{path}:/usr/sbin:/sbin:/usr/bin:/bin"))
        .map(|d| d.join(cmd))
        .find(|p| p.is_file())
}

/// A directory holding `ip` and `brctl` links to the chosen tools.
pub fn tools_dir(tools: Tools) -> &'static Path {
    static IPBOX: OnceLock<PathBuf> = OnceLock::new();
    static REF: OnceLock<PathBuf> = OnceLock::new();
    match tools {
        Tools::Ipbox => IPBOX.get_or_init(|| {
            let d = scratch("ipbox");
            for a in ["ip", "brctl"] {
                std::os::unix::fs::symlink(ipbox_bin(), d.join(a)).expect("symlink");
            }
            d
        }),
        Tools::Reference => REF.get_or_init(|| {
            let ip = PathBuf::from("/usr/sbin/ip");
            assert!(
                ip.is_file(),
                "reference /usr/sbin/ip (iproute2 6.1) is missing: apt-get install iproute2"
            );
            let brctl =
                which("brctl").expect("reference brctl is missing: apt-get install bridge-utils");
            let d = scratch("ref");
            std::os::unix::fs::symlink(ip, d.join("ip")).expect("symlink");
            std::os::unix::fs::symlink(brctl, d.join("brctl")).expect("symlink");
            d
        }),
    }
}

/// The sandbox: what shared/tools/sandbox does, rebuilt here so tests need nothing outside
/// the repository.
const SANDBOX: &str = r##"
set -e
mount --make-rprivate /
mkdir -p /run/netns /etc/netns
mount -t tmpfs sandbox-netns /run/netns
mount -t tmpfs sandbox-etc-netns /etc/netns
mount -t sysfs sysfs /sys
echo 0 > /proc/sys/net/ipv6/conf/all/accept_dad
echo 0 > /proc/sys/net/ipv6/conf/default/accept_dad
export PATH="$TOOLS:$PATH"
set +e
cd "$WORK"
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in ""|"#"*) continue;; esac
  echo "\$ $line"
  eval "$line" >"$WORK/.o" 2>"$WORK/.e" </dev/null; rc=$?
  cat "$WORK/.o"; sed "s/^/! /" "$WORK/.e"; echo "[rc=$rc]"
done < "$SCRIPT"
"##;

/// Runs `script` (one shell command per line) in a fresh sandbox; returns the raw transcript.
pub fn transcript_raw(tools: Tools, script: &str) -> String {
    let work = scratch("work");
    let script_path = work.join("script.sh");
    std::fs::write(&script_path, script).expect("write script");
    let out = Command::new("unshare")
        .args([
            "--net",
            "--mount",
            "--pid",
            "--fork",
            "--mount-proc",
            "--",
            "bash",
            "-c",
            SANDBOX,
        ])
        .env("TOOLS", tools_dir(tools))
        .env("SCRIPT", &script_path)
        .env("WORK", &work)
        .env_remove("COLORFGBG")
        .output()
        .expect("unshare (util-linux) must be installed; tests run as root");
    let _ = std::fs::remove_dir_all(&work);
    let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
    let err = String::from_utf8_lossy(&out.stderr);
    if !err.is_empty() {
        text.push_str(&format!("<sandbox stderr>\n{err}"));
    }
    assert!(
        out.status.success(),
        "sandbox failed ({}):\n{text}",
        out.status
    );
    text
}

/// The transcript with kernel-random values masked.
pub fn transcript(tools: Tools, script: &str) -> String {
    mask::mask(&transcript_raw(tools, script))
}

/// Runs the script with ipbox and with the reference tools; the masked transcripts must match.
/// Returns that transcript.
pub fn assert_same(script: &str) -> String {
    let reference = transcript(Tools::Reference, script);
    for line in reference.lines() {
        assert!(
            line != "[rc=127]",
            "a command was not found with the reference tools:\n{reference}"
        );
    }
    let commands = script
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .count();
    // each command's transcript ends in `[rc=N]` (after output that may lack its last newline)
    let ran = reference
        .lines()
        .filter(|l| {
            l.strip_suffix(']')
                .and_then(|x| x.rfind("[rc=").map(|i| &x[i + 4..]))
                .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
        })
        .count();
    assert_eq!(
        ran, commands,
        "reference transcript incomplete:\n{reference}"
    );
    let ours = transcript(Tools::Ipbox, script);
    if ours != reference {
        panic!(
            "ipbox differs from the reference:\n{}",
            diff(&reference, &ours)
        );
    }
    ours
}

/// The ipbox transcript must equal `want` exactly.
pub fn assert_transcript(script: &str, want: &str) {
    let got = transcript(Tools::Ipbox, script);
    if got != want {
        panic!("unexpected transcript:\n{}", diff(want, &got));
    }
}

/// A readable line diff (expected `-`, got `+`).
pub fn diff(a: &str, b: &str) -> String {
    let a: Vec<&str> = a.lines().collect();
    let b: Vec<&str> = b.lines().collect();
    // longest common subsequence table
    let (n, m) = (a.len(), b.len());
    let mut t = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[i][j] = if a[i] == b[j] {
                t[i + 1][j + 1] + 1
            } else {
                t[i + 1][j].max(t[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = String::new();
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            out.push_str(&format!("  {}\n", a[i]));
            i += 1;
            j += 1;
        } else if j < m && (i == n || t[i][j + 1] >= t[i + 1][j]) {
            out.push_str(&format!("+ {}\n", b[j]));
            j += 1;
        } else {
            out.push_str(&format!("- {}\n", a[i]));
            i += 1;
        }
    }
    out
}
