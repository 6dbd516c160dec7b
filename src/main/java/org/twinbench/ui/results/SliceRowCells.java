package org.twinbench.ui.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One line of the slice table as the window shows it: the texts of its cells, one property each, which the
 * cells are bound to. The table keeps one per line for as long as the line exists and {@link #show shows} the
 * line's latest {@link SliceRow} in it; the figures (with their naive guesses) are formatted again only when
 * that row's values, the judged metric or the task columns change, and a text that comes out the same does not
 * fire, so a streaming run re-lays out only the cells whose text changed rather than every cell of every row
 * the table shows.
 */
public final class SliceRowCells {

    private final ReadOnlyObjectWrapper<SliceRow> row = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper slice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper n = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper latest = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper change = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper interval = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper gap = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper ratio = new ReadOnlyStringWrapper("");
    /** The task columns' texts, in {@link SliceTable#taskColumns} order; grown as columns appear. */
    private final List<ReadOnlyStringWrapper> figures = new ArrayList<>();
    /** The metric and task columns the texts were formatted for. */
    private String shownMetric;
    private List<String> shownColumns = List.of();

    /**
     * Shows {@code now} judged on {@code metric}, with a text per {@code columns} task metric; does nothing when
     * that is what the line shows already. Returns whether anything was formatted again.
     */
    public boolean show(SliceRow now, String metric, List<String> columns) {
        if (now.equals(row.get()) && metric.equals(shownMetric) && columns.equals(shownColumns)) {
            return false;
        }
        shownMetric = metric;
        shownColumns = List.copyOf(columns);
        slice.set(now.slice());
        n.set(Integer.toString(now.n()));
        latest.set(figure(now, metric, now.latest()));
        change.set(signed(now.change()));
        interval.set(Double.isNaN(now.ciLow()) ? "—" : "[" + number(now.ciLow()) + ", " + number(now.ciHigh()) + "]");
        gap.set(signed(now.gapToBest()));
        ratio.set(ratio(now));
        for (int i = 0; i < columns.size(); i++) {
            figure(i).set(now.figures().size() > i ? figure(now, columns.get(i), now.figures().get(i)) : "—");
        }
        // Last: whoever follows the row (its style, its tooltip) finds the texts up to date.
        row.set(now);
        return true;
    }

    /** The row the line shows now (null before the first {@link #show}). */
    public SliceRow row() {
        return row.get();
    }

    /** The row the line shows, which changes when its values do. */
    public ReadOnlyObjectProperty<SliceRow> rowProperty() {
        return row.getReadOnlyProperty();
    }

    /** The slice's name. */
    public ReadOnlyStringProperty sliceText() {
        return slice.getReadOnlyProperty();
    }

    /** The slice's rows at its latest step. */
    public ReadOnlyStringProperty rowsText() {
        return n.getReadOnlyProperty();
    }

    /** The judged metric's latest value, with its guess (and, on a binary run's overall row, recall). */
    public ReadOnlyStringProperty latestText() {
        return latest.getReadOnlyProperty();
    }

    /** The change from the mean of the first steps. */
    public ReadOnlyStringProperty changeText() {
        return change.getReadOnlyProperty();
    }

    /** The interval ("[0.760, 0.940]"), or a dash where none is defined. */
    public ReadOnlyStringProperty intervalText() {
        return interval.getReadOnlyProperty();
    }

    /** The gap to the best slice of its column. */
    public ReadOnlyStringProperty gapText() {
        return gap.getReadOnlyProperty();
    }

    /** The four-fifths selection-rate ratio, flagged below 0.8. */
    public ReadOnlyStringProperty ratioText() {
        return ratio.getReadOnlyProperty();
    }

    /** The {@code index}th task column's figure with its guess. */
    public ReadOnlyStringProperty figureText(int index) {
        return figure(index).getReadOnlyProperty();
    }

    private ReadOnlyStringWrapper figure(int index) {
        while (figures.size() <= index) {
            figures.add(new ReadOnlyStringWrapper("—"));
        }
        return figures.get(index);
    }

    /**
     * A figure of the table, with the naive baseline on the row's own rows beside it ("0.838 (guess 0.803)",
     * "0.700 (guess 0.760: no better)" when the figure is not better) and, on a binary run's overall row, the
     * positive class's recall ("…, recall 0.331").
     */
    static String figure(SliceRow row, String metric, double value) {
        double naive = row.guess(metric);
        boolean noBetter = !Double.isNaN(naive) && !Double.isNaN(value)
                && (SliceTable.lowerIsBetter(metric) ? value >= naive : value <= naive);
        String guess = Double.isNaN(naive) ? "" : " (guess " + number(naive) + (noBetter ? ": no better)" : ")");
        String recall = Double.isNaN(row.recall()) || !row.figures().isEmpty() ? "" : ", recall " + number(row.recall());
        return number(value) + guess + recall;
    }

    /** The selection-rate ratio, with the four-fifths flag spelled out. */
    static String ratio(SliceRow row) {
        if (Double.isNaN(row.selectionRatio())) {
            return "—";
        }
        return String.format(Locale.ROOT, "%.2f", row.selectionRatio()) + (row.failsFourFifths() ? " < 0.8" : "");
    }

    static String number(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String signed(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%+.3f", value);
    }
}
