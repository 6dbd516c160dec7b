package org.twinbench.sim.perturb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.scenario.Schedule;
import org.twinbench.sim.LabelCodec;
import org.twinbench.sim.Seeds;

/** Each perturbation changes exactly what it says, and only from its schedule's start. */
class PerturbationsTest {

    static final int N = 20_000;
    static final Schedule FROM_5 = new Schedule(Schedule.Kind.SUDDEN, 5, 5, 0);
    static final LabelCodec LABELS = new LabelCodec("label", "yes", "no");

    /**
     * 20% positives; x ~ N(1, 1) for positives and N(0, 1) for negatives; u uniform on [0, 1];
     * region cycles north, south, east, west.
     */
    static Frame batch() {
        SplittableRandom random = new SplittableRandom(42);
        double[] x = new double[N];
        double[] u = new double[N];
        String[] label = new String[N];
        String[] region = new String[N];
        for (int i = 0; i < N; i++) {
            boolean positive = random.nextDouble() < 0.2;
            label[i] = positive ? "yes" : "no";
            x[i] = (positive ? 1 : 0) + Seeds.gaussian(random);
            u[i] = random.nextDouble();
            region[i] = List.of("north", "south", "east", "west").get(i % 4);
        }
        return new Frame(List.of(new NumericColumn("x", x), new NumericColumn("u", u),
                CategoricalColumn.of("label", label), CategoricalColumn.of("region", region)));
    }

    static final Frame BATCH = batch();

    private static Frame at(Perturbation p, int step) {
        return p.apply(BATCH, step, new SplittableRandom(step * 31L + 7));
    }

    private static double mean(double[] values) {
        return java.util.Arrays.stream(values).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
    }

    private static double sd(double[] values) {
        double m = mean(values);
        return Math.sqrt(java.util.Arrays.stream(values).map(v -> (v - m) * (v - m)).sum() / (values.length - 1));
    }

    /** Four binomial standard errors around a share p over n rows. */
    private static org.assertj.core.data.Offset<Double> fourSigma(double p, int n) {
        return offset(4 * Math.sqrt(p * (1 - p) / n));
    }

    @Test
    void nothingChangesBeforeTheScheduleStarts() {
        List<Perturbation> all = List.of(
                new PriorShift("p", LABELS, 0.5, FROM_5, null, null),
                new ConceptDrift("c", LABELS, "u", 0.2, 0.4, 1, FROM_5),
                new GaussianNoise("g", List.of("x"), 1, FROM_5),
                new LabelNoise("l", LABELS, 0.3, FROM_5),
                new MissingValues("m", List.of("x", "region"), false, 0.3, FROM_5),
                new ScaleBug("s", "x", 1000, FROM_5),
                new Outliers("o", "x", 0.1, 10, FROM_5));
        for (Perturbation p : all) {
            assertThat(at(p, 4)).as(p.nodeId()).isSameAs(BATCH);
            assertThat(at(p, 5)).as(p.nodeId()).isNotSameAs(BATCH);
        }
    }

    @Test
    void priorShiftReachesTheTargetRateAndKeepsEachClassAsItWas() {
        Frame out = at(new PriorShift("p", LABELS, 0.5, FROM_5, null, null), 5);
        int[] y = LABELS.read(out);
        double[] x = out.numeric("x").values();
        assertThat(out.rowCount()).isEqualTo(N);
        assertThat(mean(java.util.Arrays.stream(y).asDoubleStream().toArray())).isCloseTo(0.5, fourSigma(0.5, N));
        double[] positives = java.util.stream.IntStream.range(0, N).filter(i -> y[i] == 1).mapToDouble(i -> x[i]).toArray();
        double[] negatives = java.util.stream.IntStream.range(0, N).filter(i -> y[i] == 0).mapToDouble(i -> x[i]).toArray();
        // P(x | class) unchanged: the class means stay at 1 and 0 (standard error about 0.01 to 0.03).
        assertThat(mean(positives)).isCloseTo(1.0, offset(0.08));
        assertThat(mean(negatives)).isCloseTo(0.0, offset(0.08));
    }

