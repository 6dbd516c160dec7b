package org.twinbench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.twinbench.testing.Nodes.node;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.SampleData;
import org.twinbench.report.RunFiles;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.NodeType;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioNode;

/**
 * Parameter defaults are stated once, in the node catalog: every node type compiled and run with
 * no optional parameter gives exactly what it gives with every optional parameter written out at
 * the catalog's default, and no reader in the sources restates a default the catalog has.
 */
class CatalogDefaultsTest {

    /** Kept as given in both runs, so the run stays small (200 rows x 12 steps instead of 500 x 60). */
    private static final Set<String> PINNED = Set.of("loans.batch_size", "loans.steps", "log.batch_size", "log.steps");

    @TempDir
    Path dir;

    /** Every node type of the catalog but the sources that read files other than CSV (model files). */
    private static Scenario everyNodeType() {
        List<String> features = List.of("income", "debt_to_income", "age", "employment_type", "region",
                "credit_history_years", "loan_amount", "term_months");
        List<ScenarioNode> nodes = new ArrayList<>(List.of(
                node("loans", NodeCatalog.DATASET_SOURCE, "path", "loans.csv", "batch_size", 200L, "steps", 12L),
                node("cov", NodeCatalog.COVARIATE_SHIFT, "column", "income"),
                node("mix", NodeCatalog.CATEGORY_MIX, "column", "region", "category", "central"),
                node("prior", NodeCatalog.PRIOR_SHIFT),
                node("concept", NodeCatalog.CONCEPT_DRIFT, "column", "age"),
                node("noise", NodeCatalog.GAUSSIAN_NOISE, "columns", List.of("income")),
                node("flips", NodeCatalog.LABEL_NOISE),
                node("missing", NodeCatalog.MISSING_VALUES, "columns", List.of("age")),
                node("scale", NodeCatalog.SCALE_BUG, "column", "loan_amount"),
                node("outliers", NodeCatalog.OUTLIERS, "column", "debt_to_income"),
                node("poison", NodeCatalog.POISONING),
                node("toward", NodeCatalog.BOUNDARY_SEEKING, "columns", List.of("income", "age")),
                node("model", NodeCatalog.LOGISTIC_MODEL, "target", "defaulted", "features", features, "positive", "yes"),
                node("challenger", NodeCatalog.CHALLENGER, "features", List.of("income", "age", "region")),
                node("promote", NodeCatalog.PROMOTE_POLICY),
                node("delay", NodeCatalog.LABEL_DELAY),
                node("accuracy", NodeCatalog.PERFORMANCE_MONITOR),
                node("errors", NodeCatalog.ERROR_DETECTOR),
                node("drift", NodeCatalog.FEATURE_DRIFT, "features", List.of("income", "region")),
                node("scores", NodeCatalog.PREDICTION_DRIFT),
                node("joint", NodeCatalog.MULTIVARIATE_DRIFT),
                node("estimate", NodeCatalog.CBPE_MONITOR),
                node("retrain", NodeCatalog.RETRAIN_POLICY),
                node("endpoint", NodeCatalog.DEPLOYMENT),
                node("thief", NodeCatalog.EXTRACTION_ATTACK),
                node("robust", NodeCatalog.ROBUSTNESS),
                node("metrics", NodeCatalog.SLICE_METRICS)));
        List<String> chain = List.of("loans", "cov", "mix", "prior", "concept", "noise", "flips", "missing", "scale",
                "outliers", "poison", "toward", "model");
        List<ScenarioEdge> edges = new ArrayList<>();
        for (int i = 1; i < chain.size(); i++) {
            edges.add(new ScenarioEdge(chain.get(i - 1), chain.get(i)));
        }
        for (String[] edge : new String[][] {{"poison", "challenger"}, {"model", "promote"}, {"challenger", "promote"},
            {"model", "delay"}, {"delay", "accuracy"}, {"delay", "errors"}, {"model", "drift"}, {"model", "scores"}, {"model", "joint"},
            {"model", "estimate"}, {"accuracy", "retrain"}, {"errors", "retrain"}, {"retrain", "model"},
            {"model", "endpoint"}, {"endpoint", "thief"}, {"model", "metrics"}, {"model", "robust"}}) {
            edges.add(new ScenarioEdge(edge[0], edge[1]));
        }
        return new Scenario("every node type", "", 3, nodes, edges);
    }

