package org.twinbench.ui.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.twinbench.report.SliceColours;
import org.twinbench.sim.StepResult;
import org.twinbench.stats.MetricSet;
import org.twinbench.stats.SliceMetrics;

/**
 * The live chart draws at most a handful of curves, as the report does: the overall figure, the 4
 * worst slices by their mean so far and one grey curve of the others' mean at each step, every slice
 * in the colour the report gives it. Checked on generated slices whose ranking is known by
 * construction, and on breast cancer scored rows cut into radius deciles, against pandas.
 */
class TopSlicesTest {

    private static MetricSet accuracy(double value, int n) {
        return new MetricSet(n, value, 0, 0, 0, 0, 0, 0, 0);
    }

    /** 10 slices s0..s9 with accuracy 0.5 + 0.04 s (+0.01 on odd steps); s9 has no rows in step 3. */
    private static List<StepResult> generated(int steps) {
        List<StepResult> out = new ArrayList<>();
        for (int step = 0; step < steps; step++) {
            List<SliceMetrics> slices = new ArrayList<>();
            for (int s = 0; s < 10; s++) {
                if (s == 9 && step == 3) {
                    continue;
                }
                slices.add(new SliceMetrics("segment", "s" + s, accuracy(0.5 + 0.04 * s + (step % 2) * 0.01, 20)));
            }
            out.add(new StepResult(0, step, accuracy(0.7, 200), slices));
        }
        return out;
    }

    @Test
    void theFourWorstSlicesAndTheOthersMeanAreDrawnInTheReportsColours() {
        LiveChartsViewModel model = new LiveChartsViewModel(Runnable::run, Runnable::run, 0);
        model.accept(generated(6));
        List<String> names = model.curves().stream().map(ChartCurve::name).toList();
        assertThat(names).containsExactly("overall", "segment=s0", "segment=s1", "segment=s2", "segment=s3",
                "others (6 slices, mean)");
        ChartCurve others = model.curves().get(5);
        // Steps 0..5: the mean of s4..s9 = 0.5 + 0.04 * 6.5 (+0.01 on odd steps); step 3 without s9: s4..s8.
        assertThat(others.steps()).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(others.values()[0]).isCloseTo(0.76, within(1e-12));
        assertThat(others.values()[1]).isCloseTo(0.77, within(1e-12));
        assertThat(others.values()[3]).isCloseTo(0.5 + 0.04 * 6 + 0.01, within(1e-12));
        int[] expected = SliceColours.indices(List.of("overall", "s0", "s1", "s2", "s3", "others (6 slices, mean)"));
        assertThat(model.curves()).extracting(ChartCurve::colour)
                .containsExactly(Arrays.stream(expected).boxed().toArray(Integer[]::new));
        assertThat(others.colour()).as("the others are grey").isEqualTo(-1);
        assertThat(SliceColours.of(List.of("s0", "others (6 slices, mean)")).get(1)).isEqualTo(SliceColours.GREY);
    }

    @Test
    void aHiddenSliceLeavesTheRankingAndFiveSlicesAreAllDrawn() {
        LiveChartsViewModel model = new LiveChartsViewModel(Runnable::run, Runnable::run, 0);
        model.accept(generated(4));
        model.shownProperty("segment=s0").set(false);
        assertThat(model.curves()).extracting(ChartCurve::name).containsExactly("overall", "segment=s1",
                "segment=s2", "segment=s3", "segment=s4", "others (5 slices, mean)");
        for (int s = 5; s <= 8; s++) {
            model.shownProperty("segment=s" + s).set(false);
        }
        // Five slices left (s1..s4, s9): one more than four, so all of them, no others curve.
        assertThat(model.curves()).extracting(ChartCurve::name).containsExactly("overall", "segment=s1",
                "segment=s2", "segment=s3", "segment=s4", "segment=s9");
    }

    @Test
    void anErrorRanksTheHighestWorst() {
        MetricHistory.Series[] series = new MetricHistory.Series[6];
        for (int s = 0; s < 6; s++) {
            series[s] = new MetricHistory.Series();
            for (int step = 0; step < 3; step++) {
                series[s].add(step, 10.0 * s + step, 5);
            }
        }
        List<String> slices = List.of("a", "b", "c", "d", "e", "f");
        TopSlices.Split split = TopSlices.split(slices, name -> series[slices.indexOf(name)], true);
        assertThat(split.top()).containsExactly("f", "e", "d", "c");
        assertThat(split.rest()).containsExactly("b", "a");
        TopSlices.Split accuracy = TopSlices.split(slices, name -> series[slices.indexOf(name)], false);
        assertThat(accuracy.top()).containsExactly("a", "b", "c", "d");
    }

