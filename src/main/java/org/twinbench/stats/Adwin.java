package org.twinbench.stats;

import java.util.Map;

/**
 * ADWIN, the adaptive sliding window of Bifet and Gavaldà ("Learning from time-changing data with
 * adaptive windowing", SDM 2007), in the ADWIN2 form with an exponential histogram of buckets.
 *
 * <p>It reproduces, value for value, the detections of MOA's
 * {@code moa.classifiers.core.driftdetection.ADWIN}: at most {@value #MAX_BUCKETS} buckets per row
 * (row r holding buckets of 2^r values), a cut check every {@value #CLOCK} values once the window holds
 * more than {@value #MIN_WINDOW} values, both sub-windows longer than {@value #MIN_SUB_WINDOW} + 1, and the
 * cut bound ε = √(2·m·σ²·ln(2 ln W / δ)) + ⅔·ln(2 ln W / δ)·m with m = 1/(n0 − 4) + 1/(n1 − 4) and σ² the
 * window variance. MOA's arithmetic is kept as it is, including its {@code int} products of bucket sizes
 * (which wrap for rows of 2^16 values and more), because changing them would change the detections.
 * Unlike MOA the buckets live in flat arrays, and the sub-window variances MOA accumulates but never
 * uses are not computed.
 */
public final class Adwin implements ChangeDetector {

    public static final double DEFAULT_DELTA = 0.002;
    static final int MAX_BUCKETS = 5;
    static final int CLOCK = 32;
    static final int MIN_WINDOW = 10;
    static final int MIN_SUB_WINDOW = 5;
    private static final int SLOTS = MAX_BUCKETS + 1;
    private static final int MAX_ROWS = 32;

    private final double delta;
    /** Row r, slot k (oldest first) at index r·SLOTS + k. */
    private final double[] totals = new double[MAX_ROWS * SLOTS];
    private final double[] variances = new double[MAX_ROWS * SLOTS];
    private final int[] used = new int[MAX_ROWS];
    private int lastRow;
    private int time;
    private int width;
    private double total;
    private double variance;

    public Adwin() {
        this(DEFAULT_DELTA);
    }

    public Adwin(double delta) {
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("delta must be in (0, 1), not " + delta);
        }
        this.delta = delta;
    }

    @Override
    public String name() {
        return "adwin";
    }

    @Override
    public Map<String, Double> parameters() {
        return Map.of("delta", delta);
    }

    /** Values in the current window. */
    public int width() {
        return width;
    }

    /** Mean of the current window. */
    public double estimation() {
        return total / width;
    }

    @Override
    public Signal update(double value) {
        time++;
        insert(value);
        boolean change = false;
        if (time % CLOCK == 0 && width > MIN_WINDOW) {
            boolean shrunk = true;
            while (shrunk) {
                shrunk = cutOldestIfChanged();
                change |= shrunk;
            }
        }
        return change ? Signal.DRIFT : Signal.NONE;
    }

    /**
     * Scans the splits between buckets from the oldest; at the first split whose two sub-window means
     * differ by more than ε, drops the oldest bucket and reports it (the caller scans again).
     */
    private boolean cutOldestIfChanged() {
        int n0 = 0;
        int n1 = width;
        double u0 = 0;
        double u1 = total;
        double logTerm = Math.log(2 * Math.log(width) / delta);
        double windowVariance = variance / width;
        for (int row = lastRow; row >= 0; row--) {
            int size = 1 << row;
            int base = row * SLOTS;
            for (int k = 0; k < used[row]; k++) {
                n0 += size;
                n1 -= size;
                u0 += totals[base + k];
                u1 -= totals[base + k];
                if (row == 0 && k == used[row] - 1) {
                    return false;
                }
                double difference = u0 / n0 - u1 / n1;
                if (n1 > MIN_SUB_WINDOW + 1 && n0 > MIN_SUB_WINDOW + 1
                        && Math.abs(difference) > epsilon(n0, n1, logTerm, windowVariance)) {
                    deleteOldestBucket();
                    return true;
                }
            }
        }
        return false;
    }

    private static double epsilon(int n0, int n1, double logTerm, double windowVariance) {
        double m = ((double) 1 / (n0 - MIN_SUB_WINDOW + 1)) + ((double) 1 / (n1 - MIN_SUB_WINDOW + 1));
        return Math.sqrt(2 * m * windowVariance * logTerm) + (double) 2 / 3 * logTerm * m;
    }

    private void insert(double value) {
        width++;
        int k = used[0]++;
        totals[k] = value;
        variances[k] = 0;
        if (width > 1) {
            // Welford-style update of the sum of squared deviations, in MOA's order of operations.
            variance += (width - 1) * (value - total / (width - 1)) * (value - total / (width - 1)) / width;
        }
        total += value;
        compress();
    }

    /** Merges the two oldest buckets of every full row into one bucket of the next row. */
    private void compress() {
        for (int row = 0; used[row] == SLOTS; row++) {
            if (row == lastRow) {
                lastRow++;
                used[lastRow] = 0;
            }
            int size = 1 << row;
            int base = row * SLOTS;
            double u1 = totals[base] / size;
            double u2 = totals[base + 1] / size;
            // int product on purpose (see the class comment).
            double merged = size * size * (u1 - u2) * (u1 - u2) / (size + size);
            int next = (row + 1) * SLOTS + used[row + 1]++;
            totals[next] = totals[base] + totals[base + 1];
            variances[next] = variances[base] + variances[base + 1] + merged;
            dropOldest(row, 2);
            if (used[row + 1] <= MAX_BUCKETS) {
                break;
            }
        }
    }

    private void deleteOldestBucket() {
        int size = 1 << lastRow;
        int base = lastRow * SLOTS;
        width -= size;
        total -= totals[base];
        double u1 = totals[base] / size;
        // int product size * width on purpose (see the class comment).
        variance -= variances[base] + size * width * (u1 - total / width) * (u1 - total / width) / (size + width);
        dropOldest(lastRow, 1);
        if (used[lastRow] == 0 && lastRow > 0) {
            lastRow--;
        }
    }

    private void dropOldest(int row, int count) {
        int base = row * SLOTS;
        int remaining = used[row] - count;
        System.arraycopy(totals, base + count, totals, base, remaining);
        System.arraycopy(variances, base + count, variances, base, remaining);
        used[row] = remaining;
    }
}
