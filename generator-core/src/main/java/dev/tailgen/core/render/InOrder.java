package dev.tailgen.core.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Maps a list on every core and returns the results in the list's order, so the output is the same
 * bytes whatever the thread count or timing. When items fail, the failure of the earliest item is
 * thrown, as a sequential loop would. Small lists run on the caller's thread alone.
 */
public final class InOrder {
    /** Below this many items, threads cost more than they save. */
    static final int PARALLEL_FROM = 64;
    private static final int CHUNKS_PER_THREAD = 8;
    private static final int THREADS = Runtime.getRuntime().availableProcessors();
    /** Helpers beside the caller; they end after a second idle, so nothing outlives a build. */
    private static final ExecutorService HELPERS = helpers();

    private InOrder() {
    }

    public static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> f) {
        int n = items.size();
        if (n < PARALLEL_FROM || THREADS == 1) {
            List<R> out = new ArrayList<>(n);
            items.forEach(item -> out.add(f.apply(item)));
            return out;
        }
        int chunkSize = Math.max(1, n / (THREADS * CHUNKS_PER_THREAD));
        int chunks = (n + chunkSize - 1) / chunkSize;
        Object[] results = new Object[n];
        RuntimeException[] failures = new RuntimeException[chunks];
        AtomicInteger nextChunk = new AtomicInteger();
        AtomicInteger firstFailedChunk = new AtomicInteger(Integer.MAX_VALUE);
        Runnable worker = () -> {
            int c;
            while ((c = nextChunk.getAndIncrement()) < chunks) {
                if (c > firstFailedChunk.get()) {
                    continue; // an earlier item already failed; only earlier chunks still matter
                }
                for (int i = c * chunkSize, end = Math.min(n, i + chunkSize); i < end; i++) {
                    try {
                        results[i] = f.apply(items.get(i));
                    } catch (RuntimeException e) {
                        failures[c] = e;
                        firstFailedChunk.accumulateAndGet(c, Math::min);
                        break;
                    }
                }
            }
        };
        List<Future<?>> helpers = new ArrayList<>();
        for (int t = 1; t < THREADS; t++) {
            helpers.add(HELPERS.submit(worker));
        }
        worker.run();
        for (Future<?> helper : helpers) {
            join(helper);
        }
        for (RuntimeException failure : failures) {
            if (failure != null) {
                throw failure;
            }
        }
        @SuppressWarnings("unchecked")
        List<R> out = (List<R>) Arrays.asList(results);
        return out;
    }

    private static void join(Future<?> helper) {
        boolean interrupted = false;
        while (true) {
            try {
                helper.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the helper still writes into our arrays: wait for it
            } catch (ExecutionException e) {
                // workers catch RuntimeException per item, so only an Error gets here
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static ExecutorService helpers() {
        ClassLoader loader = InOrder.class.getClassLoader();
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "tailgen-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            t.setContextClassLoader(loader);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
