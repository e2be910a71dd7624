import java.nio.file.Files
import java.nio.file.Path

Path base = basedir.toPath()
String log = new String(Files.readAllBytes(base.resolve('build.log')), 'UTF-8')

def upToDate = log.readLines().findAll { it.contains('is up to date with tailscale.yaml (fingerprint ') }
def rendered = log.readLines().findAll { it.contains('Wrote ') && it.contains(' files, ') }
assert upToDate.size() == 1 : "expected one up-to-date run, got ${upToDate.size()}"
assert rendered.size() == 2 : "expected two rendering runs (first and forced), got ${rendered.size()}"
assert upToDate[0].contains('nothing rendered. -Dtailscale.force=true renders anyway')

// validate after that generate: skipped on the marker's checks fingerprint; forced, it checks
def validateSkipped = log.readLines().findAll { it.contains('tailscale.yaml passed every check when target/tailscale was generated') }
assert validateSkipped.size() == 1 : "expected one skipped validate, got ${validateSkipped.size()}"
assert validateSkipped[0].contains('nothing checked. -Dtailscale.force=true checks anyway')

// the marker records digests only: no secret value in clear
String marker = new String(Files.readAllBytes(base.resolve('target/tailscale/.tailgen-output')), 'UTF-8')
assert marker =~ /fingerprint: [0-9a-f]{64}\n/ && marker =~ /outputs: [0-9a-f]{64}\n/ && marker =~ /checked: [0-9a-f]{64}\n/
assert !marker.contains('it-fake-secret') : 'a secret value in the marker'
return true
