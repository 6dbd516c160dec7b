package org.twinbench.sim.perturb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.scenario.Schedule;

/**
 * Perturbations change a step's own arrays in place only while the engine applies them to a fresh batch; anywhere
 * else their input stays as it was. Values worked by hand: income × 0.5 + 1 (a scale and shift at full intensity).
 */
class StepArraysTest {

    private static Frame batch() {
        return new Frame(List.of(new NumericColumn("income", new double[] {10, 20, Double.NaN}),
                new CategoricalColumn("region", new int[] {0, 1, 0}, List.of("north", "south"))));
    }

    private static final Perturbation HALF = new CovariateShift("half", "income", 0.5, 1, Schedule.ALWAYS);
    private static final Perturbation ALL_CENTRAL = new CategoryMixShift("mix", "region", "south", 1.0,
            Schedule.ALWAYS);

    @Test
    void outsideAStepTheInputIsNeverChanged() {
        Frame in = batch();
        Frame out = ALL_CENTRAL.apply(HALF.apply(in, 0, new SplittableRandom(1)), 0, new SplittableRandom(1));
        assertThat(out.numeric("income").values()).containsExactly(6, 11, Double.NaN);
        assertThat(out.categorical("region").codes()).containsExactly(1, 1, 1);
        assertThat(in.numeric("income").values()).containsExactly(10, 20, Double.NaN);
        assertThat(in.categorical("region").codes()).containsExactly(0, 1, 0);
    }

    @Test
    void aBatchTheSourceDoesNotPromiseFreshIsCopiedOnce() {
        Frame in = batch();
        StepArrays step = new StepArrays();
        step.begin(in, false);
        Frame once;
        Frame twice;
        try {
            once = HALF.apply(in, 0, new SplittableRandom(1));
            twice = HALF.apply(once, 0, new SplittableRandom(1));
        } finally {
            step.end();
        }
        assertThat(in.numeric("income").values()).containsExactly(10, 20, Double.NaN);
        // The first copy is the step's own: the second shift changes it in place (6 × 0.5 + 1 = 4).
        assertThat(twice.numeric("income").values()).containsExactly(4, 6.5, Double.NaN)
                .isSameAs(once.numeric("income").values());
    }

    @Test
    void aFreshBatchIsChangedInPlaceWithTheSameResult() {
        Frame in = batch();
        double[] income = in.numeric("income").values();
        int[] region = in.categorical("region").codes();
        StepArrays step = new StepArrays();
        step.begin(in, true);
        Frame out;
        try {
            out = ALL_CENTRAL.apply(HALF.apply(in, 0, new SplittableRandom(1)), 0, new SplittableRandom(1));
        } finally {
            step.end();
        }
        assertThat(out.numeric("income").values()).isSameAs(income).containsExactly(6, 11, Double.NaN);
        assertThat(out.categorical("region").codes()).isSameAs(region).containsExactly(1, 1, 1);
        assertThat(out).isSameAs(in);
        // After the step nothing is changed in place any more.
        Frame later = HALF.apply(out, 1, new SplittableRandom(1));
        assertThat(out.numeric("income").values()).containsExactly(6, 11, Double.NaN);
        assertThat(later.numeric("income").values()).containsExactly(4, 6.5, Double.NaN);
    }

    /**
     * A shift limited to one slice changes only that slice's rows, in a fresh batch too: the in-place shift once
     * reached every row (the loans' town applicants' debt shift landed on the city's: `VerdictScenariosTest`).
     */
    @Test
    void aShiftLimitedToASliceLeavesTheOtherRowsAloneInAFreshBatch() {
        Frame in = batch();
        StepArrays step = new StepArrays();
        step.begin(in, true);
        Frame out;
        try {
            out = new SliceFilter(HALF, "region", "south").apply(in, 0, new SplittableRandom(1));
        } finally {
            step.end();
        }
        // Only row 1 is south: 20 × 0.5 + 1 = 11; the north rows keep 10 and NaN.
        assertThat(out.numeric("income").values()).containsExactly(10, 11, Double.NaN);
        assertThat(in.numeric("income").values()).containsExactly(10, 20, Double.NaN);
    }
}
