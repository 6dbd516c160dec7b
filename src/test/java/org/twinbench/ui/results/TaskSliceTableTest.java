package org.twinbench.ui.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.sim.Experiment;
import org.twinbench.sim.RunControl;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.ScenarioCompiler;
import org.twinbench.sim.SimulationPlan;
import org.twinbench.sim.StepResult;

/**
 * The slice table of a real regression run (scikit-learn's diabetes set replayed through a ridge bundle) and of
 * a real multiclass run (wine, multinomial logistic) shows the task's metrics: its cells are scikit-learn's
 * values for the last step's rows, from {@code engine-expected.json} (sample-data/scripts/engine_tasks_reference.py).
 */
@ExtendWith(ApplicationExtension.class)
class TaskSliceTableTest {

    private static final Path DIR = Path.of("src", "test", "resources", "tasks", "engine").toAbsolutePath();

    private LiveChartsViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        model = LiveChartsWindow.show(stage, 4).model();
    }

    static List<StepResult> run(String data, String bundle, int batch, String slice) {
        return run(data, bundle, batch, slice, 1).get(0);
    }

    /** Replays {@code data} in row order after its first half, {@code batch} rows a step, 4 steps, sliced by one column. */
    private static List<List<StepResult>> run(String data, String bundle, int batch, String slice, int replicates) {
        ScenarioNode source = new ScenarioNode("data", NodeCatalog.DATASET_SOURCE, Map.of("path", data,
                "batch_size", (long) batch, "steps", 4L, "reference_share", 0.5, "time_column", "row"), 0, 0);
        ScenarioNode model = new ScenarioNode("model", NodeCatalog.MODEL_BUNDLE, Map.of("path", bundle), 0, 0);
        ScenarioNode slices = new ScenarioNode("slices", NodeCatalog.SLICE_METRICS, Map.of("slices", List.of(slice)),
                0, 0);
        Scenario scenario = new Scenario("tasks", "", 1, List.of(source, model, slices),
                List.of(new ScenarioEdge("data", "model"), new ScenarioEdge("model", "slices")));
        SimulationPlan plan = ScenarioCompiler.compile(scenario, DIR, new RunListener() { });
        return Experiment.run(plan, replicates, 1, new RunListener() { }, new RunControl()).replicates();
    }

    private static JsonNode expected(String name) throws java.io.IOException {
        return new ObjectMapper().readTree(DIR.resolve("engine-expected.json").toFile()).get(name);
    }

    /**
     * A row's mean guess of the last step on its own rows beside its figure (scikit-learn's DummyRegressor, from
     * baseline-window-expected.json: the whole step for the overall row, pandas' groupby for a slice's).
     */
    private static String guess(String slice, String metric) throws java.io.IOException {
        JsonNode all = new ObjectMapper().readTree(DIR.resolve("baseline-window-expected.json").toFile());
        JsonNode last = slice.equals("overall") ? all.get("diabetes").get(3) : all.get("diabetes_last_by_sex").get(slice);
        return " (guess " + figure(last.get(metric).asDouble()) + ")";
    }

    private <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }

    @SuppressWarnings("unchecked")
    private static TableView<SliceRowCells> table(FxRobot robot) {
        return robot.lookup("#sliceTable").queryAs(TableView.class);
    }

    /** The titles of the visible columns, as the window shows them (in a header label). */
    private List<String> headers(FxRobot robot) throws Exception {
        return onFx(() -> table(robot).getVisibleLeafColumns().stream().map(TaskSliceTableTest::title).toList());
    }

    private static String title(TableColumn<?, ?> column) {
        return column.getGraphic() instanceof Label label ? label.getText() : column.getText();
    }

    /** The text of the cell of {@code slice}'s row under the column titled {@code header}. */
    private String cell(FxRobot robot, String slice, String header) throws Exception {
        return onFx(() -> {
            TableView<SliceRowCells> table = table(robot);
            TableColumn<SliceRowCells, ?> column = table.getVisibleLeafColumns().stream()
                    .filter(c -> title(c).equals(header))
                    .findFirst().orElseThrow();
            int row = table.getItems().indexOf(table.getItems().stream().filter(r -> r.row().slice().equals(slice))
                    .findFirst().orElseThrow());
            return String.valueOf(column.getCellData(row));
        });
    }

    private static SliceRow row(LiveChartsViewModel model, String slice) {
        return model.rows().stream().filter(r -> r.slice().equals(slice)).findFirst().orElseThrow();
    }

    private static String figure(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    @Test
    void aRegressionTableShowsRmseMaeAndR2WithGapsInRmseAndNoFourFifthsRatio(FxRobot robot) throws Exception {
        List<StepResult> steps = run("diabetes-replay.csv", "diabetes-linear.twinmodel", 50, "sex");
        robot.interact(() -> model.accept(steps));
        assertThat(headers(robot)).containsExactly("Slice", "Rows", "RMSE", "MAE", "R²", "Change RMSE", "95% CI",
                "Gap to best RMSE");
        // The long headers are shown whole, not cut to "Gap to be…": their columns are wide enough.
        WaitForAsyncUtils.waitForFxEvents();
        for (String header : List.of("Change RMSE", "Gap to best RMSE")) {
            Label label = onFx(() -> table(robot).getVisibleLeafColumns().stream()
                    .filter(c -> header.equals(title(c))).map(c -> (Label) c.getGraphic()).findFirst().orElseThrow());
            String shown = onFx(() -> ((javafx.scene.text.Text) label.lookup(".text")).getText());
            assertThat(shown).as("the header as drawn").isEqualTo(header);
        }
        JsonNode last = expected("diabetes").get(3);
        for (String slice : List.of("overall", "sex=one", "sex=two")) {
            JsonNode want = last.get(slice);
            SliceRow row = row(model, slice);
            assertThat(row.n()).isEqualTo(want.get("n").asInt());
            assertThat(row.figures().get(0)).isCloseTo(want.get("rmse").asDouble(), within(1e-9));
            assertThat(row.figures().get(1)).isCloseTo(want.get("mae").asDouble(), within(1e-9));
            assertThat(row.figures().get(2)).isCloseTo(want.get("r2").asDouble(), within(1e-9));
            assertThat(cell(robot, slice, "RMSE")).isEqualTo(figure(want.get("rmse").asDouble()) + guess(slice, "rmse"));
            assertThat(cell(robot, slice, "MAE")).isEqualTo(figure(want.get("mae").asDouble()) + guess(slice, "mae"));
            assertThat(cell(robot, slice, "R²")).isEqualTo(figure(want.get("r2").asDouble()));
        }
        // The highest error is the worst: sex=two (RMSE 57.03) against sex=one (53.04), whatever the chart shows.
        double one = last.get("sex=one").get("rmse").asDouble();
        double two = last.get("sex=two").get("rmse").asDouble();
        assertThat(two).isGreaterThan(one);
        assertThat(model.tableMetric()).isEqualTo("rmse");
        // 22 and 28 rows: under the 30 labelled rows a slice needs to be judged, so shown but neither flagged.
        assertThat(row(model, "sex=two").worst()).isFalse();
        assertThat(row(model, "sex=one").worst()).isFalse();
        assertThat(row(model, "sex=two").gapToBest()).isCloseTo(two - one, within(1e-9));
        assertThat(row(model, "sex=one").gapToBest()).isZero();
        assertThat(cell(robot, "sex=two", "Gap to best RMSE")).isEqualTo(String.format(Locale.ROOT, "%+.3f", two - one));
        // Change: the latest RMSE minus the mean of the first steps (all four here).
        double first = 0;
        for (int s = 0; s < 4; s++) {
            first += expected("diabetes").get(s).get("overall").get("rmse").asDouble() / 4;
        }
        assertThat(row(model, "overall").change())
                .isCloseTo(last.get("overall").get("rmse").asDouble() - first, within(1e-9));
    }

    @Test
    void withReplicatesTheRegressionColumnsAreMeansOverReplicates(FxRobot robot) throws Exception {
        // A replay in row order without perturbations gives every replicate the same rows: the mean is the value.
        List<List<StepResult>> replicates = run("diabetes-replay.csv", "diabetes-linear.twinmodel", 50, "sex", 2);
        robot.interact(() -> {
            model.setReplicates(2);
            replicates.forEach(model::accept);
        });
        assertThat(model.replicateBandsProperty().get()).isTrue();
        JsonNode last = expected("diabetes").get(3);
        assertThat(row(model, "sex=one").figures().get(0)).isCloseTo(last.get("sex=one").get("rmse").asDouble(),
                within(1e-9));
        assertThat(row(model, "sex=one").figures().get(2)).isCloseTo(last.get("sex=one").get("r2").asDouble(),
                within(1e-9));
        assertThat(cell(robot, "overall", "MAE")).isEqualTo(figure(last.get("overall").get("mae").asDouble())
                + guess("overall", "mae"));
        // Under 30 rows a replicate: shown, never flagged.
        assertThat(row(model, "sex=two").worst()).isFalse();
    }

    @Test
    void aMulticlassTableShowsAccuracyAndMacroF1WithGapsInAccuracy(FxRobot robot) throws Exception {
        List<StepResult> steps = run("wine-replay.csv", "wine-logistic.twinmodel", 20, "alcohol_level");
        robot.interact(() -> model.accept(steps));
        assertThat(headers(robot)).containsExactly("Slice", "Rows", "Accuracy", "Macro F1", "Change Accuracy",
                "95% CI", "Gap to best Accuracy", "4/5 ratio");
        // The task columns' headers are drawn whole, never "Macr…", however narrow their figures.
        WaitForAsyncUtils.waitForFxEvents();
        for (String header : List.of("Accuracy", "Macro F1")) {
            Label label = onFx(() -> table(robot).getVisibleLeafColumns().stream()
                    .filter(c -> header.equals(title(c))).map(c -> (Label) c.getGraphic()).findFirst().orElseThrow());
            assertThat(onFx(() -> ((javafx.scene.text.Text) label.lookup(".text")).getText())).as("drawn")
                    .isEqualTo(header);
        }
        JsonNode last = expected("wine").get(3);
        last.fieldNames().forEachRemaining(slice -> {
            JsonNode want = last.get(slice);
            SliceRow row = row(model, slice);
            assertThat(row.figures().get(0)).as(slice).isCloseTo(want.get("accuracy").asDouble(), within(1e-9));
            assertThat(row.figures().get(1)).as(slice).isCloseTo(want.get("macro_f1").asDouble(), within(1e-9));
        });
        assertThat(cell(robot, "overall", "Macro F1")).isEqualTo(figure(last.get("overall").get("macro_f1").asDouble()));
        assertThat(model.tableMetric()).isEqualTo("accuracy");
    }

    @Test
    void aBinaryRunAfterARegressionGetsItsLatestColumnBack(FxRobot robot) throws Exception {
        List<StepResult> steps = run("diabetes-replay.csv", "diabetes-linear.twinmodel", 50, "sex");
        robot.interact(() -> model.accept(steps));
        robot.interact(() -> {
            model.clear();
            model.accept(List.of(new StepResult(0, 0, new org.twinbench.stats.MetricSet(100, 0.8, 0.5, 0.5, 0.5,
                    0.7, 0.4, 0.2, 0.05), List.of())));
        });
        assertThat(headers(robot)).containsExactly("Slice", "Rows", "Latest", "Change", "95% CI", "Gap to best",
                "4/5 ratio");
        // Its recall beside the accuracy; no guess, as the step records no baseline.
        assertThat(cell(robot, "overall", "Latest")).isEqualTo("0.800, recall 0.500");
    }
}
