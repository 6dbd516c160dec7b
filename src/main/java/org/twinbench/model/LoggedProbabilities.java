package org.twinbench.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.twinbench.data.ClassLabels;
import org.twinbench.data.Column;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.data.Task;

/**
 * The class probabilities a deployed multiclass model actually produced, read from a production log that
 * holds one column per class named {@code <prefix><class>} (as {@code score} writes them, {@code p_<class>}):
 * replaying them mirrors the model as it ran, with no model file.
 */
public final class LoggedProbabilities implements MulticlassClassifier {

    /** How far a row's probabilities may sum from 1. */
    public static final double SUM_TOLERANCE = 1e-6;

    private final List<String> columns;
    private final ModelCard card;

    /**
     * @param prefix the prefix of the probability columns
     * @param target the column holding the true class
     * @param classes the classes, in class order
     * @param dataSha256 the log's SHA-256, recorded as what the "model" comes from
     */
    public LoggedProbabilities(String prefix, String target, List<String> classes, String dataSha256) {
        this.columns = classes.stream().map(c -> prefix + c).toList();
        this.card = new ModelCard("logged", target, "", columns, dataSha256, 0, Map.of(), Task.MULTICLASS, classes,
                null);
    }

    /** The probability columns, in the order of {@link #classes()}. */
    public List<String> columns() {
        return columns;
    }

    @Override
    public double[][] probabilities(Frame batch) {
        double[][] out = new double[batch.rowCount()][columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            NumericColumn column = batch.numeric(columns.get(c));
            for (int i = 0; i < out.length; i++) {
                out[i][c] = column.get(i);
            }
        }
        return out;
    }

    @Override
    public ModelCard card() {
        return card;
    }

    /**
     * Why {@code log} cannot be replayed as the logged probabilities of the classes of its {@code target}
     * column (a class without a numeric {@code <prefix><class>} column; a row whose probabilities are not all
     * in [0, 1] or do not sum to 1 within {@value #SUM_TOLERANCE}, counted from 1 in the file's order), or
     * null when it can.
     */
    public static String problem(Frame log, String target, String prefix) {
        List<String> classes = ClassLabels.of(log.column(target));
        List<NumericColumn> columns = new ArrayList<>();
        for (String c : classes) {
            Column column = log.find(prefix + c).orElse(null);
            if (!(column instanceof NumericColumn numbers)) {
                return (column == null ? "no column '" + prefix + c + "'" : "column '" + prefix + c + "' holds text")
                        + " for class '" + c + "' of '" + target + "'; proba_prefix '" + prefix
                        + "' needs one probability column per class";
            }
            columns.add(numbers);
        }
        for (int i = 0; i < log.rowCount(); i++) {
            double sum = 0;
            for (int c = 0; c < columns.size(); c++) {
                double v = columns.get(c).get(i);
                if (!(v >= 0 && v <= 1)) {
                    return "'" + prefix + classes.get(c) + "' row " + (i + 1) + " holds "
                            + (Double.isNaN(v) ? "no probability" : Double.toString(v))
                            + "; logged probabilities must be between 0 and 1";
                }
                sum += v;
            }
            if (Math.abs(sum - 1) > SUM_TOLERANCE) {
                return "row " + (i + 1) + ": the '" + prefix + "' probabilities sum to " + sum + ", not 1";
            }
        }
        return null;
    }
}
