package org.twinbench.ui.presenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.input.KeyCode;
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
import org.twinbench.scenario.Story;
import org.twinbench.scenario.StoryFormat;
import org.twinbench.ui.fx.AppExecutor;
import org.twinbench.ui.results.ChartCurve;

/**
 * Plays a bundled demo story through all its chapters with the keyboard alone; its chapter chart
 * ("Whose accuracy?": three chapters of accuracy over the same 60-day scenario) keeps its axes still
 * while a chapter plays and between chapters, overlays the previous chapter's overall curve under the
 * second chapter, and gives each slice one colour.
 */
@ExtendWith(ApplicationExtension.class)
class PresenterViewTest {

    @TempDir
    static Path home;

    private AppExecutor executor;
    private PresenterViewModel model;
    private Stage owner;

    @Start
    void start(Stage stage) throws Exception {
        owner = stage;
        executor = new AppExecutor();
        Path samples = BundledSamples.extractTo(home.resolve("samples"));
        Story story = StoryFormat.read(samples.resolve("demos/whose-accuracy.story.json"));
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.Pane(), 200, 100));
        stage.show();
        model = PresenterView.open(stage, executor, story);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> robot.listTargetWindows().stream().filter(w -> w != owner).forEach(w -> w.hide()));
        executor.close();
    }

    private void awaitChapterEnd() throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> model.chapterDoneProperty().get());
        // The FX callback that marks the chapter done then sets the status line: let it finish.
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void keyboardAlonePlaysEveryChapter(FxRobot robot) throws Exception {
        assertThat(model.story().chapters()).hasSize(3);
        assertThat(model.chapterProperty().get()).isZero();
        robot.type(KeyCode.SPACE);
        assertThat(model.pausedProperty().get()).isTrue();
        robot.type(KeyCode.SPACE);
        assertThat(model.pausedProperty().get()).isFalse();
        for (int i = 0; i < 7; i++) {
            robot.type(KeyCode.ADD);
        }
        assertThat(model.speedFactorProperty().get()).isGreaterThan(10);
        awaitChapterEnd();
        // Chapter 1 shows only the overall curve.
        assertThat(model.charts().curves()).extracting(ChartCurve::name).containsExactly("overall");

        robot.type(KeyCode.RIGHT);
        assertThat(model.chapterProperty().get()).isEqualTo(1);
        awaitChapterEnd();
        assertThat(model.charts().curves()).extracting(ChartCurve::name)
                .contains("overall", "region=west", "region=north", "region=central");

        robot.type(KeyCode.LEFT);
        assertThat(model.chapterProperty().get()).isZero();
        robot.type(KeyCode.RIGHT);
        robot.type(KeyCode.RIGHT);
        assertThat(model.chapterProperty().get()).isEqualTo(2);
        robot.type(KeyCode.R);
        assertThat(model.chapterProperty().get()).isEqualTo(2);
        awaitChapterEnd();
        assertThat(model.statusProperty().get()).startsWith("The end");
        assertThat(model.charts().curves()).extracting(ChartCurve::name).containsExactly("overall", "region=central");

        robot.type(KeyCode.RIGHT);
        assertThat(model.chapterProperty().get()).as("no chapter after the last").isEqualTo(2);
        javafx.stage.Stage presenter = (javafx.stage.Stage) robot.listTargetWindows().stream()
                .filter(w -> w != owner && w.isShowing()).findFirst().orElseThrow();
        assertThat(presenter.isFullScreen()).as("a demo opens full screen").isTrue();
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(presenter.isFullScreen()).as("the first Esc leaves full screen").isFalse();
        assertThat(presenter.isShowing()).as("and does not close the demo").isTrue();
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.listTargetWindows().stream().filter(w -> w != owner && w.isShowing())).isEmpty();
    }

    private static List<Double> bounds(LineChart<Number, Number> chart) {
        NumberAxis x = (NumberAxis) chart.getXAxis();
        NumberAxis y = (NumberAxis) chart.getYAxis();
        return List.of(x.getLowerBound(), x.getUpperBound(), y.getLowerBound(), y.getUpperBound());
    }

    /** Records every change of an axis bound from now on. */
    private static List<String> watch(LineChart<Number, Number> chart) {
        List<String> changes = new ArrayList<>();
        for (NumberAxis axis : List.of((NumberAxis) chart.getXAxis(), (NumberAxis) chart.getYAxis())) {
            axis.lowerBoundProperty().addListener((obs, old, now) -> changes.add(axis.getLabel() + " lower " + old + "→" + now));
            axis.upperBoundProperty().addListener((obs, old, now) -> changes.add(axis.getLabel() + " upper " + old + "→" + now));
        }
        return changes;
    }

    private static XYChart.Series<Number, Number> series(LineChart<Number, Number> chart, String name) {
        return chart.getData().stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theChartsAxesStayFixedAndTheSecondChapterOverlaysTheFirst(FxRobot robot) throws Exception {
        LineChart<Number, Number> chart = robot.lookup(".presenter-chart").query();
        robot.interact(() -> model.togglePause());
        for (int i = 0; i < 7; i++) {
            robot.type(KeyCode.ADD);
        }
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.stepsProperty().get() == 60);
        List<String> changes = WaitForAsyncUtils.asyncFx(() -> watch(chart)).get();
        robot.interact(() -> model.togglePause());
        awaitChapterEnd();
        assertThat(changes).as("no axis moved while the chapter played").isEmpty();
        assertThat(bounds(chart)).as("steps 0 to 60, accuracy on [0, 1]").containsExactly(0.0, 60.0, 0.0, 1.0);
        assertThat(chart.getData()).extracting(XYChart.Series::getName).containsExactly("overall");
        int firstChapterPoints = series(chart, "overall").getData().size();
        assertThat(firstChapterPoints).isEqualTo(60);

        robot.type(KeyCode.RIGHT);
        awaitChapterEnd();
        assertThat(changes).as("nor between chapters 1 and 2, nor during chapter 2").isEmpty();
        assertThat(bounds(chart)).as("the same ranges in chapter 2").containsExactly(0.0, 60.0, 0.0, 1.0);
        XYChart.Series<Number, Number> previous = series(chart, ChapterChart.PREVIOUS);
        assertThat(previous.getData()).as("chapter 1's overall curve, every day of it").hasSize(firstChapterPoints);
        ChartCurve first = model.previousCurveProperty().get();
        assertThat(previous.getData().get(30).getYValue().doubleValue()).isEqualTo(first.values()[30]);
        assertThat(previous.getNode().getStyle()).contains("-fx-stroke-dash-array");
        assertThat(series(chart, "overall").getNode().getStyle()).contains("#ffffff");
        String west = series(chart, "region=west").getNode().getStyle();
        String north = series(chart, "region=north").getNode().getStyle();
        String central = series(chart, "region=central").getNode().getStyle();
        assertThat(List.of(west, north, central)).doesNotHaveDuplicates().allMatch(s -> s.startsWith("-fx-stroke: #"));

        robot.type(KeyCode.RIGHT);
        awaitChapterEnd();
        assertThat(series(chart, "region=central").getNode().getStyle()).as("a slice keeps its colour").isEqualTo(central);
        assertThat(changes).isEmpty();
    }
}
