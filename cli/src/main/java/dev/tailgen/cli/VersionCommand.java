package dev.tailgen.cli;

import dev.tailgen.core.release.ReleaseCatalog;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tailgen version}: this build and the operator release lines it renders. */
@Command(name = "version", mixinStandardHelpOptions = true, versionProvider = Tailgen.Version.class, description = "Print tailgen's version and the operator release lines it renders.")
final class VersionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ReleaseCatalog catalog = ReleaseCatalog.bundled();
        spec.commandLine().getOut().println("tailgen " + Tailgen.version() + "; operator release lines " + catalog.lineNames()
                + " (default " + catalog.defaultRelease().versionText() + ")");
        return Tailgen.OK;
    }
}
