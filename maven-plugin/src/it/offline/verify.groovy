import java.nio.file.Files
import java.nio.file.Path

// the offline build ran the plugin (it wrote its folder) and wrote exactly the online build's bytes
Path base = basedir.toPath()
Path online = base.resolve('target/tailscale')
Path offline = base.resolve('target/offline')
String log = new String(Files.readAllBytes(base.resolve('build.log')), 'UTF-8')
assert !log.contains('[ERROR]') : 'the offline build logged an error'

def files = { Path root -> Files.walk(root).withCloseable { s -> s.filter { Files.isRegularFile(it) }.collect { root.relativize(it).toString() }.sort() } }
List<String> names = files(online)
assert names.contains('manifests/tailscale-operator.yaml') : "online output incomplete: $names"
assert files(offline) == names : "offline output has other files: ${files(offline)} vs $names"
for (String name : names) {
    assert Arrays.equals(Files.readAllBytes(online.resolve(name)), Files.readAllBytes(offline.resolve(name))) : "$name differs offline"
}
println "offline: ${names.size()} files, byte-identical to the online build"
return true
