#!/usr/bin/env bash
# What the plugin costs a user's build, against a project that does not use it at all. Whole Maven
# runs, offline, interleaved (each round runs every case once on every Maven), medians and ratios to
# the floor:
#   floor      a plain pom without the plugin: mvn -o validate
#   help       mvn -o tailscale:help (Maven resolves and loads the plugin; none of our code runs)
#   uptodate   mvn -o tailscale:generate on an unchanged homelab (the fingerprint says nothing changed)
#   cold       mvn -o tailscale:generate -Dtailscale.force=true (renders everything)
#   validate   mvn -o validate on the unchanged homelab (tailscale:validate skips: the output's marker
#              says a generate passed every check on this config)
#   validate-full  the same with -Dtailscale.force=true (every check, writes nothing)
#   jkube      (peer, JKUBE=1) mvn -o k8s:resource of org.eclipse.jkube:kubernetes-maven-plugin over
#              the homelab's own manifests as resource fragments
# Usage, from the repository root after mvn -B -DskipTests install:
#   [ROUNDS=7] [JKUBE=1] [MAVENS="mvn /path/to/apache-maven-3.9.x/bin/mvn"] benchmarks/build-cost.sh
# MAVENS defaults to mvn and Maven 3.9.16, which the script downloads once from Maven Central into
# ~/.cache/tailgen. Each Maven runs every case once online first, so the offline rounds have what they need.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
ROUNDS=${ROUNDS:-7}
JKUBE_VERSION=1.19.0
M39=3.9.16
if [ -z "${MAVENS:-}" ]; then
  dist="$HOME/.cache/tailgen/apache-maven-$M39"
  if [ ! -x "$dist/bin/mvn" ]; then
    mkdir -p "$HOME/.cache/tailgen"
    curl -fsSL "https://repo.maven.apache.org/maven2/org/apache/maven/apache-maven/$M39/apache-maven-$M39-bin.tar.gz" \
      | tar -xz -C "$HOME/.cache/tailgen"
  fi
  MAVENS="mvn $dist/bin/mvn"
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# the floor: a project that does not use the plugin
mkdir -p "$WORK/floor"
cat >"$WORK/floor/pom.xml" <<'POM'
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>example</groupId>
  <artifactId>floor</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
</project>
POM
# the homelab example, as a user's infra repo
cp -r "$ROOT/examples/homelab" "$WORK/homelab"
rm -rf "$WORK/homelab/target"
# the peer: JKube over the same objects (one fragment per object, as JKube wants them)
mkdir -p "$WORK/jkube/src/main/jkube"
cat >"$WORK/jkube/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>example</groupId>
  <artifactId>jkube-peer</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <build><plugins><plugin>
    <groupId>org.eclipse.jkube</groupId><artifactId>kubernetes-maven-plugin</artifactId><version>$JKUBE_VERSION</version>
  </plugin></plugins></build>
</project>
POM

ms() { # dir, maven, args...
  local dir=$1 maven=$2 s e; shift 2
  s=$(date +%s%N); (cd "$dir" && "$maven" -B -o -q "$@" >/dev/null); e=$(date +%s%N); echo $(( (e - s) / 1000000 ))
}
cases="floor help uptodate cold validate validate-full"
run_case() { # maven, case
  case "$2" in
    floor) ms "$WORK/floor" "$1" validate ;;
    help) ms "$WORK/homelab" "$1" tailscale:help ;;
    uptodate) ms "$WORK/homelab" "$1" tailscale:generate ;;
    cold) ms "$WORK/homelab" "$1" tailscale:generate -Dtailscale.force=true ;;
    validate) ms "$WORK/homelab" "$1" validate ;;
    validate-full) ms "$WORK/homelab" "$1" validate -Dtailscale.force=true ;;
    jkube) ms "$WORK/jkube" "$1" k8s:resource ;;
  esac
}

for maven in $MAVENS; do
  (cd "$WORK/floor" && "$maven" -B -q validate >/dev/null)
  (cd "$WORK/homelab" && "$maven" -B -q tailscale:help validate tailscale:generate >/dev/null)
done
if [ "${JKUBE:-0}" = 1 ]; then
  cases="$cases jkube"
  i=0
  python3 - "$WORK/homelab/target/tailscale/manifests" "$WORK/jkube/src/main/jkube" <<'PY'
import sys, pathlib, re
src, dst = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
n = 0
for f in sorted(src.glob("*.yaml")):
    if "oauth" in f.name:
        continue
    for doc in re.split(r"(?m)^---\n", f.read_text()):
        body = "\n".join(l for l in doc.splitlines() if not l.startswith("#")).strip()
        if body:
            n += 1
            (dst / f"object-{n:03d}.yaml").write_text(body + "\n")
print(n, "objects", file=sys.stderr)
PY
  for maven in $MAVENS; do (cd "$WORK/jkube" && "$maven" -B -q k8s:resource >/dev/null); done
fi

results="$WORK/results"
for _ in $(seq "$ROUNDS"); do
  for maven in $MAVENS; do
    for c in $cases; do
      echo "$maven $c $(run_case "$maven" "$c")" >>"$results"
    done
  done
done
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }
for maven in $MAVENS; do
  version=$("$maven" -B -v 2>/dev/null | sed "s/\x1b\[[0-9;]*m//g" | sed -n "s/^Apache Maven \([0-9.]*\).*/\1/p")
  floor=$(awk -v m="$maven" '$1 == m && $2 == "floor" {print $3}' "$results" | median)
  echo "Maven $version, $ROUNDS rounds, medians:"
  echo "| run | median ms | / floor | runs (ms) |"
  echo "| --- | --- | --- | --- |"
  for c in $cases; do
    runs=$(awk -v m="$maven" -v c="$c" '$1 == m && $2 == c {print $3}' "$results")
    med=$(echo "$runs" | median)
    echo "| $c | $med | $(awk -v a="$med" -v b="$floor" 'BEGIN {printf "%.2fx", a / b}') | $(echo $runs | tr ' ' ',') |"
  done
done
