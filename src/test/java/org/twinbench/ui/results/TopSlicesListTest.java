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

    @Test
    void aFinishedRunListsItsWorstSlicesUnderTheTable(FxRobot robot) throws Exception {
        SliceFinder.Result found = Experiment.run(ScenarioCompiler.compile(ScenarioFormat.read(
                DIR.resolve("breast-cancer-log.twin.json")), DIR, new RunListener() { }), 1, 1, new RunListener() { },
                new RunControl()).topSlices();
        TopSlicesList list = robot.lookup("#topSlicesList").queryAs(TopSlicesList.class);
        assertThat(onFx(list::lines)).hasSize(2).element(1).asString().startsWith("Run a scenario: when it ends");
        robot.interact(() -> model.topSlices().set(found));
        List<String> lines = onFx(list::lines);
        assertThat(lines.get(0)).isEqualTo("Worst slices found (500 labelled rows searched, accuracy 0.900; "
                + found.tested() + " slices tested)");
        assertThat(lines.get(1)).startsWith("clinic=C & shift=night, 63 rows, accuracy 0.317 [0.216, 0.440] vs 0.984"
                + " elsewhere");
        assertThat(lines).hasSize(1 + found.slices().size());
        robot.interact(model::clear);
        assertThat(onFx(list::lines).get(0)).isEqualTo("Worst slices found");
    }

    @Test
    void aReopenedRegressionRunListsItsWorstErrorSlices(FxRobot robot) throws Exception {
        org.twinbench.scenario.Scenario scenario = ScenarioFormat.read(DIR.resolve("diabetes-log.twin.json"));
        org.twinbench.sim.RunOutcome outcome = Experiment.run(ScenarioCompiler.compile(scenario, DIR,
                new RunListener() { }), 1, 1, new RunListener() { }, new RunControl());
        TopSlicesList list = robot.lookup("#topSlicesList").queryAs(TopSlicesList.class);
        robot.interact(() -> model.showRun(outcome, scenario));
        List<String> lines = onFx(list::lines);
        // pandas and scipy (src/test/resources/verdicts/make_error_slices.py): 400 production rows of MAE 48.18; the
        // planted clinic B on the day shift, 50 rows of MAE 74.84 (t interval 61.88–87.80) against 44.37, Welch p 2.8e-5.
        com.fasterxml.jackson.databind.JsonNode want = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                DIR.resolve("error-slices-expected.json").toFile());
        com.fasterxml.jackson.databind.JsonNode slice = want.get("slice");
        assertThat(lines.get(0)).isEqualTo(String.format(java.util.Locale.ROOT, "Worst slices found (%d labelled rows "
                + "searched, mean absolute error %.4g; %d slices tested)", want.get("rows").asInt(),
                want.get("mae").asDouble(), outcome.searchedSlices().tested()));
        assertThat(lines.get(1)).isEqualTo(String.format(java.util.Locale.ROOT, "clinic=B & shift=day, %d rows, mean "
                + "absolute error %.4g [%.4g, %.4g] vs %.4g elsewhere (p = %.2g)", slice.get("n").asInt(),
                slice.get("mae").asDouble(), slice.get("low").asDouble(), slice.get("high").asDouble(),
                slice.get("rest_mae").asDouble(), slice.get("p_value").asDouble()))
                .isEqualTo("clinic=B & shift=day, 50 rows, mean absolute error 74.84 [61.88, 87.80] vs 44.37 "
                        + "elsewhere (p = 2.8e-05)");
        assertThat(lines).hasSize(1 + outcome.searchedSlices().slices().size());
        assertThat(lines.subList(1, lines.size())).allMatch(l -> l.contains("mean absolute error"))
                .noneMatch(l -> l.contains("accuracy"));
        // The tab's list is what a user sees: the label lies inside the tab's scroll pane, shown.
        assertThat(onFx(() -> list.getChildren().get(1).isVisible() && list.getScene() != null)).isTrue();
    }
}
