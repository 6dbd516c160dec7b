package org.twinbench.sim.perturb;

import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Column;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.model.BinaryClassifier;
import org.twinbench.model.TaskModel;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.ScenarioException;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.scenario.Schedule;
import org.twinbench.data.Task;
import org.twinbench.sim.LabelChange;
import org.twinbench.sim.LabelCodec;

/** Builds the perturbation of a node, checking every column it names against the data. */
public final class PerturbationFactory {

    private PerturbationFactory() {
    }

    /** The node's perturbation, wrapped in its slice filter when it has one; null for other node types. */
    public static Perturbation create(ScenarioNode node, Frame data, LabelCodec labels) {
        if (!node.type().startsWith("perturbation.")) {
            return null;
        }
        String sliceColumn = sliceColumn(node, data);
        String sliceValue = node.string("slice_value");
        Schedule schedule = Schedule.of(node);
        Perturbation perturbation = switch (node.type()) {
            case NodeCatalog.COVARIATE_SHIFT -> covariateShift(node, data, schedule);
            case NodeCatalog.CATEGORY_MIX -> new CategoryMixShift(node.id(), categorical(node, data, "column"),
                    node.requiredString("category"), node.number("share"), schedule);
            case NodeCatalog.PRIOR_SHIFT -> priorShift(node, labels, schedule, sliceColumn, sliceValue);
            case NodeCatalog.CONCEPT_DRIFT -> new ConceptDrift(node.id(), labels, numeric(node, data, "column"),
                    node.number("from", Double.NEGATIVE_INFINITY), node.number("to", Double.POSITIVE_INFINITY),
                    node.number("flip_share"), schedule, labelChange(node, labels));
            case NodeCatalog.GAUSSIAN_NOISE -> new GaussianNoise(node.id(), numericColumns(node, data),
                    node.number("sd"), schedule);
            case NodeCatalog.LABEL_NOISE -> new LabelNoise(node.id(), labels, node.number("rate"), schedule,
                    labelChange(node, labels));
            case NodeCatalog.MISSING_VALUES -> {
                for (String column : node.strings("columns")) {
                    requireColumn(node, data, column);
                }
                yield new MissingValues(node.id(), node.strings("columns"),
                        "pipeline-break".equals(node.string("mode")), node.number("rate"), schedule);
            }
            case NodeCatalog.SCALE_BUG -> new ScaleBug(node.id(), numeric(node, data, "column"),
                    node.number("factor"), schedule);
            case NodeCatalog.OUTLIERS -> new Outliers(node.id(), numeric(node, data, "column"), node.number("rate"),
                    node.number("magnitude"), schedule);
            case NodeCatalog.POISONING -> "backdoor".equals(node.string("mode"))
                    ? new Backdoor(node.id(), labels, numeric(node, data, "trigger_column"),
                    node.number("trigger_value"), node.number("rate"), schedule,
                    labels.task() == Task.MULTICLASS ? classOf(node, "target_class", labels) : -1,
                    labels.task() == Task.REGRESSION ? required(node, "amount_shift", "a regression") : Double.NaN)
                    : new LabelNoise(node.id(), labels, node.number("rate"), schedule, labelChange(node, labels));
            default -> null;
        };
        boolean filtersItself = perturbation instanceof PriorShift || perturbation instanceof AmountShift;
        return perturbation == null || sliceColumn == null || filtersItself ? perturbation
                : new SliceFilter(perturbation, sliceColumn, sliceValue);
    }

    /**
     * The boundary-seeking perturbation of a node against {@code model} (the scenario's, binary) deciding at
     * {@code threshold}: each column's bound is {@code max_shift} reference standard deviations.
     */
    public static Perturbation boundarySeeking(ScenarioNode node, Frame data, Frame reference, TaskModel model,
                                               double threshold) {
        if (!(model instanceof BinaryClassifier classifier)) {
            throw new ScenarioException("node " + node.id() + ": rows are moved toward the decision boundary of a "
                    + "binary model; this model is a " + model.task().id() + " model");
        }
        java.util.List<String> columns = numericColumns(node, data);
        double[] bounds = new double[columns.size()];
        for (int j = 0; j < bounds.length; j++) {
            requireKind(node, reference, columns.get(j), NumericColumn.class, "numeric");
            bounds[j] = node.number("max_shift") * reference.numeric(columns.get(j)).standardDeviation();
        }
        Perturbation perturbation = new BoundarySeeking(node.id(), columns, bounds, classifier, threshold,
                Schedule.of(node));
        String sliceColumn = sliceColumn(node, data);
        return sliceColumn == null ? perturbation : new SliceFilter(perturbation, sliceColumn,
                node.string("slice_value"));
    }

    /** The node's slice column, checked against the data and to come with a slice value; null when it has none. */
    private static String sliceColumn(ScenarioNode node, Frame data) {
        String sliceColumn = node.string("slice_column");
        if (sliceColumn != null) {
            requireColumn(node, data, sliceColumn);
            if (node.string("slice_value") == null) {
                throw node.problem("slice_value", "is required with slice_column");
            }
        }
        return sliceColumn;
    }

