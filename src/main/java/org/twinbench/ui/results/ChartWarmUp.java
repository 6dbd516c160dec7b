package org.twinbench.ui.results;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import org.twinbench.sim.StepResult;
import org.twinbench.stats.MetricSet;
import org.twinbench.stats.SliceMetrics;

/**
 * Runs the live chart's code once before the first run, so the JIT compiler has compiled it by then
 * rather than during the first run, when it competes with the engine for the cores: a made-up run of
 * {@value #STEPS} steps of {@value #SLICES} slices, with the naive baseline's measures of each, goes through a
 * view model of its own (never shown), is drawn on a chart that is in no window and its slice table formatted
 * into lines of the table's own kind (guesses and recall beside the figures), {@value #STEPS_PER_PULSE} steps
 * at a time so the window stays responsive while it warms. Once in the application's life.
 * <p>
 * After its first batch it hands the made-up table's lines to the window's slice table
 * ({@link LiveChartsView#prefill}), which makes, styles and lays out its rows and cells for them and goes back to
 * its own lines in the same event of the FX thread: a real run's first steps then find them made.
 */
final class ChartWarmUp {

    static final int STEPS = 3_000;
    static final int SLICES = 10;
    static final int STEPS_PER_PULSE = 100;

    private static final java.util.concurrent.atomic.AtomicBoolean STARTED = new java.util.concurrent.atomic.AtomicBoolean();
    private final LiveChartsViewModel model = new LiveChartsViewModel(Runnable::run, Runnable::run, 0);
    private final MetricPlot plot = new MetricPlot();
    private int next;
    /** The made-up run's slice table as its lines would show it. */
    private final List<SliceRowCells> lines = new ArrayList<>();
    /** Given the made-up table's lines after the first batch, once; null after. */
    private java.util.function.Consumer<List<SliceRowCells>> prefill;

    ChartWarmUp(java.util.function.Consumer<List<SliceRowCells>> prefill) {
        this.prefill = prefill;
        plot.resize(900, 300);
        plot.layout();
        plot.setSteps(STEPS);
    }

    /**
     * Starts warming on the FX thread, a batch at a time; once in the application's life. {@code prefill} is given
     * the made-up slice table's lines after the first batch.
     */
    static void start(java.util.function.Consumer<List<SliceRowCells>> prefill) {
        if (STARTED.compareAndSet(false, true)) {
            Platform.runLater(() -> new ChartWarmUp(prefill).batch());
        }
    }

    /** Warms with the next batch and asks for the one after; true while there is more to come. */
    boolean batch() {
        List<StepResult> steps = new ArrayList<>();
        for (int step = next; step < Math.min(STEPS, next + STEPS_PER_PULSE); step++) {
            List<SliceMetrics> slices = new ArrayList<>();
            java.util.Map<String, Double> guesses = new java.util.HashMap<>();
            guesses.put(org.twinbench.sim.monitor.BaselineMonitor.ID + ".accuracy", 0.7);
            for (int s = 0; s < SLICES; s++) {
                slices.add(new SliceMetrics("warm-up", "s" + s, metrics(0.8 + 0.1 * Math.sin(step / 100.0 + s))));
                guesses.put(org.twinbench.sim.monitor.BaselineMonitor.ID + ".accuracy[warm-up=s" + s + "]",
                        0.75 + 0.01 * s);
            }
            steps.add(new StepResult(0, step, metrics(0.8), slices, guesses, List.of()));
        }
        next += steps.size();
        model.accept(steps);
        plot.show(model.curves(), model.alarms(), model.lowestProperty().get(), model.highestProperty().get(),
                model.metricProperty().get());
        for (int i = 0; i < model.rows().size(); i++) {
            if (lines.size() <= i) {
                lines.add(new SliceRowCells());
            }
            lines.get(i).show(model.rows().get(i), model.tableMetric(), model.tableColumns());
        }
        if (prefill != null && !lines.isEmpty()) {
            java.util.function.Consumer<List<SliceRowCells>> once = prefill;
            prefill = null;
            once.accept(List.copyOf(lines));
        }
        if (next < STEPS) {
            Platform.runLater(this::batch);
            return true;
        }
        return false;
    }

    /** What the warm-up drew last (read by its test). */
    List<ChartCurve> drawn() {
        return plot.curves();
    }

    /** The made-up run's slice table as formatted last (read by its test). */
    List<SliceRowCells> lines() {
        return lines;
    }

    int steps() {
        return model.results().size();
    }

    private static MetricSet metrics(double accuracy) {
        return new MetricSet(100, accuracy, 0.6, 0.5, 0.55, 0.8, 0.4, 0.15, 0.03);
    }
}
