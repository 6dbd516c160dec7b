package org.twinbench.sim;

import java.util.ArrayList;
import java.util.List;
import org.twinbench.stats.MetricSet;
import org.twinbench.stats.WelchTest;

/**
 * Whether a regression's error rose beyond chance between the start and the end of a run, overall and in each
 * slice. A window is a tenth of the steps, at least {@value #MIN_WINDOW} (so each side has a spread to judge by).
 * Each group's RMSE over a window is pooled over its labelled rows (√(Σ n·rmse² / Σ n), every replicate; its MAE
 * Σ n·mae / Σ n); a rise
 * counts when the per-step RMSEs of the last window lie above the first's by Welch's two-sided test at
 * 0.05 / m, m the groups judged (Bonferroni: with a dozen slices a 5% test per slice would call one of them
 * worse in about half of untouched runs). A group with fewer than {@value Verdict#MIN_ROWS} labelled rows in
 * either window, or fewer than two steps with a figure, is shown, never judged ({@link JudgedGroups}).
 */
final class ErrorRise {

    /** The least steps in each window compared. */
    static final int MIN_WINDOW = 2;
    /** The family-wise false-alarm rate of the test over all groups judged. */
    static final double ALPHA = 0.05;

    /**
     * One group's change: pooled RMSE at the start and end, its rows there, the Welch p-value of the per-step
     * RMSEs (NaN when not judged), and the pooled MAE at the start and end.
     */
    record Group(String slice, double start, double end, long startRows, long endRows, double p, double maeStart,
            double maeEnd) {

        boolean judged() {
            return !Double.isNaN(p);
        }

        double rise() {
            return rise(start, end);
        }

        /** The MAE's relative rise, by the same rule. */
        double maeRise() {
            return rise(maeStart, maeEnd);
        }

        private static double rise(double start, double end) {
            return start > 0 ? end / start - 1 : end > 0 ? Double.POSITIVE_INFINITY : 0;
        }
    }

    /** Every group's change, the overall one first, and which groups were judged ({@link JudgedGroups}). */
    record Result(List<Group> groups, JudgedGroups<Window> ends) {

        /** The number of groups judged, m. */
        int judged() {
            return ends.judged();
        }

        /** The steps at each end compared. */
        int window() {
            return ends.window();
        }

        /** The group whose RMSE rose most beyond chance, or null. */
        Group worst() {
            Group worst = null;
            for (Group group : groups) {
                if (significant(group) && (worst == null || group.rise() > worst.rise())) {
                    worst = group;
                }
            }
            return worst;
        }

        boolean significant(Group group) {
            return group.judged() && group.end() > group.start() && group.p() < ends.threshold(ALPHA);
        }

        /** The groups shown but not judged (too few rows or steps), overall left out. */
        List<String> small() {
            return ends.small();
        }
    }

    private ErrorRise() {
    }

    static Result of(RunOutcome outcome, RunSeries series) {
        int steps = series.steps();
        int window = Math.max(MIN_WINDOW, steps / 10);
        List<String> slices = new ArrayList<>();
        slices.add(StepResult.OVERALL);
        slices.addAll(series.slices("rmse"));
        // Too few steps for two windows: each group's first and last step are shown, none judged.
        boolean apart = 2 * window <= steps;
        JudgedGroups<Window> ends = JudgedGroups.of(slices, steps, window,
                s -> Window.of(outcome, s, 0, apart ? window : Math.min(1, steps)),
                s -> Window.of(outcome, s, apart ? steps - window : steps - 1, steps), w -> w.rows,
                w -> w.values.size() >= MIN_WINDOW);
        List<Group> groups = new ArrayList<>();
        for (JudgedGroups.Ends<Window> end : ends.groups()) {
            Window a = end.first();
            Window b = end.last();
            double p = Double.NaN;
            if (end.judged()) {
                double[] first = a.moments();
                double[] last = b.moments();
                p = WelchTest.pValue(a.values.size(), first[0], first[1], b.values.size(), last[0], last[1]);
            }
            groups.add(new Group(end.group(), a.pooled(), b.pooled(), a.rows, b.rows, p, a.mae(), b.mae()));
        }
        return new Result(groups, ends);
    }

    /** A group's labelled rows, squared-error sum and per-step RMSEs over a span of steps, every replicate. */
    static final class Window {
        private long rows;
        private double squares;
        private double absolutes;
        private final List<Double> values = new ArrayList<>();

        static Window of(RunOutcome outcome, String slice, int from, int to) {
            Window w = new Window();
            for (List<StepResult> replicate : outcome.replicates()) {
                for (StepResult result : replicate) {
                    if (result.step() < from || result.step() >= to) {
                        continue;
                    }
                    MetricSet m = PooledAccuracy.metrics(result, slice);
                    double rmse = m == null || m.n() == 0 ? Double.NaN : m.get("rmse");
                    if (Double.isNaN(rmse)) {
                        continue;
                    }
                    w.rows += m.n();
                    w.squares += m.n() * rmse * rmse;
                    w.absolutes += m.n() * m.get("mae");
                    w.values.add(rmse);
                }
            }
            return w;
        }

        double pooled() {
            return rows == 0 ? Double.NaN : Math.sqrt(squares / rows);
        }

        double mae() {
            return rows == 0 ? Double.NaN : absolutes / rows;
        }

        /** Mean and sample variance of the per-step RMSEs. */
        double[] moments() {
            double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            double ss = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
            return new double[] {mean, ss / (values.size() - 1)};
        }
    }
}
