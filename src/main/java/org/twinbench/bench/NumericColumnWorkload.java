package org.twinbench.bench;

import java.util.Arrays;
import java.util.Map;
import org.twinbench.stats.NumericDrift;
import org.twinbench.stats.NumericReference;

/**
 * Every numeric drift statistic of one column (profile of the reference included), 1e6 reference
 * values against 1e6 current values, measured against either {@code Arrays.sort} of copies of both
 * arrays or Smile's two-sample {@code KSTest} (which sorts the arrays it is given, so it gets copies).
 */
final class NumericColumnWorkload implements Workload {

    private final boolean againstSmile;

    NumericColumnWorkload(boolean againstSmile) {
        this.againstSmile = againstSmile;
    }

    @Override
    public String name() {
        return againstSmile ? "stats.numeric-column-1e6.vs-smile-ks" : "stats.numeric-column-1e6.vs-sort";
    }

    @Override
    public String description() {
        return "KS, Wasserstein, PSI, JS, Hellinger and Anderson-Darling of 1e6 vs 1e6 values, against "
                + (againstSmile ? "Smile's KSTest.test(x, y) (D and p only)" : "Arrays.sort of both arrays");
    }

    @Override
    public BenchResult run(boolean quick) {
        int n = quick ? 100_000 : 1_000_000;
        int reps = quick ? 3 : 7;
        double[] reference = BenchData.gaussian(1, n, 0, 1);
        double[] current = BenchData.gaussian(2, n, 0.1, 1.1);
        NumericDrift[] last = new NumericDrift[1];
        double ours = Timing.best(2, reps, () -> {
            last[0] = NumericReference.of(reference).compare(current);
            Timing.consume(last[0].ksStatistic());
        });
        double theirs;
        String label;
        if (againstSmile) {
            label = "smile KSTest";
            double[] smileD = new double[1];
            theirs = Timing.best(2, reps, () -> {
                smileD[0] = smile.stat.hypothesis.KSTest.test(reference.clone(), current.clone()).d;
                Timing.consume(smileD[0]);
            });
            return new BenchResult(name(), 2L * n, ours, label, theirs,
                    Map.of("ks_statistic", last[0].ksStatistic(), "smile_ks_statistic", smileD[0]));
        }
        label = "Arrays.sort x2";
        theirs = Timing.best(2, reps, () -> {
            double[] a = reference.clone();
            double[] b = current.clone();
            Arrays.sort(a);
            Arrays.sort(b);
            Timing.consume(a[0] + b[0]);
        });
        return new BenchResult(name(), 2L * n, ours, label, theirs, Map.of("ks_statistic", last[0].ksStatistic()));
    }
}
