package org.twinbench.sim;

import java.io.IOException;
import java.util.List;
import org.twinbench.stats.MetricSet;
import org.twinbench.stats.SliceMetrics;

/**
 * The long format of a run, one row per (replicate, step, slice, metric) with the value as text: for
 * every step the row count {@code n} and the metrics of the model's task ({@link MetricSet#names}) overall, then per slice ({@code column=value}),
 * then the step's other measures under slice {@code overall}, and for a calendar replay the first day of
 * the step's window ({@value #WINDOW_START}, an ISO date). An undefined value is empty; numbers are
 * written with {@link Double#toString} (exact: reading the text back gives the same double).
 * {@code steps.csv} and the run store both use it, so an export reproduces the file byte for byte.
 */
public final class StepRows {

    /** Receives one row. */
    @FunctionalInterface
    public interface Sink {
        void row(int replicate, int step, String slice, String metric, String value) throws IOException;
    }

    /** The metric name of a calendar step's window start. */
    public static final String WINDOW_START = "window_start";

    private StepRows() {
    }

    public static void forEach(RunOutcome outcome, Sink sink) throws IOException {
        for (List<StepResult> replicate : outcome.replicates()) {
            for (StepResult result : replicate) {
                int r = result.replicate();
                int s = result.step();
                metrics(r, s, StepResult.OVERALL, result.overall(), sink);
                for (SliceMetrics slice : result.slices()) {
                    metrics(r, s, sliceName(slice), slice.metrics(), sink);
                }
                for (var measure : result.measures().entrySet()) {
                    sink.row(r, s, StepResult.OVERALL, measure.getKey(), text(measure.getValue()));
                }
                if (result.windowStart() != null) {
                    sink.row(r, s, StepResult.OVERALL, WINDOW_START, result.windowStart());
                }
            }
        }
    }

    private static void metrics(int replicate, int step, String slice, MetricSet metrics, Sink sink)
            throws IOException {
        sink.row(replicate, step, slice, "n", Integer.toString(metrics.n()));
        List<String> names = metrics.names();
        for (int m = 0; m < names.size(); m++) {
            sink.row(replicate, step, slice, names.get(m), text(metrics.value(m)));
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
