package org.twinbench.ui.results;

import java.util.List;
import org.twinbench.sim.StepResult;
import org.twinbench.stats.ReliabilityBins;

/**
 * The reliability diagram of the current window of a run: the reliability bins of its last
 * {@code window} steps pooled by counts (Σ scores / Σ rows and Σ positives / Σ rows per bin).
 *
 * @param window how many steps the window holds at most
 * @param firstStep the first step pooled, -1 when there is none
 * @param lastStep the last step pooled, -1 when there is none
 * @param bins the pooled bins
 */
public record ReliabilityDiagram(int window, int firstStep, int lastStep, ReliabilityBins bins) {

    /** Steps in the window unless the user chooses otherwise. */
    public static final int DEFAULT_WINDOW = 10;
    /** The window that holds every step of the run. */
    public static final int WHOLE_RUN = Integer.MAX_VALUE;
    /** The windows offered in the Reliability tab. */
    public static final List<Integer> WINDOWS = List.of(DEFAULT_WINDOW, 25, 50, WHOLE_RUN);

    static ReliabilityDiagram empty(int window) {
        return new ReliabilityDiagram(window, -1, -1, ReliabilityBins.EMPTY);
    }

    /** Pools the bins of the last {@code window} results of {@code results} (in step order). */
    static ReliabilityDiagram of(List<StepResult> results, int window) {
        if (results.isEmpty()) {
            return empty(window);
        }
        List<StepResult> last = results.subList(Math.max(0, results.size() - window), results.size());
        ReliabilityBins pooled = ReliabilityBins.EMPTY;
        for (StepResult result : last) {
            pooled = pooled.plus(result.calibration());
        }
        return new ReliabilityDiagram(window, last.get(0).step(), last.get(last.size() - 1).step(), pooled);
    }

    /**
     * Pools the bins of the last {@code window} steps that every replicate has reached, over all
     * replicates (each in step order): the calibration of the run's model across its random draws.
     * With one replicate it is {@link #of}.
     */
    static ReliabilityDiagram ofReplicates(List<List<StepResult>> replicates, int window) {
        if (replicates.size() == 1) {
            return of(replicates.get(0), window);
        }
        int reached = replicates.stream().mapToInt(List::size).min().orElse(0);
        if (reached == 0) {
            return empty(window);
        }
        int from = Math.max(0, reached - window);
        ReliabilityBins pooled = ReliabilityBins.EMPTY;
        for (List<StepResult> replicate : replicates) {
            for (StepResult result : replicate.subList(from, reached)) {
                pooled = pooled.plus(result.calibration());
            }
        }
        List<StepResult> first = replicates.get(0);
        return new ReliabilityDiagram(window, first.get(from).step(), first.get(reached - 1).step(), pooled);
    }

    /** Whether the window holds every step of the run. */
    public boolean wholeRun() {
        return window == WHOLE_RUN;
    }

    /** "last 10 steps", or "whole run". */
    static String describeWindow(int window) {
        return window == WHOLE_RUN ? "whole run" : window == 1 ? "last step" : "last " + window + " steps";
    }

    /** Steps pooled so far (fewer than the window early in a run). */
    public int steps() {
        return firstStep < 0 ? 0 : lastStep - firstStep + 1;
    }

    /** Whether any row with a label was binned. */
    public boolean hasRows() {
        return bins.total() > 0;
    }
}
