import java.nio.file.Files
import java.nio.file.Path

Path base = basedir.toPath()
String log = new String(Files.readAllBytes(base.resolve('build.log')), 'UTF-8')
String text(Path p) {
    assert Files.isRegularFile(p) : "missing $p"
    return new String(Files.readAllBytes(p), 'UTF-8')
}

// each execution wrote its own cluster: the base's values, with the cluster's own on top
for (String cluster : ['home', 'lab']) {
    Path out = base.resolve("target/tailscale/$cluster")
    String install = text(out.resolve('manifests/tailscale-operator.yaml'))
    assert install.contains("\"$cluster-operator\"") : "$cluster: the operator hostname is not $cluster-operator"
    assert install.contains('kind: "Deployment"')
    String services = text(out.resolve('manifests/tailscale-services.yaml'))
    String hostname = cluster == 'home' ? 'home-grafana' : 'grafana' // home replaces the base's list, lab keeps it
    assert services.contains("tailscale.com/hostname: \"$hostname\"") : "$cluster: no Service exposed as $hostname"
    assert text(out.resolve('inventory.json')).contains("\"$cluster\"") : "$cluster: inventory is not named after the cluster"
}

// the second build: every file of both chains unchanged, so both executions skip
def upToDate = log.readLines().findAll { it.contains(' is up to date with clusters/') }
assert upToDate.size() == 2 : "expected two up-to-date executions, got ${upToDate.size()}: $upToDate"
def rendered = log.readLines().findAll { it.contains('Wrote ') && it.contains(' files, ') }
assert rendered.size() == 2 : "expected two rendering executions, got ${rendered.size()}"
return true
