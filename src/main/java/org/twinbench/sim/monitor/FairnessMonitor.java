package org.twinbench.sim.monitor;

import java.util.List;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.stats.FairnessGaps;
import org.twinbench.stats.SliceColumn;

/**
 * The fairness gaps between the slices of each slice column ({@link FairnessGaps}: demographic parity
 * difference and ratio, true- and false-positive-rate gaps) on every step's rows with a label,
 * recorded as {@code <id>.<column>.parity_difference}, {@code .parity_ratio}, {@code .tpr_gap} and
 * {@code .fpr_gap}, and each slice's share predicted positive as
 * {@code <id>.<column>=<level>.selection_rate} (what the four-fifths rule compares, slice by slice).
 * With selective labels only the labelled (approved) rows count. A numeric slice column is binned by
 * {@code slices} (the run's fixed bins).
 *
 * @param slices a batch's slices of a column, as a categorical column
 */
public record FairnessMonitor(String nodeId, List<String> columns, double threshold,
                             java.util.function.BiFunction<org.twinbench.data.Frame, String, CategoricalColumn> slices)
        implements Monitor {

    public FairnessMonitor {
        columns = List.copyOf(columns);
    }

    /** A monitor of categorical slice columns, used as they are. */
    public FairnessMonitor(String nodeId, List<String> columns, double threshold) {
        this(nodeId, columns, threshold, org.twinbench.data.Frame::categorical);
    }

    @Override
    public Watch start() {
        return (arrived, current, out) -> {
            int[] labels = current.labels();
            int n = 0;
            int[] keep = new int[labels.length];
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] >= 0 && Double.isFinite(current.scores()[i])) {
                    keep[n++] = i;
                }
            }
            keep = java.util.Arrays.copyOf(keep, n);
            int[] y = new int[n];
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = labels[keep[i]];
                s[i] = current.scores()[keep[i]];
            }
            for (String column : columns) {
                CategoricalColumn values = slices.apply(current.rows(), column).select(keep);
                FairnessGaps gaps = FairnessGaps.compute(new SliceColumn(column, values.codes(), values.levels()), y, s,
                        threshold);
                String prefix = nodeId + "." + column + ".";
                out.measure(prefix + "parity_difference", gaps.parityDifference());
                out.measure(prefix + "parity_ratio", gaps.parityRatio());
                out.measure(prefix + "tpr_gap", gaps.truePositiveRateGap());
                out.measure(prefix + "fpr_gap", gaps.falsePositiveRateGap());
                for (FairnessGaps.Group group : gaps.groups()) {
                    out.measure(selectionRateMeasure(nodeId, column, group.name()), group.selectionRate());
                }
            }
        };
    }

    /** The name of the measure holding a slice's selection rate. */
    public static String selectionRateMeasure(String nodeId, String column, String level) {
        return nodeId + "." + column + "=" + level + SELECTION_RATE;
    }

    /** The suffix of every selection-rate measure. */
    public static final String SELECTION_RATE = ".selection_rate";
}
