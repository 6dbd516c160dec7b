package org.twinbench.ui.results;

import javafx.beans.InvalidationListener;
import javafx.css.PseudoClass;
import javafx.scene.control.TableRow;
import javafx.scene.control.Tooltip;

/**
 * A line of the slice table as drawn: styled as among the worst slices, failing the four-fifths rule or no
 * better than the naive guess on its rows, with a tooltip that says which. It follows its line's row
 * ({@link SliceRowCells#rowProperty()}), so a row whose values change restyles only its own line, and only
 * when a flag or the tooltip's words change.
 */
final class SliceTableRow extends TableRow<SliceRowCells> {

    static final PseudoClass WORST = PseudoClass.getPseudoClass("worst");
    static final PseudoClass UNFAIR = PseudoClass.getPseudoClass("four-fifths");
    /** A row whose judged figure is no better than the naive baseline on its own rows. */
    static final PseudoClass NO_BETTER = PseudoClass.getPseudoClass("no-better");

    private final LiveChartsViewModel model;
    private final InvalidationListener restyle = observable -> restyle();
    /** The line whose row this draws and follows; null while empty. */
    private SliceRowCells followed;
    /**
     * The row's tooltip, made the first time the row needs one and then changed in place: a Tooltip is a popup
     * window to build and style, too dear to make per update.
     */
    private Tooltip tooltip;

    SliceTableRow(LiveChartsViewModel model) {
        this.model = model;
    }

    @Override
    protected void updateItem(SliceRowCells line, boolean empty) {
        super.updateItem(line, empty);
        SliceRowCells now = empty ? null : line;
        if (now != followed) {
            if (followed != null) {
                followed.rowProperty().removeListener(restyle);
            }
            followed = now;
            if (now != null) {
                now.rowProperty().addListener(restyle);
            }
        }
        restyle();
    }

    private void restyle() {
        SliceRow row = followed == null ? null : followed.row();
        String metric = model.tableMetric();
        boolean worst = row != null && row.worst();
        boolean unfair = row != null && row.failsFourFifths();
        boolean noBetter = row != null && row.noBetterThanGuess(metric);
        pseudoClassStateChanged(WORST, worst);
        pseudoClassStateChanged(UNFAIR, unfair);
        pseudoClassStateChanged(NO_BETTER, noBetter);
        String why = String.join("\n", java.util.stream.Stream.of(
                worst ? "Among the worst slices for " + metric : "",
                unfair ? "Predicted positive less than four fifths as often as the most-selected "
                        + "slice of its column (four-fifths rule)" : "",
                noBetter ? noBetterWords(row, metric) : "")
                .filter(line -> !line.isEmpty()).toList());
        if (tooltip == null && !why.isEmpty()) {
            tooltip = new Tooltip();
        }
        if (tooltip != null && !why.equals(tooltip.getText())) {
            tooltip.setText(why);
        }
        Tooltip wanted = why.isEmpty() ? null : tooltip;
        if (getTooltip() != wanted) {
            setTooltip(wanted);
        }
    }

    /** The row's tooltip line when its judged figure is no better than guessing on its rows. */
    static String noBetterWords(SliceRow row, String metric) {
        String guess = "accuracy".equals(metric) ? "always answering the majority class"
                : "always predicting the mean";
        return "No better than " + guess + " on the same rows: " + LiveChartsView.header(metric) + " "
                + SliceRowCells.number(row.latest()) + " against " + SliceRowCells.number(row.guess(metric));
    }
}
