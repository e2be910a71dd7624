package dev.tailgen.core;

import dev.tailgen.core.release.ReleaseCatalog;
import dev.tailgen.core.render.ManifestParser;
import dev.tailgen.core.render.TemplateRenderer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The template engine and the manifest parser, built on a second thread while the first loads and
 * checks the config: a cold generate spends about half a second starting Jinjava, the parser and the
 * release data (class loading, mostly), and the config's load and checks need neither engine. Measured
 * in Maven on 2 cores: 0.15-0.2 s off a cold generate (benchmarks/README.md). Nothing is shared
 * between the threads but what {@link #get()} hands over, so output and messages are what one thread gives.
 */
final class RenderTools {
    private final FutureTask<Tools> task = new FutureTask<>(RenderTools::build);

    record Tools(TemplateRenderer renderer, ManifestParser parser) {
    }

    /** Starts building; {@link #get()} waits for it. */
    static RenderTools start() {
        RenderTools tools = new RenderTools();
        Thread thread = new Thread(tools.task, "tailgen-render-tools");
        thread.setDaemon(true); // never keeps a JVM alive
        thread.start();
        return tools;
    }

    private static Tools build() {
        try {
            ReleaseCatalog.bundled(); // the config's checks need it next; a failure is thrown again where they ask
        } catch (RuntimeException e) {
            // not ours to report: the loading thread reads the catalog itself and reports it there
        }
        return new Tools(new TemplateRenderer(), new ManifestParser());
    }

    Tools get() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true; // finish the render; the caller's thread keeps its interrupt
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
