package dev.tailgen.maven;

import dev.tailgen.core.FrontEnd;
import dev.tailgen.core.Generator;
import dev.tailgen.core.GeneratorSettings;
import dev.tailgen.core.config.SecretSource;
import dev.tailgen.core.problem.TailgenException;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Shared by the goals: skip handling, building the core's settings, and mapping the core's typed
 * exceptions (user errors become MojoFailureException with the message alone, no stack trace).
 * Holds no secret: credentials come from placeholders resolved inside the core.
 */
abstract class AbstractTailscaleMojo extends AbstractMojo {
    /** How the core names the goals: as a Maven user types them, in messages and in the generated files' headers. */
    static final FrontEnd FRONT_END = FrontEnd.named("mvn tailscale:generate", "mvn tailscale:generate");

    /**
     * The typed config file.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.CONFIG, defaultValue = "${project.basedir}/tailscale.yaml")
    File config;

    /**
     * Skip this goal (logs why).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.SKIP, defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File basedir;

    @Parameter(defaultValue = "${settings}", readonly = true)
    Settings settings;

    @Component
    SettingsDecrypter settingsDecrypter;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping tailscale:" + goal() + " (" + PropertyNames.SKIP + "=true)");
            return;
        }
        try {
            SecretSource secrets = new MavenSecretSource(settings, settingsDecrypter);
            if (upToDate(secrets)) {
                return;
            }
            run(new Generator(new GeneratorSettings(config.toPath(), shown(config.toPath()), secrets, resolveSecrets(),
                    FRONT_END)));
        } catch (TailgenException e) {
            if (e.userError()) {
                throw new MojoFailureException(e.getMessage());
            }
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("internal error in tailscale-maven-plugin (please report it): " + e, e);
        }
    }

    abstract String goal();

    /** Whether the goal's work is already done; checked before any template engine or schema is loaded. */
    boolean upToDate(SecretSource secrets) {
        return false;
    }

    abstract boolean resolveSecrets();

    abstract void run(Generator generator) throws MojoExecutionException, MojoFailureException;

    void log(Iterable<String> lines, Iterable<String> warnings) {
        for (String line : lines) {
            getLog().info(line);
        }
        for (String warning : warnings) {
            getLog().warn(warning);
        }
    }

    static List<Path> paths(List<File> files) {
        return files.stream().map(File::toPath).toList();
    }

    /** Paths in messages are relative to the project, as users typed them. */
    String shown(Path path) {
        Path base = basedir.toPath().toAbsolutePath().normalize();
        Path p = path.toAbsolutePath().normalize();
        return p.startsWith(base) ? base.relativize(p).toString().replace(File.separatorChar, '/') : p.toString();
    }
}