    @Test
    void priorShiftHalfwayMovesHalfTheWay() {
        Schedule ramp = new Schedule(Schedule.Kind.INCREMENTAL, 0, 1, 0);
        Frame out = at(new PriorShift("p", LABELS, 0.6, ramp, null, null), 0);
        double before = mean(java.util.Arrays.stream(LABELS.read(BATCH)).asDoubleStream().toArray());
        double after = mean(java.util.Arrays.stream(LABELS.read(out)).asDoubleStream().toArray());
        double target = before + 0.5 * (0.6 - before);
        assertThat(after).isCloseTo(target, fourSigma(target, N));
    }

    @Test
    void conceptDriftReversesLabelsInsideTheRegionOnly() {
        Frame out = at(new ConceptDrift("c", LABELS, "u", 0.2, 0.4, 1.0, FROM_5), 5);
        int[] before = LABELS.read(BATCH);
        int[] after = LABELS.read(out);
        double[] u = BATCH.numeric("u").values();
        for (int i = 0; i < N; i++) {
            boolean inside = u[i] >= 0.2 && u[i] <= 0.4;
            assertThat(after[i]).isEqualTo(inside ? 1 - before[i] : before[i]);
        }
        assertThat(out.numeric("x").values()).isEqualTo(BATCH.numeric("x").values());
    }

    @Test
    void gaussianNoiseKeepsTheMeanAndAddsItsVariance() {
        Frame out = at(new GaussianNoise("g", List.of("x"), 2.0, FROM_5), 5);
        double[] before = BATCH.numeric("x").values();
        double[] after = out.numeric("x").values();
        double[] added = new double[N];
        for (int i = 0; i < N; i++) {
            added[i] = after[i] - before[i];
        }
        assertThat(mean(added)).isCloseTo(0, offset(4 * 2.0 / Math.sqrt(N)));
        assertThat(sd(added)).isCloseTo(2.0, offset(0.05));
        assertThat(out.numeric("u").values()).isSameAs(BATCH.numeric("u").values());
        assertThat(out.column("label")).isSameAs(BATCH.column("label"));
    }

    @Test
    void labelNoiseReversesTheGivenShareAndNothingElse() {
        Frame out = at(new LabelNoise("l", LABELS, 0.3, FROM_5), 5);
        int[] before = LABELS.read(BATCH);
        int[] after = LABELS.read(out);
        int flipped = 0;
        for (int i = 0; i < N; i++) {
            flipped += before[i] != after[i] ? 1 : 0;
        }
        assertThat((double) flipped / N).isCloseTo(0.3, fourSigma(0.3, N));
        assertThat(out.categorical("label").levels()).containsExactlyInAnyOrder("yes", "no");
        assertThat(out.numeric("x")).isSameAs(BATCH.numeric("x"));
    }

    @Test
    void mcarBlanksTheGivenShareAndKeepsTheRest() {
        Frame out = at(new MissingValues("m", List.of("x", "region"), false, 0.3, FROM_5), 5);
        double[] before = BATCH.numeric("x").values();
        double[] after = out.numeric("x").values();
        int missing = 0;
        for (int i = 0; i < N; i++) {
            if (Double.isNaN(after[i])) {
                missing++;
            } else {
                assertThat(after[i]).isEqualTo(before[i]);
            }
        }
        assertThat((double) missing / N).isCloseTo(0.3, fourSigma(0.3, N));
        assertThat((double) out.column("region").missingCount() / N).isCloseTo(0.3, fourSigma(0.3, N));
        assertThat(out.numeric("u").missingCount()).isZero();
    }

    @Test
    void pipelineBreakEmptiesTheColumnFromTheStartStep() {
        MissingValues pipelineBreak = new MissingValues("m", List.of("x"), true, 0.0, FROM_5);
        assertThat(at(pipelineBreak, 4).numeric("x").missingCount()).isZero();
        assertThat(at(pipelineBreak, 5).numeric("x").missingCount()).isEqualTo(N);
        assertThat(at(pipelineBreak, 50).numeric("x").missingCount()).isEqualTo(N);
        assertThat(at(pipelineBreak, 5).numeric("u").missingCount()).isZero();
    }

