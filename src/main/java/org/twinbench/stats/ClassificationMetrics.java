package org.twinbench.stats;

import java.util.Arrays;

/**
 * Binary-classification metrics from 0/1 labels and positive-class scores, as defined in
 * {@code docs/cli.md}: predicted positive iff score &ge; threshold; log loss with scores clipped to
 * [1e-15, 1 - 1e-15]; ROC AUC as the Mann-Whitney statistic with mid-ranks for ties; ECE over ten
 * equal-width score bins on [0, 1] with a score of 1.0 in the last bin.
 */
public final class ClassificationMetrics {

    static final double LOG_LOSS_EPS = 1e-15;
    static final int ECE_BINS = 10;

    private ClassificationMetrics() {
    }

    public static MetricSet compute(int[] labels, double[] scores, double threshold) {
        if (labels.length != scores.length) {
            throw new IllegalArgumentException("labels and scores differ in length");
        }
        int n = labels.length;
        if (n == 0) {
            return new MetricSet(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN);
        }
        long tp = 0;
        long fp = 0;
        long tn = 0;
        long fn = 0;
        double logLoss = 0;
        double brier = 0;
        for (int i = 0; i < n; i++) {
            boolean positive = labels[i] == 1;
            boolean predicted = scores[i] >= threshold;
            if (positive && predicted) {
                tp++;
            } else if (positive) {
                fn++;
            } else if (predicted) {
                fp++;
            } else {
                tn++;
            }
            double p = Math.min(Math.max(scores[i], LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
            logLoss -= positive ? Math.log(p) : Math.log1p(-p);
            double err = scores[i] - labels[i];
            brier += err * err;
        }
        return fromSums(n, tp, fp, tn, fn, rocAuc(labels, scores), logLoss, brier, ece(labels, scores));
    }

    /**
     * The metric set from the confusion counts, the sums of per-row log loss and squared error, and the
     * already computed ROC AUC and ECE of {@code n > 0} rows.
     */
    static MetricSet fromSums(int n, long tp, long fp, long tn, long fn, double rocAuc, double logLossSum,
                              double brierSum, double ece) {
        double accuracy = (double) (tp + tn) / n;
        double precision = tp + fp == 0 ? Double.NaN : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? Double.NaN : (double) tp / (tp + fn);
        double f1;
        if (Double.isNaN(precision) || Double.isNaN(recall)) {
            f1 = Double.NaN;
        } else {
            f1 = precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
        }
        return new MetricSet(n, accuracy, precision, recall, f1, rocAuc, logLossSum / n, brierSum / n, ece)
                .withConfusion(tn, fp, fn, tp);
    }

    /**
     * Area under the ROC curve as the Mann-Whitney statistic: the share of (positive, negative) pairs
     * in which the positive scores higher, a tie counting one half. This equals the trapezoidal area
     * of the ROC curve with tied scores. NaN when only one class is present.
     */
    public static double rocAuc(int[] labels, double[] scores) {
        int positives = 0;
        for (int label : labels) {
            positives += label == 1 ? 1 : 0;
        }
        int negatives = labels.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        double[] pos = new double[positives];
        double[] neg = new double[negatives];
        int p = 0;
        int q = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == 1) {
                pos[p++] = scores[i];
            } else {
                neg[q++] = scores[i];
            }
        }
        DoubleSort.sort(pos);
        DoubleSort.sort(neg);
        double wins = 0;
        int below = 0;
        int atOrBelow = 0;
        for (double score : pos) {
            while (below < negatives && neg[below] < score) {
                below++;
            }
            if (atOrBelow < below) {
                atOrBelow = below;
            }
            while (atOrBelow < negatives && neg[atOrBelow] <= score) {
                atOrBelow++;
            }
            wins += below + 0.5 * (atOrBelow - below);
        }
        return wins / ((double) positives * negatives);
    }

