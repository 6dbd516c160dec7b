package org.twinbench.ui.results;

import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.twinbench.report.SliceJson;
import org.twinbench.stats.SliceFinder;

/**
 * The window's "Worst slices found" under the slice table: the slices the run's search found in its labelled
 * rows (see {@code sim.SliceSample}), one line each — conditions, rows, accuracy with its 95% interval against
 * the rest's, or for a regression the mean absolute error with its 95% t interval against the rest's, and the
 * p-value — or why there are none. Shown on the charts' "Worst slices" tab.
 */
public final class TopSlicesList extends VBox {

    private final Label heading = new Label("Worst slices found");

    public TopSlicesList() {
        getStyleClass().add("top-slices");
        setSpacing(4);
        setPadding(new javafx.geometry.Insets(8));
        // The heading wraps like the lines: at 1280×720 the tab is narrower than the figures it names.
        heading.getStyleClass().add("top-slices-heading");
        heading.setWrapText(true);
        show(null);
    }

    /** Shows what {@code found} holds now and whenever it changes. */
    public void bind(ObjectProperty<SliceFinder.Result> found) {
        found.addListener((obs, old, now) -> show(now));
        show(found.get());
    }

    /** The lines shown, heading first (for tests and screen readers). */
    public java.util.List<String> lines() {
        return getChildren().stream().map(node -> ((Label) node).getText()).toList();
    }

    private void show(SliceFinder.Result found) {
        getChildren().setAll(heading);
        if (found == null) {
            heading.setText("Worst slices found");
            getChildren().add(wrapped("Run a scenario: when it ends, its labelled rows are searched for the groups"
                    + " where the model is least accurate, or where a model of amounts errs most."));
            return;
        }
        boolean errors = found.errors();
        heading.setText(String.format(java.util.Locale.ROOT, "Worst slices found (%,d labelled rows searched, "
                + (errors ? "mean absolute error %.4g" : "accuracy %.3f") + "; %,d slices tested)", found.rows(),
                found.accuracy(), found.tested()));
        if (found.slices().isEmpty()) {
            getChildren().add(wrapped(errors ? "No slice of at least 30 rows has a mean absolute error significantly"
                    + " above the rest's." : "No slice of at least 30 rows is significantly less accurate than the"
                    + " rest."));
        }
        for (SliceFinder.Slice slice : found.slices()) {
            getChildren().add(wrapped(SliceJson.line(slice, errors)));
        }
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }
}
