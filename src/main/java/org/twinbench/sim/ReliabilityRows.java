package org.twinbench.sim;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.twinbench.stats.ReliabilityBins;

/**
 * The reliability bins of a run in long format, one row per (replicate, step, bin) that holds a
 * labelled row: its row count, positives and the sum of its scores. Sums, so the bins of any window
 * of steps pool exactly (see {@link ReliabilityBins}); bins without rows are left out, so a step
 * without labels has no rows at all. The run store and {@code reliability.csv} both use it.
 */
public final class ReliabilityRows {

    /** Receives one row. */
    @FunctionalInterface
    public interface Sink {
        void row(int replicate, int step, int bin, long count, long positives, double scoreSum) throws IOException;
    }

    private ReliabilityRows() {
    }

    public static void forEach(RunOutcome outcome, Sink sink) throws IOException {
        for (List<StepResult> replicate : outcome.replicates()) {
            for (StepResult result : replicate) {
                ReliabilityBins bins = result.calibration();
                for (int b = 0; b < ReliabilityBins.BINS; b++) {
                    if (bins.count(b) > 0) {
                        sink.row(result.replicate(), result.step(), b, bins.count(b), bins.positives(b), bins.scoreSum(b));
                    }
                }
            }
        }
    }

    /**
     * Collects rows back into bins per replicate and step: {@code sink()} takes the rows,
     * {@link #bins} gives each step's bins (empty for a step without rows).
     */
    public static final class Collector {

        private final Map<Long, long[]> counts = new LinkedHashMap<>();
        private final Map<Long, long[]> positives = new LinkedHashMap<>();
        private final Map<Long, double[]> sums = new LinkedHashMap<>();

        public Sink sink() {
            return (replicate, step, bin, count, positive, scoreSum) -> {
                if (bin < 0 || bin >= ReliabilityBins.BINS) {
                    throw new IllegalArgumentException("bin " + bin + " is not one of the " + ReliabilityBins.BINS
                            + " reliability bins");
                }
                long key = key(replicate, step);
                counts.computeIfAbsent(key, k -> new long[ReliabilityBins.BINS])[bin] += count;
                positives.computeIfAbsent(key, k -> new long[ReliabilityBins.BINS])[bin] += positive;
                sums.computeIfAbsent(key, k -> new double[ReliabilityBins.BINS])[bin] += scoreSum;
            };
        }

        public ReliabilityBins bins(int replicate, int step) {
            long key = key(replicate, step);
            long[] c = counts.get(key);
            return c == null ? ReliabilityBins.EMPTY : ReliabilityBins.ofSums(c, sums.get(key), positives.get(key));
        }

        private static long key(int replicate, int step) {
            return ((long) replicate << 32) | (step & 0xFFFFFFFFL);
        }
    }
}
