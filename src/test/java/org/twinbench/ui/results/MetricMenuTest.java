package org.twinbench.ui.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.twinbench.sim.StepResult;

/**
 * The chart's metric menu on a real multiclass run (scikit-learn's wine set replayed through a multinomial
 * bundle, sliced by alcohol level): the naive baseline's measures, overall and per slice, and the classes' row
 * counts are not offered as metrics; each class's recall is, named "recall of class c"; its curve's values are
 * that class's recall, whose mean over the three classes is scikit-learn's balanced accuracy of the step
 * (engine-expected.json, sample-data/scripts/engine_tasks_reference.py).
 */
@ExtendWith(ApplicationExtension.class)
class MetricMenuTest {

    private static final Path ENGINE = Path.of("src", "test", "resources", "tasks", "engine").toAbsolutePath();

    private LiveChartsViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        model = LiveChartsWindow.show(stage, 4).model();
    }

    @Test
    void baselinesAndSupportsAreNotMetricsAndEachClassRecallIsItsOwnChoice(FxRobot robot) throws Exception {
        List<StepResult> steps = TaskSliceTableTest.run("wine-replay.csv", "wine-logistic.twinmodel", 20,
                "alcohol_level");
        // The run records them all as measures ...
        assertThat(steps.get(3).measures()).containsKeys("baseline.accuracy", "baseline.accuracy[alcohol_level=low]",
                "class.recall_class_0", "class.support_class_0");
        robot.interact(() -> model.accept(steps));
        // ... but the menu offers the task's metrics and the classes' recalls only.
        assertThat(model.metricNames()).noneMatch(name -> name.startsWith("baseline."))
                .noneMatch(name -> name.startsWith("class.support_"))
                .startsWith("accuracy", "balanced_accuracy", "macro_f1", "weighted_f1", "log_loss")
                .contains("class.recall_class_0", "class.recall_class_1", "class.recall_class_2");
        @SuppressWarnings("unchecked")
        ComboBox<String> box = robot.lookup("#metricBox").queryAs(ComboBox.class);
        List<String> shown = BaselineBesideFiguresTest.onFx(() -> box.getItems().stream()
                .map(item -> box.getConverter().toString(item)).toList());
        assertThat(shown).contains("recall of class class_0", "recall of class class_1", "recall of class class_2")
                .noneMatch(text -> text.startsWith("class."));
        robot.interact(() -> box.getSelectionModel().select("class.recall_class_1"));
        assertThat(model.metricProperty().get()).isEqualTo("class.recall_class_1");
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(BaselineBesideFiguresTest.onFx(() -> robot.from(box).lookup(".list-cell")
                .queryAllAs(javafx.scene.control.ListCell.class).stream().map(javafx.scene.control.ListCell::getText)
                .filter(java.util.Objects::nonNull).toList()))
                .as("the box as drawn")
                .contains("recall of class class_1");
        // The chosen class's curve is drawn, with no guess beside it (the baseline belongs to accuracy).
        assertThat(BaselineBesideFiguresTest.onFx(model::curves)).extracting(ChartCurve::name)
                .contains("overall").doesNotContain("majority guess");
        JsonNode wine = new ObjectMapper().readTree(ENGINE.resolve("engine-expected.json").toFile()).get("wine");
        double[][] recall = new double[3][];
        for (int c = 0; c < 3; c++) {
            String metric = "class.recall_class_" + c;
            robot.interact(() -> model.metricProperty().set(metric));
            ChartCurve overall = BaselineBesideFiguresTest.onFx(model::curves).stream()
                    .filter(curve -> curve.name().equals("overall")).findFirst().orElseThrow();
            assertThat(overall.size()).isEqualTo(4);
            recall[c] = overall.values();
        }
        for (int step = 0; step < 4; step++) {
            double mean = (recall[0][step] + recall[1][step] + recall[2][step]) / 3;
            assertThat(mean).as("step %d", step).isCloseTo(wine.get(step).get("overall").get("balanced_accuracy")
                    .asDouble(), within(1e-9));
        }
    }

    @Test
    void theMenuNamesAClassRecallInWords() {
        assertThat(MetricChoices.label("class.recall_Sales")).isEqualTo("recall of class Sales");
        assertThat(MetricChoices.label("rmse")).isEqualTo("rmse");
        assertThat(MetricChoices.offered("baseline.rmse[sex=two]")).isFalse();
        assertThat(MetricChoices.offered("baseline.accuracy")).isFalse();
        assertThat(MetricChoices.offered("class.support_Sales")).isFalse();
        assertThat(MetricChoices.offered("class.recall_Sales")).isTrue();
        assertThat(MetricChoices.offered("latency_p95_ms")).isTrue();
    }
}
