package org.twinbench.bench;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.twinbench.stats.SliceMetrics;

/**
 * Classification metrics for 1e6 scored rows in 10 slices ({@code SliceMetrics.bySlice}: confusion
 * metrics, ROC AUC, log loss, Brier and ECE per slice), against one hand-written pass over the same
 * arrays accumulating per slice what needs no sorting (confusion counts, log loss, Brier, ECE bins).
 * The two are timed alternately (the machine is shared), best repetition of each.
 */
final class SliceMetricsWorkload implements Workload {

    static final int SLICES = 10;

    @Override
    public String name() {
        return "stats.slice-metrics-1e6x10";
    }

    @Override
    public String description() {
        return "per-slice classification metrics of 1e6 rows in 10 slices, against a single hand-written pass";
    }

    @Override
    public BenchResult run(boolean quick) {
        int n = quick ? 100_000 : 1_000_000;
        SplittableRandom random = new SplittableRandom(5);
        int[] codes = new int[n];
        int[] labels = new int[n];
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            codes[i] = random.nextInt(SLICES);
            labels[i] = random.nextDouble() < 0.3 ? 1 : 0;
            scores[i] = Math.min(1, Math.max(0, 0.3 + 0.4 * (labels[i] - 0.3) + 0.25 * random.nextGaussian()));
        }
        List<String> levels = java.util.stream.IntStream.range(0, SLICES).mapToObj(s -> "s" + s).toList();
        int reps = quick ? 3 : 11;
        double[] seconds = Timing.bestAlternating(2, reps,
                () -> Timing.consume(SliceMetrics.bySlice("slice", codes, levels, labels, scores, 0.5).get(0)
                        .metrics().accuracy()),
                () -> Timing.consume(handWrittenPass(codes, labels, scores)));
        double ours = seconds[0];
        double theirs = seconds[1];
        return new BenchResult(name(), n, ours, "hand-written pass (no AUC)", theirs, Map.of("slices", SLICES));
    }

    private static double handWrittenPass(int[] codes, int[] labels, double[] scores) {
        long[][] confusion = new long[SLICES][4];
        double[] logLoss = new double[SLICES];
        double[] brier = new double[SLICES];
        double[][] eceLabel = new double[SLICES][10];
        double[][] eceScore = new double[SLICES][10];
        long[][] eceCount = new long[SLICES][10];
        for (int i = 0; i < codes.length; i++) {
            int s = codes[i];
            double p = scores[i];
            int y = labels[i];
            confusion[s][(p >= 0.5 ? 2 : 0) + y]++;
            double clipped = Math.min(Math.max(p, 1e-15), 1 - 1e-15);
            logLoss[s] -= y == 1 ? Math.log(clipped) : Math.log1p(-clipped);
            brier[s] += (p - y) * (p - y);
            int bin = Math.min((int) (p * 10), 9);
            eceLabel[s][bin] += y;
            eceScore[s][bin] += p;
            eceCount[s][bin]++;
        }
        double sum = 0;
        for (int s = 0; s < SLICES; s++) {
            sum += logLoss[s] + brier[s] + confusion[s][3] + eceLabel[s][9] + eceScore[s][9] + eceCount[s][9];
        }
        return sum;
    }
}
