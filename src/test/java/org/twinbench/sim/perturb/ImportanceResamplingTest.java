package org.twinbench.sim.perturb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.ScenarioException;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.scenario.Schedule;
import org.twinbench.sim.Seeds;

/** Importance resampling moves the feature as specified and keeps the rows' joint distribution. */
class ImportanceResamplingTest {

    static final int N = 20_000;

    /** x ~ N(0, 1); y = 2x + N(0, 0.5²); every 100th x missing. */
    static Frame batch() {
        SplittableRandom random = new SplittableRandom(7);
        double[] x = new double[N];
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = Seeds.gaussian(random);
            y[i] = 2 * x[i] + 0.5 * Seeds.gaussian(random);
            if (i % 100 == 0) {
                x[i] = Double.NaN;
            }
        }
        return new Frame(List.of(new NumericColumn("x", x), new NumericColumn("y", y)));
    }

    static final Frame BATCH = batch();

    private static double mean(double[] v) {
        return java.util.Arrays.stream(v).filter(d -> !Double.isNaN(d)).average().orElseThrow();
    }

    private static double sd(double[] v) {
        double m = mean(v);
        double[] present = java.util.Arrays.stream(v).filter(d -> !Double.isNaN(d)).toArray();
        return Math.sqrt(java.util.Arrays.stream(present).map(d -> (d - m) * (d - m)).sum() / (present.length - 1));
    }

    /** Least-squares slope and residual standard deviation of y on x over the rows where x is present. */
    private static double[] regression(Frame frame) {
        double[] x = frame.numeric("x").values();
        double[] y = frame.numeric("y").values();
        double mx = 0;
        double my = 0;
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i])) {
                mx += x[i];
                my += y[i];
                n++;
            }
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i])) {
                sxy += (x[i] - mx) * (y[i] - my);
                sxx += (x[i] - mx) * (x[i] - mx);
            }
        }
        double slope = sxy / sxx;
        double rss = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i])) {
                double r = y[i] - my - slope * (x[i] - mx);
                rss += r * r;
            }
        }
        return new double[] {slope, Math.sqrt(rss / (n - 2))};
    }

    @Test
    void aTiltOfLambdaMovesANormalFeatureByLambdaStandardDeviationsAndKeepsItsSpread() {
        // Exponential tilting of N(0, 1) by exp(λ z) gives N(λ, 1).
        Frame out = ImportanceResampling.withTilt("r", "x", 0.8, Schedule.ALWAYS).apply(BATCH, 0,
                new SplittableRandom(1));
        double[] x = out.numeric("x").values();
        assertThat(x).hasSize(N);
        assertThat(mean(x)).isCloseTo(mean(BATCH.numeric("x").values()) + 0.8, offset(0.05));
        assertThat(sd(x)).isCloseTo(1.0, offset(0.05));
    }

    @Test
    void aMeanShiftMovesTheMeanByThatMuchAndKeepsYGivenX() {
        Frame out = ImportanceResampling.toMeanShift("r", "x", 0.5, Schedule.ALWAYS).apply(BATCH, 3,
                new SplittableRandom(2));
        assertThat(mean(out.numeric("x").values())).isCloseTo(mean(BATCH.numeric("x").values()) + 0.5, offset(0.04));
        double[] before = regression(BATCH);
        double[] after = regression(out);
        assertThat(before[0]).isCloseTo(2.0, offset(0.03));
        assertThat(after[0]).as("slope of y on x").isCloseTo(before[0], offset(0.04));
        assertThat(after[1]).as("residual sd of y given x").isCloseTo(before[1], offset(0.03));
        // y itself moves with x (by twice as much): the relationship, not the marginal, is kept.
        assertThat(mean(out.numeric("y").values()) - mean(BATCH.numeric("y").values())).isCloseTo(1.0, offset(0.1));
        // Every row of the output is a row of the input: nothing is invented.
        Set<List<Double>> rows = new HashSet<>();
        for (int i = 0; i < N; i++) {
            rows.add(List.of(BATCH.numeric("x").get(i), BATCH.numeric("y").get(i)));
        }
        Set<List<Double>> drawn = new HashSet<>();
        for (int i = 0; i < N; i++) {
            drawn.add(List.of(out.numeric("x").get(i), out.numeric("y").get(i)));
        }
        assertThat(rows.containsAll(drawn)).isTrue();
        assertThat(drawn.size()).as("rows repeat: drawn with replacement").isLessThan(N);
    }

    @Test
    void theSolvedTiltHitsTheTargetMeanOnTheBatchItself() {
        double[] x = BATCH.numeric("x").values();
        double[] z = ImportanceResampling.standardised(x);
        double lambda = ImportanceResampling.tiltFor(x, z, -0.3);
        assertThat(ImportanceResampling.tiltedMean(x, z, lambda)).isCloseTo(mean(x) - 0.3, offset(1e-9));
        assertThat(lambda).isNegative();
    }

    @Test
    void anIncrementalScheduleMovesPartOfTheWayAndNothingBeforeItStarts() {
        Schedule ramp = new Schedule(Schedule.Kind.INCREMENTAL, 10, 19, 0);
        Perturbation p = ImportanceResampling.toMeanShift("r", "x", 0.6, ramp);
        assertThat(p.apply(BATCH, 9, new SplittableRandom(3))).isSameAs(BATCH);
        double a = ramp.intensity(14);
        Frame half = p.apply(BATCH, 14, new SplittableRandom(3));
        assertThat(mean(half.numeric("x").values())).isCloseTo(mean(BATCH.numeric("x").values()) + a * 0.6,
                offset(0.04));
    }

    @Test
    void theCovariateShiftNodeBuildsTheResamplingModeAndNeedsATiltOrAMeanShift() {
        ScenarioNode node = new ScenarioNode("tilt", NodeCatalog.COVARIATE_SHIFT,
                Map.of("column", "x", "mode", "resample", "mean_shift", 0.5), 0, 0);
        assertThat(PerturbationFactory.create(node, BATCH, null))
                .isEqualTo(ImportanceResampling.toMeanShift("tilt", "x", 0.5, Schedule.ALWAYS));
        ScenarioNode bare = new ScenarioNode("tilt", NodeCatalog.COVARIATE_SHIFT,
                Map.of("column", "x", "mode", "resample"), 0, 0);
        assertThatThrownBy(() -> PerturbationFactory.create(bare, BATCH, null)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("tilt").hasMessageContaining("mean_shift").hasMessageContaining("node tilt");
    }
}
