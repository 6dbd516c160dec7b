package org.twinbench.sim.whatif;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.twinbench.data.BinaryLabels;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Column;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioNode;

/**
 * Turns a {@link WhatIfQuestion} into ordinary scenarios: a baseline (the model on unchanged data)
 * and one scenario per change, each a perturbation between the data and the model. The scenarios
 * are plain {@code *.twin.json} material, so the wizard's result opens in the editor.
 */
public final class WhatIfStudy {

    /** Steps each scenario runs; the verdict compares the second half. */
    public static final int STEPS = 30;
    public static final int BATCH_SIZE = 400;
    /** Changes start ramping in at this step and are complete at {@link #FULL_FROM}. */
    static final int RAMP_START = 3;
    public static final int FULL_FROM = 12;
    public static final String NEW_SEGMENT = "new customers";
    /** The id of the data source node of every study scenario. */
    public static final String DATA_NODE = "your-data";
    /** The slice-metrics node of every study scenario (with the fairness gaps between each column's groups). */
    public static final String GROUPS_NODE = "check-groups";
    /** The data-quality monitor of every study scenario. */
    public static final String DATA_CHECK_NODE = "check-data";
    /**
     * The retraining the verdicts try when a change hurts: a step stands for a week, so every four
     * steps is "every month", each time on the last month of outcomes.
     */
    static final int RETRAIN_EVERY = 4;
    public static final String RETRAINING_WORDS = "retraining every month";

    private static final Pattern MONEY = Pattern.compile(
            "(?i).*(price|income|spend|amount|salary|wage|earning|revenue|cost|fee|charge|payment).*");

    private WhatIfStudy() {
    }

    /** The model on unchanged data, measured per group. */
    public static Scenario baseline(WhatIfQuestion question) {
        return chain(question, "baseline", List.of(), false);
    }

    /** The same, with one change between the data and the model. */
    public static Scenario withChange(WhatIfQuestion question, Frame data, WhatIfChange change) {
        return chain(question, change.id(), List.of(perturbation(question, data, change, change.id())), false);
    }

    /**
     * The same change, with the model retrained on the last month of outcomes every month. A model
     * the user was given as ONNX cannot be retrained here; a model built from the data on the same
     * columns stands in for it ("if whoever made it retrained it every month").
     */
    public static Scenario withChangeAndRetraining(WhatIfQuestion question, Frame data, WhatIfChange change) {
        return chain(question, change.id() + ", " + RETRAINING_WORDS,
                List.of(perturbation(question, data, change, change.id())), true);
    }

    /**
     * What is retrained when the check tries retraining every month: the question's own model, or for a model given
     * as an ONNX file (which cannot be retrained here) a stand-in built from the reference rows (the first
     * {@code reference_share} of the file, the rows the check treats as the past) on the same columns — a logistic
     * regression for yes/no, a multinomial logistic regression for kinds, a ridge regression for amounts — kept as a
     * temporary {@code .twinmodel} that the retraining refits with the same algorithm.
     *
     * @param question the question whose scenario with retraining is run (its model the stand-in's file, or none);
     *     null when no stand-in can be built (the first half of the rows lacks a kind the rest has): then retraining
     *     is not tried
     * @param words what was retrained, or why nothing was, in a sentence; "" when it is the user's own model
     */
    public record StandIn(WhatIfQuestion question, String words) { }

