package org.twinbench.scenario;

import static org.twinbench.scenario.CatalogParams.ACTIONS_IN;
import static org.twinbench.scenario.CatalogParams.ACTIONS_OUT;
import static org.twinbench.scenario.CatalogParams.BATCH_IN;
import static org.twinbench.scenario.CatalogParams.SCORED_IN;
import static org.twinbench.scenario.CatalogParams.SCORED_OUT;
import static org.twinbench.scenario.CatalogParams.SIGNALS_IN;
import static org.twinbench.scenario.CatalogParams.SIGNALS_OUT;
import static org.twinbench.scenario.CatalogParams.optional;
import static org.twinbench.scenario.CatalogParams.required;
import static org.twinbench.scenario.CatalogParams.share;
import static org.twinbench.scenario.NodeType.ParamSpec.Kind.BOOLEAN;
import static org.twinbench.scenario.NodeType.ParamSpec.Kind.COLUMN;
import static org.twinbench.scenario.NodeType.ParamSpec.Kind.COLUMNS;
import static org.twinbench.scenario.NodeType.ParamSpec.Kind.INTEGER;
import static org.twinbench.scenario.NodeType.ParamSpec.Kind.NUMBER;
import static org.twinbench.scenario.NodeType.ParamSpec.Kind.TEXT;

import java.util.List;

/** Models, labels, monitors, policies, deployment and metrics: what happens around the data. */
final class OperationNodes {

    private static final Double STEPS = (double) Limits.STEPS;
    private static final String[] DETECTORS = {"adwin", "ddm", "eddm", "page-hinkley", "kswin", "hddm-a", "cusum"};
    private static final String[] STATISTICS = {"psi", "ks", "wasserstein", "jensen-shannon", "hellinger", "mean-shift"};
    private static final String[] FEATURE_STATISTICS = {"psi", "ks", "wasserstein", "jensen-shannon", "hellinger",
        "mean-shift", "chi2"};
    private static final String STATISTICS_HELP = "psi (10 reference-decile bins), ks (Kolmogorov-Smirnov D), "
            + "wasserstein (divided by the reference sd), jensen-shannon, hellinger, "
            + "mean-shift (|mean - reference mean| / reference sd)";
    private static final NodeType.ParamSpec FALSE_ALARM_RATE = optional("false_alarm_rate", NUMBER, 0.01,
            "Without a threshold: the chance that a column alarms at a step when nothing changed (docs/verdicts.md)")
            .range(0.001, 0.1);

