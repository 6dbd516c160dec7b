package org.twinbench.cli;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Column;
import org.twinbench.data.NumericColumn;
import org.twinbench.sim.Seeds;
import org.twinbench.stats.BatchCalibration;
import org.twinbench.stats.CategoricalReference;
import org.twinbench.stats.DriftMethod;
import org.twinbench.stats.DriftRule;
import org.twinbench.stats.NullCalibration;
import org.twinbench.stats.NumericReference;

/**
 * The {@code drift} command's threshold for a column without a user {@code --threshold}, so that a current table
 * exchangeable with the reference is called drifted with probability at most {@code --false-alarm-rate} per
 * column, whatever its size and number of categories (docs/verdicts.md "The drift command"):
 * <ul>
 *   <li>a distance is calibrated as the monitors calibrate theirs ({@link NullCalibration}): resamples drawn from
 *       the reference's present values, for a current table of the column's present size;</li>
 *   <li>a test (the default rule's KS or chi-square on a reference of at most 1,000 rows, or a {@code --method}
 *       test) becomes a <em>permutation test</em> of its p-value: the reference's and the current table's present
 *       values are pooled and split at random R = 10 / rate − 1 times into a pseudo-reference and a pseudo-current
 *       table of the two sizes ({@link NullCalibration} on the pool: disjoint when the current table is at most
 *       as large as the reference, else drawn with replacement); the column drifts when its p-value is below the
 *       10th smallest of the R. Under exchangeability that holds the rate exactly, where the test's own p-value
 *       does not (chi-square with sparse categories, ties in KS). A pool of more than
 *       {@value #MAX_PERMUTED} values is tested at p &lt; rate instead.</li>
 * </ul>
 * Everything is drawn from the command's {@code --seed} and the column's name.
 */
final class DriftCalibration {

    /** Pools larger than this are not permuted: their test's own p-value is held to the rate. */
    static final int MAX_PERMUTED = 20_000;
    private DriftCalibration() {
    }

    /** The rule with a calibrated threshold (a distance's, or a test's p-value level). */
    static DriftRule calibrate(DriftRule rule, String name, Column reference, Column current, double rate, long seed) {
        return calibrate(rule, name, reference, current, null, rate, seed);
    }

    /**
     * As {@link #calibrate(DriftRule, String, Column, Column, double, long)} reusing the reference's profile the
     * command compared the column with (a {@link NumericReference} of a numeric reference, sorted once; null: made
     * here), so that a large reference is sorted once per column, not once per resample.
     */
    static DriftRule calibrate(DriftRule rule, String name, Column reference, Column current, NumericReference profile,
                               double rate, long seed) {
        DriftMethod method = rule.method();
        if (method.isPValue()) {
            return permuted(rule, name, reference, current, rate, seed);
        }
        int m = current.size() - current.missingCount();
        int calibrated = BatchCalibration.calibratedSize(m);
        SplittableRandom random = Seeds.random(seed, "drift:" + name, 0, 0);
        boolean numeric = reference instanceof NumericColumn && current instanceof NumericColumn;
        int n = reference.size() - reference.missingCount();
        double threshold;
        double variance;
        if (BatchCalibration.fromReference(n, calibrated)) {
            // Batches against the whole reference, profiled once (BatchCalibration).
            if (numeric) {
                threshold = BatchCalibration.numeric(profile != null ? profile
                        : NumericReference.of(((NumericColumn) reference).values()), m, method, rate, random);
                return Double.isNaN(threshold) ? rule : new DriftRule(method, threshold);
            }
            CategoricalColumn ref = DriftCommand.asCategories(reference);
            int[] present = presentCodes(ref);
            CategoricalReference whole = CategoricalReference.of(present, ref.levels());
            threshold = NullCalibration.thresholdWithin(n, calibrated, rate,
                    rows -> whole.compare(NullCalibration.pick(present, rows), ref.levels()).value(method), random);
            variance = NullCalibration.withinVariance(n, calibrated);
        } else {
            NullCalibration.PairStatistic statistic;
            if (numeric) {
                double[] present = ((NumericColumn) reference).presentValues();
                n = present.length;
                statistic = (r, b) -> NumericReference.of(NullCalibration.pick(present, r))
                        .compare(NullCalibration.pick(present, b)).value(method);
            } else {
                CategoricalColumn ref = DriftCommand.asCategories(reference);
                int[] present = presentCodes(ref);
                n = present.length;
                statistic = (r, b) -> CategoricalReference.of(NullCalibration.pick(present, r), ref.levels())
                        .compare(NullCalibration.pick(present, b), ref.levels()).value(method);
            }
            threshold = NullCalibration.threshold(n, calibrated, rate, statistic, random);
            if (calibrated == m) {
                return Double.isNaN(threshold) ? rule : new DriftRule(method, threshold);
            }
            variance = 1.0 / pseudoReference(n, calibrated) + 1.0 / calibrated;
        }
        threshold = BatchCalibration.scaled(method, threshold, (1.0 / n + 1.0 / m) / variance);
        return Double.isNaN(threshold) ? rule : new DriftRule(method, threshold);
    }

    private static int[] presentCodes(CategoricalColumn column) {
        return Arrays.stream(column.codes()).filter(code -> code >= 0).toArray();
    }

    /** The pseudo-reference {@link NullCalibration#threshold} draws for batches of b from n values. */
    private static int pseudoReference(int n, int b) {
        return n >= 2 * b ? Math.min(n - b, Math.max(NullCalibration.REFERENCE_FACTOR * b, 1000)) : n;
    }

    /** A test's p-value level from permutations of the pooled present values (module doc). */
    private static DriftRule permuted(DriftRule rule, String name, Column reference, Column current, double rate,
                                      long seed) {
        int n = reference.size() - reference.missingCount();
        int m = current.size() - current.missingCount();
        if (n == 0 || m == 0) {
            return rule;
        }
        if (n + m > MAX_PERMUTED) {
            return new DriftRule(rule.method(), rate);
        }
        DriftMethod method = rule.method();
        NullCalibration.PairStatistic minusP;
        if (reference instanceof NumericColumn ref && current instanceof NumericColumn cur) {
            double[] pool = concat(ref.presentValues(), cur.presentValues());
            minusP = (r, b) -> -NumericReference.of(NullCalibration.pick(pool, r))
                    .compare(NullCalibration.pick(pool, b)).value(method);
        } else {
            CategoricalColumn ref = DriftCommand.asCategories(reference);
            CategoricalColumn cur = DriftCommand.asCategories(current);
            java.util.List<String> levels = new java.util.ArrayList<>(ref.levels());
            cur.levels().stream().filter(l -> !levels.contains(l)).forEach(levels::add);
            int[] pool = new int[n + m];
            int at = 0;
            for (CategoricalColumn side : java.util.List.of(ref, cur)) {
                for (int code : side.codes()) {
                    if (code >= 0) {
                        pool[at++] = levels.indexOf(side.levels().get(code));
                    }
                }
            }
            minusP = (r, b) -> -CategoricalReference.of(NullCalibration.pick(pool, r), levels)
                    .compare(NullCalibration.pick(pool, b), levels).value(method);
        }
        // NullCalibration alarms at −p ≥ nextUp(10th largest −p): that is p < the 10th smallest permuted p.
        double threshold = NullCalibration.threshold(n + m, m, rate, minusP,
                Seeds.random(seed, "drift-permutation:" + name, 0, 0));
        return Double.isNaN(threshold) ? rule : new DriftRule(method, -Math.nextDown(threshold));
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
