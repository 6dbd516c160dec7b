package org.twinbench.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The bundled sample scenarios, built in code so the files in {@code sample-data/} can be regenerated. */
public final class SampleScenarios {

    public static final String LOANS_RECESSION_FILE = "loans-recession.twin.json";
    public static final String LOANS_RETRAIN_FILE = "loans-recession-retrain.twin.json";
    public static final String CHURN_PRICE_RISE_FILE = "churn-price-rise.twin.json";
    public static final String SEA_DETECTORS_FILE = "sea-detectors.twin.json";

    /** Every bundled scenario by file name. */
    public static Map<String, Scenario> all(long seed) {
        Map<String, Scenario> all = new LinkedHashMap<>();
        all.put(LOANS_RECESSION_FILE, loansRecession(seed));
        all.put(LOANS_RETRAIN_FILE, loansRecessionWithRetraining(seed));
        all.put(CHURN_PRICE_RISE_FILE, churnPriceRise(seed));
        all.put(SEA_DETECTORS_FILE, seaDetectors(seed));
        return all;
    }

    private SampleScenarios() {
    }

    /**
     * A recession lowers incomes step by step (to 70% by step 50) and a new region, "central", grows
     * to a quarter of the applicants from step 20 on, while a logistic regression trained on last
     * year's applications keeps scoring.
     */
    public static Scenario loansRecession(long seed) {
        ScenarioNode source = new ScenarioNode("loans", NodeCatalog.DATASET_SOURCE, params(
                "path", "loans.csv", "batch_size", 500L, "steps", 60L, "reference_share", 0.5, "replace", true),
                40, 160);
        ScenarioNode recession = new ScenarioNode("recession", NodeCatalog.COVARIATE_SHIFT, params(
                "column", "income", "scale", 0.7, "shift", 0.0,
                "schedule", params("kind", "incremental", "start", 10L, "end", 50L)), 260, 80);
        ScenarioNode newRegion = new ScenarioNode("new-region", NodeCatalog.CATEGORY_MIX, params(
                "column", "region", "category", "central", "share", 0.25,
                "schedule", params("kind", "incremental", "start", 20L, "end", 59L)), 260, 240);
        ScenarioNode model = new ScenarioNode("credit-model", NodeCatalog.LOGISTIC_MODEL, params(
                "target", "defaulted",
                "features", List.of("income", "debt_to_income", "age", "employment_type", "region",
                        "credit_history_years", "loan_amount", "term_months"),
                "positive", "yes"), 480, 160);
        ScenarioNode metrics = new ScenarioNode("accuracy-by-region", NodeCatalog.SLICE_METRICS, params(
                "slices", List.of("region"), "threshold", 0.5), 700, 160);
        return new Scenario("Loans: recession and a new region",
                "Incomes fall step by step and applicants from a region the model never saw arrive.", seed,
                List.of(source, recession, newRegion, model, metrics),
                List.of(new ScenarioEdge("loans", "recession"), new ScenarioEdge("recession", "new-region"),
                        new ScenarioEdge("new-region", "credit-model"),
                        new ScenarioEdge("credit-model", "accuracy-by-region")));
    }

