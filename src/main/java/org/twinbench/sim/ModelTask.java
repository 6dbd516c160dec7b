package org.twinbench.sim;

import java.util.ArrayList;
import java.util.List;
import org.twinbench.data.BinaryLabels;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.CellValues;
import org.twinbench.data.ClassLabels;
import org.twinbench.data.Column;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.data.Task;
import org.twinbench.model.ModelCard;
import org.twinbench.model.TaskModel;
import org.twinbench.stats.ClassificationMetrics;
import org.twinbench.stats.MetricSet;
import org.twinbench.stats.MulticlassMetrics;
import org.twinbench.stats.RegressionMetrics;
import org.twinbench.stats.ReliabilityBins;
import org.twinbench.stats.SliceMetrics;

/**
 * How the engine reads the truth and measures a model of the run's task.
 * <ul>
 *   <li>labels: binary 1 for the positive class, 0 for another; multiclass the code of the class in the
 *       card's classes (a value the model has no class for counts as unlabelled); regression 0 for a row
 *       whose amount is known — the amount itself is in {@link #amounts} — in every task −1 where missing;</li>
 *   <li>metrics: binary {@link ClassificationMetrics} at the threshold, regression {@link RegressionMetrics},
 *       multiclass {@link MulticlassMetrics}, overall and per slice, on the rows with a label.</li>
 * </ul>
 *
 * @param positive the positive class of a binary model, empty otherwise
 * @param classes the classes of a multiclass model, empty otherwise
 * @param threshold the score at or above which a binary model predicts the positive class
 */
public record ModelTask(Task task, String target, String positive, List<String> classes, double threshold) {

    public ModelTask {
        classes = List.copyOf(classes);
    }

    public static ModelTask of(TaskModel model, double threshold) {
        ModelCard card = model.card();
        return new ModelTask(model.task(), card.target(), card.positiveLabel(), card.classes(), threshold);
    }

    /** The names of the metrics a step records, in report order. */
    public List<String> metricNames() {
        return switch (task) {
            case BINARY -> MetricSet.NAMES;
            case REGRESSION -> MetricSet.REGRESSION_NAMES;
            case MULTICLASS -> MetricSet.MULTICLASS_NAMES;
        };
    }

    /** Each row's label as described above. */
    public int[] labels(Frame batch) {
        Column column = batch.column(target);
        return switch (task) {
            case BINARY -> BinaryLabels.encode(column, positive);
            case MULTICLASS -> {
                int[] codes = ClassLabels.encode(column, classes);
                for (int i = 0; i < codes.length; i++) {
                    codes[i] = Math.max(codes[i], -1);
                }
                yield codes;
            }
            case REGRESSION -> {
                double[] amounts = amounts(batch);
                int[] present = new int[amounts.length];
                for (int i = 0; i < present.length; i++) {
                    present[i] = Double.isNaN(amounts[i]) ? -1 : 0;
                }
                yield present;
            }
        };
    }

    /** A regression's true amounts (NaN where missing or not a number); null for the other tasks. */
    public double[] amounts(Frame batch) {
        if (task != Task.REGRESSION) {
            return null;
        }
        return LabelCodec.amounts(batch.column(target));
    }

    /**
     * The metrics that need a probability, not only the predicted class: ranking (ROC AUC), log loss, Brier
     * score and calibration error. Of a model that gives only labels they are not available (NaN).
     */
    public static final List<String> SCORE_METRICS = List.of("roc_auc", "log_loss", "brier", "ece");

    /**
     * The metrics of a step on its labelled rows, overall and for every slice of {@code sliceColumns},
     * with the reliability bins of a binary model.
     */
    public StepResult measure(int replicate, int step, Frame batch, int[] labels, double[] amounts,
                              Predictions predicted, List<String> sliceColumns, SliceBins sliceBins) {
        return measure(replicate, step, batch, labels, amounts, predicted, sliceColumns, sliceBins, false);
    }

    /**
     * As above; with {@code labelsOnly} (some rows scored by a model that gives only its predicted class,
     * {@link TaskModel#labelsOnlyOutput}) the {@link #SCORE_METRICS} are NaN, overall and per slice, and there
     * are no reliability bins: 0/1 scores rank and calibrate nothing.
     */
    public StepResult measure(int replicate, int step, Frame batch, int[] labels, double[] amounts,
                              Predictions predicted, List<String> sliceColumns, SliceBins sliceBins,
                              boolean labelsOnly) {
        StepResult measured = measureScores(replicate, step, batch, labels, amounts, predicted, sliceColumns,
                sliceBins);
        if (!labelsOnly) {
            return measured;
        }
        List<SliceMetrics> slices = measured.slices().stream()
                .map(s -> new SliceMetrics(s.column(), s.value(), withoutScoreMetrics(s.metrics()))).toList();
        return new StepResult(replicate, step, withoutScoreMetrics(measured.overall()), slices, java.util.Map.of(),
                List.of(), ReliabilityBins.EMPTY);
    }

