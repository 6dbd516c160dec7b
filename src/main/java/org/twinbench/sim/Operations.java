package org.twinbench.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Frame;
import org.twinbench.data.MultivariateEncoding;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioException;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.data.Task;
import org.twinbench.sim.attack.Attack;
import org.twinbench.sim.attack.Extraction;
import org.twinbench.sim.monitor.AlarmThreshold;
import org.twinbench.sim.monitor.CategoricalDriftMonitor;
import org.twinbench.sim.monitor.ClassMixDriftMonitor;
import org.twinbench.sim.monitor.CbpeMonitor;
import org.twinbench.sim.monitor.DataQualityMonitor;
import org.twinbench.sim.monitor.DleMonitor;
import org.twinbench.sim.monitor.DriftStatistics;
import org.twinbench.sim.monitor.ErrorDetectors;
import org.twinbench.sim.monitor.ErrorStreamMonitor;
import org.twinbench.sim.monitor.FairnessMonitor;
import org.twinbench.sim.monitor.TaskFairnessMonitor;
import org.twinbench.sim.monitor.FeatureDriftMonitor;
import org.twinbench.sim.monitor.Monitor;
import org.twinbench.sim.monitor.MultivariateDriftMonitor;
import org.twinbench.stats.ReconstructionDrift;
import org.twinbench.sim.monitor.MulticlassCbpeMonitor;
import org.twinbench.sim.monitor.PerformanceMonitor;
import org.twinbench.sim.monitor.PredictionDriftMonitor;
import org.twinbench.sim.perturb.Perturbation;
import org.twinbench.sim.perturb.PerturbationFactory;
import org.twinbench.sim.policy.Challenger;
import org.twinbench.sim.policy.ModelRefit;
import org.twinbench.sim.policy.Policy;
import org.twinbench.sim.policy.PromotePolicy;
import org.twinbench.sim.policy.RetrainPolicy;
import org.twinbench.stats.CategoricalDrift;

