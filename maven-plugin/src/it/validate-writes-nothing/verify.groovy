import java.nio.file.Files
import java.nio.file.Path

Path base = basedir.toPath()
String log = new String(Files.readAllBytes(base.resolve('build.log')), 'UTF-8')

assert log.contains('Config is valid; nothing written.') : 'no "Config is valid; nothing written." line in build.log'
assert !log.contains('Wrote ') : 'validate reported written files'
assert !Files.exists(base.resolve('target/tailscale')) : 'validate wrote target/tailscale'

// "\tat " is how Maven prints a stack trace; "    at x.y(" is how Aether's warnings do
def traceLines = log.readLines().findAll { it.startsWith('\tat ') || it ==~ /\s+at [\w$.]+ ?\(.*/ }
assert traceLines.isEmpty() : "stack trace in build.log: ${traceLines.take(3)}"

return true
