package org.twinbench.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Column decisions and the dataset decision: the dataset drifted when the share of drifted columns
 * reaches {@code shareThreshold} (docs/cli.md: 0.5). Columns without values on a side are not judged and do
 * not count in the share. With a multiple-testing correction, the p-values of the columns decided by
 * a test are adjusted together before they are compared with their thresholds.
 */
public record DatasetDrift(List<Decision> decisions, int judgedColumns, double driftedShare, boolean drifted) {

    /** Multiple-testing correction of the columns' p-values. */
    public enum Correction {
        NONE, BONFERRONI, BENJAMINI_HOCHBERG
    }

    /** One column's decision: the value the rule compared (adjusted when a correction applies). */
    public record Decision(ColumnDrift column, DriftRule rule, double value, boolean drifted) {
    }

    public static final double DEFAULT_SHARE = 0.5;

    public DatasetDrift {
        decisions = List.copyOf(decisions);
    }

    public static DatasetDrift decide(List<? extends ColumnDrift> columns, List<DriftRule> rules,
                                      Correction correction, double shareThreshold) {
        if (columns.size() != rules.size()) {
            throw new IllegalArgumentException("one rule per column");
        }
        double[] values = new double[columns.size()];
        List<Integer> tested = new ArrayList<>();
        for (int c = 0; c < values.length; c++) {
            values[c] = columns.get(c).computed() ? columns.get(c).value(rules.get(c).method()) : Double.NaN;
            if (rules.get(c).method().isPValue() && !Double.isNaN(values[c])) {
                tested.add(c);
            }
        }
        double[] raw = tested.stream().mapToDouble(c -> values[c]).toArray();
        double[] adjusted = adjust(raw, correction);
        for (int t = 0; t < tested.size(); t++) {
            values[tested.get(t)] = adjusted[t];
        }
        List<Decision> decisions = new ArrayList<>();
        int judged = 0;
        int drifted = 0;
        for (int c = 0; c < values.length; c++) {
            boolean isDrift = rules.get(c).drifted(values[c]);
            decisions.add(new Decision(columns.get(c), rules.get(c), values[c], isDrift));
            if (columns.get(c).computed()) {
                judged++;
                drifted += isDrift ? 1 : 0;
            }
        }
        double share = judged == 0 ? 0.0 : (double) drifted / judged;
        return new DatasetDrift(decisions, judged, share, judged > 0 && share >= shareThreshold);
    }

    /**
     * Adjusted p-values: Bonferroni min(1, m·p); Benjamini–Hochberg the step-up values
     * min_{j ≥ i} min(1, m·p_(j) / j) over the ascending order (as R's {@code p.adjust}).
     */
    public static double[] adjust(double[] pValues, Correction correction) {
        int m = pValues.length;
        double[] out = pValues.clone();
        switch (correction) {
            case NONE -> {
            }
            case BONFERRONI -> {
                for (int i = 0; i < m; i++) {
                    out[i] = Math.min(1.0, pValues[i] * m);
                }
            }
            case BENJAMINI_HOCHBERG -> {
                Integer[] order = new Integer[m];
                Arrays.setAll(order, i -> i);
                Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
                double running = 1.0;
                for (int rank = m; rank >= 1; rank--) {
                    int i = order[rank - 1];
                    running = Math.min(running, pValues[i] * m / rank);
                    out[i] = Math.min(1.0, running);
                }
            }
        }
        return out;
    }
}