    /**
     * Breast cancer (sklearn's, scored by a logistic regression; 569 rows) in steps of 57 rows, sliced into
     * deciles of mean radius (rank order, first occurrence first), accuracy at threshold 0.5. pandas:
     * {@code acc = d.groupby(['step','slice']).correct.mean().unstack(); acc.mean().sort_values()} ranks
     * q1 0.9000, q7 0.9208, q5 0.9298, q6 0.9324 worst; the others' mean per step is
     * {@code acc[rest].mean(axis=1)} (decile q8 has no rows in step 6).
     */
    @Test
    void onBreastCancerTheWorstDecilesAndTheOthersMeanAreThoseOfPandas() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/slices/breast-cancer-scored.csv"));
        List<String> header = Arrays.asList(lines.get(0).split(","));
        int radius = header.indexOf("mean_radius");
        int diagnosis = header.indexOf("diagnosis");
        int score = header.indexOf("p_malignant");
        List<String[]> rows = lines.subList(1, lines.size()).stream().map(l -> l.split(",")).toList();
        int n = rows.size();
        Integer[] byRadius = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(byRadius, Comparator.comparingDouble(i -> Double.parseDouble(rows.get(i)[radius])));
        int[] decile = new int[n];
        for (int pos = 0; pos < n; pos++) {
            decile[byRadius[pos]] = pos * 10 / n;
        }
        List<StepResult> steps = new ArrayList<>();
        for (int step = 0; step * 57 < n; step++) {
            double[] correct = new double[10];
            int[] count = new int[10];
            for (int i = step * 57; i < Math.min(n, step * 57 + 57); i++) {
                boolean predicted = Double.parseDouble(rows.get(i)[score]) >= 0.5;
                correct[decile[i]] += predicted == rows.get(i)[diagnosis].equals("malignant") ? 1 : 0;
                count[decile[i]]++;
            }
            List<SliceMetrics> slices = new ArrayList<>();
            for (int q = 0; q < 10; q++) {
                if (count[q] > 0) {
                    slices.add(new SliceMetrics("radius", "q" + q, accuracy(correct[q] / count[q], count[q])));
                }
            }
            steps.add(new StepResult(0, step, accuracy(0.9, 57), slices));
        }
        LiveChartsViewModel model = new LiveChartsViewModel(Runnable::run, Runnable::run, 0);
        // Every slice appears in step 0, so the legend keeps the deciles' order.
        model.accept(steps.subList(0, 5));
        model.accept(steps.subList(5, steps.size()));
        Map<String, ChartCurve> drawn = new java.util.LinkedHashMap<>();
        model.curves().forEach(c -> drawn.put(c.name(), c));
        assertThat(drawn.keySet()).containsExactly("overall", "radius=q1", "radius=q5", "radius=q6", "radius=q7",
                "others (6 slices, mean)");
        double[] pandas = {1.0, 1.0, 0.9666666666666667, 0.9722222222222222, 1.0, 0.9791666666666666, 1.0, 1.0, 1.0,
            1.0};
        ChartCurve others = drawn.get("others (6 slices, mean)");
        assertThat(others.steps()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        for (int t = 0; t < pandas.length; t++) {
            assertThat(others.values()[t]).as("step %d", t).isCloseTo(pandas[t], within(1e-12));
        }
    }

