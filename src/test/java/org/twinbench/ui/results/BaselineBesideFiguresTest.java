package org.twinbench.ui.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
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
import org.twinbench.sim.StepResult;

/**
 * The window reads every figure beside the naive baseline on the same rows: the live chart draws it dashed grey
 * ("majority guess", "mean guess") and the slice table's overall row says it after the figure, with a binary
 * model's recall of its positive class. Real runs on real public data (scikit-learn's diabetes and wine sets
 * replayed through the engine's ridge and multinomial bundles, logged breast-cancer scores); the expected values
 * are scikit-learn's DummyRegressor / DummyClassifier and recall_score from
 * sample-data/scripts/baseline_window_reference.py.
 */
@ExtendWith(ApplicationExtension.class)
class BaselineBesideFiguresTest {

    private static final Path ENGINE = Path.of("src", "test", "resources", "tasks", "engine").toAbsolutePath();
    private static final Path VERDICTS = Path.of("src", "test", "resources", "verdicts").toAbsolutePath();

    private LiveChartsViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        model = LiveChartsWindow.show(stage, 10).model();
    }

    private static List<StepResult> run(String data, String bundle, int batch, String slice) {
        return TaskSliceTableTest.run(data, bundle, batch, slice);
    }

    private static JsonNode expected(String name) throws java.io.IOException {
        return new ObjectMapper().readTree(ENGINE.resolve("baseline-window-expected.json").toFile()).get(name);
    }

    static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }

    @SuppressWarnings("unchecked")
    private static TableView<SliceRowCells> table(FxRobot robot) {
        return robot.lookup("#sliceTable").queryAs(TableView.class);
    }

    private static String title(TableColumn<?, ?> column) {
        return column.getGraphic() instanceof Label label ? label.getText() : column.getText();
    }

    /** The text of {@code slice}'s cell under {@code header}, as the table's data holds it. */
    static String cell(FxRobot robot, String slice, String header) throws Exception {
        return onFx(() -> {
            TableView<SliceRowCells> table = table(robot);
            TableColumn<SliceRowCells, ?> column = table.getVisibleLeafColumns().stream().filter(c -> title(c).equals(header))
                    .findFirst().orElseThrow();
            int row = table.getItems().indexOf(table.getItems().stream().filter(r -> r.row().slice().equals(slice))
                    .findFirst().orElseThrow());
            return String.valueOf(column.getCellData(row));
        });
    }

    /** The overall row's cells as drawn: none may be cut short with an ellipsis. */
    private List<String> drawnOverallCells(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return onFx(() -> robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableRow() != null && c.getTableRow().getItem() instanceof SliceRowCells line
                        && line.row().slice().equals("overall") && c.getText() != null && c.getText().contains("guess"))
                .map(c -> ((javafx.scene.text.Text) c.lookup(".text")).getText()).toList());
    }

    private static String f(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private List<ChartCurve> curves(FxRobot robot, String metric) throws Exception {
        robot.interact(() -> model.metricProperty().set(metric));
        return onFx(model::curves);
    }

    @Test
    void aRegressionIsReadBesideTheMeanGuess(FxRobot robot) throws Exception {
        List<StepResult> steps = run("diabetes-replay.csv", "diabetes-linear.twinmodel", 50, "sex");
        robot.interact(() -> model.accept(steps));
        JsonNode guess = expected("diabetes");
        for (String metric : List.of("rmse", "mae")) {
            ChartCurve mean = curves(robot, metric).stream().filter(c -> c.name().equals("mean guess")).findFirst()
                    .orElseThrow();
            assertThat(mean.estimate()).as("dashed").isTrue();
            assertThat(mean.colour()).as("grey").isEqualTo(-1);
            assertThat(mean.size()).isEqualTo(4);
            for (int step = 0; step < 4; step++) {
                assertThat(mean.values()[step]).isCloseTo(guess.get(step).get(metric).asDouble(), within(1e-9));
            }
        }
        // R² has no baseline curve (the mean guess's R² is about 0 by definition, not a measure of the run).
        assertThat(curves(robot, "r2")).extracting(ChartCurve::name).doesNotContain("mean guess", "majority guess");
        SliceRow overall = model.rows().stream().filter(r -> r.slice().equals("overall")).findFirst().orElseThrow();
        assertThat(cell(robot, "overall", "RMSE")).isEqualTo(f(overall.figures().get(0)) + " (guess "
                + f(guess.get(3).get("rmse").asDouble()) + ")");
        assertThat(cell(robot, "overall", "MAE")).isEqualTo(f(overall.figures().get(1)) + " (guess "
                + f(guess.get(3).get("mae").asDouble()) + ")");
        assertThat(cell(robot, "overall", "R²")).isEqualTo(f(overall.figures().get(2)));
        // A slice's row has its own guess: the same answer (the reference mean), scored on the slice's rows.
        for (String sex : List.of("sex=one", "sex=two")) {
            SliceRow row = model.rows().stream().filter(r -> r.slice().equals(sex)).findFirst().orElseThrow();
            JsonNode slice = expected("diabetes_last_by_sex").get(sex);
            assertThat(row.guess("rmse")).isCloseTo(slice.get("rmse").asDouble(), within(1e-9));
            assertThat(row.guess("mae")).isCloseTo(slice.get("mae").asDouble(), within(1e-9));
            assertThat(cell(robot, sex, "RMSE")).isEqualTo(f(row.figures().get(0)) + " (guess "
                    + f(slice.get("rmse").asDouble()) + ")");
        }
        assertThat(drawnOverallCells(robot)).hasSize(2).allSatisfy(text -> assertThat(text).endsWith(")"));
    }

    @Test
    void aMulticlassModelIsReadBesideTheMajorityGuess(FxRobot robot) throws Exception {
        List<StepResult> steps = run("wine-replay.csv", "wine-logistic.twinmodel", 20, "alcohol_level");
        robot.interact(() -> model.accept(steps));
        // The metric list is the multiclass one now, and the box still shows the metric drawn.
        javafx.scene.control.ComboBox<?> box = robot.lookup("#metricBox").queryAs(javafx.scene.control.ComboBox.class);
        assertThat(onFx(() -> box.getSelectionModel().getSelectedItem())).isEqualTo("accuracy");
        JsonNode guess = expected("wine");
        ChartCurve majority = curves(robot, "accuracy").stream().filter(c -> c.name().equals("majority guess"))
                .findFirst().orElseThrow();
        for (int step = 0; step < 4; step++) {
            assertThat(majority.values()[step]).isCloseTo(guess.get(step).get("accuracy").asDouble(), within(1e-12));
        }
        SliceRow overall = model.rows().stream().filter(r -> r.slice().equals("overall")).findFirst().orElseThrow();
        assertThat(cell(robot, "overall", "Accuracy")).isEqualTo(f(overall.figures().get(0)) + " (guess 0.550)");
        assertThat(cell(robot, "overall", "Macro F1")).isEqualTo(f(overall.figures().get(1)));
        assertThat(overall.recall()).as("no positive class").isNaN();
        JsonNode bySlice = expected("wine_last_by_alcohol_level");
        for (String level : List.of("alcohol_level=high", "alcohol_level=low")) {
            SliceRow row = model.rows().stream().filter(r -> r.slice().equals(level)).findFirst().orElseThrow();
            assertThat(row.guess("accuracy")).as(level).isCloseTo(bySlice.get(level).get("accuracy").asDouble(),
                    within(1e-12));
            assertThat(cell(robot, level, "Accuracy")).startsWith(f(row.figures().get(0)) + " (guess "
                    + f(bySlice.get(level).get("accuracy").asDouble()));
        }
    }

    @Test
    void aBinaryModelsOverallRowGivesTheGuessAndTheRecallOfItsPositiveClass(FxRobot robot) throws Exception {
        List<StepResult> steps = Experiment.run(ScenarioCompiler.compile(ScenarioFormat.read(
                VERDICTS.resolve("breast-cancer-log.twin.json")), VERDICTS, new RunListener() { }), 1, 1,
                new RunListener() { }, new RunControl()).replicates().get(0);
        robot.interact(() -> model.accept(steps));
        JsonNode want = expected("breast_cancer");
        assertThat(want.get("majority").asText()).isEqualTo("malignant");
        String recall = ", recall " + f(want.get("recall").asDouble());
        assertThat(cell(robot, "overall", "Latest")).isEqualTo(f(want.get("accuracy").asDouble()) + " (guess "
                + f(want.get("guess_accuracy").asDouble()) + ")" + recall);
        assertThat(drawnOverallCells(robot)).singleElement().asString().endsWith(recall);
        // Another metric has no guess, and still the recall beside it; recall itself is not said twice.
        robot.interact(() -> model.metricProperty().set("precision"));
        assertThat(cell(robot, "overall", "Latest")).endsWith(recall).doesNotContain("guess");
        robot.interact(() -> model.metricProperty().set("recall"));
        assertThat(cell(robot, "overall", "Latest")).isEqualTo(f(want.get("recall").asDouble()));
        assertThat(cell(robot, "clinic=C", "Latest")).doesNotContain("recall");
        // The chart's baseline can be turned off (the presenter's chapters draw only their story's curves).
        assertThat(curves(robot, "accuracy")).extracting(ChartCurve::name).contains("majority guess");
        robot.interact(() -> model.baselineShownProperty().set(false));
        assertThat(onFx(model::curves)).extracting(ChartCurve::name).doesNotContain("majority guess");
    }
}
