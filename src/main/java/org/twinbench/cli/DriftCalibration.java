package org.twinbench.cli;

import java.util.Arrays;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Column;
import org.twinbench.data.NumericColumn;
import org.twinbench.sim.Seeds;
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
    /**
     * A current table of more present values than this calibrates a distance on batches of
     * {@value #CALIBRATED_BATCH} and scales the threshold to its sizes (see {@link #scaled}): resampling millions of
     * rows 999 times a column took hours.
     */
    static final int MAX_CALIBRATED = 5_000;
    static final int CALIBRATED_BATCH = 1_000;

    private DriftCalibration() {
    }

    /** The rule with a calibrated threshold (a distance's, or a test's p-value level). */
    static DriftRule calibrate(DriftRule rule, String name, Column reference, Column current, double rate, long seed) {
        DriftMethod method = rule.method();
        if (method.isPValue()) {
            return permuted(rule, name, reference, current, rate, seed);
        }
        int m = current.size() - current.missingCount();
        NullCalibration.PairStatistic statistic;
        int n;
        if (reference instanceof NumericColumn ref && current instanceof NumericColumn) {
            double[] present = ref.presentValues();
            n = present.length;
            statistic = (r, b) -> NumericReference.of(NullCalibration.pick(present, r))
                    .compare(NullCalibration.pick(present, b)).value(method);
        } else {
            CategoricalColumn ref = DriftCommand.asCategories(reference);
            int[] present = Arrays.stream(ref.codes()).filter(code -> code >= 0).toArray();
            n = present.length;
            statistic = (r, b) -> CategoricalReference.of(NullCalibration.pick(present, r), ref.levels())
                    .compare(NullCalibration.pick(present, b), ref.levels()).value(method);
        }
        int calibrated = m > MAX_CALIBRATED ? CALIBRATED_BATCH : m;
        double threshold = NullCalibration.threshold(n, calibrated, rate, statistic,
                Seeds.random(seed, "drift:" + name, 0, 0));
        if (calibrated != m) {
            threshold = scaled(method, threshold, n, m, calibrated);
        }
        return Double.isNaN(threshold) ? rule : new DriftRule(method, threshold);
    }

    /**
     * A threshold calibrated for batches of {@code calibrated} values, carried over to a current table of m against
     * the whole reference of n. Between two samples of one distribution, of sizes a and b, these distances shrink
     * with v = 1/a + 1/b as the samples grow: the PSI as v itself (n·PSI tends to a chi-square), the others
     * (normed Wasserstein, Jensen–Shannon and Hellinger distances) as √v. The calibration's own v counts the
     * pseudo-reference it drew ({@link NullCalibration}: min(n − b, max(20 b, 1,000)) values when n ≥ 2b).
     */
    static double scaled(DriftMethod method, double threshold, int n, int m, int calibrated) {
        int pseudoReference = n >= 2 * calibrated ? Math.min(n - calibrated, Math.max(
                NullCalibration.REFERENCE_FACTOR * calibrated, 1000)) : n;
        double ratio = (1.0 / n + 1.0 / m) / (1.0 / pseudoReference + 1.0 / calibrated);
        return threshold * (method == DriftMethod.PSI ? ratio : Math.sqrt(ratio));
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
