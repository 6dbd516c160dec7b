package org.twinbench.sim;

import java.io.IOException;
import java.util.List;
import org.twinbench.stats.SliceMetrics;

/**
 * The long format of a run, one row per (replicate, step, slice, metric) with the value as text: for
 * every step the row count {@code n} and the metrics overall, then per slice ({@code column=value}),
 * then the step's other measures under slice {@code overall}. An undefined value is empty; numbers are
 * written with {@link Double#toString} (exact: reading the text back gives the same double).
 * {@code steps.csv} and the run store both use it, so an export reproduces the file byte for byte.
 */
public final class StepRows {

    /** Receives one row. */
    @FunctionalInterface
    public interface Sink {
        void row(int replicate, int step, String slice, String metric, String value) throws IOException;
    }

    private StepRows() {
    }

    public static void forEach(RunOutcome outcome, Sink sink) throws IOException {
        for (List<StepResult> replicate : outcome.replicates()) {
            for (StepResult result : replicate) {
                int r = result.replicate();
                int s = result.step();
                sink.row(r, s, RunSeries.OVERALL, "n", Integer.toString(result.overall().n()));
                for (var metric : result.overall().asMap().entrySet()) {
                    sink.row(r, s, RunSeries.OVERALL, metric.getKey(), text(metric.getValue()));
                }
                for (SliceMetrics slice : result.slices()) {
                    String name = sliceName(slice);
                    sink.row(r, s, name, "n", Integer.toString(slice.metrics().n()));
                    for (var metric : slice.metrics().asMap().entrySet()) {
                        sink.row(r, s, name, metric.getKey(), text(metric.getValue()));
                    }
                }
                for (var measure : result.measures().entrySet()) {
                    sink.row(r, s, RunSeries.OVERALL, measure.getKey(), text(measure.getValue()));
                }
            }
        }
    }

    /** {@code column=value}, with {@code (missing)} for the rows where the column is missing. */
    public static String sliceName(SliceMetrics slice) {
        return slice.column() + "=" + (slice.value() == null ? "(missing)" : slice.value());
    }

    public static String text(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }
}