    /** Expected calibration error over ten equal-width bins of the score. */
    public static double ece(int[] labels, double[] scores) {
        int n = labels.length;
        double[] labelSum = new double[ECE_BINS];
        double[] scoreSum = new double[ECE_BINS];
        int[] count = new int[ECE_BINS];
        for (int i = 0; i < n; i++) {
            int bin = eceBin(scores[i]);
            labelSum[bin] += labels[i];
            scoreSum[bin] += scores[i];
            count[bin]++;
        }
        return eceFromBins(labelSum, scoreSum, count, n);
    }

    /** Σ_b (n_b / n) · |mean label_b − mean score_b| from the per-bin sums. */
    static double eceFromBins(double[] labelSum, double[] scoreSum, int[] count, int n) {
        double ece = 0;
        for (int b = 0; b < ECE_BINS; b++) {
            if (count[b] > 0) {
                ece += (double) count[b] / n * Math.abs(labelSum[b] / count[b] - scoreSum[b] / count[b]);
            }
        }
        return ece;
    }

    /** Bin b holds scores in [b/10, (b+1)/10); 1.0 falls in the last bin. */
    static int eceBin(double score) {
        int bin = (int) Math.floor(score * ECE_BINS);
        return Math.min(Math.max(bin, 0), ECE_BINS - 1);
    }

    /** Mean of the recall of each class, (TPR + TNR) / 2; NaN unless both classes occur. */
    public static double balancedAccuracy(int[] labels, double[] scores, double threshold) {
        long tp = 0;
        long positives = 0;
        long tn = 0;
        for (int i = 0; i < labels.length; i++) {
            boolean predicted = scores[i] >= threshold;
            if (labels[i] == 1) {
                positives++;
                tp += predicted ? 1 : 0;
            } else {
                tn += predicted ? 0 : 1;
            }
        }
        long negatives = labels.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return ((double) tp / positives + (double) tn / negatives) / 2;
    }

    /**
     * Area under the precision–recall curve as average precision, Σ_k (R_k − R_{k−1}) · P_k over the
     * distinct score thresholds from the highest down (as scikit-learn's {@code average_precision_score};
     * no interpolation). NaN without positives.
     */
    public static double averagePrecision(int[] labels, double[] scores) {
        int n = labels.length;
        Integer[] order = new Integer[n];
        long positives = 0;
        for (int i = 0; i < n; i++) {
            order[i] = i;
            positives += labels[i] == 1 ? 1 : 0;
        }
        if (positives == 0) {
            return Double.NaN;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        double ap = 0;
        long tp = 0;
        int seen = 0;
        double previousRecall = 0;
        while (seen < n) {
            double score = scores[order[seen]];
            while (seen < n && scores[order[seen]] == score) {
                tp += labels[order[seen]] == 1 ? 1 : 0;
                seen++;
            }
            double recall = (double) tp / positives;
            ap += (recall - previousRecall) * ((double) tp / seen);
            previousRecall = recall;
        }
        return ap;
    }

    /** One bin of a reliability diagram: rows, mean score and observed positive share in the bin. */
    public record ReliabilityBin(double lower, double upper, int n, double meanScore, double positiveShare) {
    }

    /**
     * Reliability-diagram bins: {@code bins} equal-width score bins on [0, 1] (a score of 1.0 in the last),
     * with their mean score and observed positive share (NaN for an empty bin). With ten bins,
     * Σ (n_b / n) |positiveShare − meanScore| is the ECE.
     */
    public static java.util.List<ReliabilityBin> reliabilityBins(int[] labels, double[] scores, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, not " + bins);
        }
        double[] labelSum = new double[bins];
        double[] scoreSum = new double[bins];
        int[] count = new int[bins];
        for (int i = 0; i < labels.length; i++) {
            int bin = Math.min(Math.max((int) Math.floor(scores[i] * bins), 0), bins - 1);
            labelSum[bin] += labels[i];
            scoreSum[bin] += scores[i];
            count[bin]++;
        }
        java.util.List<ReliabilityBin> out = new java.util.ArrayList<>();
        for (int b = 0; b < bins; b++) {
            out.add(new ReliabilityBin((double) b / bins, (double) (b + 1) / bins, count[b],
                    count[b] == 0 ? Double.NaN : scoreSum[b] / count[b], count[b] == 0 ? Double.NaN : labelSum[b] / count[b]));
        }
        return out;
    }
}
