package org.twinbench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.stats.SliceFinder;

/**
 * A small file replayed for many steps draws the same rows again and again: the run counts them as the different
 * rows they are ({@link RunFindings#distinctShare}), and the slice search sees each once.
 */
class RepeatedRowsTest {

    /** {@code rows} draws with replacement from a pool of {@code pool} rows numbered 0.., labelled by parity. */
    private static void offer(SliceSample sample, int pool, int rows, SplittableRandom random, boolean[] wrongRows) {
        double[] index = new double[rows];
        String[] label = new String[rows];
        int[] labels = new int[rows];
        boolean[] right = new boolean[rows];
        for (int i = 0; i < rows; i++) {
            int row = random.nextInt(pool);
            index[i] = row;
            label[i] = row % 2 == 0 ? "yes" : "no";
            labels[i] = row % 2 == 0 ? 1 : 0;
            right[i] = wrongRows == null || !wrongRows[row];
        }
        sample.offer(new Frame(List.of(new NumericColumn("index", index), CategoricalColumn.of("y", label))), labels,
                right);
    }

    /** Expected different rows among {@code draws} draws with replacement from {@code pool}: P(1 − (1 − 1/P)^N). */
    private static double expectedDistinct(double pool, double draws) {
        return pool * (1 - Math.pow(1 - 1 / pool, draws));
    }

    @Test
    void aSmallPoolDrawnManyTimesCountsItsRowsOnce() {
        // 2,000 draws from 100 rows: every row is drawn (expected 100 · (1 − 0.99^2000) = 100.000), a share of 0.05.
        SliceSample sample = new SliceSample(3, 0, List.of(), List.of("index"), false, "y");
        SplittableRandom random = new SplittableRandom(7);
        for (int step = 0; step < 40; step++) {
            offer(sample, 100, 50, random, null);
        }
        assertThat(SliceSample.distinctShare(List.of(sample)))
                .isCloseTo(expectedDistinct(100, 2000) / 2000, within(1e-6));
    }

    @Test
    void beyondTheReservoirThePoolIsEstimatedFromTheSample() {
        // 100,000 draws from 30,000 rows; the reservoir keeps 20,000, of which about 14,600 differ. The pool size
        // solved from them gives 30,000 · (1 − e^(−10/3)) / 100,000 ≈ 0.289 different rows per draw.
        SliceSample sample = new SliceSample(3, 0, List.of(), List.of("index"), false, "y");
        SplittableRandom random = new SplittableRandom(8);
        for (int step = 0; step < 100; step++) {
            offer(sample, 30_000, 1000, random, null);
        }
        double truth = expectedDistinct(30_000, 100_000) / 100_000;
        assertThat(SliceSample.distinctShare(List.of(sample))).isCloseTo(truth, within(0.02 * truth));
        // Draws of different rows only: nothing repeats, the share is 1.
        SliceSample fresh = new SliceSample(3, 0, List.of(), List.of("index"), false, "y");
        offer(fresh, Integer.MAX_VALUE, 1000, random, null);
        assertThat(SliceSample.distinctShare(List.of(fresh))).isEqualTo(1.0);
    }

    @Test
    void oneUnluckyRowDrawnManyTimesIsNoSlice() {
        // Pool of 2,000 rows; the model is wrong on row 0 only. 20,000 draws hold row 0 about 10 times: counted
        // per draw, index [0, 400) is wrong 10 times in 4,000 against never in 16,000 — a "slice"; counted once,
        // it is wrong once in 400 rows, which no test can tell from chance.
        boolean[] wrong = new boolean[2000];
        wrong[0] = true;
        SliceSample sample = new SliceSample(3, 0, List.of(), List.of("index"), false, "y");
        SplittableRandom random = new SplittableRandom(9);
        for (int step = 0; step < 200; step++) {
            offer(sample, 2000, 100, random, wrong);
        }
        assertThat(sample.size()).isEqualTo(20_000);
        double[] index = new double[sample.size()];
        boolean[] right = new boolean[sample.size()];
        for (int i = 0; i < index.length; i++) {
            index[i] = sample.number(0, i);
            right[i] = !wrong[(int) index[i]];
        }
        SliceFinder.Result perDraw = SliceFinder.find(List.of(org.twinbench.data.ColumnSlicing.of(
                new NumericColumn("index", index), SliceSample.BINS)), right, SliceSample.OPTIONS);
        assertThat(perDraw.slices()).isNotEmpty();
        SliceFinder.Result found = SliceSample.find(List.of(sample));
        assertThat(found.tested()).isGreaterThan(0);
        assertThat(found.slices()).isEmpty();
    }
}
