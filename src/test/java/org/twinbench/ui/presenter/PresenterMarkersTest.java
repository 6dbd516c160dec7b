package org.twinbench.ui.presenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
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
import org.twinbench.data.BundledSamples;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.scenario.StoryFormat;
import org.twinbench.sim.Alarm;
import org.twinbench.sim.RunControl;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.ScenarioCompiler;
import org.twinbench.sim.SimulationEngine;
import org.twinbench.sim.SimulationPlan;
import org.twinbench.sim.StepResult;

/**
 * The presenter's chapter chart marks alarms and retrainings where the narration speaks of them, at
 * the steps the run recorded them ("Silent accuracy decay"), and "Edge or cloud?" shows the cost of
 * each deployment beside the other, with totals computed by hand from the scenarios' prices.
 */
@ExtendWith(ApplicationExtension.class)
class PresenterMarkersTest {

    @TempDir
    static Path home;

    private PresenterOwner owner;
    private Path samples;

    @Start
    void start(Stage stage) throws Exception {
        samples = BundledSamples.extractTo(home.resolve("samples"));
        owner = new PresenterOwner(stage);
    }

    @AfterEach
    void close(FxRobot robot) {
        owner.close(robot);
    }

    private PresenterViewModel open(FxRobot robot, String story) throws Exception {
        PresenterViewModel model = owner.open(StoryFormat.read(samples.resolve(story)));
        for (int i = 0; i < 7; i++) {
            robot.interact(model::faster);
        }
        return model;
    }

    private static void awaitChapterEnd(PresenterViewModel model) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.chapterDoneProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The alarms a headless run of the scenario records, by the engine alone. */
    static List<Alarm> recordedAlarms(Path scenario) throws Exception {
        SimulationPlan plan = ScenarioCompiler.compile(ScenarioFormat.read(scenario), scenario.getParent(), new RunListener() { });
        List<Alarm> alarms = new ArrayList<>();
        SimulationEngine.run(plan, 0, new RunListener() {
            @Override
            public void onStep(StepResult result, int totalSteps) {
                alarms.addAll(result.alarms());
            }
        }, new RunControl());
        return alarms;
    }

    @Test
    void alarmsAndRetrainingsAreMarkedAtTheirStepsWhereTheNarrationSpeaksOfThem(FxRobot robot) throws Exception {
        PresenterViewModel model = open(robot, "demos/silent-decay.story.json");
        MarkedLineChart chart = robot.lookup(".presenter-chart").match(n -> n instanceof MarkedLineChart).query();
        awaitChapterEnd(model);
        assertThat(model.currentChapter().narration()).doesNotContain("alarm").doesNotContain("retrain");
        assertThat(robot.lookup(".presenter-record").queryLabeled().isVisible())
                .as("a chapter that speaks of no alarm tells none").isFalse();
        assertThat(robot.lookup("." + MarkedLineChart.MARKER_CLASS).queryAll())
                .as("'Nobody is watching' marks nothing").isEmpty();

        robot.type(KeyCode.RIGHT);
        awaitChapterEnd(model);
        Set<String> expected = new LinkedHashSet<>();
        List<Alarm> recorded = recordedAlarms(samples.resolve("loans-recession-retrain.twin.json"));
        for (Alarm alarm : recorded) {
            if (alarm.kind().equals(Alarm.ALARM) || alarm.kind().equals(Alarm.RETRAIN)) {
                expected.add(alarm.kind() + "@" + alarm.step());
            }
        }
        assertThat(expected).as("the scenario alarms and retrains").anyMatch(s -> s.startsWith("alarm@"))
                .anyMatch(s -> s.startsWith("retrain@"));
        List<Line> lines = new ArrayList<>(robot.lookup("." + MarkedLineChart.MARKER_CLASS).queryAllAs(Line.class));
        List<String> drawn = lines.stream().map(line -> (ChapterMarkers.Marker) line.getUserData())
                .map(m -> m.kind() + "@" + m.step()).toList();
        assertThat(drawn).as("one line per recorded step and kind").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(expected);
        NumberAxis steps = (NumberAxis) chart.getXAxis();
        for (Line line : lines) {
            int step = ((ChapterMarkers.Marker) line.getUserData()).step();
            assertThat(line.getStartX()).as("the line of step %d", step).isCloseTo(steps.getDisplayPosition(step), within(0.01));
            assertThat(line.getEndY() - line.getStartY()).as("across the plot").isGreaterThan(100);
            assertThat(line.getStyleClass()).contains(((ChapterMarkers.Marker) line.getUserData()).isAlarm()
                    ? "alarm-marker" : "action-marker");
        }
        // Under the narration, what the run did: said from the engine's own run, independently of the window.
        java.util.TreeSet<Integer> alarmDays = new java.util.TreeSet<>();
        java.util.TreeSet<Integer> retrainDays = new java.util.TreeSet<>();
        for (Alarm alarm : recorded) {
            (alarm.kind().equals(Alarm.ALARM) ? alarmDays : alarm.kind().equals(Alarm.RETRAIN) ? retrainDays
                    : new java.util.TreeSet<Integer>()).add(alarm.step());
        }
        List<Integer> alarmList = new ArrayList<>(alarmDays);
        List<Integer> notFollowed = new ArrayList<>();
        for (int i = 0; i < alarmList.size(); i++) {
            int from = alarmList.get(i);
            int until = i + 1 < alarmList.size() ? alarmList.get(i + 1) : Integer.MAX_VALUE;
            if (retrainDays.subSet(from, until).isEmpty()) {
                notFollowed.add(from);
            }
        }
        assertThat(notFollowed).as("the run leaves some alarms without a retraining").isNotEmpty();
        String told = robot.lookup(".presenter-record").queryLabeled().getText();
        assertThat(told).startsWith("In this run: " + alarmDays.size() + " alarms on days ")
                .contains("; " + (retrainDays.size() == 1 ? "a retraining on day " : retrainDays.size()
                        + " retrainings on days ") + retrainDays.first())
                .contains((notFollowed.size() == 1 ? "The alarm on day " : "The alarms on days ")
                        + notFollowed.get(0))
                .endsWith("not followed by a retraining.").doesNotContain("Each alarm");
        assertThat(model.currentChapter().narration()).doesNotContain("Each alarm is followed");
        List<String> key = robot.lookup(".presenter-marker-key").queryAs(javafx.scene.layout.HBox.class).getChildren()
                .stream().map(node -> ((Label) node).getText()).toList();
        assertThat(key).containsExactlyInAnyOrder("alarm", "retraining");
        assertThat(robot.lookup(".presenter-cost-chart").queryAs(LineChart.class).isVisible())
                .as("no deployment, no cost chart").isFalse();
    }

