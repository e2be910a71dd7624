#!/usr/bin/env bash
# The release build without network or keys: mvn -Prelease (signing skipped: no gpg.keyname) twice,
# the second offline; then every module that would be published must carry the POM elements Maven
# Central requires, a sources and a javadoc jar (javadoc built without errors, or the build failed),
# the license files, and both builds must give byte-identical artifacts.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
PUBLISHED="talos generator-core maven-plugin"
build() { # $1: first or second; extra Maven flags after it
  local name=$1; shift
  mvn -B -q "$@" -Prelease -DskipTests -Dinvoker.skip=true clean verify >"$WORK/$name.log" 2>&1 \
    || { tail -40 "$WORK/$name.log" >&2; echo "release-check: the $name release build failed" >&2; exit 1; }
  mkdir -p "$WORK/$name"
  for m in $PUBLISHED; do cp "$m"/target/*.jar "$WORK/$name/"; done
}
build first
build second -o

python3 - "$WORK/first" $PUBLISHED <<'PY'
import sys, zipfile, pathlib, xml.etree.ElementTree as ET
ns = {"m": "http://maven.apache.org/POM/4.0.0"}
jars = pathlib.Path(sys.argv[1])
root = ET.parse("pom.xml").getroot()
problems = []
def text(pom, path):
    e = pom.find(path, ns)
    return (e.text or "").strip() if e is not None else ""
# inherited by every module from the parent, which is published too
for path in ["m:url", "m:licenses/m:license/m:name", "m:licenses/m:license/m:url", "m:developers/m:developer/m:name",
             "m:scm/m:connection", "m:scm/m:developerConnection", "m:scm/m:url", "m:name", "m:description"]:
    if not text(root, path):
        problems.append(f"pom.xml lacks {path.replace('m:', '')}")
version = text(root, "m:version")
for module in sys.argv[2:]:
    pom = ET.parse(f"{module}/pom.xml").getroot()
    artifact = text(pom, "m:artifactId")
    for path in ["m:name", "m:description"]:
        if not text(pom, path):
            problems.append(f"{module}/pom.xml lacks {path[2:]}")
    for suffix in ["", "-sources", "-javadoc"]:
        jar = jars / f"{artifact}-{version}{suffix}.jar"
        if not jar.exists():
            problems.append(f"{module}: no {jar.name}")
            continue
        names = set(zipfile.ZipFile(jar).namelist())
        if suffix == "-javadoc" and "index.html" not in names:
            problems.append(f"{jar.name} holds no javadoc")
        if suffix == "" and not {"META-INF/LICENSE", "META-INF/NOTICE", "META-INF/THIRD-PARTY-NOTICES.md"} <= names:
            problems.append(f"{jar.name} lacks the license files in META-INF")
        if suffix == "" and module == "maven-plugin":
            for needed in ["META-INF/maven/plugin.xml", "META-INF/m2e/lifecycle-mapping-metadata.xml"]:
                if needed not in names:
                    problems.append(f"{jar.name} lacks {needed}")
for p in problems:
    print("release-check: " + p, file=sys.stderr)
sys.exit(1 if problems else 0)
PY

differ=0
for jar in "$WORK"/first/*.jar; do
  name=$(basename "$jar")
  if ! cmp -s "$jar" "$WORK/second/$name"; then
    echo "release-check: $name differs between two builds" >&2
    differ=1
  fi
done
[ "$differ" = 0 ] || exit 1
echo "-- release build: $(ls "$WORK/first" | wc -l) artifacts of $(echo $PUBLISHED | wc -w) published modules (+ the parent POM) carry the required POM elements, sources, javadoc and license files; two builds, the second offline, byte-identical"