    /** {@code metrics} with the {@link #SCORE_METRICS} it has set to NaN. */
    static MetricSet withoutScoreMetrics(MetricSet metrics) {
        java.util.Map<String, Double> values = metrics.asMap();
        values.replaceAll((name, value) -> SCORE_METRICS.contains(name) ? Double.NaN : value);
        return MetricSet.of(metrics.n(), values);
    }

    private StepResult measureScores(int replicate, int step, Frame batch, int[] labels, double[] amounts,
                                     Predictions predicted, List<String> sliceColumns, SliceBins sliceBins) {
        // When every row has a label (the usual step), the metrics read the step's own arrays (they only read them):
        // picking every row would copy them unchanged.
        int[] keep = everyRow(labels) ? null : SimulationEngine.labelledRows(labels);
        List<SliceMetrics> slices = new ArrayList<>();
        MetricSet overall;
        ReliabilityBins bins = ReliabilityBins.EMPTY;
        switch (task) {
            case BINARY -> {
                int[] y = pick(labels, keep);
                double[] s = pick(predicted.values(), keep);
                overall = ClassificationMetrics.compute(y, s, threshold);
                for (String column : sliceColumns) {
                    CategoricalColumn values = pick(sliceBins.values(batch, column), keep);
                    slices.addAll(SliceMetrics.bySlice(column, values.codes(), values.levels(), y, s, threshold));
                }
                bins = ReliabilityBins.of(y, s);
            }
            case REGRESSION -> {
                double[] y = pick(amounts, keep);
                double[] p = pick(predicted.values(), keep);
                overall = MetricSet.of(RegressionMetrics.compute(y, p));
                for (String column : sliceColumns) {
                    CategoricalColumn values = pick(sliceBins.values(batch, column), keep);
                    slices.addAll(SliceMetrics.regressionBySlice(column, values.codes(), values.levels(), y, p));
                }
            }
            default -> {
                int[] y = pick(labels, keep);
                int[] p = pick(predicted.classes(), keep);
                double[][] proba = keep == null ? predicted.proba() : new double[keep.length][];
                for (int i = 0; keep != null && i < keep.length; i++) {
                    proba[i] = predicted.proba()[keep[i]];
                }
                overall = MetricSet.of(MulticlassMetrics.compute(y, p, proba, classes));
                for (String column : sliceColumns) {
                    CategoricalColumn values = pick(sliceBins.values(batch, column), keep);
                    slices.addAll(SliceMetrics.multiclassBySlice(column, values.codes(), values.levels(), y, p,
                            proba, classes));
                }
            }
        }
        return new StepResult(replicate, step, overall, slices, java.util.Map.of(), List.of(), bins);
    }

    /**
     * Whether each labelled row's prediction is wrong (1) or right (0), for the error-stream monitors:
     * binary at the threshold, multiclass the most probable class; −1 where unlabelled. A regression has
     * no right or wrong; it is refused when the scenario is compiled.
     */
    public int[] errors(int[] labels, double[] values) {
        int[] out = new int[labels.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = labels[i] < 0 ? -1 : predictedClass(values[i]) == labels[i] ? 0 : 1;
        }
        return out;
    }

    /** The class a prediction value stands for: binary 1/0 at the threshold, multiclass the code. */
    public int predictedClass(double value) {
        return task == Task.BINARY ? (value >= threshold ? 1 : 0) : (int) value;
    }

    private static boolean everyRow(int[] labels) {
        for (int label : labels) {
            if (label < 0) {
                return false;
            }
        }
        return true;
    }

    /** {@code values} at {@code rows}; {@code values} itself when {@code rows} is null (every row). */
    private static CategoricalColumn pick(CategoricalColumn values, int[] rows) {
        return rows == null ? values : values.select(rows);
    }

    /** {@code values} at {@code rows}; {@code values} itself when {@code rows} is null (every row). */
    static int[] pick(int[] values, int[] rows) {
        if (rows == null) {
            return values;
        }
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }

    /** {@code values} at {@code rows}; {@code values} itself when {@code rows} is null (every row). */
    static double[] pick(double[] values, int[] rows) {
        if (rows == null) {
            return values;
        }
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }
}
