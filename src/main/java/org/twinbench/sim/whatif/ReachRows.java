package org.twinbench.sim.whatif;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.twinbench.data.BinaryLabels;
import org.twinbench.data.Column;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.model.BinaryClassifier;
import org.twinbench.model.ModelInputs;
import org.twinbench.model.MulticlassClassifier;
import org.twinbench.model.Regressor;
import org.twinbench.model.TaskModel;
import org.twinbench.stats.MulticlassMetrics;

/**
 * The labelled rows the guided check replays and how a model of any task does on each of them, for
 * {@link ChangeReach}: per row 1 (right) or 0 (wrong) for a classifier — a yes/no model answers "yes" from a chance of
 * 0.5, a model of kinds its most probable kind — or the absolute error for a model of amounts; and the second figure
 * the ranking watches beside the share right or the mean absolute error: macro F1 for kinds (scikit-learn's
 * {@code f1_score(average="macro")} over the kinds among the labels or the answers), the root mean squared error for
 * amounts, none (NaN) for yes/no.
 */
final class ReachRows {

    /** What the model did on the rows: each row's score and the second figure. */
    record Scores(double[] scored, double second) {

        /** The share right, or the mean absolute error. */
        double first() {
            return Arrays.stream(scored).average().orElse(Double.NaN);
        }
    }

    private final TaskModel model;
    private final Frame rows;
    /** Codes of the true answers (classifiers), or null. */
    private final int[] codes;
    /** The true amounts (amounts), or null. */
    private final double[] amounts;

    private ReachRows(TaskModel model, Frame rows, int[] codes, double[] amounts) {
        this.model = model;
        this.rows = rows;
        this.codes = codes;
        this.amounts = amounts;
    }

    /**
     * The rows of {@code later} whose outcome {@code target} is known (for kinds: one the model answers), with their
     * true answers; null for a model of no task the check knows.
     */
    static ReachRows of(TaskModel model, Frame later, String target) {
        Column label = later.column(target);
        if (model instanceof Regressor) {
            double[] all = ((NumericColumn) label).values();
            int[] keep = IntStream.range(0, all.length).filter(i -> !Double.isNaN(all[i])).toArray();
            return new ReachRows(model, later.select(keep), null, Arrays.stream(keep).mapToDouble(i -> all[i]).toArray());
        }
        int[] all;
        if (model instanceof BinaryClassifier binary) {
            all = BinaryLabels.encode(label, binary.card().positiveLabel());
        } else if (model instanceof MulticlassClassifier kinds) {
            List<String> classes = kinds.classes();
            all = new int[later.rowCount()];
            for (int i = 0; i < all.length; i++) {
                String text = BinaryLabels.text(label, i);
                all[i] = text == null ? -1 : classes.indexOf(text);
            }
        } else {
            return null;
        }
        int[] known = all;
        int[] keep = IntStream.range(0, all.length).filter(i -> known[i] >= 0).toArray();
        return new ReachRows(model, later.select(keep), Arrays.stream(keep).map(i -> known[i]).toArray(), null);
    }

    /** The rows, to be changed. */
    Frame rows() {
        return rows;
    }

    /** The row count. */
    int size() {
        return codes != null ? codes.length : amounts.length;
    }

    boolean isAmounts() {
        return amounts != null;
    }

    boolean isKinds() {
        return model instanceof MulticlassClassifier;
    }

    /** How the model does on {@code changed} (these rows, one column changed). */
    Scores score(Frame changed) {
        Frame input = ModelInputs.conform(model, changed, "your data");
        int n = size();
        double[] scored = new double[n];
        if (model instanceof Regressor regressor) {
            double[] predicted = regressor.predict(input);
            double squares = 0;
            for (int i = 0; i < n; i++) {
                scored[i] = Math.abs(predicted[i] - amounts[i]);
                squares += scored[i] * scored[i];
            }
            return new Scores(scored, n == 0 ? Double.NaN : Math.sqrt(squares / n));
        }
        if (model instanceof BinaryClassifier binary) {
            double[] chances = binary.scorePositive(input);
            for (int i = 0; i < n; i++) {
                scored[i] = (chances[i] >= 0.5) == (codes[i] == 1) ? 1 : 0;
            }
            return new Scores(scored, Double.NaN);
        }
        MulticlassClassifier kinds = (MulticlassClassifier) model;
        int[] answered = MulticlassClassifier.mostProbable(kinds.probabilities(input));
        for (int i = 0; i < n; i++) {
            scored[i] = answered[i] == codes[i] ? 1 : 0;
        }
        return new Scores(scored, n == 0 ? Double.NaN
                : MulticlassMetrics.compute(codes, answered, null, kinds.classes()).macroF1());
    }
}
