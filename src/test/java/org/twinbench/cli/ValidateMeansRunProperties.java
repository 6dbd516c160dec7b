package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.NodeType;

/**
 * For the sample scenarios and variants with their columns, data file and model changed at random:
 * {@code validate} says valid exactly when {@code run} starts (exit 0 or 1, not 2), and when it does not,
 * {@code run} refuses with the lines {@code validate} printed.
 */
class ValidateMeansRunProperties {

    private static final AtomicInteger VALID = new AtomicInteger();
    private static final AtomicInteger REFUSED = new AtomicInteger();
    private static Path work;
    private static List<String> scenarios;

    @BeforeContainer
    static void setUp() throws IOException {
        work = Files.createTempDirectory("twinbench-validate");
        for (String name : List.of("loans.csv", "churn.csv", "loans-logistic.onnx", "loans-logistic.onnx.json",
                "churn-logistic.onnx", "churn-logistic.onnx.json")) {
            Files.copy(Path.of("sample-data", name), work.resolve(name));
        }
        try (Stream<Path> files = Files.list(Path.of("sample-data"))) {
            scenarios = files.filter(f -> f.toString().endsWith(".twin.json")).sorted().map(f -> {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    @AfterContainer
    static void tearDown() throws IOException {
        System.out.printf("validate-means-run: %d variants valid and run, %d refused by both%n", VALID.get(),
                REFUSED.get());
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    /** Columns of the sample data and a few that no file has. */
    private static final String[] COLUMNS = {"income", "age", "region", "employment_type", "defaulted",
        "applied_on", "application_id", "monthly_spend", "plan", "churned", "tenure_months", "x1", "class",
        "salary", "regoin", ""};

    @Property(tries = 40, seed = "20261203")
    void validateSaysValidExactlyWhenRunStarts(@ForAll long seed) throws IOException {
        Random random = new Random(seed);
        ObjectNode root = (ObjectNode) Json.MAPPER.readTree(scenarios.get(random.nextInt(scenarios.size())));
        ArrayNode nodes = (ArrayNode) root.get("nodes");
        int edits = random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            mutate(nodes, random);
        }
        Path file = work.resolve("v" + Long.toHexString(seed) + ".twin.json");
        Files.writeString(file, Json.MAPPER.writeValueAsString(root));

        CliRunner validate = CliRunner.run("validate", file.toString());
        Path out = work.resolve("run-" + Long.toHexString(seed));
        CliRunner run = CliRunner.run("run", file.toString(), "--steps", "2", "--no-store", "--out", out.toString());
        assertThat(validate.exitCode()).isIn(0, 2);
        assertThat(run.err()).doesNotContain("internal error");
        if (validate.exitCode() == 0) {
            assertThat(run.exitCode()).as("validate said valid; run said %s", run.err()).isIn(0, 1);
            VALID.incrementAndGet();
        } else {
            assertThat(run.exitCode()).as("validate refused: %s", validate.err()).isEqualTo(2);
            // The same lines, each naming the scenario file.
            List<String> said = validate.err().lines().toList();
            assertThat(run.err().lines().map(l -> l.substring("twinbench: ".length())).toList()).isEqualTo(said);
            REFUSED.incrementAndGet();
        }
    }

    /** One change a user makes: a column parameter renamed, the data file or the model swapped. */
    private static void mutate(ArrayNode nodes, Random random) {
        ObjectNode node = (ObjectNode) nodes.get(random.nextInt(nodes.size()));
        NodeType type = NodeCatalog.find(node.get("type").asText()).orElseThrow();
        ObjectNode params = node.has("params") ? (ObjectNode) node.get("params") : node.putObject("params");
        switch (random.nextInt(5)) {
            case 0, 1 -> {
                List<NodeType.ParamSpec> columns = new ArrayList<>(type.params().stream()
                        .filter(p -> p.kind() == NodeType.ParamSpec.Kind.COLUMN
                                || p.kind() == NodeType.ParamSpec.Kind.COLUMNS).toList());
                if (columns.isEmpty()) {
                    return;
                }
                NodeType.ParamSpec spec = columns.get(random.nextInt(columns.size()));
                String column = COLUMNS[random.nextInt(COLUMNS.length)];
                if (spec.kind() == NodeType.ParamSpec.Kind.COLUMN) {
                    params.put(spec.name(), column);
                } else {
                    ArrayNode list = params.putArray(spec.name());
                    list.add(column);
                    if (random.nextBoolean()) {
                        list.add(COLUMNS[random.nextInt(COLUMNS.length)]);
                    }
                }
            }
            case 2 -> {
                if (params.has("path") && node.get("type").asText().equals(NodeCatalog.DATASET_SOURCE)) {
                    params.put("path", List.of("loans.csv", "churn.csv", "gone.csv").get(random.nextInt(3)));
                }
            }
            case 3 -> {
                for (JsonNode one : nodes) {
                    if (NodeCatalog.MODELS.contains(one.get("type").asText())) {
                        ObjectNode model = (ObjectNode) one;
                        model.put("type", NodeCatalog.ONNX_MODEL);
                        model.putObject("params").put("path", List.of("loans-logistic.onnx", "churn-logistic.onnx",
                                "gone.onnx").get(random.nextInt(3)));
                    }
                }
            }
            default -> {
                for (JsonNode one : nodes) {
                    if (one.get("type").asText().equals(NodeCatalog.SLICE_METRICS)) {
                        ((ObjectNode) one.get("params")).putArray("slices")
                                .add(COLUMNS[random.nextInt(COLUMNS.length)]);
                    }
                }
            }
        }
    }
}
