package org.twinbench.sim.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioException;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.sim.PlanSteps;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.ScenarioCheck;
import org.twinbench.sim.ScenarioCompiler;
import org.twinbench.sim.StepResult;

/**
 * The dataset node's {@code encoding}: a file in UTF-16 without a byte-order mark, or in Windows-1252 whose
 * first 64 KiB are plain ASCII, is read as the node names it, and a name that is no encoding is one line
 * naming the node and the parameter.
 */
class SourceEncodingTest {

    private static final Path BREAST = Path.of("src/test/resources/slices/breast-cancer-scored.csv");

    @TempDir
    Path dir;

    /**
     * scikit-learn's breast cancer with its logged malignancy scores, each row dated 2025-01-01 + (i·7919 mod 181)
     * days (i: the row's place in the file), the date as the first column; written in {@code charset}, no byte-order mark.
     */
    private Path datedBreastCancer(String name, Charset charset) throws IOException {
        List<String> lines = Files.readAllLines(BREAST);
        StringBuilder text = new StringBuilder("scored_on,").append(lines.get(0)).append('\n');
        for (int i = 1; i < lines.size(); i++) {
            text.append(LocalDate.of(2025, 1, 1).plusDays((i - 1) * 7919L % 181)).append(',')
                    .append(lines.get(i)).append('\n');
        }
        Path file = dir.resolve(name);
        Files.write(file, text.toString().getBytes(charset));
        return file;
    }

    private static Scenario mirror(Path file, Map<String, Object> more) {
        Map<String, Object> params = new LinkedHashMap<>(Map.of("path", file.getFileName().toString(),
                "time_column", "scored_on", "window", "month", "reference_until", "2025-03-01"));
        params.putAll(more);
        return new Scenario("mirror", "", 5, List.of(
                new ScenarioNode("log", NodeCatalog.DATASET_SOURCE, params, 0, 0),
                new ScenarioNode("deployed", NodeCatalog.LOGGED_MODEL, Map.of("score_column", "p_malignant",
                        "target", "diagnosis", "positive", "malignant"), 200, 0)),
                List.of(new ScenarioEdge("log", "deployed")));
    }

    private List<StepResult> run(Scenario scenario) {
        return PlanSteps.of(ScenarioCompiler.compile(scenario, dir, new RunListener() { }));
    }

    @Test
    void aUtf16FileWithoutAByteOrderMarkIsReplayedInTheNamedEncoding() throws IOException {
        Path file = datedBreastCancer("log-utf16le.csv", StandardCharsets.UTF_16LE);
        assertThatThrownBy(() -> ScenarioCompiler.compile(mirror(file, Map.of()), dir, new RunListener() { }))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("node log (source.dataset) parameter path: ")
                .hasMessageEndingWith("log-utf16le.csv: looks like UTF-16 text without a byte-order mark; save it as UTF-8 or name its"
                        + " encoding (UTF-16LE or UTF-16BE)");

        List<StepResult> steps = run(mirror(file, Map.of("encoding", "UTF-16LE")));
        // pandas 1.5: p = df[df.scored_on >= '2025-03-01']; p.groupby(p.scored_on.dt.to_period('M')) →
        // rows and mean(where(p_malignant >= 0.5, 'malignant', 'benign') == diagnosis).
        assertThat(steps).extracting(StepResult::windowStart)
                .containsExactly("2025-03-01", "2025-04-01", "2025-05-01", "2025-06-01");
        assertThat(steps).extracting(s -> s.overall().n()).containsExactly(93, 96, 100, 90);
        double[] accuracy = {0.967741935483871, 0.9583333333333334, 0.99, 0.9888888888888889};
        for (int s = 0; s < accuracy.length; s++) {
            assertThat(steps.get(s).overall().accuracy()).isCloseTo(accuracy[s], within(1e-12));
        }
    }

    @Test
    void plainUtf16IsSettledByTheByteOrderMarkElseBigEndian() throws IOException {
        Path big = datedBreastCancer("log-utf16be.csv", StandardCharsets.UTF_16BE);
        List<StepResult> steps = run(mirror(big, Map.of("encoding", "UTF-16")));
        assertThat(steps).extracting(s -> s.overall().n()).containsExactly(93, 96, 100, 90);
    }

    @Test
    void aWindows1252FileWhoseHeadIsAsciiIsReadWholeInTheNamedEncoding() throws IOException {
        // 3,000 ASCII rows (more than the 64 KiB detection reads), then rows from Köln: 'ö' is the byte F6.
        StringBuilder text = new StringBuilder("day,city,p,outcome\n");
        for (int i = 0; i < 3_600; i++) {
            LocalDate day = LocalDate.of(2025, 1, 1).plusDays(i / 40);
            text.append(day).append(',').append(i < 3_000 ? "Bonn" : "Köln").append(",0.").append(i % 10)
                    .append(',').append(i % 3 == 0 ? "yes" : "no").append('\n');
        }
        Path file = dir.resolve("cities.csv");
        Files.write(file, text.toString().getBytes(Charset.forName("windows-1252")));
        Scenario scenario = new Scenario("cities", "", 5, List.of(
                new ScenarioNode("log", NodeCatalog.DATASET_SOURCE, new LinkedHashMap<>(Map.of("path", "cities.csv",
                        "time_column", "day", "window", "month", "reference_until", "2025-02-01",
                        "encoding", "windows-1252")), 0, 0),
                new ScenarioNode("deployed", NodeCatalog.LOGGED_MODEL, Map.of("score_column", "p",
                        "target", "outcome", "positive", "yes"), 200, 0),
                new ScenarioNode("by-city", NodeCatalog.SLICE_METRICS, Map.of("slices", List.of("city")), 400, 0)),
                List.of(new ScenarioEdge("log", "deployed"), new ScenarioEdge("deployed", "by-city")));
        List<StepResult> steps = run(scenario);
        // Rows 3,000 on are days 75 to 89: 17 March to 31 March 2025.
        StepResult march = steps.stream().filter(s -> "2025-03-01".equals(s.windowStart())).findFirst().orElseThrow();
        assertThat(march.slices()).anyMatch(s -> s.column().equals("city") && s.value().equals("Köln") && s.metrics().n() == 600);
    }

    @Test
    void aNameThatIsNoEncodingIsOneLineNamingTheNodeAndTheParameter() throws IOException {
        Path file = datedBreastCancer("log.csv", StandardCharsets.UTF_8);
        Scenario scenario = mirror(file, Map.of("encoding", "utf-9"));
        assertThat(ScenarioCheck.check(scenario, dir).lines()).containsExactly("node log (source.dataset) parameter"
                + " encoding: 'utf-9' is not an encoding; use auto or a name such as UTF-8, UTF-16LE, UTF-16BE,"
                + " windows-1252 or ISO-8859-1");
        assertThatThrownBy(() -> ScenarioCompiler.compile(scenario, dir, new RunListener() { }))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("node log (source.dataset) parameter encoding: 'utf-9' is not an encoding; use auto or a"
                        + " name such as UTF-8, UTF-16LE, UTF-16BE, windows-1252 or ISO-8859-1");
        assertThat(ScenarioCheck.check(mirror(file, Map.of("encoding", "latin1")), dir).lines()).isEmpty();
    }
}
