package dev.tailgen.core.output;

import java.nio.charset.StandardCharsets;

/**
 * One generated file. {@code secret} files are written owner-only and are the only files that may
 * hold a secret value.
 *
 * @param path relative, with '/' separators (e.g. {@code talos/tailscale-operator.patch.yaml})
 */
public record OutputFile(String path, String content, boolean secret) {

    public byte[] bytes() {
        return content.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        // never print the content: it may be a secret
        return "OutputFile[" + path + ", " + bytes().length + " bytes" + (secret ? ", secret" : "") + "]";
    }
}