/** The label delay, monitors, policies, deployment and attacks of a scenario, built from its nodes. */
public record Operations(int labelDelay, boolean selectiveLabels, List<Monitor> monitors, List<Policy> policies,
                  Deployment deployment, List<Attack> attacks) {



    /**
     * {@code poisoning} acts on what every retrain policy trains on; {@code referenceScores} are the
     * initial model's scores of the reference rows (the baseline of prediction drift) and
     * {@code referenceLabels} their labels as 0/1 (CBPE calibrates on both).
     */
    public static Operations of(Scenario scenario, String modelId, double threshold, String target, String positive, ModelRefit refit,
                         List<Perturbation> poisoning, Frame reference, int[] referenceLabels,
                         double[] referenceScores, Challenger challenger) {
        return of(scenario, modelId, new ModelTask(Task.BINARY, target, positive, List.of(), threshold), List.of(),
                refit, poisoning,
                reference, referenceLabels, new Predictions(Task.BINARY, referenceScores, null), challenger);
    }

    /**
     * The operations around a model of any task; {@code referencePredictions} are what the initial model
     * said about the reference rows (the baseline of prediction drift and of performance estimation) and
     * {@code referenceLabels} their labels as {@link ModelTask#labels} reads them; {@code features} are the
     * model's (what direct loss estimation learns from).
     */
    public static Operations of(Scenario scenario, String modelId, ModelTask task, List<String> features,
                                ModelRefit refit,
                                List<Perturbation> poisoning, Frame reference, int[] referenceLabels,
                                Predictions referencePredictions, Challenger challenger) {
        double threshold = task.threshold();
        String target = task.target();
        double[] referenceScores = referencePredictions.values();
        int labelDelay = 0;
        boolean selective = false;
        List<Monitor> monitors = new ArrayList<>();
        List<Policy> policies = new ArrayList<>();
        List<Attack> attacks = new ArrayList<>();
        Deployment deployment = null;
        for (ScenarioNode node : scenario.topologicalOrder()) {
            switch (node.type()) {
                case NodeCatalog.LABEL_DELAY -> {
                    labelDelay = node.integer("steps");
                    selective = node.flag("selective");
                    if (selective) {
                        LabelSelection.of(node, task); // refuses a missing class or bound now, naming the node
                    }
                }
                case NodeCatalog.PERFORMANCE_MONITOR -> monitors.add(node.params().get("threshold") != null
                        ? new PerformanceMonitor(node.id(), node.integer("window_steps"), node.number("threshold"),
                        threshold)
                        : PerformanceMonitor.calibrated(node.id(), node.integer("window_steps"), threshold,
                        node.number("false_alarm_rate")));
                case NodeCatalog.ERROR_DETECTOR -> {
                    // Only the parameters the scenario sets: every detector keeps MOA's defaults for the rest.
                    Map<String, Double> params = new LinkedHashMap<>();
                    for (String key : List.of("delta", "lambda", "min_instances")) {
                        if (node.params().get(key) != null) {
                            params.put(key, node.number(key, Double.NaN));
                        }
                    }
                    String name = node.string("detector");
                    monitors.add(new ErrorStreamMonitor(node.id(), name, ErrorDetectors.factory(node.id(), name, params),
                            threshold));
                }
                case NodeCatalog.FEATURE_DRIFT -> {
                    monitors.addAll(featureDrift(node, reference, scenario.seed()));
                    monitors.add(DataQualityMonitor.of(node.id(), reference, DataQualityMonitor.withoutClocks(reference,
                            node.strings("features"), inTimeOrder(scenario)), 0.001));
                }
                case NodeCatalog.DATA_QUALITY -> {
                    List<String> columns = node.params().get("columns") == null
                            ? DataQualityMonitor.defaultColumns(reference, target, inTimeOrder(scenario))
                            : node.strings("columns");
                    for (String column : columns) {
                        PerturbationFactory.requireColumn(node, reference, column);
                    }
                    monitors.add(DataQualityMonitor.of(node.id(), reference, columns, node.number("alpha"))
                            .withNewColumnsBeyond(reference));
                }
                case NodeCatalog.PREDICTION_DRIFT -> {
                    String name = node.string("statistic");
                    monitors.add(task.task() == Task.MULTICLASS ? ClassMixDriftMonitor.of(node.id(), referenceScores,
                            task.classes(), name, alarmThreshold(node, scenario.seed()))
                            : new PredictionDriftMonitor(node.id(), PredictionDriftMonitor.present(referenceScores),
                            name, DriftStatistics.find(node.id(), name), alarmThreshold(node, scenario.seed())));
                }
                case NodeCatalog.MULTIVARIATE_DRIFT -> monitors.add(multivariateDrift(node, reference, target,
                        scenario.seed()));
                case NodeCatalog.CBPE_MONITOR -> monitors.add(task.task() == Task.MULTICLASS
                        ? new MulticlassCbpeMonitor(node.id(), MulticlassCbpeMonitor.calibrate(referenceLabels,
                        referencePredictions.proba(), task.classes().size(), node.string("calibration")),
                        node.number("threshold"))
                        : new CbpeMonitor(node.id(), CbpeMonitor.calibrate(referenceLabels, referenceScores,
                        node.string("calibration"), threshold), node.number("threshold")));
                case NodeCatalog.DLE_MONITOR -> {
                    if (task.task() != Task.REGRESSION) {
                        throw new ScenarioException("node " + node.id() + ": direct loss estimation is for "
                                + "regression models; the model of node " + modelId + " is a " + task.task().id()
                                + " model (use monitor.cbpe)");
                    }
                    monitors.add(DleMonitor.fit(node.id(), reference, features, referenceScores,
                            task.amounts(reference), scenario.seed(), node.params().get("threshold") == null
                                    ? Double.NaN : node.number("threshold")));
                }
                case NodeCatalog.SLICE_METRICS -> {
                    if (node.flag("fairness") && !node.strings("slices").isEmpty() && task.task() != Task.BINARY) {
                        monitors.add(new TaskFairnessMonitor(node.id(), node.strings("slices"), task.classes(),
                                SliceBins.fit(node, reference)::values));
                    } else if (node.flag("fairness") && !node.strings("slices").isEmpty()) {
                        monitors.add(new FairnessMonitor(node.id(), node.strings("slices"),
                                node.number("threshold"), SliceBins.fit(node, reference)::values));
                    }
                }
                case NodeCatalog.RETRAIN_POLICY -> policies.add(new RetrainPolicy(requireRefit(node, modelId, refit).id(),
                        "schedule".equals(node.string("trigger")) ? RetrainPolicy.Trigger.SCHEDULE
                                : RetrainPolicy.Trigger.ALARM,
                        node.integer("every_steps"), upstream(scenario, node.id()), node.integer("window_steps"),
                        node.integer("min_rows"), node.integer("cooldown_steps"), node.flag("rollback"),
                        node.number("tolerance"), task, scenario.seed(), refit, poisoning));
                case NodeCatalog.PROMOTE_POLICY -> {
                    if (challenger == null) {
                        throw new org.twinbench.scenario.ScenarioException("node " + node.id()
                                + ": has no challenger to promote; add a Challenger node");
                    }
                    policies.add(new PromotePolicy(node.id(), challenger, node.number("alpha"),
                            node.integer("min_rows"), threshold));
                }
                case NodeCatalog.DEPLOYMENT -> deployment = new Deployment(node.id(),
                        "cloud".equals(node.string("target")), node.number("latency_ms"),
                        node.number("latency_sigma"), node.number("network_rtt_ms"),
                        node.integer("batch_size"), node.number("max_per_second"),
                        node.number("step_seconds"), node.number("cost_per_1000"),
                        node.number("fixed_cost_per_step"), node.flag("quantized"),
                        Deployment.Answers.of(node.string("answers")), node.integer("answer_decimals"),
                        node.integer("query_limit"), -1);
                case NodeCatalog.EXTRACTION_ATTACK -> attacks.add(extraction(scenario, node, task, deployment,
                        reference, features, modelId));
                case NodeCatalog.ROBUSTNESS -> requireRobustness(scenario, node, task, reference, modelId);
                default -> {
                    // Sources, perturbations and models are built by the compiler.
                }
            }
        }
        return new Operations(labelDelay, selective, monitors, policies, deployment, attacks);
    }

    /**
     * Why an extraction attack cannot copy a model of {@code task} with {@code surrogate} through answers of
     * {@code answers} kind, or null: a model of amounts is copied by ridge or tree and gives no top-1 label; a
     * classifier's copy is logistic or tree.
     */
    static String extractionProblem(Task task, String surrogate, Deployment.Answers answers) {
        if (task == Task.REGRESSION) {
            if ("logistic".equals(surrogate)) {
                return "a model of amounts is copied by ridge or tree, not logistic";
            }
            if (answers == Deployment.Answers.LABEL) {
                return "the deployment answers only a label, and a model of amounts has none; use answers score or "
                        + "rounded";
            }
            return null;
        }
        return "ridge".equals(surrogate) ? "ridge copies a model of amounts; a classifier is copied by logistic or "
                + "tree" : null;
    }

    /** An extraction attack on the deployment node it is connected to. */
    private static Attack extraction(Scenario scenario, ScenarioNode node, ModelTask task, Deployment deployment,
                                     Frame reference, List<String> features, String modelId) {
        List<String> from = upstream(scenario, node.id());
        if (deployment == null || !from.contains(deployment.nodeId())) {
            throw new ScenarioException("node " + node.id() + ": an extraction attack queries a deployment; connect "
                    + "a deployment.endpoint node to it");
        }
        String problem = extractionProblem(task.task(), node.string("surrogate"), deployment.answers());
        if (problem != null) {
            throw new ScenarioException("node " + node.id() + " parameter surrogate: " + problem);
        }
        return new Extraction(node.id(), node.integer("budget"), Extraction.Queries.of(node.string("queries")),
                Extraction.Copy.of(node.string("surrogate")), node.integer("surrogate_depth"), deployment,
                task.threshold(), reference, features, scenario.seed());
    }

    /**
     * A robustness node is computed at the end of the run ({@link RunRobustness}); here its slice columns are
     * checked, and a model whose features do not make its answers (a regression, a production log) refused.
     */
    private static void requireRobustness(Scenario scenario, ScenarioNode node, ModelTask task, Frame reference,
                                          String modelId) {
        if (scenario.node(modelId).map(m -> NodeCatalog.LOGGED_MODEL.equals(m.type())).orElse(false)) {
            throw new ScenarioException("node " + node.id() + ": the logged scores of node " + modelId + " do not "
                    + "change when features shift; a robustness profile needs a model to score with");
        }
        node.strings("slices").forEach(column -> PerturbationFactory.requireColumn(node, reference, column));
    }

    /**
     * A feature-drift node's monitors: its numeric features with {@link DriftStatistics}, its
     * categorical ones (if any) with {@link CategoricalDriftMonitor}. {@code chi2} is for categorical
     * features only.
     */
    private static List<Monitor> featureDrift(ScenarioNode node, Frame reference, long seed) {
        String name = node.string("statistic");
        AlarmThreshold threshold = alarmThreshold(node, seed);
        Map<String, double[]> numeric = new LinkedHashMap<>();
        Map<String, CategoricalColumn> categorical = new LinkedHashMap<>();
        ToDoubleFunction<CategoricalDrift> categoricalStatistic = null;
        for (String feature : node.strings("features")) {
            PerturbationFactory.requireColumn(node, reference, feature);
            if (reference.column(feature) instanceof CategoricalColumn column) {
                categoricalStatistic = CategoricalDriftMonitor.statistic(node.id(), name, feature);
                categorical.put(feature, column);
            } else {
                if ("chi2".equals(name)) {
                    throw new ScenarioException("node " + node.id() + ": statistic 'chi2' is for categorical "
                            + "features but '" + feature + "' is numeric");
                }
                numeric.put(feature, reference.numeric(feature).presentValues());
            }
        }
        List<Monitor> monitors = new ArrayList<>();
        if (!numeric.isEmpty()) {
            monitors.add(new FeatureDriftMonitor(node.id(), List.copyOf(numeric.keySet()), numeric, name,
                    DriftStatistics.find(node.id(), name), threshold));
        }
        if (!categorical.isEmpty()) {
            monitors.add(CategoricalDriftMonitor.of(node.id(), categorical, name, categoricalStatistic, threshold));
        }
        return monitors;
    }

    /**
     * A drift node's alarm threshold: the one it sets, or without one thresholds calibrated from the reference
     * to its {@code false_alarm_rate}, drawn from the run's seed.
     */
    private static AlarmThreshold alarmThreshold(ScenarioNode node, long seed) {
        return node.params().get("threshold") != null ? AlarmThreshold.fixed(node.number("threshold"))
                : AlarmThreshold.calibrated(node.number("false_alarm_rate"), seed, node.id());
    }

    /** A multivariate-drift node's monitor on its features, or on every usable column but the target. */
    private static Monitor multivariateDrift(ScenarioNode node, Frame reference, String target, long seed) {
        List<String> features;
        if (node.params().get("features") == null) {
            List<String> candidates = new ArrayList<>(reference.columnNames());
            candidates.remove(target);
            features = MultivariateEncoding.usableColumns(reference, candidates);
        } else {
            features = node.strings("features");
            features.forEach(feature -> PerturbationFactory.requireColumn(node, reference, feature));
        }
        if (features.isEmpty()) {
            throw new ScenarioException("node " + node.id() + ": has no feature to watch");
        }
        if ("reconstruction".equals(node.string("method")) && reference.rowCount() < ReconstructionDrift.MIN_ROWS) {
            throw new ScenarioException("node " + node.id() + ": the reference has " + reference.rowCount()
                    + " rows; the reconstruction error's band needs at least " + ReconstructionDrift.MIN_ROWS);
        }
        return MultivariateDriftMonitor.of(node.id(), node.string("method"), reference, features, seed);
    }

    /** A retrain policy needs a model TwinBench can refit: an ONNX model is scored, never trained here. */
    private static ScenarioNode requireRefit(ScenarioNode node, String modelId, ModelRefit refit) {
        if (refit == null) {
            throw new org.twinbench.scenario.ScenarioException("node " + node.id() + ": cannot retrain the model of node "
                    + modelId + " (ONNX models and logged scores cannot be refitted in TwinBench); use a .twinmodel or"
                    + " logistic model node, or remove the retrain policy");
        }
        return node;
    }

    /** The nodes with an edge into {@code id}: the monitors a policy listens to. */
    private static List<String> upstream(Scenario scenario, String id) {
        return scenario.edges().stream().filter(e -> e.to().equals(id)).map(ScenarioEdge::from).toList();
    }

    /** Whether a source replays its rows by a time column (its reference rows then come in time order). */
    private static boolean inTimeOrder(Scenario scenario) {
        return scenario.nodesOfKind("source.").stream().anyMatch(s -> s.params().get("time_column") != null);
    }
}
