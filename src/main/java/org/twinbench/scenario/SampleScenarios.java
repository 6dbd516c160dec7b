package org.twinbench.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The bundled sample scenarios, built in code so the files in {@code sample-data/} can be regenerated. */
public final class SampleScenarios {

    public static final String LOANS_RECESSION_FILE = "loans-recession.twin.json";

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

    private static Map<String, Object> params(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