    @Test
    void edgeOrCloudComparesTheCostOfBothDeployments(FxRobot robot) throws Exception {
        PresenterViewModel model = open(robot, "demos/edge-or-cloud.story.json");
        awaitChapterEnd(model);
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> costs = robot.lookup(".presenter-cost-chart").queryAs(LineChart.class);
        assertThat(costs.isVisible()).isTrue();
        // cloud.twin.json: 48 steps of 500 requests at 0.40 per 1,000 -> 0.20 per step, 9.60 in all.
        assertThat(costs.getData()).extracting(XYChart.Series::getName).containsExactly("cloud — 0.20 per step");
        assertCumulative(costs.getData().get(0), 48, 0.20);
        double top = ((NumberAxis) costs.getYAxis()).getUpperBound();
        assertThat(top).as("a round number above 9.6").isGreaterThanOrEqualTo(9.6 * 1.1);

        robot.type(KeyCode.RIGHT);
        awaitChapterEnd(model);
        // edge-quantized.twin.json: no price per request, a fixed 0.02 per step -> 0.96 in all.
        assertThat(costs.getData()).extracting(XYChart.Series::getName)
                .containsExactly("cloud — 0.20 per step", "edge, 8-bit — 0.02 per step");
        assertCumulative(costs.getData().get(0), 48, 0.20);
        assertCumulative(costs.getData().get(1), 48, 0.02);
        assertThat(((NumberAxis) costs.getYAxis()).getUpperBound()).as("the cost axis did not move").isEqualTo(top);
        assertThat(((NumberAxis) costs.getXAxis()).getUpperBound()).isEqualTo(48);
        List<Label> legend = costs.lookupAll(".chart-legend-item").stream().map(Label.class::cast).toList();
        assertThat(legend).isNotEmpty().allMatch(label -> label.getFont().getSize() >= 22,
                "legend type at least 22 px, to be read from the back of a room");
    }

    @Test
    void anAttackersFidelityIsDrawnOnAShareAxisOfItsOwn(FxRobot robot) throws Exception {
        PresenterViewModel model = open(robot, "demos/model-stealing.story.json");
        awaitChapterEnd(model);
        // thief.fidelity is a share: 0 to 1, not a monitor statistic's round number above its highest value (2).
        assertThat(model.currentChapter().metric()).isEqualTo("thief.fidelity");
        assertThat(model.metricLowerProperty().get()).isEqualTo(0);
        assertThat(model.metricUpperProperty().get()).isEqualTo(1);
    }

    private static void assertCumulative(XYChart.Series<Number, Number> series, int steps, double perStep) {
        assertThat(series.getData()).hasSize(steps);
        for (int step = 0; step < steps; step++) {
            assertThat(series.getData().get(step).getYValue().doubleValue()).isCloseTo(perStep * (step + 1), within(1e-9));
        }
    }
}
