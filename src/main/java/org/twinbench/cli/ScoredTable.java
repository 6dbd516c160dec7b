package org.twinbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.twinbench.data.BinaryLabels;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Column;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;

/**
 * A table with a true label and a model's score of the positive class, read and checked for the commands
 * that judge a scored table ({@code metrics}, {@code slices}): the label column becomes 1 (the positive
 * value), 0 or −1 (missing) — a label of more than two values is refused unless {@code --positive} names the value
 * judged against the rest; every score must be a number in [0, 1] (a problem names the file and line).
 *
 * @param labels 1, 0, or −1 for a missing label, per row
 * @param scores the score of each row, NaN where missing
 */
record ScoredTable(Path file, Frame frame, String positiveLabel, int[] labels, double[] scores) {

    /** The table {@code frame} read from {@code data}, checked. */
    static ScoredTable of(Path data, Frame frame, String label, String score, String positive) {
        Column labelColumn = column(data, frame, label, "--label");
        Column scoreColumn = column(data, frame, score, "--score");
        if (!(scoreColumn instanceof NumericColumn scores)) {
            CategoricalColumn text = (CategoricalColumn) scoreColumn;
            for (int i = 0; i < text.size(); i++) {
                String value = text.get(i);
                if (value != null && !isNumber(value)) {
                    throw new UserInputException(data + ": line " + (i + 2) + ": column '" + score + "' holds '"
                            + value + "', not a number");
                }
            }
            throw new UserInputException(data + ": column '" + score + "' is not numeric");
        }
        for (int i = 0; i < scores.size(); i++) {
            double value = scores.get(i);
            if (!Double.isNaN(value) && (value < 0 || value > 1)) {
                throw new UserInputException(data + ": line " + (i + 2) + ": score " + value + " in column '" + score
                        + "' is outside [0, 1]");
            }
        }
        if (positive == null) {
            int distinct = org.twinbench.data.Task.distinctValues(labelColumn, 3);
            if (distinct > 2) {
                // Never "the last value against the rest" unasked: one value against the rest is named with --positive.
                throw new UserInputException(data + ": column '" + label + "' holds more than two values; a binary task"
                        + " needs exactly two — use --task multiclass or regression with --prediction COL, or name one"
                        + " value with --positive to judge it against the rest");
            }
        }
        String positiveLabel = BinaryLabels.positiveLabel(labelColumn, positive);
        if (positiveLabel == null) {
            throw new UserInputException(data + ": column '" + label + "' has no values");
        }
        return new ScoredTable(data, frame, positiveLabel, BinaryLabels.encode(labelColumn, positiveLabel),
                scores.values().clone());
    }

    /** The named column, or a message naming the file, the option and the columns there are. */
    static Column column(Path data, Frame frame, String name, String option) {
        return frame.find(name).orElseThrow(() -> new UserInputException(data + ": no column '" + name
                + "' (given with " + option + "); columns are " + String.join(", ", frame.columnNames())));
    }

    /** The rows with both a label and a score. */
    int[] completeRows() {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= 0 && !Double.isNaN(scores[i])) {
                rows.add(i);
            }
        }
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean isNumber(String value) {
        try {
            Double.parseDouble(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
