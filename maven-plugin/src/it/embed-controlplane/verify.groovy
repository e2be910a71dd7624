import java.nio.file.Files
import java.nio.file.Path

Path base = basedir.toPath()
String log = new String(Files.readAllBytes(base.resolve('build.log')), 'UTF-8')
List<String> before = Files.readAllLines(base.resolve('controlplane.orig'))
List<String> after = Files.readAllLines(base.resolve('controlplane.yaml'))

// every original line is still there, in order, byte for byte: the embed only added lines
int i = 0
for (String line : after) {
    if (i < before.size() && line == before[i]) {
        i++
    }
}
assert i == before.size() : "original line ${i + 1} lost or changed: ${before[i]}"
String text = after.join('\n')
assert text.count('- name: tailscale-operator\n') == 1 : 'the operator manifest is missing or duplicated'
assert text.count('- name: team-namespace') == 1
assert text.contains('https://raw.githubusercontent.com/tailscale/tailscale/v1.102.3/cmd/k8s-operator/deploy/crds/tailscale.com_connectors.yaml')
assert !text.contains('name: tailscale-operator-oauth') && !text.contains('it-fake-secret') : 'the Secret is embedded only with -Dtailscale.embedSecret=true'

assert log.contains('Updated controlplane.yaml: 1 inline and 8 external manifests (every other line unchanged)')
assert log.contains('controlplane.yaml already carries the current manifests')
assert log.contains('1 control-plane config(s) carry the current manifests')
assert log.contains('worker.yaml: the machine config is a worker config (machine.type: worker); manifests are applied by control planes only: embed into controlplane.yaml')
assert Files.readAllLines(base.resolve('worker.yaml')).join('\n').count('tailscale-operator') == 0 : 'the worker config was edited'
assert log.contains('controlplane.orig lacks the current tailscale-operator, tailscale-crd-connectors,')
assert log.contains('To fix it, run: mvn tailscale:embed (control planes must all carry the same, current manifests)')
return true