    private static Scenario synthetic(String type) {
        return new Scenario(type, "", 4, List.of(node("source", type),
                node("model", NodeCatalog.LOGISTIC_MODEL, "target", "class", "features", List.of("x1", "x2"),
                        "positive", "1"),
                node("metrics", NodeCatalog.SLICE_METRICS)),
                List.of(new ScenarioEdge("source", "model"), new ScenarioEdge("model", "metrics")));
    }

    /** The scenario with only what has no catalog default (required parameters, schedules, open bounds). */
    private static Scenario bare(Scenario scenario) {
        return rewrite(scenario, false);
    }

    /** The bare scenario with every parameter that has a catalog default written out at that default. */
    private static Scenario explicit(Scenario scenario) {
        return rewrite(scenario, true);
    }

    private static Scenario rewrite(Scenario scenario, boolean writeDefaults) {
        Scenario out = scenario;
        for (ScenarioNode node : scenario.nodes()) {
            NodeType type = NodeCatalog.find(node.type()).orElseThrow();
            Map<String, Object> params = new LinkedHashMap<>();
            for (NodeType.ParamSpec spec : type.params()) {
                Object given = node.params().get(spec.name());
                if (PINNED.contains(node.id() + "." + spec.name()) || spec.defaultValue() == null) {
                    if (given != null) {
                        params.put(spec.name(), given);
                    }
                } else if (writeDefaults) {
                    params.put(spec.name(), spec.defaultValue());
                }
            }
            out = out.withNode(new ScenarioNode(node.id(), node.type(), params, node.x(), node.y()));
        }
        return out;
    }

    private String steps(Scenario scenario) throws IOException {
        SimulationPlan plan = ScenarioCompiler.compile(scenario, dir, new RunListener() { });
        RunOutcome outcome = Experiment.run(plan, 1, 1, new RunListener() { }, new RunControl());
        assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
        StringWriter text = new StringWriter();
        RunFiles.writeSteps(outcome, text);
        return text.toString();
    }

