package org.twinbench.scenario;

import static org.twinbench.scenario.NodeType.ParamSpec.Kind.BOOLEAN;
import static org.twinbench.scenario.NodeType.ParamSpec.Kind.COLUMN;
import static org.twinbench.scenario.NodeType.ParamSpec.Kind.COLUMNS;
import static org.twinbench.scenario.NodeType.ParamSpec.Kind.FILE;
import static org.twinbench.scenario.NodeType.ParamSpec.Kind.INTEGER;
import static org.twinbench.scenario.NodeType.ParamSpec.Kind.NUMBER;
import static org.twinbench.scenario.NodeType.ParamSpec.Kind.SCHEDULE;
import static org.twinbench.scenario.NodeType.ParamSpec.Kind.TEXT;

import java.util.List;
import java.util.Optional;
import org.twinbench.scenario.NodeType.ParamSpec;
import org.twinbench.scenario.NodeType.Port;

/** Every node type TwinBench knows, with its parameters and their defaults. */
public final class NodeCatalog {

    public static final String DATASET_SOURCE = "source.dataset";
    public static final String COVARIATE_SHIFT = "perturbation.covariate-shift";
    public static final String CATEGORY_MIX = "perturbation.category-mix";
    public static final String LOGISTIC_MODEL = "model.logistic";
    public static final String SLICE_METRICS = "monitor.slice-metrics";

    private static final Port BATCH_IN = new Port("batch", PortType.BATCH);
    private static final Port BATCH_OUT = new Port("batch", PortType.BATCH);
    private static final Port SCORED_IN = new Port("scored", PortType.SCORED);
    private static final Port SCORED_OUT = new Port("scored", PortType.SCORED);

    private static final List<NodeType> TYPES = List.of(
            new NodeType(DATASET_SOURCE, "Sources", "Dataset",
                    "Replays a CSV/Excel table: the first rows are the reference, each step samples a batch from the rest",
                    List.of(
                            new ParamSpec("path", FILE, null, true, "Data file, relative to the scenario file"),
                            new ParamSpec("batch_size", INTEGER, 500L, false, "Rows drawn per step"),
                            new ParamSpec("steps", INTEGER, 60L, false, "Number of simulated steps"),
                            new ParamSpec("reference_share", NUMBER, 0.5, false,
                                    "Share of the rows (in file order) that form the reference; the rest is production"),
                            new ParamSpec("replace", BOOLEAN, true, false, "Sample with replacement")),
                    List.of(), List.of(BATCH_OUT)),
            new NodeType(COVARIATE_SHIFT, "Perturbations", "Covariate shift",
                    "Scales and shifts a numeric feature: x becomes x * scale + shift at full intensity",
                    List.of(
                            new ParamSpec("column", COLUMN, null, true, "Numeric feature to change"),
                            new ParamSpec("scale", NUMBER, 1.0, false, "Factor at full intensity"),
                            new ParamSpec("shift", NUMBER, 0.0, false, "Amount added at full intensity"),
                            new ParamSpec("schedule", SCHEDULE, null, false, "When the change happens")),
                    List.of(BATCH_IN), List.of(BATCH_OUT)),
            new NodeType(CATEGORY_MIX, "Perturbations", "Category mix shift",
                    "A segment grows, or a new category appears, in a categorical column",
                    List.of(
                            new ParamSpec("column", COLUMN, null, true, "Categorical column"),
                            new ParamSpec("category", TEXT, null, true, "The growing (or new) category"),
                            new ParamSpec("share", NUMBER, 0.25, false, "Share of rows moved into it at full intensity"),
                            new ParamSpec("schedule", SCHEDULE, null, false, "When the change happens")),
                    List.of(BATCH_IN), List.of(BATCH_OUT)),
            new NodeType(LOGISTIC_MODEL, "Models", "Logistic regression",
                    "Trains a logistic regression on the reference rows and scores every batch",
                    List.of(
                            new ParamSpec("target", COLUMN, null, true, "Label column"),
                            new ParamSpec("features", COLUMNS, null, true, "Feature columns"),
                            new ParamSpec("positive", TEXT, null, false, "Positive class (default: the CLI.md rule)")),
                    List.of(BATCH_IN, new Port("actions", PortType.ACTIONS)), List.of(SCORED_OUT)),
            new NodeType(SLICE_METRICS, "Metrics", "Slice metrics",
                    "Accuracy, precision, recall, F1, AUC, log loss, Brier and ECE per step, overall and per slice",
                    List.of(
                            new ParamSpec("slices", COLUMNS, List.of(), false, "Columns whose values form slices"),
                            new ParamSpec("threshold", NUMBER, 0.5, false, "Score at or above which a row is predicted positive")),
                    List.of(SCORED_IN), List.of()));

    private NodeCatalog() {
    }

    public static List<NodeType> all() {
        return TYPES;
    }

    public static Optional<NodeType> find(String type) {
        return TYPES.stream().filter(t -> t.type().equals(type)).findFirst();
    }

    /**
     * Why an edge from a node of type {@code from} to one of type {@code to} is not allowed, or empty
     * when some output of {@code from} has the type of some input of {@code to}.
     */
    public static Optional<String> connectionProblem(String from, String to) {
        NodeType source = find(from).orElse(null);
        NodeType target = find(to).orElse(null);
        if (source == null || target == null) {
            return Optional.of("unknown node type '" + (source == null ? from : to) + "'");
        }
        if (source.outputs().isEmpty()) {
            return Optional.of(source.title() + " has no output");
        }
        if (target.inputs().isEmpty()) {
            return Optional.of(target.title() + " takes no input");
        }
        for (Port out : source.outputs()) {
            for (Port in : target.inputs()) {
                if (out.type() == in.type()) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(source.title() + " gives " + names(source.outputs()) + " but " + target.title()
                + " takes " + names(target.inputs()));
    }

    private static String names(List<Port> ports) {
        return String.join(" or ", ports.stream().map(p -> p.type().name().toLowerCase(java.util.Locale.ROOT)).toList());
    }
}
