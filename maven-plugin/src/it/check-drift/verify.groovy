import java.nio.file.Files
import java.nio.file.Path

Path base = basedir.toPath()
String log = new String(Files.readAllBytes(base.resolve('build.log')), 'UTF-8')

// run 2: the failure names the file, shows a unified diff of the change, and the command that fixes it
assert log.contains('the output in tailscale-generated is out of date with tailscale-changed.yaml') : 'no drift message'
assert log.contains('manifests/tailscale-operator.yaml: differs') : 'the differing file is not named'
assert log.contains('--- a/manifests/tailscale-operator.yaml') && log.contains('+++ b/manifests/tailscale-operator.yaml') : 'no unified diff'
assert log.contains('-              value: "tailscale-operator"') && log.contains('+              value: "k8s-operator"') : 'the diff lacks the hostname change'
assert log.contains('To fix it, run: mvn tailscale:generate -Dtailscale.outputDirectory=tailscale-generated') : 'no fix command'
// secret files are compared by presence only: never printed
assert !log.contains('it-fake-secret-9f3c1a7e') && !log.contains('a/manifests/tailscale-operator-oauth.yaml') : 'a secret file was diffed'

// run 4: up to date
assert log.contains('The output in tailscale-generated is up to date with tailscale-changed.yaml') : 'no up-to-date message'
assert new String(Files.readAllBytes(base.resolve('tailscale-generated/manifests/tailscale-operator.yaml')), 'UTF-8').contains('k8s-operator')
return true
