#!/usr/bin/env bash
# Whole Maven runs on examples/homelab, against the Maven floor (the same project with the plugin
# skipped): cold (forced render) and up to date. Prints wall-clock seconds per run and the medians.
# Run from the repository root after `mvn -B -DskipTests install` (the plugin must be installed).
set -euo pipefail
cd "$(dirname "$0")/../examples/homelab"
RUNS=${RUNS:-5}
time_of() { local s e; s=$(date +%s.%N); mvn -B -o -q "$@" >/dev/null; e=$(date +%s.%N); echo "$e - $s" | bc; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
floor=(); cold=(); fresh=()
mvn -B -o -q tailscale:generate >/dev/null # make sure an output exists for the up-to-date runs
for _ in $(seq "$RUNS"); do
  floor+=("$(time_of validate -Dtailscale.skip=true)")
  cold+=("$(time_of tailscale:generate -Dtailscale.force=true)")
  fresh+=("$(time_of tailscale:generate)")
done
f=$(printf '%s\n' "${floor[@]}" | median); c=$(printf '%s\n' "${cold[@]}" | median); u=$(printf '%s\n' "${fresh[@]}" | median)
echo "floor  (mvn validate, plugin skipped): ${floor[*]}  median $f s"
echo "cold   (tailscale:generate, forced):   ${cold[*]}  median $c s  (+$(echo "$c - $f" | bc) s, x$(echo "scale=2; $c / $f" | bc))"
echo "uptodate (tailscale:generate):         ${fresh[*]}  median $u s  (+$(echo "$u - $f" | bc) s, x$(echo "scale=2; $u / $f" | bc))"