    /** The model retrained in {@code question}'s retraining scenarios ({@link StandIn}); slow for ONNX (trains). */
    public static StandIn standIn(WhatIfQuestion question, Frame data) {
        Path file = question.model();
        if (file == null || !file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".onnx")) {
            return new StandIn(question, "");
        }
        org.twinbench.data.Task task = org.twinbench.data.Task.of(data.column(question.target()))
                .orElse(org.twinbench.data.Task.BINARY);
        String kind = switch (task) {
            case BINARY -> "a logistic regression";
            case MULTICLASS -> "a multinomial logistic regression";
            case REGRESSION -> "a ridge regression";
        };
        String words = "(An ONNX file cannot be retrained here: what was retrained every month is " + kind
                + " built from the first half of your rows on the same columns as your model, standing in for it;"
                + " whoever made your model can retrain it.)";
        if (task == org.twinbench.data.Task.BINARY) {
            return new StandIn(new WhatIfQuestion(question.data(), question.target(), question.positive(),
                    question.features(), question.groups(), question.changes(), question.seed()), words);
        }
        Object share = baseline(question).node(DATA_NODE).orElseThrow().params().get("reference_share");
        int reference = (int) Math.round(data.rowCount() * ((Number) share).doubleValue());
        Frame past = data.select(java.util.stream.IntStream.range(0, reference).toArray());
        if (task == org.twinbench.data.Task.MULTICLASS) {
            java.util.Set<String> seen = BinaryLabels.distinctValues(past.column(question.target()));
            String unseen = BinaryLabels.distinctValues(data.column(question.target())).stream()
                    .filter(value -> !seen.contains(value)).findFirst().orElse(null);
            if (unseen != null) {
                return new StandIn(null, "(An ONNX file cannot be retrained here, and no stand-in could be built for"
                        + " it: the first half of your rows never has “" + org.twinbench.data.PlainWords.value(
                        question.target(), unseen) + "” as " + org.twinbench.data.PlainWords.column(question.target())
                        + ", so retraining was not tried. Your rows may be sorted by it: shuffle them, or sort them by "
                        + "date.)");
            }
        }
        org.twinbench.model.TaskModel model = org.twinbench.model.TaskTrainer.train(past,
                new org.twinbench.model.TrainingOptions(org.twinbench.model.Algorithm.LOGISTIC, question.target(),
                        question.features(), null, question.seed(), 0, "", 0), task,
                org.twinbench.model.TrainingProgress.NONE).model();
        try {
            Path standIn = java.nio.file.Files.createTempFile("twinbench-stand-in-", ".twinmodel");
            standIn.toFile().deleteOnExit();
            org.twinbench.model.ModelBundle.write(model, standIn);
            return new StandIn(new WhatIfQuestion(question.data(), question.target(), null, question.features(),
                    question.groups(), question.changes(), question.seed(), standIn), words);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("could not keep the stand-in model: " + e.getMessage(), e);
        }
    }

    /** Every chosen change at once: the scenario the wizard offers to open in the editor. */
    public static Scenario combined(WhatIfQuestion question, Frame data) {
        List<ScenarioNode> nodes = new ArrayList<>();
        for (WhatIfChange change : question.changes()) {
            nodes.add(perturbation(question, data, change, change.id()));
        }
        return chain(question, "all changes", nodes, false);
    }

    private static Scenario chain(WhatIfQuestion question, String name, List<ScenarioNode> perturbations,
                                  boolean retrain) {
        List<ScenarioNode> nodes = new ArrayList<>();
        nodes.add(new ScenarioNode(DATA_NODE, NodeCatalog.DATASET_SOURCE, params(
                "path", question.data().toAbsolutePath().toString(), "batch_size", (long) BATCH_SIZE,
                "steps", (long) STEPS, "reference_share", 0.5, "replace", true), 40, 160));
        double x = 260;
        for (ScenarioNode node : perturbations) {
            nodes.add(new ScenarioNode(node.id(), node.type(), node.params(), x, 160));
            x += 220;
        }
        nodes.add(modelNode(question, retrain, x));
        nodes.add(new ScenarioNode(GROUPS_NODE, NodeCatalog.SLICE_METRICS, params(
                "slices", question.groups(), "threshold", 0.5, "fairness", true), x + 220, 160));
        List<ScenarioEdge> edges = new ArrayList<>();
        for (int i = 0; i + 1 < nodes.size(); i++) {
            edges.add(new ScenarioEdge(nodes.get(i).id(), nodes.get(i + 1).id()));
        }
        // The checks a production team would run on the data (RunAlarms): beside the groups, off the model.
        nodes.add(new ScenarioNode(DATA_CHECK_NODE, NodeCatalog.DATA_QUALITY, params(), x + 220, 0));
        edges.add(new ScenarioEdge("your-model", DATA_CHECK_NODE));
        if (retrain) {
            nodes.add(new ScenarioNode("retrain-monthly", NodeCatalog.RETRAIN_POLICY, params("trigger", "schedule",
                    "every_steps", (long) RETRAIN_EVERY, "window_steps", (long) RETRAIN_EVERY, "min_rows", 200L,
                    "cooldown_steps", 0L, "rollback", false), x, 320));
            edges.add(new ScenarioEdge("retrain-monthly", "your-model"));
        }
        return new Scenario("Will my model hold up? (" + name + ")",
                "Made by the guided wizard from " + question.data().getFileName() + ".", question.seed(), nodes, edges);
    }

    /**
     * The user's model file as it is, or a logistic regression built from the reference rows (also
     * for a retrained ONNX model, which TwinBench cannot refit).
     */
    private static ScenarioNode modelNode(WhatIfQuestion question, boolean retrain, double x) {
        Path file = question.model();
        boolean onnx = file != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".onnx");
        if (file != null && !(retrain && onnx)) {
            return new ScenarioNode("your-model", onnx ? NodeCatalog.ONNX_MODEL : NodeCatalog.MODEL_BUNDLE,
                    params("path", file.toAbsolutePath().toString()), x, 160);
        }
        Map<String, Object> model = params("target", question.target(), "features", question.features());
        if (question.positive() != null) {
            model.put("positive", question.positive());
        }
        return new ScenarioNode("your-model", NodeCatalog.LOGISTIC_MODEL, model, x, 160);
    }

    /** The perturbation node that plays out one everyday change on this data. */
    static ScenarioNode perturbation(WhatIfQuestion question, Frame data, WhatIfChange change, String id) {
        double s = change.strength();
        Map<String, Object> ramp = params("kind", "incremental", "start", (long) RAMP_START, "end", (long) FULL_FROM);
        return switch (change.kind()) {
            case NEW_CUSTOMERS -> new ScenarioNode(id, NodeCatalog.CATEGORY_MIX, params(
                    "column", segmentColumn(question, data), "category", NEW_SEGMENT, "share", 0.1 + 0.4 * s,
                    "schedule", ramp), 0, 0);
            case PRICES_SHIFT -> {
                String column = keyNumeric(question, data);
                // Money moves down for incomes and up for prices; either way by 10% to 50%.
                double factor = column.toLowerCase(Locale.ROOT).contains("income") ? 1 - (0.1 + 0.4 * s) : 1 + 0.1 + 0.4 * s;
                yield new ScenarioNode(id, NodeCatalog.COVARIATE_SHIFT, params("column", column, "scale", factor,
                        "shift", 0.0, "schedule", ramp), 0, 0);
            }
            case SEASON -> new ScenarioNode(id, NodeCatalog.COVARIATE_SHIFT, params("column", keyNumeric(question, data),
                    "scale", 1 + 0.1 + 0.4 * s, "shift", 0.0,
                    "schedule", params("kind", "recurring", "start", 0L, "period", 12L)), 0, 0);
            case ENTRY_MISTAKES -> {
                String column = keyNumeric(question, data);
                yield new ScenarioNode(id, "perturbation.gaussian-noise", params("columns", List.of(column),
                        "sd", (0.2 + 0.8 * s) * standardDeviation(data.numeric(column)), "schedule", ramp), 0, 0);
            }
            case FIELD_STOPS -> new ScenarioNode(id, "perturbation.missing-values", params(
                    "columns", List.of(mostPredictive(question, data).name()), "mode", "pipeline-break",
                    "schedule", params("kind", "sudden", "start", (long) (FULL_FROM - (int) Math.round(6 * s)))), 0, 0);
            case GAMING -> {
                // People learn which answer gets them through and shade it: the most telling number
                // moves towards the "safe" side by up to one standard deviation, the outcome does not.
                NumericColumn column = mostPredictive(question, data);
                double direction = -Math.signum(labelCorrelation(question, data, column));
                yield new ScenarioNode(id, NodeCatalog.COVARIATE_SHIFT, params("column", column.name(), "scale", 1.0,
                        "shift", direction * (0.3 + 0.7 * s) * standardDeviation(column),
                        "schedule", params("kind", "gradual", "start", (long) RAMP_START, "end", (long) (STEPS * 2))),
                        0, 0);
            }
        };
    }

    /** The column new customers show up in: the first group, else the first categorical feature. */
    static String segmentColumn(WhatIfQuestion question, Frame data) {
        for (String name : question.groups()) {
            if (data.column(name) instanceof CategoricalColumn) {
                return name;
            }
        }
        for (String name : question.features()) {
            if (data.column(name) instanceof CategoricalColumn) {
                return name;
            }
        }
        throw new IllegalArgumentException("no column with categories to add new customers to");
    }

    /** A money-like numeric feature if there is one, else the most predictive numeric feature. */
    static String keyNumeric(WhatIfQuestion question, Frame data) {
        for (String name : question.features()) {
            if (data.column(name) instanceof NumericColumn && MONEY.matcher(name).matches()) {
                return name;
            }
        }
        return mostPredictive(question, data).name();
    }

    /** The numeric feature with the largest absolute correlation with the outcome. */
    static NumericColumn mostPredictive(WhatIfQuestion question, Frame data) {
        NumericColumn best = null;
        double bestCorrelation = -1;
        for (String name : question.features()) {
            Column column = data.column(name);
            if (column instanceof NumericColumn numeric) {
                double r = Math.abs(labelCorrelation(question, data, numeric));
                if (r > bestCorrelation) {
                    bestCorrelation = r;
                    best = numeric;
                }
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("the model uses no numeric column");
        }
        return best;
    }

    /**
     * Pearson correlation of a numeric column with the 0/1 outcome over rows where both are present; for an
     * amount outcome with the amount itself, and for an outcome of several kinds the largest in size of its
     * correlations with each kind against the rest.
     */
    static double labelCorrelation(WhatIfQuestion question, Frame data, NumericColumn column) {
        Column label = data.column(question.target());
        java.util.Optional<org.twinbench.data.Task> task = org.twinbench.data.Task.of(label);
        if (task.isPresent() && task.get() == org.twinbench.data.Task.REGRESSION) {
            return correlation(((NumericColumn) label).values(), column);
        }
        if (task.isPresent() && task.get() == org.twinbench.data.Task.MULTICLASS) {
            double best = 0;
            for (String kind : BinaryLabels.distinctValues(label)) {
                double r = correlation(outcome(BinaryLabels.encode(label, kind)), column);
                best = Math.abs(r) > Math.abs(best) ? r : best;
            }
            return best;
        }
        return correlation(outcome(BinaryLabels.encode(label, BinaryLabels.positiveLabel(label, question.positive()))),
                column);
    }

    /** 0/1 codes as numbers, a missing outcome (-1) as NaN. */
    private static double[] outcome(int[] codes) {
        double[] y = new double[codes.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = codes[i] < 0 ? Double.NaN : codes[i];
        }
        return y;
    }

    /** Pearson correlation over the rows where both are present. */
    private static double correlation(double[] y, NumericColumn column) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        int n = 0;
        for (int i = 0; i < y.length; i++) {
            double x = column.get(i);
            if (Double.isNaN(y[i]) || Double.isNaN(x)) {
                continue;
            }
            sx += x;
            sy += y[i];
            sxx += x * x;
            syy += y[i] * y[i];
            sxy += x * y[i];
            n++;
        }
        double cov = sxy - sx * sy / n;
        double vx = sxx - sx * sx / n;
        double vy = syy - sy * sy / n;
        return vx <= 0 || vy <= 0 ? 0 : cov / Math.sqrt(vx * vy);
    }

    static double standardDeviation(NumericColumn column) {
        double sd = column.standardDeviation();
        return Double.isNaN(sd) ? 1 : sd;
    }

    static Map<String, Object> params(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