    /**
     * The loans recession again, now watched: ADWIN on the error stream and a performance monitor
     * trigger retraining on the last 5 steps (keeping the old model when the new one is worse on the
     * newest step); a feature-drift monitor reports the PSI of five features and a prediction-drift
     * monitor the PSI of the scores; the metrics add the fairness gaps between regions. Compare with {@link #loansRecession(long)}, which never retrains.
     */
    public static Scenario loansRecessionWithRetraining(long seed) {
        Scenario base = loansRecession(seed);
        List<ScenarioNode> nodes = new java.util.ArrayList<>();
        for (ScenarioNode node : base.nodes()) {
            nodes.add(NodeCatalog.SLICE_METRICS.equals(node.type()) ? node.withParam("fairness", true) : node);
        }
        nodes.add(new ScenarioNode("error-detector", NodeCatalog.ERROR_DETECTOR, params(
                "detector", "adwin"), 700, 300));
        nodes.add(new ScenarioNode("accuracy-watch", NodeCatalog.PERFORMANCE_MONITOR, params(
                "window_steps", 3L, "threshold", 0.78), 700, 420));
        nodes.add(new ScenarioNode("retrain", NodeCatalog.RETRAIN_POLICY, params(
                "trigger", "alarm", "window_steps", 5L, "min_rows", 1000L, "cooldown_steps", 5L, "rollback", true),
                920, 360));
        nodes.add(new ScenarioNode("feature-drift", NodeCatalog.FEATURE_DRIFT, params(
                "features", List.of("income", "debt_to_income", "age", "credit_history_years", "loan_amount"),
                "statistic", "psi", "threshold", 0.25), 700, 540));
        nodes.add(new ScenarioNode("prediction-drift", NodeCatalog.PREDICTION_DRIFT, params(
                "statistic", "psi", "threshold", 0.25), 700, 660));
        List<ScenarioEdge> edges = new java.util.ArrayList<>(base.edges());
        edges.add(new ScenarioEdge("credit-model", "feature-drift"));
        edges.add(new ScenarioEdge("credit-model", "prediction-drift"));
        edges.add(new ScenarioEdge("credit-model", "error-detector"));
        edges.add(new ScenarioEdge("credit-model", "accuracy-watch"));
        edges.add(new ScenarioEdge("error-detector", "retrain"));
        edges.add(new ScenarioEdge("accuracy-watch", "retrain"));
        edges.add(new ScenarioEdge("retrain", "credit-model"));
        return new Scenario("Loans: recession, with retraining on alarm",
                "The recession scenario with an error-stream detector, a performance monitor and retraining.",
                seed, nodes, edges);
    }

    /**
     * A subscription shop raises prices by 15% at step 20; from then on customers in the middle of the
     * spend range react: for a growing share of them (up to 40% by step 35) the old churn rule is
     * reversed. Churn is only known 3 steps later, so the performance monitor sees the damage late; a
     * CBPE monitor estimates accuracy at once without labels, but only as far as the scores move: a
     * changed concept with unchanged scores is its blind spot.
     */
    public static Scenario churnPriceRise(long seed) {
        ScenarioNode source = new ScenarioNode("customers", NodeCatalog.DATASET_SOURCE, params(
                "path", "churn.csv", "batch_size", 400L, "steps", 60L, "reference_share", 0.5, "replace", true),
                40, 160);
        ScenarioNode price = new ScenarioNode("price-rise", NodeCatalog.COVARIATE_SHIFT, params(
                "column", "monthly_spend", "scale", 1.15, "shift", 0.0,
                "schedule", params("kind", "sudden", "start", 20L)), 260, 80);
        ScenarioNode reaction = new ScenarioNode("price-reaction", NodeCatalog.CONCEPT_DRIFT, params(
                "column", "monthly_spend", "from", 30.0, "to", 60.0, "flip_share", 0.4,
                "schedule", params("kind", "gradual", "start", 20L, "end", 35L)), 260, 240);
        ScenarioNode model = new ScenarioNode("churn-model", NodeCatalog.LOGISTIC_MODEL, params(
                "target", "churned",
                "features", List.of("tenure_months", "monthly_spend", "support_tickets", "plan", "channel", "region",
                        "last_month_usage_hours"),
                "positive", "yes"), 480, 160);
        ScenarioNode delay = new ScenarioNode("label-delay", NodeCatalog.LABEL_DELAY, params("steps", 3L), 700, 60);
        ScenarioNode monitor = new ScenarioNode("accuracy-watch", NodeCatalog.PERFORMANCE_MONITOR, params(
                "window_steps", 3L, "threshold", 0.62), 920, 60);
        ScenarioNode metrics = new ScenarioNode("accuracy-by-plan", NodeCatalog.SLICE_METRICS, params(
                "slices", List.of("plan", "region"), "threshold", 0.5), 700, 240);
        ScenarioNode estimate = new ScenarioNode("estimated-accuracy", NodeCatalog.CBPE_MONITOR, params(
                "calibration", "isotonic"), 700, 360);
        return new Scenario("Churn: a price rise",
                "Prices rise 15% at step 20 and mid-spend customers change how they decide; labels arrive 3 steps late.",
                seed, List.of(source, price, reaction, model, delay, monitor, metrics, estimate),
                List.of(new ScenarioEdge("customers", "price-rise"), new ScenarioEdge("price-rise", "price-reaction"),
                        new ScenarioEdge("price-reaction", "churn-model"), new ScenarioEdge("churn-model", "label-delay"),
                        new ScenarioEdge("label-delay", "accuracy-watch"),
                        new ScenarioEdge("churn-model", "accuracy-by-plan"),
                        new ScenarioEdge("churn-model", "estimated-accuracy")));
    }

