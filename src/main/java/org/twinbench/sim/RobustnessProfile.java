package org.twinbench.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.model.TaskModel;
import org.twinbench.stats.RobustnessSearch;

/**
 * How little it takes to hurt a model on a group of labelled rows (all of them, or one slice): for each
 * numeric feature the smallest shift of its values (in the feature's sd on these rows, up and down) and the
 * smallest scale (× 1 + s), and for each categorical feature the smallest share of rows swapped to one category,
 * that take the model's metric past {@code limit}, found by {@link RobustnessSearch} (docs/cli.md#robustness). A
 * classifier's metric is its accuracy and the limit the accuracy on the rows as they are minus the drop (binary
 * models judged at the task's threshold, multiclass ones by their most probable class); a regression's is its mean
 * absolute error or root mean squared error, and the limit that error on the rows as they are × (1 + rise). Shared
 * by the {@code robustness} command and a run's {@code metrics.robustness} node.
 *
 * @param column the slice column, or null for all rows
 * @param value the slice's value, or null for all rows
 * @param metric {@code accuracy}, {@code mae} or {@code rmse}
 * @param level the metric on the rows as they are
 */
public record RobustnessProfile(String column, String value, int rows, String metric, double level, double limit,
                                List<Feature> features) implements java.io.Serializable {

    /** A classifier's metric. */
    public static final String ACCURACY = "accuracy";
    /** A regression's metrics: mean absolute error and root mean squared error. */
    public static final List<String> ERROR_METRICS = List.of("mae", "rmse");

    /** Slices with fewer labelled rows than this get no profile of their own. */
    public static final int MIN_SLICE_ROWS = 30;
    /** The seed of the row order in which categories are swapped. */
    public static final long SWAP_SEED = 24;

    public RobustnessProfile {
        features = List.copyOf(features);
    }

    /**
     * One feature's smallest strengths (NaN: the limit holds up to the maximum searched). A categorical feature has
     * {@code swapShare}, the smallest share of rows whose category becomes {@code swapTo} ("" when no swap reaches
     * the limit), instead.
     */
    public record Feature(String feature, double shiftUp, double shiftDown, double scaleUp, String swapTo,
                          double swapShare) implements java.io.Serializable {

        /** The smaller shift, then (after every number) the swap share: features are ranked by it. */
        public double weakest() {
            return swapTo != null ? 1000 + nanToMax(swapShare) : Math.min(nanToMax(shiftUp), nanToMax(shiftDown));
        }

        /** The smaller of the two shifts, NaN when neither reaches the limit or the feature is categorical. */
        public double smallestShift() {
            double w = Math.min(nanToMax(shiftUp), nanToMax(shiftDown));
            return swapTo != null || Double.isInfinite(w) ? Double.NaN : w;
        }

        private static double nanToMax(double v) {
            return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
        }
    }

    /** The profile of labelled rows ({@code labels[i]} the class code of row i) against their own limit. */
    public static RobustnessProfile of(TaskModel model, ModelTask task, Frame labelled, int[] labels, double drop,
                                       double maxShift) {
        ToDoubleFunction<Frame> accuracy = rows -> accuracy(model, task, rows, labels);
        double base = accuracy.applyAsDouble(labelled);
        return new RobustnessProfile(null, null, labels.length, ACCURACY, base, base - drop,
                features(model, labelled, accuracy, base - drop, maxShift));
    }

    /**
     * The profile of a regression on labelled rows ({@code amounts[i]} the true amount of row i): the smallest
     * changes that take {@code metric} ({@code mae} or {@code rmse}) above its value on the rows as they are ×
     * (1 + {@code rise}).
     */
    public static RobustnessProfile ofAmounts(TaskModel model, Frame labelled, double[] amounts, String metric,
                                              double rise, double maxShift) {
        if (!ERROR_METRICS.contains(metric)) {
            throw new IllegalArgumentException("a regression's robustness metric is mae or rmse, not " + metric);
        }
        boolean squared = metric.equals("rmse");
        ToDoubleFunction<Frame> error = rows -> error(model, rows, amounts, squared);
        double base = error.applyAsDouble(labelled);
        double limit = base * (1 + rise);
        // The search looks for a metric falling below its limit: a regression's error rising above it is the same
        // crossing of the negated error.
        return new RobustnessProfile(null, null, amounts.length, metric, base, limit,
                features(model, labelled, rows -> -error.applyAsDouble(rows), -limit, maxShift));
    }

    /** The features' smallest harmful changes: where {@code goodness} of the changed rows falls below {@code floor}. */
    private static List<Feature> features(TaskModel model, Frame labelled, ToDoubleFunction<Frame> goodness,
                                          double floor, double maxShift) {
        List<Feature> profiles = new ArrayList<>();
        for (String feature : model.card().features()) {
            if (!labelled.has(feature)) {
                continue;
            }
            if (labelled.column(feature) instanceof CategoricalColumn categories) {
                profiles.add(swap(labelled, goodness, categories, floor));
                continue;
            }
            if (!(labelled.column(feature) instanceof NumericColumn column)) {
                continue;
            }
            double sd = column.standardDeviation();
            double[] values = column.values();
            DoubleUnaryOperator up = s -> goodness.applyAsDouble(
                    labelled.with(column.withValues(map(values, v -> v + s * sd))));
            DoubleUnaryOperator down = s -> goodness.applyAsDouble(
                    labelled.with(column.withValues(map(values, v -> v - s * sd))));
            DoubleUnaryOperator scale = s -> goodness.applyAsDouble(
                    labelled.with(column.withValues(map(values, v -> v * (1 + s)))));
            profiles.add(new Feature(feature, RobustnessSearch.smallestStrength(up, floor, maxShift),
                    RobustnessSearch.smallestStrength(down, floor, maxShift),
                    RobustnessSearch.smallestStrength(scale, floor, maxShift), null, Double.NaN));
        }
        profiles.sort(Comparator.comparingDouble(Feature::weakest));
        return profiles;
    }

    /**
     * A profile for every slice of {@code slices} (the rows' slice values, numeric columns already binned) with at
     * least {@value #MIN_SLICE_ROWS} rows, on that slice's rows alone against its own limit, in level order.
     */
    public static List<RobustnessProfile> bySlice(TaskModel model, ModelTask task, Frame labelled, int[] labels,
                                                  CategoricalColumn slices, double drop, double maxShift) {
        return bySlice(slices, labels.length, members -> of(model, task, labelled.select(members),
                Arrays.stream(members).map(i -> labels[i]).toArray(), drop, maxShift));
    }

    /** A regression's profile for every slice of {@code slices} with enough rows, as {@link #ofAmounts}. */
    public static List<RobustnessProfile> bySliceOfAmounts(TaskModel model, Frame labelled, double[] amounts,
                                                           CategoricalColumn slices, String metric, double rise,
                                                           double maxShift) {
        return bySlice(slices, amounts.length, members -> ofAmounts(model, labelled.select(members),
                Arrays.stream(members).mapToDouble(i -> amounts[i]).toArray(), metric, rise, maxShift));
    }

    private static List<RobustnessProfile> bySlice(CategoricalColumn slices, int rows,
                                                   java.util.function.Function<int[], RobustnessProfile> profile) {
        List<RobustnessProfile> out = new ArrayList<>();
        for (int code = 0; code < slices.levels().size(); code++) {
            int level = code;
            int[] members = IntStream.range(0, rows).filter(i -> slices.codes()[i] == level).toArray();
            if (members.length >= MIN_SLICE_ROWS) {
                RobustnessProfile p = profile.apply(members);
                out.add(new RobustnessProfile(slices.name(), slices.levels().get(code), p.rows(), p.metric(),
                        p.level(), p.limit(), p.features()));
            }
        }
        return out;
    }

    /**
     * A categorical feature's category swap: for each category c, the smallest share s of the rows whose value
     * becomes c (the first ⌈s·n⌉ rows of one seeded shuffle, so a larger share swaps a superset) that takes the
     * accuracy below the limit; the category needing the smallest share is reported.
     */
    private static Feature swap(Frame labelled, ToDoubleFunction<Frame> goodness, CategoricalColumn column,
                                double limit) {
        int n = labelled.rowCount();
        int[] order = IntStream.range(0, n).toArray();
        SplittableRandom random = new SplittableRandom(SWAP_SEED);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        String worst = null;
        double smallest = Double.NaN;
        for (int c = 0; c < column.levels().size(); c++) {
            int category = c;
            DoubleUnaryOperator swapped = s -> {
                int[] codes = column.codes().clone();
                for (int k = 0; k < Math.ceil(s * n); k++) {
                    codes[order[k]] = category;
                }
                return goodness.applyAsDouble(labelled.with(column.withCodes(codes)));
            };
            double share = RobustnessSearch.smallestStrength(swapped, limit, 1);
            if (!Double.isNaN(share) && (Double.isNaN(smallest) || share < smallest)) {
                smallest = share;
                worst = column.levels().get(c);
            }
        }
        return new Feature(column.name(), Double.NaN, Double.NaN, Double.NaN, worst == null ? "" : worst, smallest);
    }

    /** The share of rows whose predicted class is their label. */
    static double accuracy(TaskModel model, ModelTask task, Frame rows, int[] labels) {
        double[] values = Predictions.of(model, rows, task.classes()).values();
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            right += task.predictedClass(values[i]) == labels[i] ? 1 : 0;
        }
        return labels.length == 0 ? Double.NaN : (double) right / labels.length;
    }

    /** The mean absolute error, or the root mean squared error, of the model's amounts on {@code rows}. */
    static double error(TaskModel model, Frame rows, double[] amounts, boolean squared) {
        double[] predicted = Predictions.of(model, rows).values();
        double sum = 0;
        for (int i = 0; i < amounts.length; i++) {
            double e = predicted[i] - amounts[i];
            sum += squared ? e * e : Math.abs(e);
        }
        double mean = sum / amounts.length;
        return squared ? Math.sqrt(mean) : mean;
    }

    private static double[] map(double[] values, DoubleUnaryOperator f) {
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.applyAsDouble(values[i]);
        }
        return out;
    }
}
