package org.twinbench.ui.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.twinbench.sim.RobustnessProfile;
import org.twinbench.sim.RunRobustness;

/**
 * The window's "Robustness" tab: after a run with a {@code metrics.robustness} node, how little it takes to hurt
 * the model serving at the end (docs/window.md#robustness). The smallest harmful shift found anywhere first, then
 * the weakest features on all rows, then each slice's weakest feature, weakest slice first — or, before such a
 * run, what the tab will show.
 */
public final class RobustnessSummary extends VBox {

    /** Features listed for all rows. */
    static final int FEATURES_SHOWN = 5;

    private final Label heading = new Label("Robustness");

    public RobustnessSummary() {
        getStyleClass().add("robustness-summary");
        setSpacing(4);
        setPadding(new javafx.geometry.Insets(8));
        heading.setStyle("-fx-font-weight: bold");
        heading.setWrapText(true);
        show(null);
    }

    /** Shows what {@code found} holds now and whenever it changes. */
    public void bind(ObjectProperty<RunRobustness> found) {
        found.addListener((obs, old, now) -> show(now));
        show(found.get());
    }

    /** The lines shown, heading first (for tests and screen readers). */
    public List<String> lines() {
        return getChildren().stream().map(node -> ((Label) node).getText()).toList();
    }

    private void show(RunRobustness found) {
        getChildren().setAll(heading);
        if (found == null) {
            heading.setText("Robustness");
            getChildren().add(wrapped("Add a Robustness profile node (metrics.robustness) to the scenario: when the "
                    + "run ends, the model serving then is tested for the smallest change of each feature that "
                    + "hurts it, on all rows and per slice."));
            return;
        }
        RobustnessProfile all = found.overall();
        heading.setText(String.format(Locale.ROOT, "Robustness of the %s model (%,d labelled rows from step %d; "
                        + "%s %s, limit %s)", found.retrained() ? "retrained" : "deployed", all.rows(), found.fromStep(),
                metricName(all), figure(all.level()), figure(all.limit())));
        List<RobustnessProfile> groups = new ArrayList<>(List.of(all));
        groups.addAll(found.slices());
        RobustnessProfile weakestGroup = null;
        RobustnessProfile.Feature weakest = null;
        for (RobustnessProfile g : groups) {
            for (RobustnessProfile.Feature f : g.features()) {
                if (!Double.isNaN(f.smallestShift()) && (weakest == null || f.smallestShift() < weakest.smallestShift())) {
                    weakest = f;
                    weakestGroup = g;
                }
            }
        }
        getChildren().add(wrapped(weakest == null ? "No shift up to the largest searched takes the "
                + metricName(all) + " past its limit."
                : String.format(Locale.ROOT, "Smallest shift that hurts: %s by %.3g sd on %s.", weakest.feature(),
                weakest.smallestShift(), where(weakestGroup))));
        getChildren().add(wrapped("Weakest features, all rows:"));
        all.features().stream().limit(FEATURES_SHOWN).forEach(f -> getChildren().add(wrapped("  " + describe(f))));
        found.slices().stream()
                .filter(s -> !s.features().isEmpty())
                .sorted(Comparator.comparingDouble(s -> s.features().get(0).weakest()))
                .forEach(s -> getChildren().add(wrapped(String.format(Locale.ROOT, "%s (%d rows, %s %s): weakest %s",
                        where(s), s.rows(), metricName(s), figure(s.level()), describe(s.features().get(0))))));
    }

    /** {@code worst_radius: shift 0.397 sd (up 0.397, down 1.21), scale × 1.30} or a category swap. */
    static String describe(RobustnessProfile.Feature f) {
        if (f.swapTo() != null) {
            return f.feature() + ": " + (Double.isNaN(f.swapShare()) ? "no swap hurts"
                    : String.format(Locale.ROOT, "swapping %.0f%% of rows to %s", 100 * f.swapShare(), f.swapTo()));
        }
        if (Double.isNaN(f.smallestShift()) && Double.isNaN(f.scaleUp())) {
            return f.feature() + ": holds";
        }
        String shift = Double.isNaN(f.smallestShift()) ? "no shift hurts"
                : String.format(Locale.ROOT, "shift %.3g sd (up %s, down %s)", f.smallestShift(), figure(f.shiftUp()),
                figure(f.shiftDown()));
        return f.feature() + ": " + shift + (Double.isNaN(f.scaleUp()) ? ""
                : String.format(Locale.ROOT, ", scale × %.3g", 1 + f.scaleUp()));
    }

    /** {@code all rows}, {@code region = north}, or a numeric range as {@code mean_area >= 551}. */
    static String where(RobustnessProfile g) {
        if (g.column() == null) {
            return "all rows";
        }
        boolean range = g.value().startsWith("<") || g.value().startsWith(">") || g.value().startsWith("[");
        return g.column() + (range ? " " : " = ") + g.value();
    }

    private static String metricName(RobustnessProfile g) {
        return RobustnessProfile.ACCURACY.equals(g.metric()) ? "accuracy" : g.metric().toUpperCase(Locale.ROOT);
    }

    private static String figure(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.3g", value);
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }
}
