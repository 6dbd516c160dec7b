package org.twinbench.ui.presenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.input.KeyCode;
import javafx.scene.shape.Line;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.twinbench.scenario.StoryFormat;
import org.twinbench.sim.Alarm;

/**
 * A trainer's own story on real data, played in the presenter: scikit-learn's breast cancer set
 * (30 measurements, malignant/benign) rather than the sample loans. The first chapter replays the
 * 284 production rows once in 4 days of 71, so the mean of its curve is the model's accuracy on them,
 * checked against scikit-learn ({@code sample-data/scripts/window_journey_reference.py}); the second
 * doubles {@code worst_area} from day 4 with a watch and a retraining policy, and its chart and the line
 * under the narration show the alarms and retrainings the engine records for the same scenario.
 */
@ExtendWith(ApplicationExtension.class)
class PresenterRealDataTest {

    private static final Path RESOURCES = Path.of("src/test/resources/window");

    @TempDir
    Path dir;

    private PresenterOwner owner;

    @Start
    void start(Stage stage) {
        owner = new PresenterOwner(stage);
    }

    @AfterEach
    void close(FxRobot robot) {
        owner.close(robot);
    }

    private static String features(JsonNode expected) {
        List<String> out = new ArrayList<>();
        expected.get("kinds").fieldNames().forEachRemaining(name -> {
            if (!name.equals("diagnosis")) {
                out.add("\"" + name + "\"");
            }
        });
        return String.join(", ", out);
    }

    /** The scenario of a chapter: 71 rows a day, each production row once per 4 days. */
    private Path scenario(String name, int steps, String extraNodes, String extraEdges, JsonNode expected)
            throws Exception {
        String text = """
                {"format": "twinbench.scenario", "version": 1, "name": "%s", "seed": 7,
                 "nodes": [
                  {"id": "cases", "type": "source.dataset", "params": {"path": "breast-cancer.csv", "batch_size": 71,
                   "steps": %d, "sampling": "epochs"}},
                  {"id": "model", "type": "model.logistic", "params": {"target": "diagnosis", "features": [%s]}}%s],
                 "edges": [%s]}
                """.formatted(name, steps, features(expected), extraNodes, extraEdges);
        return Files.writeString(dir.resolve(name + ".twin.json"), text);
    }

    @Test
    void aStoryOnRealDataShowsScikitLearnsAccuracyAndTheAlarmsTheRunRecorded(FxRobot robot) throws Exception {
        JsonNode expected = new ObjectMapper().readTree(RESOURCES.resolve("expected.json").toFile());
        Files.copy(RESOURCES.resolve("breast-cancer.csv"), dir.resolve("breast-cancer.csv"));
        scenario("as-measured", 4, "", "{\"from\": \"cases\", \"to\": \"model\"}", expected);
        Path shifted = scenario("worst-area-doubled", 12, """
                ,
                  {"id": "scanner", "type": "perturbation.covariate-shift", "params": {"column": "worst_area",
                   "scale": 2.0, "schedule": {"kind": "sudden", "start": 4}}},
                  {"id": "watch", "type": "monitor.performance", "params": {"window_steps": 1, "threshold": 0.9}},
                  {"id": "retrain", "type": "policy.retrain", "params": {"trigger": "alarm", "window_steps": 2,
                   "min_rows": 100, "cooldown_steps": 3}}""", """
                {"from": "cases", "to": "scanner"}, {"from": "scanner", "to": "model"},
                {"from": "model", "to": "watch"}, {"from": "watch", "to": "retrain"}, {"from": "retrain", "to": "model"}
                """, expected);
        Path story = Files.writeString(dir.resolve("scanner.story.json"), """
                {"format": "twinbench.story", "version": 1, "title": "A new scanner", "summary": "Breast cancer",
                 "chapters": [
                  {"title": "As measured", "narration": "The model reads 30 measurements of each scan.",
                   "scenario": "as-measured.twin.json", "metric": "accuracy", "slices": ["overall"],
                   "steps_per_second": 200},
                  {"title": "A scanner that doubles areas", "narration": "From day 4 worst_area reads double. A watch raises an alarm below 90%; a policy retrains on the last days' labels.",
                   "scenario": "worst-area-doubled.twin.json", "metric": "accuracy", "slices": ["overall"],
                   "steps_per_second": 200}]}
                """);
        PresenterViewModel model = owner.open(StoryFormat.read(story));
        MarkedLineChart chart = robot.lookup(".presenter-chart").match(n -> n instanceof MarkedLineChart).query();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.chapterDoneProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        List<Double> first = values(chart, "overall");
        assertThat(first).hasSize(4);
        double mean = first.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        int production = expected.get("production_rows").asInt();
        assertThat(mean).as("4 equal days over every production row: the accuracy on them")
                .isCloseTo(expected.get("accuracy").asDouble(),
                        within((expected.get("unsure_rows").asInt() + 1e-9) / production));
        assertThat(((NumberAxis) chart.getYAxis()).getLowerBound()).isEqualTo(0);
        assertThat(((NumberAxis) chart.getYAxis()).getUpperBound()).isEqualTo(1);
        assertThat(robot.lookup(".presenter-record").queryLabeled().isVisible()).isFalse();

        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.chapterProperty().get() == 1);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.chapterDoneProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(values(chart, ChapterChart.PREVIOUS)).as("the first chapter beneath").containsExactlyElementsOf(first);
        assertThat(values(chart, "overall")).hasSize(12);
        assertThat(((NumberAxis) chart.getXAxis()).getUpperBound()).isEqualTo(12);

        List<Alarm> recorded = PresenterMarkersTest.recordedAlarms(shifted);
        Set<String> marks = new LinkedHashSet<>();
        recorded.stream().filter(a -> a.kind().equals(Alarm.ALARM) || a.kind().equals(Alarm.RETRAIN))
                .forEach(a -> marks.add(a.kind() + "@" + a.step()));
        assertThat(marks).as("doubled areas make the watch fire").anyMatch(m -> m.startsWith("alarm@"));
        List<String> drawn = robot.lookup("." + MarkedLineChart.MARKER_CLASS).queryAllAs(Line.class).stream()
                .map(line -> (ChapterMarkers.Marker) line.getUserData()).map(m -> m.kind() + "@" + m.step()).toList();
        assertThat(drawn).containsExactlyInAnyOrderElementsOf(marks);
        assertThat(robot.lookup(".presenter-record").queryLabeled().getText())
                .isEqualTo(ChapterRecord.say(recorded, new LinkedHashSet<>(List.of(Alarm.ALARM, Alarm.RETRAIN)), true))
                .startsWith("In this run: ");
    }

    private static List<Double> values(MarkedLineChart chart, String series) {
        return chart.getData().stream().filter(s -> s.getName().equals(series)).findFirst()
                .map(s -> s.getData().stream().map(XYChart.Data::getYValue).map(n -> n.doubleValue()).toList())
                .orElse(List.of());
    }
}
