package org.twinbench.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.twinbench.scenario.NodeType.Port;

/**
 * Every node type TwinBench knows, with its parameters and their defaults. The types themselves are
 * listed by palette group in {@link SourceNodes}, {@link PerturbationNodes} and {@link OperationNodes}.
 */
public final class NodeCatalog {

    public static final String DATASET_SOURCE = "source.dataset";
    public static final String SEA_SOURCE = "source.sea";
    public static final String AGRAWAL_SOURCE = "source.agrawal";
    public static final String HYPERPLANE_SOURCE = "source.hyperplane";
    public static final String COVARIATE_SHIFT = "perturbation.covariate-shift";
    public static final String CATEGORY_MIX = "perturbation.category-mix";
    public static final String PRIOR_SHIFT = "perturbation.prior-shift";
    public static final String CONCEPT_DRIFT = "perturbation.concept-drift";
    public static final String GAUSSIAN_NOISE = "perturbation.gaussian-noise";
    public static final String LABEL_NOISE = "perturbation.label-noise";
    public static final String MISSING_VALUES = "perturbation.missing-values";
    public static final String SCALE_BUG = "perturbation.scale-bug";
    public static final String OUTLIERS = "perturbation.outliers";
    public static final String POISONING = "perturbation.poisoning";
    public static final String BOUNDARY_SEEKING = "perturbation.boundary-seeking";
    public static final String LOGISTIC_MODEL = "model.logistic";
    public static final String LINEAR_MODEL = "model.linear";
    public static final String MODEL_BUNDLE = "model.bundle";
    public static final String ONNX_MODEL = "model.onnx";
    public static final String LOGGED_MODEL = "model.logged";
    /** The node types that are the scenario's model (exactly one per scenario); the challenger is not. */
    public static final List<String> MODELS = List.of(LOGISTIC_MODEL, LINEAR_MODEL, MODEL_BUNDLE, ONNX_MODEL,
            LOGGED_MODEL);
    public static final String CHALLENGER = "model.challenger";
    public static final String PROMOTE_POLICY = "policy.promote";
    public static final String LABEL_DELAY = "labels.delay";
    public static final String PERFORMANCE_MONITOR = "monitor.performance";
    public static final String ERROR_DETECTOR = "monitor.error-detector";
    public static final String FEATURE_DRIFT = "monitor.feature-drift";
    public static final String DATA_QUALITY = "monitor.data-quality";
    public static final String CBPE_MONITOR = "monitor.cbpe";
    public static final String DLE_MONITOR = "monitor.dle";
    public static final String PREDICTION_DRIFT = "monitor.prediction-drift";
    public static final String MULTIVARIATE_DRIFT = "monitor.multivariate-drift";
    public static final String RETRAIN_POLICY = "policy.retrain";
    public static final String DEPLOYMENT = "deployment.endpoint";
    public static final String EXTRACTION_ATTACK = "attack.extraction";
    public static final String SLICE_METRICS = "monitor.slice-metrics";
    public static final String ROBUSTNESS = "metrics.robustness";

    private static final List<NodeType> TYPES = assemble();

    private NodeCatalog() {
    }

    private static List<NodeType> assemble() {
        List<NodeType> all = new ArrayList<>();
        all.addAll(SourceNodes.TYPES);
        all.addAll(PerturbationNodes.TYPES);
        all.addAll(OperationNodes.TYPES);
        return List.copyOf(all);
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
