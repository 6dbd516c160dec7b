package org.twinbench.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A light version of {@link Soak} (the full one is its main): the sample loans scenario, 10
 * replicates per run, fewer steps, so the suite stays fast. No timings are asserted.
 */
class SoakTest {

    private static final Soak.Setup SETUP = new Soak.Setup(Path.of("sample-data", "loans-recession.twin.json"), 6);

    @TempDir
    Path dir;

    @Test
    void twentyRunsBackToBackDoNotGrowTheHeapByMoreThanTenPercent() {
        Soak.HeapFigures heap = Soak.backToBack(SETUP, 20, 10, 2, false);
        System.out.printf("soak: heap after run 1 %.1f MiB, after run 20 %.1f MiB (%+.1f%%)%n",
                heap.first() / 1048576.0, heap.last() / 1048576.0, 100 * heap.growth());
        assertThat(heap.growth()).as("heap growth from run 1 to run 20").isLessThanOrEqualTo(0.10);
    }

    @Test
    void fourRunsAtOnceGiveTheSameStepsAsOneAfterAnother() throws Exception {
        List<List<String>> steps = Soak.atOnceAndInTurn(SETUP, 4, 10);
        assertThat(steps.get(0)).hasSize(4).doesNotHaveDuplicates();
        assertThat(steps.get(0)).containsExactlyElementsOf(steps.get(1));
        assertThat(steps.get(0).get(0)).contains(",accuracy,");
    }

    @Test
    void runsCancelledAtRandomMomentsLeaveNoThreadOrFileBehind() throws Exception {
        Soak.Leftovers left = Soak.cancelAtRandom(SETUP, dir.resolve("runs.sqlite"), 6, 10, 2, 20261127L);
        System.out.printf("soak: %d of 6 runs cancelled before their end; twinbench threads %d -> %d, open file"
                + " descriptors %d -> %d%n", left.cancelled(), left.threadsBefore(), left.threadsAfter(),
                left.descriptorsBefore(), left.descriptorsAfter());
        // No more than before: a thread an earlier test in this JVM left finishing (a window's engine warm-up, which
        // now waits for an idle moment) may end meanwhile, so "before" can count one the soak never made.
        assertThat(left.threadsAfter()).isLessThanOrEqualTo(left.threadsBefore());
        assertThat(left.descriptorsAfter()).isLessThanOrEqualTo(left.descriptorsBefore());
        assertThat(left.cancelled()).as("runs actually cut short").isPositive();
    }
}
