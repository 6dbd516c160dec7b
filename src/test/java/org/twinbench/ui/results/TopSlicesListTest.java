package org.twinbench.ui.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.sim.Experiment;
import org.twinbench.sim.RunControl;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.ScenarioCompiler;
import org.twinbench.stats.SliceFinder;

/**
 * The results area's "Worst slices found": the slices a real run found (the breast cancer log with its
 * planted slice, as in {@code report.TopSlicesTest}) on the charts' "Worst slices" tab; before a run and
 * after a clear, what the tab will show. A regression run's slices by mean absolute error (scikit-learn's diabetes
 * log, as in {@code report.ErrorSlicesTest}) show there too, against pandas' MAEs and scipy's Welch test.
 *
 * <p>Each slice reads beside the naive guess on its own rows, as {@code run}'s "worst slice:" lines do: scikit-learn's
 * {@code DummyClassifier(strategy="most_frequent")} / {@code DummyRegressor(strategy="mean")} fitted on the reference
 * rows and scored with pandas on the slice's rows ({@code sample-data/scripts/top_slices_baseline_reference.py},
 * {@code top-slices-baseline-expected.json}); a slice where the model does no better than that guess is called out in
 * words and in red, and one where it does better is not.
 */
@ExtendWith(ApplicationExtension.class)
class TopSlicesListTest {

    private static final Path DIR = Path.of("src", "test", "resources", "verdicts").toAbsolutePath();

