package org.twinbench.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import org.twinbench.ui.editor.WindowLayout;

/**
 * The room the results get under the graph. The live chart stays readable at any window height: the
 * slice table below it gives way first (down to its least height), then the graph above (down to its
 * own), so the chart keeps at least {@link #CHART_LEAST} pixels wherever the dividers were. Otherwise
 * the dividers stay where the user put them: as the window shrinks and grows again they come back to
 * the user's place rather than drifting. The results can be hidden to give the graph the whole height
 * (View → Results, the toolbar's Results button); whether they are shown and their share of the
 * height are remembered in the TwinBench folder ({@link WindowLayout}).
 */
final class ResultsRoom {

    /** The least height of the metric chart (its canvas, axes and legend), in pixels. */
    static final double CHART_LEAST = 150;
    /** The tab headers above the chart, until they have been measured. */
    private static final double HEADER_GUESS = 32;

    private final SplitPane outer;
    private final Region canvas;
    private final Region results;
    private final SplitPane inner;
    private final Region chartTabs;
    private final Region chart;
    private final Region table;
    private final BooleanProperty shown = new SimpleBooleanProperty(true);
    private final Consumer<WindowLayout> keep;
    private WindowLayout layout;
    /** The chart's share of the inner split the user wants (the FXML's, or where they dragged it). */
    private double chartShare;
    private double header = HEADER_GUESS;
    private boolean dragging;
    private boolean fitQueued;

    private ResultsRoom(SplitPane outer, Region canvas, Region results, WindowLayout layout,
                        Consumer<WindowLayout> keep) {
        this.outer = outer;
        this.canvas = canvas;
        this.results = results;
        this.inner = (SplitPane) find(results, "#split");
        // A split pane's items are its children only once it is skinned: taken from its items.
        this.chartTabs = (Region) inner.getItems().get(0);
        this.chart = (Region) find(chartTabs, "#metricChart");
        this.table = (Region) inner.getItems().get(1);
        this.layout = layout;
        this.keep = keep;
        this.chartShare = inner.getDividerPositions()[0];
    }

    /**
     * Takes charge of {@code outer}, the split of the graph ({@code canvas}) over the {@code results},
     * with the layout remembered in {@code home} (defaults: shown, {@code defaultShare} of the height);
     * a changed layout is written there on {@code background}.
     */
    static ResultsRoom install(SplitPane outer, Region canvas, Region results, double defaultShare, Path home,
                               Executor background) {
        WindowLayout remembered = WindowLayout.read(home, new WindowLayout(true, defaultShare));
        ResultsRoom room = new ResultsRoom(outer, canvas, results, remembered, changed -> background.execute(() -> {
            try {
                changed.write(home);
            } catch (IOException e) {
                // The layout is a convenience: a folder that cannot be written only loses it next time.
            }
        }));
        room.start();
        return room;
    }

    private void start() {
        outer.setDividerPosition(0, 1 - layout.resultsShare());
        outer.heightProperty().addListener((obs, old, now) -> fitLater());
        inner.heightProperty().addListener((obs, old, now) -> fitLater());
        outer.getDividers().get(0).positionProperty().addListener((obs, old, now) -> fitLater());
        inner.getDividers().get(0).positionProperty().addListener((obs, old, now) -> fitLater());
        watchDrags(outer, () -> remember(layout.withResultsShare(1 - outer.getDividerPositions()[0])));
        watchDrags(inner, () -> chartShare = inner.getDividerPositions()[0]);
        shown.set(layout.resultsShown());
        show(layout.resultsShown());
        shown.addListener((obs, was, now) -> {
            show(now);
            remember(layout.withResultsShown(now));
        });
    }

    /** Whether the results are shown under the graph; false gives the graph the whole height. */
    BooleanProperty shownProperty() {
        return shown;
    }

    /** The results' share of the height the user chose (shown or not). */
    double resultsShare() {
        return layout.resultsShare();
    }

    private void show(boolean visible) {
        results.setVisible(visible);
        if (visible && !outer.getItems().contains(results)) {
            outer.getItems().add(results);
            outer.setDividerPosition(0, 1 - layout.resultsShare());
            outer.getDividers().get(0).positionProperty().addListener((obs, old, now) -> fitLater());
        } else if (!visible) {
            outer.getItems().remove(results);
        }
        fitLater();
    }

    private void remember(WindowLayout changed) {
        if (!changed.equals(layout)) {
            layout = changed;
            keep.accept(changed);
        }
    }

    /** A drag of {@code split}'s divider: no fitting while it goes on, then {@code done}. */
    private void watchDrags(SplitPane split, Runnable done) {
        split.addEventFilter(MouseEvent.MOUSE_PRESSED, event -> dragging = onDivider(event));
        split.addEventFilter(MouseEvent.MOUSE_RELEASED, event -> {
            if (dragging) {
                dragging = false;
                done.run();
                fitLater();
            }
        });
    }

    private static boolean onDivider(MouseEvent event) {
        for (Object n = event.getPickResult().getIntersectedNode(); n instanceof Node node; n = node.getParent()) {
            if (node.getStyleClass().contains("split-pane-divider")) {
                return true;
            }
        }
        return false;
    }

    /** Fits once after the changes of this pulse (a divider set here changes positions again). */
    private void fitLater() {
        if (!fitQueued && !dragging) {
            fitQueued = true;
            Platform.runLater(() -> {
                fitQueued = false;
                fit();
            });
        }
    }

    /**
     * Puts both dividers where the user wants them, or, where that leaves the chart less than its least
     * height, as near as the table's and then the graph's least heights allow.
     */
    void fit() {
        if (dragging || !results.isVisible() || inner.getHeight() <= 0 || outer.getDividers().isEmpty()) {
            return;
        }
        if (chart.isVisible() && chart.getHeight() > 0 && chartTabs.getHeight() > chart.getHeight()) {
            header = chartTabs.getHeight() - chart.getHeight();
        }
        double innerGap = Math.max(0, inner.getHeight() - chartTabs.getHeight() - table.getHeight());
        // Two pixels more: each split snaps its divider to whole pixels.
        double chartNeeds = CHART_LEAST + header + 2;
        double tableNeeds = table.minHeight(-1) + innerGap;
        // Below the chart: the table gives way down to its least height. A position is the divider's middle.
        double least = (chartNeeds + innerGap) / inner.getHeight();
        double most = 1 - tableNeeds / inner.getHeight();
        set(inner, Math.max(chartShare, Math.min(least, most)));
        // Above: the graph gives way, down to its own least height, when the table cannot.
        double outerHeight = outer.getHeight();
        double outerGap = Math.max(0, outerHeight - canvas.getHeight() - results.getHeight());
        double resultsNeeds = results.getHeight() - inner.getHeight() + chartNeeds + tableNeeds + outerGap;
        double resultsLeast = Math.min(resultsNeeds / outerHeight,
                1 - (canvas.minHeight(-1) + outerGap) / outerHeight);
        set(outer, 1 - Math.max(layout.resultsShare(), resultsLeast));
    }

    private static void set(SplitPane split, double position) {
        if (Math.abs(split.getDividerPositions()[0] - position) > 0.002) {
            split.setDividerPosition(0, position);
        }
    }

    private static Node find(Node root, String selector) {
        Node found = root.lookup(selector);
        if (found == null) {
            throw new IllegalStateException("the results view has no " + selector);
        }
        return found;
    }
}
