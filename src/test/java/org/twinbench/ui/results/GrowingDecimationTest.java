package org.twinbench.ui.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.sim.RunControl;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.ScenarioCompiler;
import org.twinbench.sim.SimulationEngine;
import org.twinbench.sim.StepResult;
import org.twinbench.stats.MetricSet;

/**
 * The live chart's decimation kept between updates draws exactly what decimating every series from scratch
 * draws ({@link Decimator#selectGrowing}, the points with a value, the settled count), after every step: on a
 * real run of scikit-learn's breast cancer set (a logged model's scores, sliced by clinic and shift, 2,000 steps
 * drawn with replacement, so the bucket width doubles several times) and on generated series with gaps. The
 * slices' means that rank them, kept as running sums, equal the sums from the start to the last bit.
 */
class GrowingDecimationTest {

    private static final Path VERDICTS = Path.of("src", "test", "resources", "verdicts").toAbsolutePath();

    /** What {@link ChartCurve#decimated} drew before it kept anything: every series decimated from scratch. */
    private static ChartCurve fromScratch(MetricHistory.Series values, int buckets) {
        return fromScratch(values, buckets, 0);
    }

    private static ChartCurve fromScratch(MetricHistory.Series values, int buckets, int expected) {
        Decimator.Selection selection = Decimator.selectGrowing(values, buckets, expected);
        int[] keep = selection.indices();
        int[] steps = new int[keep.length];
        double[] ys = new double[keep.length];
        int n = 0;
        int settled = 0;
        for (int k = 0; k < keep.length; k++) {
            double v = values.value(keep[k]);
            if (!Double.isNaN(v)) {
                steps[n] = values.step(keep[k]);
                ys[n++] = v;
            }
            if (k == selection.settled() - 1) {
                settled = n;
            }
        }
        return new ChartCurve("x", 0, Arrays.copyOf(steps, n), Arrays.copyOf(ys, n), false, null, null, settled);
    }

    private static double meanFromScratch(MetricHistory.Series values) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < values.size(); i++) {
            if (!Double.isNaN(values.value(i))) {
                sum += values.value(i);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static void assertSame(ChartCurve kept, ChartCurve scratch, String what) {
        assertThat(kept.steps()).as(what + " steps").isEqualTo(scratch.steps());
        assertThat(kept.values()).as(what + " values").isEqualTo(scratch.values());
        assertThat(kept.settled()).as(what + " settled").isEqualTo(scratch.settled());
    }

    @Test
    void aRealRunDrawsTheSamePointsAsDecimatingFromScratchAfterEveryStep(@TempDir Path dir) throws Exception {
        String json = Files.readString(VERDICTS.resolve("breast-cancer-log.twin.json"))
                .replace("\"batch_size\":50,\"steps\":10,", "\"batch_size\":20,\"steps\":2000,")
                .replace(",\"time_column\":\"row\"", "")
                .replace("\"path\":\"breast-cancer-log.csv\"",
                        "\"path\":\"" + VERDICTS.resolve("breast-cancer-log.csv").toString().replace("\\", "\\\\") + "\"");
        Path scenario = dir.resolve("bc-long.twin.json");
        Files.writeString(scenario, json);
        List<StepResult> steps = new ArrayList<>();
        SimulationEngine.run(ScenarioCompiler.compile(ScenarioFormat.read(scenario), dir, new RunListener() { }), 0,
                new RunListener() {
                    @Override
                    public void onStep(StepResult result, int totalSteps) {
                        steps.add(result);
                    }
                }, new RunControl());
        assertThat(steps).hasSize(2000);

        MetricHistory history = new MetricHistory();
        int compared = 0;
        for (StepResult step : steps) {
            history.add(step);
            for (String slice : history.slices()) {
                for (String metric : List.of("accuracy", "recall")) {
                    MetricHistory.Series series = history.series(metric, slice);
                    // The slices are ranked by their mean so far, now kept as a running sum.
                    assertThat(TopSlices.mean(series)).as("mean of " + metric + " of " + slice)
                            .isEqualTo(meanFromScratch(series));
                    // The live chart's 200 buckets, and an odd count whose width doubles more often.
                    for (int buckets : new int[] {LiveCurves.DISPLAY_BUCKETS, 7}) {
                        assertSame(ChartCurve.decimated("x", 0, series, false, buckets), fromScratch(series, buckets),
                                metric + " of " + slice + " at step " + step.step() + ", " + buckets + " buckets");
                        // The run's 2,000 steps known: the buckets as wide from the first step as at the last.
                        assertSame(ChartCurve.decimated("x", 0, series, false, buckets, 2000),
                                fromScratch(series, buckets, 2000),
                                metric + " of " + slice + " at step " + step.step() + ", " + buckets + " buckets, known");
                        compared++;
                    }
                }
            }
        }
        assertThat(history.slices()).hasSizeGreaterThan(3);
        assertThat(compared).isGreaterThan(4 * 2000 * 2 * 2);
        // By the end the curves are decimated (width 16 at 200 buckets), not drawn point by point.
        ChartCurve overall = ChartCurve.decimated("x", 0, history.series("accuracy", MetricHistory.OVERALL), false,
                LiveCurves.DISPLAY_BUCKETS);
        assertThat(overall.size()).isBetween(200, 3 * 200 + 1);
    }

    @Test
    void seriesWithGapsDrawTheSamePointsAsDecimatingFromScratch() {
        Random random = new Random(23);
        for (int trial = 0; trial < 5; trial++) {
            MetricHistory history = new MetricHistory();
            int buckets = 3 + random.nextInt(20);
            for (int step = 0; step < 1500; step++) {
                // A slice without rows in a step has no value there (NaN), sometimes for long stretches.
                double value = random.nextDouble() < (trial % 2 == 0 ? 0.1 : 0.6) ? Double.NaN : random.nextGaussian();
                history.add(new StepResult(0, step * 2, new MetricSet(10, value, 0, 0, 0, 0, 0, 0, 0), List.of()));
                MetricHistory.Series series = history.series("accuracy", MetricHistory.OVERALL);
                assertSame(ChartCurve.decimated("x", 0, series, false, buckets), fromScratch(series, buckets),
                        "trial " + trial + " step " + step);
                // The run's length known (and once known wrong: shorter than the series grows).
                int expected = trial == 4 ? 700 : 1500;
                assertSame(ChartCurve.decimated("x", 0, series, false, buckets, expected),
                        fromScratch(series, buckets, expected), "trial " + trial + " step " + step + ", expected");
            }
        }
    }

    @Test
    void aCurveKeepsItsNameColourAndDashes() {
        MetricHistory history = new MetricHistory();
        for (int step = 0; step < 50; step++) {
            history.add(new StepResult(0, step, new MetricSet(10, 0.5, 0, 0, 0, 0, 0, 0, 0), List.of()));
        }
        ChartCurve curve = ChartCurve.decimated("region=north", 3, history.series("accuracy", MetricHistory.OVERALL),
                true, 5);
        assertThat(curve.name()).isEqualTo("region=north");
        assertThat(curve.colour()).isEqualTo(3);
        assertThat(curve.estimate()).isTrue();
        assertThat(curve.hasBand()).isFalse();
    }
}