    /**
     * A binary model's shift of its positive rate, a multiclass model's of its class mix ({@code class_shares}), a
     * regression's of its amounts ({@code amount_shift}).
     */
    private static Perturbation priorShift(ScenarioNode node, LabelCodec labels, Schedule schedule, String sliceColumn,
                                           String sliceValue) {
        return switch (labels.task()) {
            case BINARY -> new PriorShift(node.id(), labels, node.number("positive_rate"), schedule, sliceColumn,
                    sliceValue);
            case MULTICLASS -> new PriorShift(node.id(), labels, Double.NaN, classShares(node, labels), schedule,
                    sliceColumn, sliceValue);
            case REGRESSION -> new AmountShift(node.id(), labels, required(node, "amount_shift", "a regression"),
                    schedule, sliceColumn, sliceValue);
        };
    }

    /** {@code class_shares} as a share per class (NaN where not listed), each in [0, 1], summing to at most 1. */
    private static double[] classShares(ScenarioNode node, LabelCodec labels) {
        String text = node.string("class_shares");
        if (text == null || text.isBlank()) {
            throw node.problem("class_shares", "is required on a multiclass model (e.g. '" + labels.classes().get(0)
                    + ":0.6'); positive_rate is for binary models");
        }
        double[] shares = new double[labels.classes().size()];
        java.util.Arrays.fill(shares, Double.NaN);
        double sum = 0;
        for (String pair : text.split(",")) {
            String[] ends = pair.split(":", -1);
            int c = ends.length == 2 ? labels.classes().indexOf(ends[0].strip()) : -1;
            Double share = ends.length == 2 ? org.twinbench.data.CellValues.parseNumber(ends[1].strip()) : null;
            if (c < 0 || share == null || !(share >= 0 && share <= 1) || !Double.isNaN(shares[c])) {
                throw node.problem("class_shares", "'" + pair.strip() + "' is not 'class:share' of a class of the"
                        + " model (" + String.join(", ", labels.classes()) + ") listed once, share 0 to 1");
            }
            shares[c] = share;
            sum += share;
        }
        if (sum > 1 + 1e-9) {
            throw node.problem("class_shares", "adds up to " + sum + "; the shares must add up to at most 1");
        }
        return shares;
    }

    /** The code of the class a text parameter names, or a problem naming the node and the model's classes. */
    private static int classOf(ScenarioNode node, String param, LabelCodec labels) {
        String name = node.string(param);
        int c = name == null ? -1 : labels.classes().indexOf(name.strip());
        if (c < 0) {
            throw node.problem(param, (name == null ? "is required" : "is '" + name + "', not a class of the model")
                    + " on a multiclass model (classes: " + String.join(", ", labels.classes()) + ")");
        }
        return c;
    }

    /** A number parameter that has no default and the model's task needs. */
    private static double required(ScenarioNode node, String param, String model) {
        if (node.params().get(param) == null) {
            throw node.problem(param, "is required on " + model + " model");
        }
        return node.number(param);
    }

    /** How the node changes a multiclass label ({@code flip_map}) or an amount ({@code noise_sd}). */
    private static LabelChange labelChange(ScenarioNode node, LabelCodec labels) {
        try {
            return LabelChange.of(labels.task() == Task.MULTICLASS ? node.string("flip_map") : null,
                    node.number("noise_sd"), labels.classes());
        } catch (IllegalArgumentException e) {
            throw node.problem("flip_map", e.getMessage());
        }
    }

    /** Shift/scale the values, or (mode "resample") importance-resample whole rows by the feature. */
    private static Perturbation covariateShift(ScenarioNode node, Frame data, Schedule schedule) {
        String column = numeric(node, data, "column");
        if (!"resample".equals(node.string("mode"))) {
            return new CovariateShift(node.id(), column, node.number("scale"), node.number("shift"), schedule);
        }
        if (node.params().get("mean_shift") != null) {
            return ImportanceResampling.toMeanShift(node.id(), column, node.number("mean_shift"), schedule);
        }
        if (node.params().get("tilt") == null) {
            throw node.problem("mode", "'resample' needs tilt (λ) or mean_shift");
        }
        return ImportanceResampling.withTilt(node.id(), column, node.number("tilt"), schedule);
    }

    private static java.util.List<String> numericColumns(ScenarioNode node, Frame data) {
        for (String column : node.strings("columns")) {
            requireKind(node, data, column, NumericColumn.class, "numeric");
        }
        return node.strings("columns");
    }

    private static String numeric(ScenarioNode node, Frame data, String param) {
        String column = node.requiredString(param);
        requireKind(node, data, column, NumericColumn.class, "numeric");
        return column;
    }

    private static String categorical(ScenarioNode node, Frame data, String param) {
        String column = node.requiredString(param);
        requireKind(node, data, column, CategoricalColumn.class, "categorical");
        return column;
    }

    public static void requireColumn(ScenarioNode node, Frame frame, String column) {
        if (!frame.has(column)) {
            throw new ScenarioException("node " + node.id() + ": the data has no column '" + column + "'");
        }
    }

    public static void requireKind(ScenarioNode node, Frame frame, String column, Class<? extends Column> kind,
                            String kindName) {
        requireColumn(node, frame, column);
        if (!kind.isInstance(frame.column(column))) {
            throw new ScenarioException("node " + node.id() + ": column '" + column + "' must be " + kindName);
        }
    }
}
