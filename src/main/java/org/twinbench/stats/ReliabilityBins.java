package org.twinbench.stats;

import java.util.Arrays;

/**
 * The sums behind a reliability diagram: ten equal-width bins of the predicted probability of the
 * positive class (bin b holds scores in [b/10, (b+1)/10), 1.0 in the last, as for the ECE of
 * {@link ClassificationMetrics}), each with its row count, the sum of its scores and its number of
 * positive labels. Sums rather than means, so the bins of several steps pool exactly by adding
 * them: the pooled mean predicted probability of a bin is Σ scores / Σ count, its observed
 * positive rate Σ positives / Σ count.
 */
public final class ReliabilityBins implements java.io.Serializable {

    public static final int BINS = ClassificationMetrics.ECE_BINS;
    public static final ReliabilityBins EMPTY = new ReliabilityBins(new long[BINS], new double[BINS], new long[BINS]);

    private final long[] counts;
    private final double[] scoreSums;
    private final long[] positives;

    private ReliabilityBins(long[] counts, double[] scoreSums, long[] positives) {
        this.counts = counts;
        this.scoreSums = scoreSums;
        this.positives = positives;
    }

    /** The bins of labelled rows: {@code labels[i]} is 1 (positive) or 0, {@code scores[i]} the predicted probability. */
    public static ReliabilityBins of(int[] labels, double[] scores) {
        long[] counts = new long[BINS];
        double[] sums = new double[BINS];
        long[] positives = new long[BINS];
        for (int i = 0; i < labels.length; i++) {
            int bin = ClassificationMetrics.eceBin(scores[i]);
            counts[bin]++;
            sums[bin] += scores[i];
            positives[bin] += labels[i] == 1 ? 1 : 0;
        }
        return new ReliabilityBins(counts, sums, positives);
    }

    /**
     * Bins from their sums, e.g. as read back from a run store: {@code counts[b]} rows in bin b, whose
     * scores add up to {@code scoreSums[b]} and of which {@code positives[b]} are positive.
     */
    public static ReliabilityBins ofSums(long[] counts, double[] scoreSums, long[] positives) {
        if (counts.length != BINS || scoreSums.length != BINS || positives.length != BINS) {
            throw new IllegalArgumentException("reliability bins need " + BINS + " counts, score sums and positives");
        }
        for (int b = 0; b < BINS; b++) {
            if (counts[b] < 0 || positives[b] < 0 || positives[b] > counts[b]) {
                throw new IllegalArgumentException("bin " + b + ": " + positives[b] + " positives of " + counts[b]
                        + " rows");
            }
        }
        return new ReliabilityBins(counts.clone(), scoreSums.clone(), positives.clone());
    }

    /** The bins of this and {@code other}'s rows together. */
    public ReliabilityBins plus(ReliabilityBins other) {
        long[] c = counts.clone();
        double[] s = scoreSums.clone();
        long[] p = positives.clone();
        for (int b = 0; b < BINS; b++) {
            c[b] += other.counts[b];
            s[b] += other.scoreSums[b];
            p[b] += other.positives[b];
        }
        return new ReliabilityBins(c, s, p);
    }

    public long count(int bin) {
        return counts[bin];
    }

    /** Positive rows in the bin. */
    public long positives(int bin) {
        return positives[bin];
    }

    /** The sum of the bin's scores. */
    public double scoreSum(int bin) {
        return scoreSums[bin];
    }

    /** Rows in every bin. */
    public long total() {
        return Arrays.stream(counts).sum();
    }

    /** Mean predicted probability of the bin's rows; NaN for an empty bin. */
    public double predicted(int bin) {
        return counts[bin] == 0 ? Double.NaN : scoreSums[bin] / counts[bin];
    }

    /** Share of the bin's rows whose label is positive; NaN for an empty bin. */
    public double observed(int bin) {
        return counts[bin] == 0 ? Double.NaN : (double) positives[bin] / counts[bin];
    }

    /** The lower edge of bin b, b/10. */
    public static double lowerEdge(int bin) {
        return (double) bin / BINS;
    }

    /** The upper edge of bin b, (b+1)/10. */
    public static double upperEdge(int bin) {
        return (double) (bin + 1) / BINS;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReliabilityBins other && Arrays.equals(counts, other.counts)
                && Arrays.equals(scoreSums, other.scoreSums) && Arrays.equals(positives, other.positives);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(counts) + Arrays.hashCode(scoreSums)) + Arrays.hashCode(positives);
    }

    @Override
    public String toString() {
        return "ReliabilityBins" + Arrays.toString(counts);
    }
}
