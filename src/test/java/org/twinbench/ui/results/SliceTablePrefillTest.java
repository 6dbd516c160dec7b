package org.twinbench.ui.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.twinbench.sim.StepResult;
import org.twinbench.stats.MetricSet;
import org.twinbench.stats.SliceMetrics;

/**
 * The slice table made ready before the first run ({@link LiveChartsView#prefill}): made-up lines are styled
 * and laid out and taken away in one event of the FX thread, so the window never shows them, the table keeps
 * the rows it made for them, and a real run's first rows are drawn in those rows.
 */
@ExtendWith(ApplicationExtension.class)
class SliceTablePrefillTest {

    private LiveChartsViewModel model;
    private LiveChartsView view;
    private TableView<?> table;
    private CheckComboBox<?> picker;

    @Start
    void start(Stage stage) throws Exception {
        LiveChartsWindow window = LiveChartsWindow.show(stage, 40);
        view = window.view();
        model = window.model();
        table = (TableView<?>) stage.getScene().lookup("#sliceTable");
        picker = (CheckComboBox<?>) stage.getScene().lookup("#slicePicker");
    }

    private static MetricSet accuracy(double value) {
        return new MetricSet(100, value, 0.5, 0.5, 0.5, 0.7, 0.4, 0.2, 0.05);
    }

    /** Steps of a run sliced by {@code names} of column {@code column}, each slice at its own accuracy. */
    private static List<StepResult> steps(String column, List<String> names, int count) {
        List<StepResult> out = new ArrayList<>();
        for (int step = 0; step < count; step++) {
            List<SliceMetrics> slices = new ArrayList<>();
            for (int s = 0; s < names.size(); s++) {
                slices.add(new SliceMetrics(column, names.get(s), accuracy(0.9 - 0.05 * s)));
            }
            out.add(new StepResult(0, step, accuracy(0.8), slices, Map.of(), List.of()));
        }
        return out;
    }

    /** The lines a made-up run of eight slices gives, formatted as the warm-up formats them. */
    private static List<SliceRowCells> madeUpLines() {
        LiveChartsViewModel madeUp = new LiveChartsViewModel(Runnable::run, Runnable::run, 0);
        madeUp.accept(steps("warm-up", List.of("s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7"), 5));
        List<SliceRowCells> lines = new ArrayList<>();
        for (SliceRow row : madeUp.rows()) {
            SliceRowCells line = new SliceRowCells();
            line.show(row, madeUp.tableMetric(), madeUp.tableColumns());
            lines.add(line);
        }
        return lines;
    }

    private <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }

    /** The table's rows (made so far), those that show a line, and the texts of its cells that show one. */
    private Set<Node> rows() {
        return Set.copyOf(table.lookupAll(".table-row-cell"));
    }

    private List<TableRow<?>> filledRows() {
        return rows().stream().map(node -> (TableRow<?>) node).filter(row -> !row.isEmpty() && row.isVisible())
                .collect(Collectors.toList());
    }

    /** What the picker shows (its button's text: the cells of the picker that show a text). */
    private List<String> pickerText() {
        return picker.lookupAll(".list-cell").stream().map(node -> ((javafx.scene.control.Labeled) node).getText())
                .filter(java.util.Objects::nonNull).toList();
    }

    private List<String> shownTexts() {
        return table.lookupAll(".table-cell").stream().map(node -> (javafx.scene.control.TableCell<?, ?>) node)
                .filter(cell -> cell.isVisible() && cell.getTableRow() != null && cell.getTableRow().isVisible()
                        && !cell.isEmpty() && cell.getText() != null)
                .map(javafx.scene.control.TableCell::getText).toList();
    }

    @Test
    void madeUpLinesAreLaidOutAndTakenAwayAndARunsFirstRowsUseTheRowsMadeForThem() throws Exception {
        List<SliceRowCells> madeUp = onFx(SliceTablePrefillTest::madeUpLines);
        assertThat(madeUp).hasSize(9); // the overall line and eight slices
        int rowsBefore = onFx(() -> rows().size());
        List<String> pickerTextBefore = onFx(this::pickerText);

        // One event of the FX thread: in it the table shows the made-up lines, and after it nothing of them.
        List<Object> seenInside = new ArrayList<>();
        onFx(() -> {
            view.prefill(madeUp);
            seenInside.add(table.getItems().size());
            seenInside.add(picker.getItems().size());
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(seenInside).containsExactly(0, 0);
        // The picker's button says what it said before (no count of the made-up slices left on it).
        assertThat(pickerTextBefore).containsExactly("Slices (0/0)");
        assertThat(onFx(this::pickerText)).isEqualTo(pickerTextBefore);
        assertThat(onFx(() -> table.getItems().isEmpty() && picker.getItems().isEmpty())).isTrue();
        assertThat(onFx(this::filledRows)).isEmpty();
        assertThat(onFx(this::shownTexts)).noneMatch(text -> text.startsWith("warm-up") || text.equals("overall"));
        // The rows made for the made-up lines (as many as the table's height holds) stay with the table, hidden.
        Set<Node> made = onFx(this::rows);
        assertThat(made.size()).isGreaterThan(rowsBefore).isGreaterThanOrEqualTo(4);
        assertThat(model.slices()).isEmpty();

        // A run's first steps: three slices; the table draws them in rows it made before.
        onFx(() -> {
            model.accept(steps("region", List.of("north", "south", "west"), 3));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<TableRow<?>> filled = onFx(this::filledRows);
        assertThat(filled).hasSize(4);
        assertThat(made).containsAll(filled);
        assertThat(onFx(this::shownTexts)).contains("overall", "region=north", "region=south", "region=west")
                .noneMatch(text -> text.startsWith("warm-up"));
        assertThat(onFx(() -> List.copyOf(picker.getItems()))).map(Object::toString)
                .containsExactlyInAnyOrder("overall", "region=north", "region=south", "region=west");
        // Every slice of the run is ticked, as when the table had not been made ready.
        assertThat(onFx(() -> picker.getCheckModel().getCheckedItems().size())).isEqualTo(4);
        assertThat(onFx(this::pickerText)).containsExactly("Slices (4/4)");

        // With a run's lines in it the table is left alone.
        onFx(() -> {
            view.prefill(madeUp);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> table.getItems().size())).isEqualTo(4);
        assertThat(onFx(this::shownTexts)).contains("region=north").noneMatch(text -> text.startsWith("warm-up"));
    }
}
