package org.twinbench.ui.results;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The window's "Worst slices found" under the slice table: the slices the run's search found in its labelled
 * rows (see {@code sim.SliceSample}), one line each — conditions, rows, accuracy with its 95% interval, the naive
 * guess on the slice's rows, against the rest's, or for a regression the mean absolute error with its 95% t interval,
 * and the p-value — a slice no better than its guess in red italics ({@link WorstSlices}), or why there are none.
 * Shown on the charts' "Worst slices" tab.
 */
public final class TopSlicesList extends VBox {

    private WorstSlices shown = new WorstSlices();

    public TopSlicesList() {
        getStyleClass().add("top-slices");
        setSpacing(4);
        setPadding(new javafx.geometry.Insets(8));
        show();
    }

    /** Shows what {@code slices} holds now and whenever it changes. */
    public void bind(WorstSlices slices) {
        shown = slices;
        slices.findingsProperty().addListener((obs, old, now) -> show());
        show();
    }

    /** The lines shown, heading first (for tests and screen readers). */
    public java.util.List<String> lines() {
        return getChildren().stream().map(node -> ((Label) node).getText()).toList();
    }

    private void show() {
        java.util.List<WorstSlices.Line> lines = shown.lines();
        getChildren().clear();
        for (int i = 0; i < lines.size(); i++) {
            Label label = new Label(lines.get(i).text());
            // The heading wraps like the lines: at 1280×720 the tab is narrower than the figures it names.
            label.setWrapText(true);
            if (i == 0) {
                label.getStyleClass().add("top-slices-heading");
            }
            if (lines.get(i).noBetter()) {
                label.getStyleClass().add("no-better");
            }
            getChildren().add(label);
        }
    }
}