    /**
     * The others' mean a chart update extends (the new steps only) equals the mean merged from scratch at
     * every stage of a growing run: 6 generated slices, some without rows in some steps, some values NaN;
     * and other series (another metric, a new run) start it afresh.
     */
    @Test
    void theOthersMeanExtendedUpdateByUpdateEqualsTheMeanMergedFromScratch() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(23);
        List<MetricHistory.Series> rest = new ArrayList<>();
        for (int s = 0; s < 6; s++) {
            rest.add(new MetricHistory.Series());
        }
        int step = 0;
        for (int update = 0; update < 40; update++) {
            for (int end = step + 1 + random.nextInt(30); step < end; step++) {
                for (MetricHistory.Series one : rest) {
                    if (random.nextDouble() < 0.8) {
                        double value = random.nextDouble() < 0.05 ? Double.NaN : random.nextDouble();
                        one.add(step, value, 1 + random.nextInt(9));
                    }
                }
            }
            assertSameSeries(TopSlices.othersMean(rest), TopSlices.meanByStep(rest));
        }
        List<MetricHistory.Series> other = List.of(rest.get(0), rest.get(2));
        assertSameSeries(TopSlices.othersMean(other), TopSlices.meanByStep(other));
        List<MetricHistory.Series> fresh = List.of(new MetricHistory.Series(), new MetricHistory.Series());
        fresh.get(0).add(0, 0.5, 10);
        fresh.get(1).add(0, 0.25, 10);
        assertSameSeries(TopSlices.othersMean(fresh), TopSlices.meanByStep(fresh));
        assertThat(TopSlices.othersMean(fresh).value(0)).isEqualTo(0.375);
    }

    /**
     * A ranking that moves a slice in and out of the others and back (as two slices whose figures cross do)
     * extends each set's mean where it left off: the same curve object comes back, grown, equal to the mean
     * merged from scratch.
     */
    @Test
    void aSetOfOthersSeenAgainExtendsItsEarlierMean() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        List<MetricHistory.Series> slices = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            slices.add(new MetricHistory.Series());
        }
        List<MetricHistory.Series> a = List.of(slices.get(0), slices.get(1), slices.get(2));
        List<MetricHistory.Series> b = List.of(slices.get(0), slices.get(1), slices.get(3));
        MetricHistory.Series firstOfA = null;
        for (int step = 0; step < 60; step++) {
            for (MetricHistory.Series one : slices) {
                one.add(step, random.nextDouble(), 1 + random.nextInt(9));
            }
            List<MetricHistory.Series> rest = step % 3 == 0 ? b : a;
            MetricHistory.Series mean = TopSlices.othersMean(rest);
            assertSameSeries(mean, TopSlices.meanByStep(rest));
            if (rest == a) {
                firstOfA = firstOfA == null ? mean : firstOfA;
                assertThat(mean).as("set a's mean, extended").isSameAs(firstOfA);
            }
        }
    }

    /**
     * The others' ranks among themselves move at every step (their figures are drawn at random) while the four
     * worst stay the same: the others' curve only grows, its points drawn before unchanged to the last bit, so
     * the chart adds to it instead of drawing every curve again ({@code MetricPlot} redraws all when a drawn
     * point changes); and each point is the others' mean at that step.
     */
    @Test
    void theOthersCurveOnlyGrowsWhileTheirRanksAmongThemselvesMove() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        LiveChartsViewModel model = new LiveChartsViewModel(Runnable::run, Runnable::run, 0);
        ChartCurve before = null;
        List<Double> expectedMeans = new ArrayList<>();
        for (int step = 0; step < 80; step++) {
            List<SliceMetrics> slices = new ArrayList<>();
            double sum = 0;
            for (int s = 0; s < 10; s++) {
                double value = s < 4 ? 0.1 + 0.02 * s : 0.6 + 0.3 * random.nextDouble();
                if (s >= 4) {
                    sum += value;
                }
                slices.add(new SliceMetrics("segment", "s" + s, accuracy(value, 20)));
            }
            expectedMeans.add(sum / 6);
            model.accept(List.of(new StepResult(0, step, accuracy(0.7, 200), slices)));
            ChartCurve others = model.curves().get(model.curves().size() - 1);
            assertThat(others.name()).isEqualTo("others (6 slices, mean)");
            if (before != null) {
                int kept = before.settled();
                assertThat(others.settled()).isGreaterThanOrEqualTo(kept);
                for (int i = 0; i < kept; i++) {
                    assertThat(others.steps()[i]).isEqualTo(before.steps()[i]);
                    assertThat(Double.doubleToLongBits(others.values()[i])).as("step %d, point %d", step, i)
                            .isEqualTo(Double.doubleToLongBits(before.values()[i]));
                }
            }
            for (int i = 0; i < others.size(); i++) {
                assertThat(others.values()[i]).isCloseTo(expectedMeans.get(others.steps()[i]), within(1e-12));
            }
            before = others;
        }
        assertThat(before.size()).isEqualTo(80);
    }

    private static void assertSameSeries(MetricHistory.Series actual, MetricHistory.Series expected) {
        assertThat(actual.size()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.step(i)).isEqualTo(expected.step(i));
            assertThat(actual.count(i)).isEqualTo(expected.count(i));
            assertThat(Double.doubleToLongBits(actual.value(i))).as("point %d", i)
                    .isEqualTo(Double.doubleToLongBits(expected.value(i)));
        }
    }
}
