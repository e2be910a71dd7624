package dev.tailgen.cli;

import dev.tailgen.core.Generator;
import dev.tailgen.core.GeneratorSettings;
import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every subcommand shares: the common options, the core's settings, paths as the user typed them, log lines. */
abstract class Subcommand implements Callable<Integer> {
    @Mixin
    Common common;

    @Spec
    CommandSpec spec;

    Common common() {
        return common;
    }

    /** Whether placeholders are resolved (validate and check only check their syntax: CI has no secrets). */
    abstract boolean resolveSecrets();

    Generator generator() {
        Path config = common.config;
        return new Generator(new GeneratorSettings(config, common.configName(), CliSecretSource.INSTANCE, resolveSecrets(),
                common.frontEnd()));
    }

    /** Paths in messages are relative to the working directory when they are inside it, as users typed them. */
    static String shown(Path path) {
        return relative(Path.of(""), path);
    }

    /** {@code path} relative to {@code base} with '/' separators when it is inside it, else absolute. */
    static String relative(Path base, Path path) {
        Path b = base.toAbsolutePath().normalize();
        Path p = path.toAbsolutePath().normalize();
        return p.startsWith(b) && !p.equals(b) ? b.relativize(p).toString().replace(File.separatorChar, '/') : p.toString();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    void log(List<String> lines, List<String> warnings) {
        lines.forEach(out()::println);
        PrintWriter err = spec.commandLine().getErr();
        warnings.forEach(w -> err.println("warning: " + w));
    }
}