    private LiveChartsViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        model = LiveChartsWindow.show(stage, 10).model();
    }

    private <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }

    /** Runs the scenario {@code file} of {@link #DIR} and shows it as a run reopened from the run history. */
    private org.twinbench.sim.RunOutcome showRun(FxRobot robot, String file) {
        org.twinbench.scenario.Scenario scenario = ScenarioFormat.read(DIR.resolve(file));
        org.twinbench.sim.RunOutcome outcome = Experiment.run(ScenarioCompiler.compile(scenario, DIR,
                new RunListener() { }), 1, 1, new RunListener() { }, new RunControl());
        robot.interact(() -> model.showRun(outcome, scenario));
        return outcome;
    }

    @Test
    void aFinishedRunListsItsWorstSlicesUnderTheTable(FxRobot robot) throws Exception {
        org.twinbench.sim.RunOutcome outcome = Experiment.run(ScenarioCompiler.compile(ScenarioFormat.read(
                DIR.resolve("breast-cancer-log.twin.json")), DIR, new RunListener() { }), 1, 1, new RunListener() { },
                new RunControl());
        SliceFinder.Result found = outcome.topSlices();
        ChartTab.choose(robot, "Worst slices");
        TopSlicesList list = robot.lookup("#topSlicesList").queryAs(TopSlicesList.class);
        assertThat(onFx(list::lines)).hasSize(2).element(1).asString().startsWith("Run a scenario: when it ends");
        robot.interact(() -> model.topSlices().show(outcome.findings()));
        List<String> lines = onFx(list::lines);
        assertThat(lines.get(0)).isEqualTo("Worst slices found (500 labelled rows searched, accuracy 0.900; "
                + found.tested() + " slices tested)");
        assertThat(lines.get(1)).startsWith("clinic=C & shift=night, 63 rows, accuracy 0.317 [0.216, 0.440], guess ");
        assertThat(lines).hasSize(1 + found.slices().size());
        robot.interact(model::clear);
        assertThat(onFx(list::lines).get(0)).isEqualTo("Worst slices found");
    }

    @Test
    void aReopenedRegressionRunListsItsWorstErrorSlices(FxRobot robot) throws Exception {
        org.twinbench.sim.RunOutcome outcome = showRun(robot, "diabetes-log.twin.json");
        ChartTab.choose(robot, "Worst slices");
        TopSlicesList list = robot.lookup("#topSlicesList").queryAs(TopSlicesList.class);
        List<String> lines = onFx(list::lines);
        // pandas and scipy (src/test/resources/verdicts/make_error_slices.py): 400 production rows of MAE 48.18; the
        // planted clinic B on the day shift, 50 rows of MAE 74.84 (t interval 61.88–87.80) against 44.37, Welch p 2.8e-5.
        com.fasterxml.jackson.databind.JsonNode want = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                DIR.resolve("error-slices-expected.json").toFile());
        com.fasterxml.jackson.databind.JsonNode slice = want.get("slice");
        assertThat(lines.get(0)).isEqualTo(String.format(java.util.Locale.ROOT, "Worst slices found (%d labelled rows "
                + "searched, mean absolute error %.4g; %d slices tested)", want.get("rows").asInt(),
                want.get("mae").asDouble(), outcome.searchedSlices().tested()));
        assertThat(lines.get(1)).startsWith(String.format(java.util.Locale.ROOT, "clinic=B & shift=day, %d rows, "
                + "mean absolute error %.4g [%.4g, %.4g], guess ", slice.get("n").asInt(), slice.get("mae").asDouble(),
                slice.get("low").asDouble(), slice.get("high").asDouble())).contains(String.format(java.util.Locale.ROOT,
                ", vs %.4g elsewhere (p = %.2g)", slice.get("rest_mae").asDouble(), slice.get("p_value").asDouble()))
                .startsWith("clinic=B & shift=day, 50 rows, mean absolute error 74.84 [61.88, 87.80], guess ")
                .contains(", vs 44.37 elsewhere (p = 2.8e-05)");
        assertThat(lines).hasSize(1 + outcome.searchedSlices().slices().size());
        assertThat(lines.subList(1, lines.size())).allMatch(l -> l.contains("mean absolute error"))
                .noneMatch(l -> l.contains("accuracy"));
        // The tab's list is what a user sees: the label lies inside the tab's scroll pane, shown.
        assertThat(onFx(() -> list.getChildren().get(1).isVisible() && list.getScene() != null)).isTrue();
    }

    private static com.fasterxml.jackson.databind.JsonNode guesses(String name) throws java.io.IOException {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                DIR.resolve("top-slices-baseline-expected.json").toFile()).get(name);
    }

    /** The label of the tab's line that names slice {@code name} ("clinic=C & shift=night, …"). */
    private javafx.scene.control.Label line(TopSlicesList list, String name) throws Exception {
        return onFx(() -> list.getChildren().stream().map(javafx.scene.control.Label.class::cast)
                .filter(l -> l.getText().startsWith(name + ", ")).findFirst().orElseThrow(
                        () -> new AssertionError("no line for " + name + " in " + list.lines())));
    }

    private boolean calledOut(javafx.scene.control.Label label) throws Exception {
        // The theme's danger colour (styles/theme.css, -tb-danger), as the slice table's no-better rows.
        return onFx(() -> {
            label.applyCss();
            return label.getStyleClass().contains("no-better")
                    && javafx.scene.paint.Color.web("#c23b3b").equals(label.getTextFill());
        });
    }

    @Test
    void eachWorstSliceReadsBesideTheMajorityGuessOnItsRows(FxRobot robot) throws Exception {
        org.twinbench.sim.RunOutcome outcome = showRun(robot, "breast-cancer-log.twin.json");
        ChartTab.choose(robot, "Worst slices");
        TopSlicesList list = robot.lookup("#topSlicesList").queryAs(TopSlicesList.class);
        com.fasterxml.jackson.databind.JsonNode want = guesses("breast_cancer");
        SliceFinder.Result found = onFx(() -> model.topSlices().found());
        for (String name : List.of("clinic=C & shift=night", "clinic=C")) {
            int i = java.util.stream.IntStream.range(0, found.slices().size()).filter(k -> org.twinbench.report.SliceJson
                    .describe(found.slices().get(k)).equals(name)).findFirst().orElseThrow();
            double guess = want.get(name).get("baseline_accuracy").asDouble();
            // The figure the tab formats is DummyClassifier's accuracy on the slice's rows.
            assertThat(onFx(() -> model.topSlices().findingsProperty().get().sliceBaseline(i)))
                    .isCloseTo(guess, org.assertj.core.api.Assertions.within(1e-9));
            assertThat(found.slices().get(i).n()).isEqualTo(want.get(name).get("n").asInt());
            assertThat(line(list, name).getText()).contains(String.format(java.util.Locale.ROOT, "], guess %.3f, vs ",
                    guess));
        }
        // clinic=C on the night shift: 0.317 right against 0.349 for always answering 'malignant' (22 of 63).
        javafx.scene.control.Label night = line(list, "clinic=C & shift=night");
        assertThat(night.getText()).isEqualTo("clinic=C & shift=night, 63 rows, accuracy 0.317 [0.216, 0.440], guess "
                + "0.349, vs 0.984 elsewhere (p = 4.6e-61). No better than always answering the reference rows' most "
                + "frequent class on these rows.");
        assertThat(calledOut(night)).isTrue();
        // Every line is called out exactly when its accuracy is not above its guess.
        for (int i = 0; i < found.slices().size(); i++) {
            SliceFinder.Slice slice = found.slices().get(i);
            double guess = outcome.findings().sliceBaseline(i);
            javafx.scene.control.Label label = line(list, org.twinbench.report.SliceJson.describe(slice));
            assertThat(calledOut(label)).as(label.getText()).isEqualTo(slice.accuracy() <= guess);
            assertThat(label.getText().contains("No better than")).as(label.getText())
                    .isEqualTo(slice.accuracy() <= guess);
        }
        assertThat(calledOut((javafx.scene.control.Label) list.getChildren().get(0))).isFalse();
    }

    @Test
    void aRegressionsWorstSliceReadsBesideTheMeanGuessOnItsRows(FxRobot robot) throws Exception {
        org.twinbench.sim.RunOutcome outcome = showRun(robot, "diabetes-log.twin.json");
        ChartTab.choose(robot, "Worst slices");
        TopSlicesList list = robot.lookup("#topSlicesList").queryAs(TopSlicesList.class);
        com.fasterxml.jackson.databind.JsonNode want = guesses("diabetes").get("clinic=B & shift=day");
        assertThat(onFx(() -> org.twinbench.report.SliceJson.describe(model.topSlices().found().slices().get(0))))
                .isEqualTo("clinic=B & shift=day");
        assertThat(onFx(() -> model.topSlices().findingsProperty().get().sliceBaseline(0)))
                .isCloseTo(want.get("baseline_mae").asDouble(), org.assertj.core.api.Assertions.within(1e-9));
        // The planted slice errs by 74.84 where always predicting the reference rows' mean errs by 61.57.
        javafx.scene.control.Label planted = line(list, "clinic=B & shift=day");
        assertThat(planted.getText()).isEqualTo(String.format(java.util.Locale.ROOT, "clinic=B & shift=day, 50 rows, "
                + "mean absolute error 74.84 [61.88, 87.80], guess %.4g, vs 44.37 elsewhere (p = 2.8e-05). No better "
                + "than always predicting the reference rows' mean amount on these rows.",
                want.get("baseline_mae").asDouble())).contains("guess 61.57,");
        assertThat(calledOut(planted)).isTrue();
        robot.interact(model::clear);
        assertThat(onFx(list::lines)).hasSize(2);
        assertThat(onFx(() -> list.getChildren().stream().anyMatch(n -> n.getStyleClass().contains("no-better"))))
                .isFalse();
    }
}
