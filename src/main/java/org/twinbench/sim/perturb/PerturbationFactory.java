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
            case NodeCatalog.PRIOR_SHIFT -> new PriorShift(node.id(), labels, node.number("positive_rate"), schedule,
                    sliceColumn, sliceValue);
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
                    node.number("trigger_value"), node.number("rate"), schedule)
                    : new LabelNoise(node.id(), labels, node.number("rate"), schedule, labelChange(node, labels));
            default -> null;
        };
        boolean filtersItself = perturbation instanceof PriorShift;
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