    /**
     * An SEA stream (Street and Kim) with an abrupt drift at step 20 (θ 8 → 7) and a gradual one from
     * step 40 to 55 (labels reversed for a growing share of rows with x1 ≤ 4), watched by two
     * Page-Hinkley detectors of different sensitivity and a performance monitor: which alarms first,
     * and which alarms falsely?
     */
    public static Scenario seaDetectors(long seed) {
        ScenarioNode source = new ScenarioNode("sea", NodeCatalog.SEA_SOURCE, params(
                "function", 1L, "drift_to", 3L, "noise", 0.1, "batch_size", 500L, "steps", 70L,
                "reference_rows", 5000L, "schedule", params("kind", "sudden", "start", 20L)), 40, 160);
        ScenarioNode gradual = new ScenarioNode("gradual-drift", NodeCatalog.CONCEPT_DRIFT, params(
                "column", "x1", "from", 0.0, "to", 4.0, "flip_share", 0.5,
                "schedule", params("kind", "gradual", "start", 40L, "end", 55L)), 260, 160);
        ScenarioNode model = new ScenarioNode("sea-model", NodeCatalog.LOGISTIC_MODEL, params(
                "target", "class", "features", List.of("x1", "x2", "x3"), "positive", "1"), 480, 160);
        ScenarioNode sensitive = new ScenarioNode("ph-sensitive", NodeCatalog.ERROR_DETECTOR, params(
                "detector", "page-hinkley", "lambda", 20.0, "delta", 0.005), 700, 40);
        ScenarioNode standard = new ScenarioNode("ph-default", NodeCatalog.ERROR_DETECTOR, params(
                "detector", "page-hinkley", "lambda", 50.0, "delta", 0.005), 700, 160);
        ScenarioNode monitor = new ScenarioNode("accuracy-watch", NodeCatalog.PERFORMANCE_MONITOR, params(
                "window_steps", 2L, "threshold", 0.85), 700, 280);
        ScenarioNode metrics = new ScenarioNode("accuracy", NodeCatalog.SLICE_METRICS, params(
                "slices", List.of(), "threshold", 0.5), 700, 400);
        return new Scenario("SEA: abrupt and gradual drift, two detectors",
                "A synthetic SEA stream with an abrupt drift at step 20 and a gradual one over steps 40-55.", seed,
                List.of(source, gradual, model, sensitive, standard, monitor, metrics),
                List.of(new ScenarioEdge("sea", "gradual-drift"), new ScenarioEdge("gradual-drift", "sea-model"),
                        new ScenarioEdge("sea-model", "ph-sensitive"), new ScenarioEdge("sea-model", "ph-default"),
                        new ScenarioEdge("sea-model", "accuracy-watch"), new ScenarioEdge("sea-model", "accuracy")));
    }

    private static Map<String, Object> params(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
