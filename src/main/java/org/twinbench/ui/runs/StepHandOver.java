package org.twinbench.ui.runs;

import java.util.List;
import java.util.concurrent.Executor;
import org.twinbench.sim.StepResult;
import org.twinbench.ui.fx.BackgroundTask;
import org.twinbench.ui.fx.FxCoalescer;
import org.twinbench.ui.results.LiveChartsViewModel;

/**
 * The steps of one run of the window on their way to the FX thread, delivered on the window's pulses (flat
 * out, a timer thread and a {@code runLater} per batch would wait for a core): they go to the live charts,
 * widen the time axis of a followed file, and move the progress bar and status line — at most every
 * {@link #PROGRESS_INTERVAL_NANOS} when the run goes flat out, since each change lays the window out again.
 * Batches of a run no longer shown are dropped. Part of {@link WindowRun}.
 */
final class StepHandOver {

    /** A run going flat out updates its status line and progress bar at most this often. */
    static final long PROGRESS_INTERVAL_NANOS = 100_000_000L;

    /** Where the hand-over shows how far the run has come (FX thread). */
    interface Progress {
        /** Steps the time axis spans now (0 before the plan is known). */
        int axisSteps();

        /** A followed file has closed more windows than the axis spans. */
        void widenAxis(int steps);

        /** Whether the run is paced (every batch may be shown) rather than flat out. */
        boolean paced();

        /** The share of the run done and the words for the status line. */
        void show(double fraction, String text);
    }

    private final FxCoalescer<StepResult> coalescer;
    private long shownAt = Long.MIN_VALUE / 2;

    StepHandOver(Executor fxThread, BackgroundTask.Ticket ticket, LiveChartsViewModel liveCharts, RunProgress counted,
                 Progress progress) {
        this.coalescer = FxCoalescer.onPulses(fxThread, 0, results -> {
            if (ticket.isCurrent()) {
                deliver(results, liveCharts, counted, progress);
            }
        });
    }

    private void deliver(List<StepResult> results, LiveChartsViewModel liveCharts, RunProgress counted,
                         Progress progress) {
        // A followed file's axis spans the windows arrived so far (other runs' steps are all planned).
        int reached = results.stream().mapToInt(StepResult::step).max().orElse(-1) + 1;
        if (progress.axisSteps() > 0 && reached > progress.axisSteps()) {
            progress.widenAxis(reached);
        }
        liveCharts.accept(results);
        long now = System.nanoTime();
        counted.add(results.size(), now);
        if (progress.paced() || now - shownAt >= PROGRESS_INTERVAL_NANOS || counted.done() >= counted.total()) {
            shownAt = now;
            progress.show(counted.fraction(), counted.text());
        }
    }

    /** A step of any replicate, from the run's threads. */
    void offer(StepResult result) {
        coalescer.offer(result);
    }

    /** Hands over what is waiting now (FX thread), before the run is said to have ended. */
    void flush() {
        coalescer.flush();
    }
}