    /** A production log: the loans rows with a logged score, checked for data quality. */
    private Scenario logged() throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("loans.csv"));
        List<String> log = new ArrayList<>(List.of(lines.get(0) + ",p"));
        for (int i = 1; i < lines.size(); i++) {
            log.add(lines.get(i) + "," + (i * 37 % 100) / 100.0);
        }
        Files.write(dir.resolve("log.csv"), log);
        return new Scenario("logged", "", 6, List.of(
                node("log", NodeCatalog.DATASET_SOURCE, "path", "log.csv", "batch_size", 200L, "steps", 12L),
                node("deployed", NodeCatalog.LOGGED_MODEL, "score_column", "p", "target", "defaulted"),
                node("checks", NodeCatalog.DATA_QUALITY),
                node("metrics", NodeCatalog.SLICE_METRICS)),
                List.of(new ScenarioEdge("log", "deployed"), new ScenarioEdge("deployed", "checks"),
                        new ScenarioEdge("deployed", "metrics")));
    }

    /** A log of predicted amounts (a regression of income), watched by direct loss estimation. */
    private Scenario loggedAmounts() throws IOException {
        logged();
        return new Scenario("logged amounts", "", 7, List.of(
                node("log", NodeCatalog.DATASET_SOURCE, "path", "log.csv", "batch_size", 200L, "steps", 12L),
                node("deployed", NodeCatalog.LOGGED_MODEL, "score_column", "p", "target", "income"),
                node("dle", NodeCatalog.DLE_MONITOR),
                node("metrics", NodeCatalog.SLICE_METRICS)),
                List.of(new ScenarioEdge("log", "deployed"), new ScenarioEdge("deployed", "dle"),
                        new ScenarioEdge("deployed", "metrics")));
    }

    /** A linear regression of the loans' incomes, trained in the scenario (both its parameters are required). */
    private static Scenario linear() {
        return new Scenario("linear", "", 7, List.of(
                node("loans", NodeCatalog.DATASET_SOURCE, "path", "loans.csv", "batch_size", 200L, "steps", 14L),
                node("model", NodeCatalog.LINEAR_MODEL, "target", "income", "features",
                        List.of("age", "credit_history_years", "loan_amount")),
                node("metrics", NodeCatalog.SLICE_METRICS)),
                List.of(new ScenarioEdge("loans", "model"), new ScenarioEdge("model", "metrics")));
    }

    @Test
    void everyNodeTypeRunsTheSameWithoutItsOptionalParametersAsWithTheCatalogDefaultsWrittenOut() throws IOException {
        SampleData.writeLoans(dir.resolve("loans.csv"), 2000, 5);
        List<Scenario> scenarios = List.of(everyNodeType(), logged(), loggedAmounts(), synthetic(NodeCatalog.SEA_SOURCE),
                synthetic(NodeCatalog.AGRAWAL_SOURCE).withNode(node("model", NodeCatalog.LOGISTIC_MODEL, "target",
                        "class", "features", List.of("salary", "commission", "age"), "positive", "1")),
                synthetic(NodeCatalog.HYPERPLANE_SOURCE), linear());
        Set<String> covered = new TreeSet<>();
        for (Scenario scenario : scenarios) {
            scenario.nodes().forEach(n -> covered.add(n.type()));
            String bare = steps(bare(scenario));
            assertThat(bare.lines().count()).as(scenario.name()).isGreaterThan(12);
            assertThat(steps(explicit(scenario))).as(scenario.name()).isEqualTo(bare);
        }
        // Model files (a .twinmodel or .onnx) are the only types not run here: their one parameter is required.
        Set<String> all = new TreeSet<>(NodeCatalog.all().stream().map(NodeType::type).toList());
        all.removeAll(covered);
        assertThat(all).containsExactlyInAnyOrder(NodeCatalog.MODEL_BUNDLE, NodeCatalog.ONNX_MODEL);
    }

    /** {@code node.number("threshold", 0.25)} and the like: a fallback only where the catalog states no default. */
    @Test
    void noReaderRestatesACatalogDefault() throws IOException {
        Map<String, Set<Object>> defaults = new LinkedHashMap<>();
        for (NodeType type : NodeCatalog.all()) {
            for (NodeType.ParamSpec spec : type.params()) {
                defaults.computeIfAbsent(spec.name(), k -> new java.util.HashSet<>()).add(String.valueOf(spec.defaultValue()));
            }
        }
        Pattern read = Pattern.compile("\\.(string|number|integer|flag)\\(\\s*\"([a-z_0-9]+)\"\\s*(,?)");
        List<String> restated = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        int reads = 0;
        for (Path root : List.of(Path.of("src/main/java"), Path.of("src/spark/java"))) {
            List<Path> sources;
            try (Stream<Path> files = Files.walk(root)) {
                sources = files.filter(f -> f.toString().endsWith(".java")).toList();
            }
            for (Path source : sources) {
                Matcher m = read.matcher(Files.readString(source));
                while (m.find()) {
                    reads++;
                    Set<Object> stated = defaults.get(m.group(2));
                    if (stated == null) {
                        unknown.add(source.getFileName() + ": " + m.group(2));
                    } else if (!m.group(3).isEmpty() && !stated.equals(Set.of("null"))) {
                        restated.add(source.getFileName() + ": " + m.group(2) + " (catalog: " + stated + ")");
                    }
                }
            }
        }
        assertThat(reads).as("parameter reads found").isGreaterThan(60);
        assertThat(restated).isEmpty();
        assertThat(unknown).isEmpty();
    }
}