    static final List<NodeType> TYPES = List.of(
            new NodeType(NodeCatalog.LOGISTIC_MODEL, "Models", "Logistic regression",
                    "Trains a logistic regression on the reference rows and scores every batch",
                    List.of(
                            required("target", COLUMN, "Label column"),
                            required("features", COLUMNS, "Feature columns"),
                            optional("positive", TEXT, null, "Positive class (default: the CLI.md rule)")),
                    List.of(BATCH_IN, ACTIONS_IN), List.of(SCORED_OUT)),
            new NodeType(NodeCatalog.LINEAR_MODEL, "Models", "Linear regression",
                    "Trains a ridge linear regression of an amount on the reference rows and scores every batch",
                    List.of(
                            required("target", COLUMN, "Column of amounts to predict"),
                            required("features", COLUMNS, "Feature columns")),
                    List.of(BATCH_IN, ACTIONS_IN), List.of(SCORED_OUT)),
            new NodeType(NodeCatalog.MODEL_BUNDLE, "Models", "TwinBench model file",
                    "Scores every batch with a trained .twinmodel bundle of any task (binary, multiclass, regression; "
                            + "linear, logistic, random forest or gradient boosting); retraining refits the same "
                            + "algorithm for the same task",
                    List.of(required("path", TEXT, "The .twinmodel file, relative to the scenario")),
                    List.of(BATCH_IN, ACTIONS_IN), List.of(SCORED_OUT)),
            new NodeType(NodeCatalog.ONNX_MODEL, "Models", "ONNX model",
                    "Scores every batch with an ONNX model and its .onnx.json mapping; it cannot be retrained",
                    List.of(required("path", TEXT, "The .onnx file, relative to the scenario"),
                            optional("target", COLUMN, null, "Column of the true outcome the model predicts (default: "
                                    + "the target of the .onnx.json sidecar; an export without one needs it)")),
                    List.of(BATCH_IN, ACTIONS_IN), List.of(SCORED_OUT)),
            new NodeType(NodeCatalog.LOGGED_MODEL, "Models", "Logged scores",
                    "Mirrors a deployed model from its prediction log: the scores it actually produced are replayed "
                            + "as they are, no model file needed; it cannot be retrained",
                    List.of(
                            optional("score_column", COLUMN, null, "Column of the logged probability of the positive "
                                    + "class, or of the logged predicted amount when the target holds amounts (a "
                                    + "regression); required for both").numeric(),
                            required("target", COLUMN, "Column of the true outcome"),
                            optional("positive", TEXT, null, "Positive class of the outcome (default: the usual rule)"),
                            optional("proba_prefix", TEXT, null, "Prefix of the logged class probability columns "
                                    + "(<prefix><class>, e.g. p_ for p_setosa), one per class; required when the target "
                                    + "holds 3 or more classes")),
                    List.of(BATCH_IN, ACTIONS_IN), List.of(SCORED_OUT)),
            new NodeType(NodeCatalog.CHALLENGER, "Models", "Challenger",
                    "A second model that scores a share of the traffic (A/B): a model file, or one trained on the "
                            + "reference rows",
                    List.of(
                            optional("path", TEXT, null, "A .twinmodel (any algorithm) or .onnx file, relative to the "
                                    + "scenario; absent: train one"),
                            optional("algorithm", TEXT, "logistic", "Algorithm to train (without path)")
                                    .oneOf("logistic", "random-forest", "gradient-boosting"),
                            optional("features", COLUMNS, null, "Feature columns of the trained challenger"),
                            optional("trees", INTEGER, 0L, "Trees of a trained forest or boosting (0: the default)")
                                    .range(0.0, (double) Limits.TREES),
                            share("traffic_share", 0.1, "Share of rows the challenger scores until promoted")),
                    List.of(BATCH_IN, ACTIONS_IN), List.of(SCORED_OUT)),
            new NodeType(NodeCatalog.LABEL_DELAY, "Labels", "Label delay",
                    "True labels arrive k steps after the model scored the rows; monitors and retraining wait for them",
                    List.of(optional("steps", INTEGER, 3L, "Steps until a label arrives").range(0.0, STEPS),
                            optional("selective", BOOLEAN, false, "Selective labels: only rows the model scores "
                                    + "below the threshold (e.g. approved loans) ever get a label"),
                            optional("selective_class", TEXT, null, "Selective labels, multiclass: only rows the "
                                    + "model predicts as this class get a label"),
                            optional("selective_below", NUMBER, null, "Selective labels, regression: only rows whose "
                                    + "predicted amount is below this get a label")),
                    List.of(SCORED_IN), List.of(SCORED_OUT)),
            new NodeType(NodeCatalog.PERFORMANCE_MONITOR, "Monitors", "Performance monitor",
                    "Accuracy on the labels that have arrived, over a window of steps; alarms below a threshold, or "
                            + "without one when it falls below its first window's beyond chance",
                    List.of(
                            optional("window_steps", INTEGER, 5L, "Labelled steps the accuracy is measured over")
                                    .range(1.0, STEPS),
                            optional("threshold", NUMBER, null, "Alarm when the observed accuracy (a regression: R²) "
                                    + "falls below this (absent: when the accuracy falls, or a regression's mean "
                                    + "absolute error rises, beyond chance against the first window of labelled "
                                    + "steps, at false_alarm_rate a step)").range(0.0, 1.0),
                            FALSE_ALARM_RATE),
                    List.of(SCORED_IN), List.of(SIGNALS_OUT)),
            new NodeType(NodeCatalog.ERROR_DETECTOR, "Monitors", "Error-stream detector",
                    "A streaming change detector on the model's errors, row by row as labels arrive",
                    List.of(
                            optional("detector", TEXT, "adwin", "Detector, as in MOA: adwin, ddm, eddm, page-hinkley, "
                                    + "kswin, hddm-a, cusum").oneOf(DETECTORS),
                            optional("delta", NUMBER, null, "ADWIN: confidence δ (default 0.002); Page-Hinkley and "
                                    + "CUSUM: tolerated change of the mean (default 0.005)").range(0.0, null),
                            optional("lambda", NUMBER, null, "Page-Hinkley and CUSUM: alarm threshold (default 50)")
                                    .range(0.0, null),
                            optional("min_instances", INTEGER, null, "DDM, Page-Hinkley, CUSUM: rows before the first "
                                    + "alarm (default 30)").range(1.0, null)),
                    List.of(SCORED_IN), List.of(SIGNALS_OUT)),
            new NodeType(NodeCatalog.FEATURE_DRIFT, "Monitors", "Feature drift",
                    "Compares each step's features with the reference rows; alarms when a statistic is too large, "
                            + "and when a feature's values go missing, leave the reference range or take new "
                            + "categories (as the data-quality monitor checks)",
                    List.of(
                            required("features", COLUMNS, "Features to watch (numeric or categorical)"),
                            optional("statistic", TEXT, "psi", STATISTICS_HELP + "; categorical features take psi, "
                                    + "jensen-shannon, hellinger or chi2 (1 - p of Pearson's test)")
                                    .oneOf(FEATURE_STATISTICS),
                            optional("threshold", NUMBER, null, "Alarm at or above this value (absent: a threshold "
                                    + "per feature calibrated from the reference to false_alarm_rate)").range(0.0, null),
                            FALSE_ALARM_RATE),
                    List.of(SCORED_IN), List.of(SIGNALS_OUT)),
            new NodeType(NodeCatalog.DATA_QUALITY, "Monitors", "Data quality",
                    "Checks each step's rows against the reference: missing values, numbers outside the reference "
                            + "range, categories never seen; alarms in the step a check starts to fail (a pipeline "
                            + "break alarms at once)",
                    List.of(
                            optional("columns", COLUMNS, null, "Columns to check (default: every column but the "
                                    + "target, identifiers and dates, and in a replay by time the numbers that never fall"
                                    + " with it, such as a year)"),
                            optional("alpha", NUMBER, 0.001, "False-alarm rate of one check of one column at one "
                                    + "step (exact binomial test against the reference)").range(1e-12, 0.5)),
                    List.of(SCORED_IN), List.of(SIGNALS_OUT)),
            new NodeType(NodeCatalog.PREDICTION_DRIFT, "Monitors", "Prediction drift",
                    "Compares each step's model scores with the scores of the reference rows; alarms when a "
                            + "statistic is too large",
                    List.of(
                            optional("statistic", TEXT, "psi", STATISTICS_HELP).oneOf(STATISTICS),
                            optional("threshold", NUMBER, null, "Alarm at or above this value (absent: a threshold "
                                    + "calibrated from the reference scores to false_alarm_rate)").range(0.0, null),
                            FALSE_ALARM_RATE),
                    List.of(SCORED_IN), List.of(SIGNALS_OUT)),
            new NodeType(NodeCatalog.MULTIVARIATE_DRIFT, "Monitors", "Multivariate drift",
                    "Compares each step's rows with the reference rows on all features together, so a changed "
                            + "relation between features is seen even when each keeps its distribution; the "
                            + "threshold is calibrated on the reference",
                    List.of(
                            optional("features", COLUMNS, null, "Features to watch together (default: every column "
                                    + "but the target, identifiers and dates)"),
                            optional("method", TEXT, "reconstruction", "reconstruction (PCA reconstruction error) or "
                                    + "domain-classifier (cross-validated AUC of a classifier telling the step from "
                                    + "the reference; slower)").oneOf("reconstruction", "domain-classifier")),
                    List.of(SCORED_IN), List.of(SIGNALS_OUT)),
            new NodeType(NodeCatalog.CBPE_MONITOR, "Monitors", "Estimated performance (CBPE)",
                    "Estimates accuracy and ROC AUC of each step without labels from the calibrated scores "
                            + "(confidence-based performance estimation; a multiclass model: accuracy, balanced "
                            + "accuracy and macro F1 from each class's calibrated probabilities); alarms below a "
                            + "threshold",
                    List.of(
                            optional("calibration", TEXT, "isotonic", "How scores are calibrated on the reference "
                                    + "rows: isotonic, platt or none").oneOf("isotonic", "platt", "none"),
                            share("threshold", 0.0, "Alarm when the estimated accuracy falls below this")),
                    List.of(SCORED_IN), List.of(SIGNALS_OUT)),
            new NodeType(NodeCatalog.DLE_MONITOR, "Monitors", "Estimated error (DLE)",
                    "Estimates a regression's MAE and RMSE of each step without labels: models of its absolute and "
                            + "squared error, learnt on the reference rows from the features and the prediction "
                            + "(direct loss estimation); alarms at a threshold",
                    List.of(optional("threshold", NUMBER, null, "Alarm when the estimated RMSE reaches this "
                            + "(default: never)").range(0.0, null)),
                    List.of(SCORED_IN), List.of(SIGNALS_OUT)),
            new NodeType(NodeCatalog.RETRAIN_POLICY, "Policies", "Retrain",
                    "Retrains the model on the last N steps of arrived labels, on an alarm or on a schedule; "
                            + "optionally rolls back when the new model is worse on a holdout",
                    List.of(
                            optional("trigger", TEXT, "alarm", "alarm: when a connected monitor alarms; "
                                    + "schedule: every every_steps steps").oneOf("alarm", "schedule"),
                            optional("every_steps", INTEGER, 10L, "Period of a scheduled retrain").range(1.0, STEPS),
                            optional("window_steps", INTEGER, 5L, "Labelled steps to train on").range(1.0, STEPS),
                            optional("min_rows", INTEGER, 200L, "Do not retrain on fewer labelled rows")
                                    .range(1.0, null),
                            optional("cooldown_steps", INTEGER, 5L, "Steps to wait after a retrain")
                                    .range(0.0, STEPS),
                            optional("rollback", BOOLEAN, true,
                                    "Hold out the newest labelled step; keep the old model if the new one is worse there"),
                            share("tolerance", 0.0, "How much worse on the holdout the new model may be")),
                    List.of(SIGNALS_IN), List.of(ACTIONS_OUT)),
            new NodeType(NodeCatalog.PROMOTE_POLICY, "Policies", "Promote challenger",
                    "Gives the challenger all traffic once a one-sided two-proportion test says its accuracy is higher",
                    List.of(
                            share("alpha", 0.05, "Significance level of the test"),
                            optional("min_rows", INTEGER, 500L, "Labelled rows needed on each side first")
                                    .range(1.0, null)),
                    List.of(SCORED_IN, SIGNALS_IN), List.of(ACTIONS_OUT)),
            new NodeType(NodeCatalog.DEPLOYMENT, "Deployment", "Deployment target",
                    "Edge or cloud serving: latency percentiles and cost per step; optional 8-bit quantization",
                    List.of(
                            optional("target", TEXT, "cloud", "edge (on the device) or cloud (adds a network round trip)")
                                    .oneOf("edge", "cloud"),
                            optional("latency_ms", NUMBER, 20.0, "Median service time of one request").range(0.0, null),
                            optional("latency_sigma", NUMBER, 0.5, "Log-normal spread of the service time")
                                    .range(0.0, null),
                            optional("network_rtt_ms", NUMBER, 40.0, "Network round trip (cloud)").range(0.0, null),
                            optional("batch_size", INTEGER, 1L, "Requests served together").range(1.0, null),
                            optional("max_per_second", NUMBER, 1000.0, "Throughput limit").range(0.0, null),
                            optional("step_seconds", NUMBER, 3600.0, "Length of a simulated step").range(0.0, null),
                            optional("cost_per_1000", NUMBER, 0.05, "Cost of 1,000 predictions").range(0.0, null),
                            optional("fixed_cost_per_step", NUMBER, 0.0, "Fixed cost of a step").range(0.0, null),
                            optional("quantized", BOOLEAN, false, "8-bit model: half the service time, coarser scores"),
                            optional("answers", TEXT, "score", "What a caller gets back (a defence against model "
                                    + "extraction): score (the probability), rounded (to answer_decimals decimals) or "
                                    + "label (the top-1 decision only)").oneOf("score", "rounded", "label"),
                            optional("answer_decimals", INTEGER, 1L, "Decimals of a rounded answer").range(0.0, 6.0),
                            optional("query_limit", INTEGER, 0L, "Rate limit: queries one caller gets answered per "
                                    + "step (0: no limit)").range(0.0, null),
                            optional("student", TEXT, "none", "Distillation: none serves the model; logistic serves a "
                                    + "logistic regression, tree a regression tree of student_depth levels, trained on "
                                    + "the model's scores of the reference rows (again after each retrain), its "
                                    + "service time scaled by its measured scoring time over the model's")
                                    .oneOf("none", "logistic", "tree"),
                            optional("student_depth", INTEGER, 3L, "Most levels of cuts of a tree student")
                                    .range(1.0, 12.0)),
                    List.of(SCORED_IN), List.of(SCORED_OUT)),
            new NodeType(NodeCatalog.EXTRACTION_ATTACK, "Deployment", "Model extraction attack",
                    "An attacker queries the deployment it is connected to (a budget of queries per step), trains a "
                            + "surrogate (logistic regression, ridge regression or tree) on the answers, and the run "
                            + "records its fidelity (agreement with the deployed model's decisions, or the R² of its "
                            + "amounts, on the step's rows, which it never queried) and its own accuracy (or MAE) as "
                            + "the queries add up",
                    List.of(
                            optional("budget", INTEGER, 50L, "Queries the attacker sends per step (the deployment's "
                                    + "query_limit may answer fewer)").range(1.0, (double) Limits.EXTRACTION_BUDGET),
                            optional("queries", TEXT, "reference", "reference: rows drawn from the reference rows (an "
                                    + "attacker with data like the model's); uniform: each feature uniform within its "
                                    + "reference range, categories uniform over the reference's")
                                    .oneOf("reference", "uniform"),
                            optional("surrogate", TEXT, "logistic", "The attacker's copy: logistic (a logistic "
                                    + "regression) or tree (a regression tree of surrogate_depth levels), one per "
                                    + "class of a multiclass model; of a model of amounts, ridge (a ridge regression) "
                                    + "or tree").oneOf("logistic", "tree", "ridge"),
                            optional("surrogate_depth", INTEGER, 5L, "Most levels of cuts of a tree surrogate")
                                    .range(1.0, 12.0)),
                    List.of(SCORED_IN), List.of()),
            new NodeType(NodeCatalog.SLICE_METRICS, "Metrics", "Slice metrics",
                    "The metrics of the model's task per step, overall and per slice: accuracy, precision, recall, F1, "
                            + "AUC, log loss, Brier and ECE (binary); MAE, RMSE, R² and MAPE (regression); accuracy, "
                            + "balanced accuracy, macro and weighted F1, log loss (multiclass)",
                    List.of(
                            optional("slices", COLUMNS, List.of(), "Columns whose values form slices; a numeric "
                                    + "column with more distinct values than bins is cut into bins quantile ranges "
                                    + "of the reference rows, named < a, [a, b), >= b"),
                            optional("bins", INTEGER, 5L, "Quantile bins of a numeric slice column (as metrics "
                                    + "--bins)").range(2.0, (double) Limits.BINS),
                            share("threshold", 0.5, "Score at or above which a row is predicted positive"),
                            optional("fairness", BOOLEAN, false, "Also record the fairness gaps between the slices of "
                                    + "each column: parity difference and ratio, TPR and FPR gaps (multiclass: per-class "
                                    + "selection rate, recall and parity ratio; regression: MAE and RMSE per slice, RMSE "
                                    + "ratio)")),
                    List.of(SCORED_IN), List.of()),
            new NodeType(NodeCatalog.ROBUSTNESS, "Metrics", "Robustness profile",
                    "At the end of the run, how little it takes to hurt the model serving then: per feature the "
                            + "smallest shift (in sd) or scale of its values, or share of rows swapped to one category, "
                            + "that takes its accuracy on the last labelled rows it never trained on below its "
                            + "accuracy there minus drop (a regression: its MAE or RMSE above its value there × "
                            + "(1 + rise)); overall and per slice",
                    List.of(
                            share("drop", 0.05, "The limit is the accuracy on the rows as they are minus this"),
                            optional("metric", TEXT, "mae", "A regression's metric: mae (mean absolute error) or "
                                    + "rmse (root mean squared error)").oneOf("mae", "rmse"),
                            share("rise", 0.1, "A regression's limit is its error on the rows as they are × (1 + "
                                    + "rise)"),
                            optional("max_shift", NUMBER, 5.0, "Largest shift searched, in sd; the largest scale is "
                                    + "1 + max_shift").range(0.01, 100.0),
                            optional("rows", INTEGER, 2000L, "Most recent labelled rows searched on (the more, the "
                                    + "slower)").range(30.0, 100_000.0),
                            optional("slices", COLUMNS, List.of(), "Columns whose values form slices with a profile "
                                    + "of their own; a numeric column cut into bins quantile ranges"),
                            optional("bins", INTEGER, 5L, "Quantile bins of a numeric slice column")
                                    .range(2.0, (double) Limits.BINS)),
                    List.of(SCORED_IN), List.of()));

    private OperationNodes() {
    }
}
