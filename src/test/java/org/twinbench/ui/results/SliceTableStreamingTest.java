package org.twinbench.ui.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.twinbench.sim.StepResult;

/**
 * While a run streams into the slice table, each line of the table stays the same object and only the texts
 * whose words change are set again: a step that leaves the rows as they were changes no cell. A real run on R's
 * Pima Indians diabetes set (as {@link SliceBaselinesTableTest}); its last figures are pandas' and scikit-learn's
 * (sample-data/scripts/slice_baseline_reference.py).
 */
@ExtendWith(ApplicationExtension.class)
class SliceTableStreamingTest {

    private static final Path DIR = Path.of("src", "test", "resources", "tasks", "window").toAbsolutePath();

    private LiveChartsViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        model = LiveChartsWindow.show(stage, 6).model();
    }

    @Test
    void linesStayAndOnlyChangedTextsAreSetAgain(FxRobot robot) throws Exception {
        List<StepResult> steps = SliceBaselinesTableTest.run();
        @SuppressWarnings("unchecked")
        TableView<SliceRowCells> table = robot.lookup("#sliceTable").queryAs(TableView.class);
        robot.interact(() -> model.accept(steps.subList(0, 1)));
        List<SliceRowCells> first = BaselineBesideFiguresTest.onFx(() -> List.copyOf(table.getItems()));
        assertThat(first).hasSize(6);
        AtomicInteger textsSet = new AtomicInteger();
        robot.interact(() -> first.forEach(line -> List.of(line.sliceText(), line.rowsText(), line.latestText(),
                line.changeText(), line.intervalText(), line.gapText(), line.ratioText())
                .forEach(text -> text.addListener((obs, old, now) -> textsSet.incrementAndGet()))));

        robot.interact(() -> model.accept(steps.subList(1, steps.size())));
        assertThat(BaselineBesideFiguresTest.onFx(() -> List.copyOf(table.getItems())))
                .as("the same line objects").containsExactlyElementsOf(first);
        int afterRun = textsSet.get();
        assertThat(afterRun).as("the later steps changed figures").isPositive();
        // Recomputing the table with nothing new (as at the end of a run) sets no text.
        robot.interact(model::flush);
        assertThat(textsSet.get()).isEqualTo(afterRun);

        JsonNode want = new ObjectMapper().readTree(DIR.resolve("pima-slices-expected.json").toFile());
        Map<String, String> shown = new java.util.HashMap<>();
        BaselineBesideFiguresTest.onFx(() -> {
            table.getItems().forEach(line -> shown.put(line.sliceText().get(), line.latestText().get()));
            return null;
        });
        List<String> checked = new ArrayList<>();
        for (String slice : shown.keySet()) {
            JsonNode expected = want.get(slice);
            assertThat(shown.get(slice)).as(slice).startsWith(String.format(Locale.ROOT, "%.3f (guess %.3f",
                    expected.get("accuracy").asDouble(), expected.get("guess_accuracy").asDouble()));
            checked.add(slice);
        }
        assertThat(checked).hasSize(6);
    }
}
