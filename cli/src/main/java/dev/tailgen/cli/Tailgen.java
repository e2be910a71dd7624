package dev.tailgen.cli;

import dev.tailgen.core.problem.TailgenException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tailgen}: the generator without Maven, over the same core as the plugin's goals. Exit
 * codes: 0 ok, 1 a config or check failure (the message alone), 2 a usage error, 3 an internal
 * error (its stack trace only with {@code --debug}).
 */
@Command(name = "tailgen", mixinStandardHelpOptions = true, versionProvider = Tailgen.Version.class,
        description = "Turns tailscale.yaml into a version-pinned Tailscale operator install, exposures, network policies,"
                + " a tailnet policy fragment, a report and Talos machine-config patches.",
        subcommands = {GenerateCommand.class, ValidateCommand.class, CheckCommand.class, EmbedCommand.class, VersionCommand.class,
                CommandLine.HelpCommand.class})
public final class Tailgen implements Runnable {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int INTERNAL = 3;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a subcommand: generate, validate, check, embed or version");
    }

    public static void main(String[] args) {
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR"); // the libraries log nothing here: no notice that no logger is bound
        }
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command line; what a test calls instead of {@link #main}. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        PrintWriter stdout = new PrintWriter(out, true, StandardCharsets.UTF_8);
        PrintWriter stderr = new PrintWriter(err, true, StandardCharsets.UTF_8);
        CommandLine cli = new CommandLine(new Tailgen());
        cli.setOut(stdout);
        cli.setErr(stderr);
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof TailgenException t && t.userError()) {
                stderr.println(t.getMessage());
                return FAILED;
            }
            boolean debug = command.getCommand() instanceof Subcommand s && s.common().debug;
            stderr.println((e instanceof TailgenException ? e.getMessage() : "internal error in tailgen (please report it): " + e)
                    + (debug ? "" : " (--debug prints the stack trace)"));
            if (debug) {
                e.printStackTrace(stderr);
            }
            return INTERNAL;
        });
        return cli.execute(args);
    }

    /** {@code tailgen --version}: this build's version (filtered into cli.properties by the reactor). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"tailgen " + version()};
        }
    }

    static String version() {
        try (InputStream in = Tailgen.class.getResourceAsStream("/tailgen/cli.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
