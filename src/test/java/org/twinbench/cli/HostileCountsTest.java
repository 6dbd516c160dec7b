package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.SampleData;
import org.twinbench.scenario.Limits;

/**
 * Issue 17, item 4: every count a user can type is bounded. Counts of 2,000,000,000, 2^31 - 1 and
 * 1e400, in a scenario (checked by {@code validate} and {@code run} alike) and as options, are
 * refused with exit 2 and one line naming the node or option and the limit, before anything is
 * allocated or written.
 */
class HostileCountsTest {

    private static final String CLASS = "4 unbounded counts";
    private static final String[] HUGE = {"2000000000", "2147483647", "1e400"};

    @TempDir
    static Path dir;
    private static Path data;

    @BeforeAll
    static void data() throws IOException {
        data = dir.resolve("loans.csv");
        SampleData.writeLoans(data, 400, 5);
    }

    @AfterAll
    static void summary() {
        System.out.print(Refusals.summary());
    }

    /** The loans sample with one parameter of one node replaced by {@code value} (JSON text). */
    private static Path scenario(String sample, String node, String param, String value) throws IOException {
        String text = Files.readString(Path.of("sample-data", sample));
        var root = (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(text);
        for (var n : root.get("nodes")) {
            if (n.get("id").asText().equals(node)) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) n.get("params")).put(param, "@VALUE@");
            }
        }
        Path file = dir.resolve(node + "-" + param + "-" + value.hashCode() + ".twin.json");
        Files.writeString(file, Json.MAPPER.writeValueAsString(root).replace("\"@VALUE@\"", value));
        if (!Files.exists(dir.resolve("loans.csv"))) {
            Files.copy(data, dir.resolve("loans.csv"));
        }
        return file;
    }

    private static void refusedByValidateAndRun(Path scenario, String node, String param, String limit)
            throws IOException {
        String[] expected = {"node " + node + ": parameter '" + param + "'", limit};
        CliRunner validate = Refusals.refused(CLASS, expected, "validate", scenario.toString());
        assertThat(validate.out()).isEmpty();
        Path out = dir.resolve("out-" + scenario.getFileName());
        Refusals.refused(CLASS, expected, "run", scenario.toString(), "--no-store", "--out", out.toString());
        assertThat(out).doesNotExist();
    }

    @Test
    void hugeBatchSizesAndStepsInAScenarioNameTheNodeAndTheLimit() throws IOException {
        for (String value : HUGE) {
            refusedByValidateAndRun(scenario("loans-recession.twin.json", "loans", "batch_size", value), "loans",
                    "batch_size", "and " + Limits.rows() + ",");
            refusedByValidateAndRun(scenario("loans-recession.twin.json", "loans", "steps", value), "loans", "steps",
                    "and " + Limits.STEPS + ",");
            refusedByValidateAndRun(scenario("sea-detectors.twin.json", "sea", "reference_rows", value), "sea",
                    "reference_rows", "and " + Limits.rows() + ",");
            refusedByValidateAndRun(scenario("sea-detectors.twin.json", "accuracy-watch", "window_steps", value),
                    "accuracy-watch", "window_steps", "and " + Limits.STEPS + ",");
            refusedByValidateAndRun(scenario("loans-recession-retrain.twin.json", "retrain", "every_steps", value),
                    "retrain", "every_steps", "and " + Limits.STEPS + ",");
        }
        // A count that allocates nothing still has to fit the int it is held in.
        for (String value : new String[] {"2147483648", "1e400"}) {
            refusedByValidateAndRun(scenario("sea-detectors.twin.json", "ph-default", "min_instances", value),
                    "ph-default", "min_instances", "and 2147483647");
        }
    }

    @Test
    void aChallengerOfTwoBillionTreesIsRefusedBeforeTraining() throws IOException {
        String text = Files.readString(Path.of("sample-data", "loans-recession.twin.json"));
        var root = (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(text);
        var nodes = (com.fasterxml.jackson.databind.node.ArrayNode) root.get("nodes");
        var challenger = nodes.addObject().put("id", "big-forest").put("type", "model.challenger");
        var params = challenger.putObject("params").put("algorithm", "random-forest").put("trees", 2_000_000_000L);
        params.putArray("features").add("income");
        ((com.fasterxml.jackson.databind.node.ArrayNode) root.get("edges")).addObject().put("from", "new-region")
                .put("to", "big-forest");
        Path file = dir.resolve("challenger.twin.json");
        Files.writeString(file, Json.MAPPER.writeValueAsString(root));
        Files.copy(data, dir.resolve("loans.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        refusedByValidateAndRun(file, "big-forest", "trees", "and " + Limits.TREES + ", not 2000000000");
    }

    @Test
    void hugeCountOptionsAreRefusedNamingTheOptionAndTheLimit() throws IOException {
        Path scenario = scenario("loans-recession.twin.json", "loans", "batch_size", "100");
        Path out = dir.resolve("never");
        Path model = dir.resolve("never.twinmodel");
        for (String value : HUGE) {
            // Values that do not fit an int are refused by the option parser, naming the option.
            boolean fits = !value.equals("1e400");
            Refusals.refused(CLASS, new String[] {"--replicates", fits ? "at most " + Limits.REPLICATES : "'1e400'"},
                    "run", scenario.toString(), "--no-store", "--replicates", value, "--out", out.toString());
            Refusals.refused(CLASS, new String[] {"--steps", fits ? "at most " + Limits.STEPS : "'1e400'"},
                    "run", scenario.toString(), "--no-store", "--steps", value, "--out", out.toString());
            Refusals.refused(CLASS, new String[] {"--threads", fits ? "at most " + Limits.THREADS : "'1e400'"},
                    "run", scenario.toString(), "--no-store", "--threads", value, "--out", out.toString());
            Refusals.refused(CLASS, new String[] {"--threads", fits ? "at most " + Limits.THREADS : "'1e400'"},
                    "sweep", scenario.toString(), "--grid", scenario.toString(), "--threads", value, "--out",
                    out.toString());
            Refusals.refused(CLASS, new String[] {"--trees", fits ? "at most " + Limits.TREES : "'1e400'"},
                    "train", "--data", data.toString(), "--target", "defaulted", "--algo", "random-forest",
                    "--trees", value, "--out", model.toString());
            Refusals.refused(CLASS, new String[] {"--bootstrap", fits ? "at most " + Limits.BOOTSTRAP : "'1e400'"},
                    "metrics", "--data", data.toString(), "--label", "defaulted", "--score", "income",
                    "--bootstrap", value);
            Refusals.refused(CLASS, new String[] {"--bins", fits ? "at most " + Limits.BINS : "'1e400'"},
                    "metrics", "--data", data.toString(), "--label", "defaulted", "--score", "income",
                    "--bins", value);
            Refusals.refused(CLASS, new String[] {"--rows", fits ? "at most " + Limits.SAMPLE_ROWS : "'1e400'"},
                    "sample-data", "--out", out.toString(), "--rows", value);
            for (String window : List.of("window_size", "stat_size")) {
                Refusals.refused(CLASS, new String[] {"--param " + window, "at most " + Limits.DETECTOR_WINDOW},
                        "detect", "--detector", "kswin", "--param", window + "=" + value, "--input", data.toString(),
                        "--column", "income");
            }
        }
        assertThat(out).doesNotExist();
        assertThat(model).doesNotExist();
    }

    @Test
    void aSweepGridOfEightBillionPointsIsRefusedBeforeItIsExpanded() throws IOException {
        Path scenario = scenario("loans-recession.twin.json", "loans", "batch_size", "100");
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            values.add(Integer.toString(i + 1));
        }
        String list = String.join(",", values);
        Path grid = dir.resolve("grid.json");
        Files.writeString(grid, "{\"loans.steps\": [" + list + "], \"loans.batch_size\": [" + list
                + "], \"new-region.share\": [" + Stream.generate(() -> "0.5").limit(2000)
                .reduce((a, b) -> a + "," + b).orElseThrow() + "]}");
        Path out = dir.resolve("sweep-out");
        Refusals.refused(CLASS, new String[] {"the sweep grid must be at most " + Limits.GRID_POINTS,
            "not 8000000000"}, "sweep", scenario.toString(), "--grid", grid.toString(), "--out", out.toString());
        Refusals.refused(CLASS, new String[] {"the sweep grid must be at most " + Limits.GRID_POINTS},
                "run", scenario.toString(), "--no-store", "--out", out.toString(), "--sweep", "loans.steps=" + list,
                "--sweep", "loans.batch_size=" + list, "--sweep", "recession.scale=" + list);
        // Few points, but too many simulations with the replicates.
        Files.writeString(grid, "{\"loans.steps\": [" + String.join(",", values.subList(0, 200)) + "]}");
        Refusals.refused(CLASS, new String[] {"the sweep must be at most " + Limits.SWEEP_TASKS},
                "sweep", scenario.toString(), "--grid", grid.toString(), "--replicates", "10000", "--out",
                out.toString());
        // One point whose value breaks a node's limit is refused before any point runs.
        Files.writeString(grid, "{\"loans.batch_size\": [100, 2147483647]}");
        Refusals.refused(CLASS, new String[] {"sweep loans.batch_size=2147483647: node loans: parameter 'batch_size'",
            "and " + Limits.rows()}, "sweep", scenario.toString(), "--grid", grid.toString(), "--out", out.toString());
        assertThat(out).doesNotExist();
    }

    @Test
    void sampleDataStoppedHalfWayLeavesNoTemporaryFile() throws Exception {
        Path out = dir.resolve("stopped-sample");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                org.twinbench.Launcher.class.getName(), "sample-data", "--out", out.toString(), "--rows",
                Integer.toString(Limits.SAMPLE_ROWS));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("stopped-sample.log").toFile()).start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (temporaryFiles(out).isEmpty()) {
            assertThat(process.isAlive()).as("sample-data still writing").isTrue();
            assertThat(System.nanoTime()).as("a temporary file within a minute").isLessThan(deadline);
            Thread.sleep(20);
        }
        Thread.sleep(500); // well into the writing
        assertThat(process.isAlive()).isTrue();
        process.destroy(); // SIGTERM, as Ctrl-C or kill would send
        assertThat(process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(temporaryFiles(out)).as("files left in %s", out).isEmpty();
        assertThat(out.resolve("loans.csv")).doesNotExist();
    }

    private static List<Path> temporaryFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
