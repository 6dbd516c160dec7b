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
 * The {@code drift} command's threshold for a column decided by a distance without a user {@code --threshold}:
 * calibrated as the monitors calibrate theirs ({@link NullCalibration}, docs/verdicts.md "Calibrated alarms"),
 * so that a current table exchangeable with the reference is called drifted with probability at most
 * {@code --false-alarm-rate} per column, whatever its size and number of categories. The resamples are drawn
 * from the reference's present values, for a current table of the column's present size, from the command's
 * {@code --seed} and the column's name. A p-value test keeps its threshold: it is already a false-alarm rate.
 */
final class DriftCalibration {

    private DriftCalibration() {
    }

    /** The rule with a calibrated threshold; the rule itself for a p-value method. */
    static DriftRule calibrate(DriftRule rule, String name, Column reference, Column current, double rate, long seed) {
        DriftMethod method = rule.method();
        if (method.isPValue()) {
            return rule;
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
        double threshold = NullCalibration.threshold(n, m, rate, statistic, Seeds.random(seed, "drift:" + name, 0, 0));
        return Double.isNaN(threshold) ? rule : new DriftRule(method, threshold);
    }
}
