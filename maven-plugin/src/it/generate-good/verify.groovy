import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions

Path base = basedir.toPath()
Path out = base.resolve('target/tailscale')
String log = new String(Files.readAllBytes(base.resolve('build.log')), 'UTF-8')

Path install = out.resolve('manifests/tailscale-operator.yaml')
assert Files.isRegularFile(install) : "missing $install"
assert new String(Files.readAllBytes(install), 'UTF-8').contains('kind: "Deployment"') : "$install has no Deployment"

Path patch = out.resolve('talos/tailscale-operator.patch.yaml')
assert Files.isRegularFile(patch) : "missing $patch"
assert new String(Files.readAllBytes(patch), 'UTF-8').contains('inlineManifests') : "$patch has no inlineManifests"

// the two files that carry the OAuth Secret are owner-only
for (String secret : ['manifests/tailscale-operator-oauth.yaml', 'talos/tailscale-operator-oauth.patch.yaml']) {
    Path p = out.resolve(secret)
    assert Files.isRegularFile(p) : "missing $p"
    String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(p))
    assert perms == 'rw-------' : "$secret is $perms, expected rw-------"
}

// one INFO summary
assert log.contains('Wrote ') : 'no "Wrote " summary line in build.log'
assert log.contains('Next: talosctl gen config') : 'no "Next: talosctl gen config" line in build.log'

// the secret value never reaches the log
String fakeSecret = new String(Files.readAllBytes(base.resolve('secrets/client-secret')), 'UTF-8').trim()
assert !fakeSecret.isEmpty()
assert !log.contains(fakeSecret) : 'build.log contains the client secret'

// no stack trace
// "\tat " is how Maven prints a stack trace; "    at x.y(" is how Aether's warnings do
def traceLines = log.readLines().findAll { it.startsWith('\tat ') || it ==~ /\s+at [\w$.]+ ?\(.*/ }
assert traceLines.isEmpty() : "stack trace in build.log: ${traceLines.take(3)}"

return true
