package org.twinbench.ui.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.value.ObservableValue;
import org.junit.jupiter.api.Test;

/**
 * A line of the slice table formats its row's figures once and again only when that row's values, the judged
 * metric or the task columns change; a text that comes out the same fires nothing. Figures worked by hand.
 */
class SliceRowCellsTest {

    /** A binary run's overall row: accuracy 0.8375 on 400 rows, its guess 0.803, recall 0.331, Wilson interval. */
    private static SliceRow overall(int n, double latest) {
        return new SliceRow("overall", n, latest, 0.0125, 0.7984, 0.8710, false)
                .withGuesses(Map.of("accuracy", 0.803), 0.331);
    }

    /** Names of the texts that fired while {@code action} ran. */
    private static List<String> fired(SliceRowCells line, Runnable action) {
        List<String> fired = new ArrayList<>();
        Map<String, ObservableValue<?>> texts = Map.of("slice", line.sliceText(), "rows", line.rowsText(),
                "latest", line.latestText(), "change", line.changeText(), "interval", line.intervalText(),
                "gap", line.gapText(), "ratio", line.ratioText(), "row", line.rowProperty());
        texts.forEach((name, text) -> text.addListener(observable -> fired.add(name)));
        texts.values().forEach(ObservableValue::getValue);
        action.run();
        return fired;
    }

    @Test
    void aRowIsFormattedWithItsGuessAndRecall() {
        SliceRowCells line = new SliceRowCells();
        assertThat(line.show(overall(400, 0.8375), "accuracy", List.of())).isTrue();
        // 0.8375 is exact in binary and %.3f rounds half up.
        assertThat(line.latestText().get()).isEqualTo("0.838 (guess 0.803), recall 0.331");
        assertThat(line.rowsText().get()).isEqualTo("400");
        assertThat(line.changeText().get()).isEqualTo("+0.013");
        assertThat(line.intervalText().get()).isEqualTo("[0.798, 0.871]");
        assertThat(line.gapText().get()).isEqualTo("—");
        assertThat(line.ratioText().get()).isEqualTo("—");
    }

    @Test
    void theSameRowAgainFormatsNothingAndFiresNothing() {
        SliceRowCells line = new SliceRowCells();
        line.show(overall(400, 0.8375), "accuracy", List.of());
        List<String> fired = fired(line, () -> assertThat(line.show(overall(400, 0.8375), "accuracy", List.of()))
                .isFalse());
        assertThat(fired).isEmpty();
    }

    @Test
    void onlyTheTextsWhoseWordsChangeFire() {
        SliceRowCells line = new SliceRowCells();
        line.show(overall(400, 0.8375), "accuracy", List.of());
        // More rows, a latest value that rounds to the same three decimals: the figure's text stays.
        List<String> fired = fired(line, () -> assertThat(line.show(overall(410, 0.83751), "accuracy", List.of()))
                .isTrue());
        assertThat(fired).containsExactlyInAnyOrder("rows", "row");
        assertThat(line.latestText().get()).isEqualTo("0.838 (guess 0.803), recall 0.331");
    }

    @Test
    void anotherJudgedMetricFormatsTheSameRowAgain() {
        SliceRowCells line = new SliceRowCells();
        line.show(overall(400, 0.8375), "accuracy", List.of());
        assertThat(line.show(overall(400, 0.8375), "f1", List.of())).isTrue();
        // No guess for f1: the figure alone, with recall beside it.
        assertThat(line.latestText().get()).isEqualTo("0.838, recall 0.331");
    }

    @Test
    void taskColumnsShowEachFigureBesideItsGuess() {
        SliceRow regression = new SliceRow("sex=2", 40, 80.0, 2.5, Double.NaN, Double.NaN, true, 5.25, Double.NaN,
                List.of(80.0, 50.0, 0.25), Map.of("rmse", 77.4, "mae", 61.0), Double.NaN);
        SliceRowCells line = new SliceRowCells();
        line.show(regression, "rmse", SliceTable.REGRESSION_COLUMNS);
        assertThat(line.figureText(0).get()).isEqualTo("80.000 (guess 77.400: no better)");
        assertThat(line.figureText(1).get()).isEqualTo("50.000 (guess 61.000)");
        assertThat(line.figureText(2).get()).isEqualTo("0.250");
        assertThat(line.gapText().get()).isEqualTo("+5.250");
        assertThat(line.intervalText().get()).isEqualTo("—");
    }
}
