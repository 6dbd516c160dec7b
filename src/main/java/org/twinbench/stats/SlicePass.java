package org.twinbench.stats;

/**
 * Classification metrics of every slice from one pass over the rows, for scores in [0, 2) (every
 * probability). The pass accumulates per slice the confusion counts, log loss, Brier and ECE bin sums —
 * in row order, as {@link ClassificationMetrics#compute} does, so the results are bit-identical — and
 * writes each row into its slice's array of sort keys: the score's raw bits shifted left by one with the
 * label in the freed lowest bit (a non-negative double's bits order as signed longs exactly as the doubles
 * do, and below 2.0 the shift keeps them positive). Each slice's keys are then radix-sorted — one sort per
 * slice, small enough to stay in cache, rather than one sort of all rows — and walked once for the
 * Mann-Whitney wins of ROC AUC (a positive above a negative counts 1, a tie 1/2).
 */
final class SlicePass {

    private SlicePass() {
    }

    /** True when every score is a double in [0, 2) with its sign bit clear (so not −0.0, not NaN). */
    static boolean applies(double[] scores) {
        for (double score : scores) {
            if (Double.doubleToRawLongBits(score) < 0 || !(score < 2.0)) {
                return false;
            }
        }
        return true;
    }

    /** Metrics per slice index {@code 0..k} (k = the rows with code −1); null for a slice without rows. */
    static MetricSet[] compute(int[] codes, int k, int[] labels, double[] scores, double threshold) {
        int n = codes.length;
        int groups = k + 1;
        int[] rows = new int[groups];
        for (int code : codes) {
            rows[code < 0 ? k : code]++;
        }
        long[][] keys = new long[groups][];
        for (int g = 0; g < groups; g++) {
            keys[g] = new long[rows[g]];
        }
        int[] fill = new int[groups];
        int bins = ClassificationMetrics.ECE_BINS;
        // Flat per-slice arrays: slice g's four confusion cells at 4g.., its ECE bins at bins·g.. .
        long[] confusion = new long[groups * 4];
        double[] logLoss = new double[groups];
        double[] brier = new double[groups];
        double[] binLabel = new double[groups * bins];
        double[] binScore = new double[groups * bins];
        int[] binCount = new int[groups * bins];
        for (int i = 0; i < n; i++) {
            int g = codes[i] < 0 ? k : codes[i];
            int y = labels[i];
            int positive = y == 1 ? 1 : 0;
            double score = scores[i];
            confusion[4 * g + (score >= threshold ? 2 : 0) + positive]++;
            double p = Math.min(Math.max(score, ClassificationMetrics.LOG_LOSS_EPS),
                    1 - ClassificationMetrics.LOG_LOSS_EPS);
            logLoss[g] -= positive == 1 ? Math.log(p) : Math.log1p(-p);
            double err = score - y;
            brier[g] += err * err;
            // ClassificationMetrics.eceBin, with floor as a cast since the score is non-negative.
            int bin = bins * g + Math.min((int) (score * bins), bins - 1);
            binLabel[bin] += y;
            binScore[bin] += score;
            binCount[bin]++;
            keys[g][fill[g]++] = Double.doubleToRawLongBits(score) << 1 | positive;
        }
        MetricSet[] out = new MetricSet[groups];
        for (int g = 0; g < groups; g++) {
            long[] c = java.util.Arrays.copyOfRange(confusion, 4 * g, 4 * g + 4);
            if (rows[g] == 0) {
                continue;
            }
            long positives = c[1] + c[3];
            long negatives = rows[g] - positives;
            double auc = Double.NaN;
            if (positives > 0 && negatives > 0) {
                DoubleSort.sortNonNegative(keys[g]);
                auc = rankWins(keys[g]) / ((double) positives * negatives);
            }
            out[g] = ClassificationMetrics.fromSums(rows[g], c[3], c[2], c[0], c[1], auc, logLoss[g], brier[g],
                    ClassificationMetrics.eceFromBins(java.util.Arrays.copyOfRange(binLabel, bins * g, bins * (g + 1)),
                            java.util.Arrays.copyOfRange(binScore, bins * g, bins * (g + 1)),
                            java.util.Arrays.copyOfRange(binCount, bins * g, bins * (g + 1)), rows[g]));
        }
        return out;
    }

    /** Σ over positives of (negatives scoring lower + ½ those tied), from keys sorted ascending. */
    private static double rankWins(long[] sorted) {
        double wins = 0;
        long below = 0;
        int n = sorted.length;
        int i = 0;
        while (i < n) {
            long score = sorted[i] >>> 1;
            long tiedNegatives = 0;
            long tiedPositives = 0;
            for (; i < n && sorted[i] >>> 1 == score; i++) {
                if ((sorted[i] & 1) == 1) {
                    tiedPositives++;
                } else {
                    tiedNegatives++;
                }
            }
            wins += tiedPositives * (below + 0.5 * tiedNegatives);
            below += tiedNegatives;
        }
        return wins;
    }
}