    @Test
    void scaleBugMultipliesEveryValueExactly() {
        Frame out = at(new ScaleBug("s", "x", 1000, FROM_5), 5);
        double[] before = BATCH.numeric("x").values();
        double[] after = out.numeric("x").values();
        for (int i = 0; i < N; i++) {
            assertThat(after[i]).isEqualTo(before[i] * 1000);
        }
    }

    @Test
    void gradualScaleBugHitsWholeRowsWithTheIntensity() {
        Schedule ramp = new Schedule(Schedule.Kind.GRADUAL, 0, 1, 0);
        Frame out = at(new ScaleBug("s", "x", 1000, ramp), 0);
        double[] before = BATCH.numeric("x").values();
        double[] after = out.numeric("x").values();
        int hit = 0;
        for (int i = 0; i < N; i++) {
            assertThat(after[i]).isIn(before[i], before[i] * 1000);
            hit += after[i] != before[i] ? 1 : 0;
        }
        assertThat((double) hit / N).isCloseTo(0.5, fourSigma(0.5, N));
    }

    @Test
    void outliersMoveTheGivenShareByMagnitudeStandardDeviations() {
        Frame out = at(new Outliers("o", "x", 0.05, 10, FROM_5), 5);
        double[] before = BATCH.numeric("x").values();
        double[] after = out.numeric("x").values();
        double sd = sd(before);
        int moved = 0;
        for (int i = 0; i < N; i++) {
            if (after[i] != before[i]) {
                moved++;
                assertThat(Math.abs(after[i] - before[i])).isCloseTo(10 * sd, offset(1e-9));
            }
        }
        assertThat((double) moved / N).isCloseTo(0.05, fourSigma(0.05, N));
    }

    @Test
    void sliceFilterChangesOnlyTheSlice() {
        Perturbation north = new SliceFilter(new CovariateShift("c", "x", 1, 100, Schedule.ALWAYS), "region", "north");
        Frame out = north.apply(BATCH, 0, new SplittableRandom(1));
        double[] before = BATCH.numeric("x").values();
        double[] after = out.numeric("x").values();
        for (int i = 0; i < N; i++) {
            assertThat(after[i]).isEqualTo(i % 4 == 0 ? before[i] + 100 : before[i]);
        }
    }

    @Test
    void sliceFilterKeepsOtherRowsOfANewCategory() {
        Perturbation mix = new SliceFilter(new CategoryMixShift("m", "label", "maybe", 1.0, Schedule.ALWAYS),
                "region", "west");
        Frame out = mix.apply(BATCH, 0, new SplittableRandom(1));
        for (int i = 0; i < N; i++) {
            assertThat(out.categorical("label").get(i)).isEqualTo(i % 4 == 3 ? "maybe" : BATCH.categorical("label").get(i));
        }
    }

    @Test
    void priorShiftInASliceLeavesOtherRowsAlone() {
        Frame out = at(new PriorShift("p", LABELS, 0.9, FROM_5, "region", "east"), 5);
        int east = 0;
        int eastPositive = 0;
        for (int i = 0; i < N; i++) {
            if ("east".equals(out.categorical("region").get(i))) {
                east++;
                eastPositive += "yes".equals(out.categorical("label").get(i)) ? 1 : 0;
            }
        }
        assertThat(east).isEqualTo(N / 4);
        assertThat((double) eastPositive / east).isCloseTo(0.9, fourSigma(0.9, east));
        // The other three regions are the original rows, in their original order.
        int[] others = java.util.stream.IntStream.range(0, N).filter(i -> i % 4 != 2).toArray();
        assertThat(out.slice(0, others.length).numeric("x").values()).isEqualTo(BATCH.select(others).numeric("x").values());
    }
}
