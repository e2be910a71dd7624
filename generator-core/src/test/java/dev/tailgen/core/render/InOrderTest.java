package dev.tailgen.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Parallel, yet the same results and the same failure as a plain loop. */
class InOrderTest {
    private static final List<Integer> MANY = IntStream.range(0, 5_000).boxed().toList();

    @Test
    void resultsKeepTheListsOrder() {
        assertThat(InOrder.map(MANY, i -> "item " + i)).isEqualTo(MANY.stream().map(i -> "item " + i).toList());
    }

    @Test
    void theEarliestFailingItemIsReportedWhateverTheTiming() {
        for (int run = 0; run < 20; run++) {
            assertThatThrownBy(() -> InOrder.map(MANY, i -> {
                if (i == 4_321 || i == 1_234) {
                    throw new IllegalArgumentException("item " + i);
                }
                return i;
            })).isInstanceOf(IllegalArgumentException.class).hasMessage("item 1234");
        }
    }

    @Test
    void smallListsStayOnTheCallersThread() {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        InOrder.map(MANY.subList(0, InOrder.PARALLEL_FROM - 1), i -> threads.add(Thread.currentThread()));
        assertThat(threads).containsExactly(Thread.currentThread());
    }

    @Test
    void anErrorIsNotSwallowed() {
        assertThatThrownBy(() -> InOrder.map(MANY, i -> {
            if (i == 2_500) {
                throw new StackOverflowError("deep");
            }
            return i;
        })).isInstanceOf(StackOverflowError.class).hasMessage("deep");
    }
}
