import java.nio.file.Files
import java.nio.file.Path

Path base = basedir.toPath()
String log = new String(Files.readAllBytes(base.resolve('build.log')), 'UTF-8')

// file:line:col: config.path: what is wrong (got value); line 18, column 13 is the value of operator.hostname
String expected = 'tailscale.yaml:18:13: operator.hostname: expected a DNS label (RFC 1123): lowercase letters, ' +
        "digits and '-', 1-63 characters, starting and ending with a letter or digit (got \"Tailscale_Operator\")"
assert log.contains(expected) : "build.log lacks the expected error:\n$expected"

// nothing written
assert !Files.exists(base.resolve('target/tailscale')) : 'target/tailscale was written by a failing build'

// a user error: message only, no stack trace
// "\tat " is how Maven prints a stack trace; "    at x.y(" is how Aether's warnings do
def traceLines = log.readLines().findAll { it.startsWith('\tat ') || it ==~ /\s+at [\w$.]+ ?\(.*/ }
assert traceLines.isEmpty() : "stack trace in build.log: ${traceLines.take(3)}"

return true
