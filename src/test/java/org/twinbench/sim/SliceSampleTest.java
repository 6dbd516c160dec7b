package org.twinbench.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.stats.SliceFinder;

/** The run's reservoir of labelled rows: bounded, uniform over the whole run, columns chosen as documented. */
class SliceSampleTest {

    private static Frame batch(int from, int rows) {
        double[] index = new double[rows];
        String[] ids = new String[rows];
        String[] label = new String[rows];
        for (int i = 0; i < rows; i++) {
            index[i] = from + i;
            ids[i] = "id" + (from + i);
            label[i] = (from + i) % 2 == 0 ? "yes" : "no";
        }
        return new Frame(List.of(new NumericColumn("index", index), CategoricalColumn.of("customer_id", ids),
                CategoricalColumn.of("churned", label)));
    }

    @Test
    void keepsAtMostTheBoundAndEveryRowAlike() {
        SliceSample sample = new SliceSample(11, 0, List.of(), List.of("index", "customer_id"), false, "churned");
        int steps = 100;
        int rows = 1000;
        int[] labels = new int[rows];
        boolean[] right = new boolean[rows];
        for (int step = 0; step < steps; step++) {
            sample.offer(batch(step * rows, rows), labels, right);
        }
        assertThat(sample.seen()).isEqualTo((long) steps * rows);
        assertThat(sample.size()).isEqualTo(SliceSample.BOUND);
        // A uniform sample of 0..99,999: each tenth of the run holds 2,000 of the kept rows, ± 4.5 standard
        // deviations of the binomial count (sd = √(20000 · 0.1 · 0.9) ≈ 42.4).
        int[] tenths = new int[10];
        for (int i = 0; i < sample.size(); i++) {
            tenths[(int) (sample.number(0, i) / 10_000)]++;
        }
        for (int count : tenths) {
            assertThat(count).isBetween(1810, 2190);
        }
        // An id column is not searched; the label never is.
        assertThat(sample.columns()).containsExactly("index");
    }

    /**
     * Steps of different sizes, as a calendar replay makes them (a month of 29 rows, then one of 12): the buffers kept
     * from the larger step are read only as far as the smaller one's rows. They were read to their own length, which
     * ended the clinic-visits replay of {@code TimeFormatToScenarioTest} with an ArrayIndexOutOfBoundsException.
     */
    @Test
    void aShorterStepAfterALongerOneReadsOnlyItsOwnRows() {
        SliceSample sample = new SliceSample(11, 0, List.of(), List.of("index"), false, "churned");
        int[] sizes = {29, 12, 40, 3};
        int from = 0;
        for (int rows : sizes) {
            boolean[] right = new boolean[rows];
            for (int i = 0; i < rows; i++) {
                right[i] = (from + i) % 3 == 0;
            }
            sample.offer(batch(from, rows), new int[rows], right);
            from += rows;
        }
        assertThat(sample.seen()).isEqualTo(84);
        assertThat(sample.size()).isEqualTo(84);
        // Under the bound every row is kept in order, with its own answer: rows 0, 3, …, 81 right.
        for (int i = 0; i < sample.size(); i++) {
            assertThat(sample.number(0, i)).isEqualTo(i);
            assertThat(sample.value(i)).as("row %d", i).isEqualTo(i % 3 == 0 ? 1.0 : 0.0);
        }
    }

    @Test
    void aRowWithoutALabelIsNotKept() {
        SliceSample sample = new SliceSample(11, 0, List.of(), List.of("index"), false, "churned");
        sample.offer(batch(0, 4), new int[] {1, -1, 0, -1}, new boolean[] {true, false, false, true});
        assertThat(sample.size()).isEqualTo(2);
        assertThat(sample.seen()).isEqualTo(2);
        assertThat(SliceSample.find(List.of(new SliceSample(1, 0, List.of(), List.of(), false, "y")))).isNull();
        SliceFinder.Result found = SliceSample.find(List.of(sample));
        assertThat(found.rows()).isEqualTo(2);
        assertThat(found.accuracy()).isEqualTo(0.5);
    }
}
