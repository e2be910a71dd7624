#!/usr/bin/env bash
# Same-hour A/B of plugin builds on examples/homelab: each round installs each variant's jars in the
# local repository, then times the Maven floor (plugin skipped) and a forced cold generate. Prints,
# per variant, the medians and cold minus floor. The jars installed before the run are put back.
#
#   benchmarks/maven-ab.sh --save DIR       copy the installed plugin jars (after mvn -B -DskipTests install) to DIR
#   ROUNDS=8 benchmarks/maven-ab.sh DIR...  compare the saved variants
set -euo pipefail
REPO=${MAVEN_REPO:-$HOME/.m2/repository}/dev/tailgen
JARS=(generator-core talos tailscale-maven-plugin)
VERSION=0.1.0-SNAPSHOT
copy_out() { mkdir -p "$1"; for a in "${JARS[@]}"; do cp "$REPO/$a/$VERSION/$a-$VERSION.jar" "$1/"; done; }
copy_in() { for a in "${JARS[@]}"; do cp "$1/$a-$VERSION.jar" "$REPO/$a/$VERSION/"; done; }
if [ "${1:-}" = "--save" ]; then copy_out "$2"; exit 0; fi
[ $# -ge 2 ] || { echo "usage: $0 --save DIR | $0 DIR DIR..." >&2; exit 2; }
variants=("$(cd "$1" && pwd)"); shift; for v in "$@"; do variants+=("$(cd "$v" && pwd)"); done
installed=$(mktemp -d); copy_out "$installed"; trap 'copy_in "$installed"; rm -rf "$installed"' EXIT
cd "$(dirname "$0")/../examples/homelab"
ms() { local s e; s=$(date +%s%N); mvn -B -o -q "$@" >/dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
results=$(mktemp)
for _ in $(seq "${ROUNDS:-8}"); do
  for v in "${variants[@]}"; do
    copy_in "$v"
    echo "$v floor $(ms validate -Dtailscale.skip=true)" >>"$results"
    echo "$v cold $(ms tailscale:generate -Dtailscale.force=true)" >>"$results"
  done
done
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }
for v in "${variants[@]}"; do
  f=$(awk -v v="$v" '$1 == v && $2 == "floor" {print $3}' "$results" | median)
  c=$(awk -v v="$v" '$1 == v && $2 == "cold" {print $3}' "$results" | median)
  echo "$(basename "$v"): floor $f ms, cold $c ms, cold - floor +$((c - f)) ms"
done
rm -f "$results"
