#!/bin/bash
# benches/compare.sh [LINKS] [RUNS]: time ipbox against iproute2 6.1 on the same work, side by side
# in one run, inside a throwaway network namespace (never the host's). Builds LINKS links (veth
# pairs, default 20000 links) each with an IPv4 address, then times each listing RUNS times
# (default 5) with both binaries, alternating, and prints mean and best wall times and their ratios.
# Needs root. Usage: cargo build --release && sudo benches/compare.sh
set -eu
links=${1:-20000}
runs=${2:-5}
here=$(cd "$(dirname "$0")/.." && pwd)
ipbox=$here/target/release/ipbox
[ -x "$ipbox" ] || { echo "build first: cargo build --release" >&2; exit 2; }
ref=/usr/sbin/ip
[ -x "$ref" ] || { echo "reference $ref missing (apt-get install iproute2)" >&2; exit 2; }
exec unshare --net --mount -- bash -s "$links" "$runs" "$ipbox" "$ref" <<'INNER'
set -eu
links=$1 runs=$2 ipbox=$3 ref=$4
mount --make-rprivate /
tmp=$(mktemp -d)
ln -s "$ipbox" "$tmp/ip"
pairs=$((links / 2))
{
  for ((i = 0; i < pairs; i++)); do echo "link add a$i type veth peer name b$i"; done
  for ((i = 0; i < pairs; i++)); do
    echo "addr add 10.$((i / 250 % 250)).$((i % 250)).1/24 dev a$i"
    echo "addr add 10.$((i / 250 % 250 + 100)).$((i % 250)).1/24 dev b$i"
  done
} > "$tmp/setup"
"$ref" -b "$tmp/setup"
count=$("$ref" -o link | wc -l)
echo "namespace ready: $count links, $("$ref" -o -4 addr | wc -l) IPv4 addresses; $runs runs each"
now() { date +%s%N; }
bench() {
  local label=$1; shift
  local tr=0 ti=0 t0 d mr=0 mi=0
  for ((r = 0; r < runs; r++)); do
    t0=$(now); "$ref" "$@" > /dev/null; d=$(($(now) - t0)); tr=$((tr + d)); ((mr == 0 || d < mr)) && mr=$d
    t0=$(now); "$tmp/ip" "$@" > /dev/null; d=$(($(now) - t0)); ti=$((ti + d)); ((mi == 0 || d < mi)) && mi=$d
  done
  # identical output is part of the claim
  if ! cmp -s <("$ref" "$@") <("$tmp/ip" "$@"); then echo "  (outputs differ for: ip $*)"; fi
  awk -v l="$label" -v r="$tr" -v i="$ti" -v n="$runs" -v mr="$mr" -v mi="$mi" 'BEGIN {
    printf "%-14s iproute2 %6.3f s (best %6.3f)   ipbox %6.3f s (best %6.3f)   ratio %.2f (best %.2f)\n",
      l, r / n / 1e9, mr / 1e9, i / n / 1e9, mi / 1e9, i / r, mi / mr }'
}
bench "ip link show"    link show
bench "ip -br link"     -br link
bench "ip -j link"      -j link
bench "ip addr"         addr
bench "ip -br addr"     -br addr
bench "ip -j addr"      -j addr
bench "ip -s link"      -s link
INNER
