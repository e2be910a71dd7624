#!/usr/bin/env bash
# Fault injection: a process writes the output folder (OutputWriter) or replaces a machine config
# (DurableFiles, what tailscale:embed uses) over and over, alternating two states, and is killed with
# SIGKILL at a random moment; after each kill the folder (after the recovery the next run does) or the
# file must be exactly one of the two states. Needs the compiled classes of talos and generator-core
# (mvn verify has made them). Usage: [MODES="generate embed"] .ci/fault-injection.sh [KILLS_EACH] (default 50)
set -euo pipefail
cd "$(dirname "$0")/.."
KILLS=${1:-50}
CP=generator-core/target/test-classes:generator-core/target/classes:talos/target/classes
MAIN=dev.tailgen.core.output.FaultInjection
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
run() { java -XX:TieredStopAtLevel=1 -cp "$CP" "$MAIN" "$@"; }

for mode in ${MODES:-generate embed}; do
  target="$WORK/$mode/out"
  [ "$mode" = embed ] && target="$WORK/$mode/controlplane.yaml"
  mkdir -p "$WORK/$mode"
  run "init-$mode" "$target"
  a=0; b=0; recovered=0
  for i in $(seq "$KILLS"); do
    java -XX:TieredStopAtLevel=1 -cp "$CP" "$MAIN" "loop-$mode" "$target" & # not through run(): $! must be the JVM
    pid=$!
    # JVM start-up takes some 0.2-0.4 s: kill between 0.3 and 1.5 s, mostly mid-write
    sleep "$(awk -v r="$RANDOM" 'BEGIN { printf "%.3f", 0.3 + (r % 1200) / 1000 }')"
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    if ! state=$(run "check-$mode" "$target"); then
      echo "fault-injection: $mode, kill $i: $state" >&2
      exit 1
    fi
    case "$state" in
      A*) a=$((a + 1)) ;;
      B*) b=$((b + 1)) ;;
    esac
    case "$state" in *recovered*) recovered=$((recovered + 1)) ;; esac
  done
  echo "-- $mode: $KILLS kills with SIGKILL, every one left the old or the new state (A $a, B $b; recovered by the next run $recovered)"
done
