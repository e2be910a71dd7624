import java.nio.file.Files
import java.nio.file.Path

Path base = basedir.toPath()
String log = new String(Files.readAllBytes(base.resolve('build.log')), 'UTF-8')

assert log.contains('Skipping tailscale:generate (tailscale.skip=true)') : 'no skip line in build.log'
assert !Files.exists(base.resolve('target/tailscale')) : 'target/tailscale was written although skipped'

return true
