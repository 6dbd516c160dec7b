package org.twinbench.stats;

import java.util.Arrays;

/**
 * A map from a model's score to a calibrated probability of the positive class, fitted on labelled
 * reference rows: none (the score as it is), Platt's sigmoid, or isotonic regression.
 */
public sealed interface Calibration permits Calibration.Identity, Calibration.Platt, Calibration.Isotonic {

    double apply(double score);

    default double[] apply(double[] scores) {
        double[] out = new double[scores.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = apply(scores[i]);
        }
        return out;
    }

    /** The score is taken to be calibrated already. */
    record Identity() implements Calibration {
        @Override
        public double apply(double score) {
            return score;
        }
    }

    /**
     * Platt scaling: p = 1 / (1 + exp(a·s + b)) with a and b maximising the likelihood of Platt's
     * smoothed targets (N₊ + 1)/(N₊ + 2) and 1/(N₋ + 2) (Platt 1999; as scikit-learn's sigmoid
     * calibration), fitted by Newton's method with backtracking (Lin, Lin and Weng 2007).
     */
    record Platt(double a, double b) implements Calibration {

        public static Platt fit(int[] labels, double[] scores) {
            int positives = 0;
            for (int label : labels) {
                positives += label == 1 ? 1 : 0;
            }
            int negatives = labels.length - positives;
            double hi = (positives + 1.0) / (positives + 2.0);
            double lo = 1.0 / (negatives + 2.0);
            double a = 0;
            double b = Math.log((negatives + 1.0) / (positives + 1.0));
            double value = objective(labels, scores, a, b, hi, lo);
            for (int iteration = 0; iteration < 100; iteration++) {
                double g1 = 0;
                double g2 = 0;
                double h11 = 1e-12;
                double h22 = 1e-12;
                double h21 = 0;
                for (int i = 0; i < labels.length; i++) {
                    double t = labels[i] == 1 ? hi : lo;
                    double p = sigmoid(-(a * scores[i] + b));
                    double d2 = p * (1 - p);
                    h11 += scores[i] * scores[i] * d2;
                    h22 += d2;
                    h21 += scores[i] * d2;
                    double d1 = t - p;
                    g1 += scores[i] * d1;
                    g2 += d1;
                }
                if (Math.abs(g1) < 1e-10 && Math.abs(g2) < 1e-10) {
                    break;
                }
                double det = h11 * h22 - h21 * h21;
                double da = -(h22 * g1 - h21 * g2) / det;
                double db = -(-h21 * g1 + h11 * g2) / det;
                double gd = g1 * da + g2 * db;
                double step = 1;
                while (step >= 1e-10) {
                    double next = objective(labels, scores, a + step * da, b + step * db, hi, lo);
                    if (next < value + 1e-4 * step * gd) {
                        a += step * da;
                        b += step * db;
                        value = next;
                        break;
                    }
                    step /= 2;
                }
                if (step < 1e-10) {
                    break;
                }
            }
            return new Platt(a, b);
        }

        /** Negative log-likelihood of the smoothed targets. */
        private static double objective(int[] labels, double[] scores, double a, double b, double hi, double lo) {
            double sum = 0;
            for (int i = 0; i < labels.length; i++) {
                double t = labels[i] == 1 ? hi : lo;
                double f = a * scores[i] + b;
                // −[t log p + (1 − t) log(1 − p)] with p = 1/(1 + e^f), written to avoid overflow.
                sum += f >= 0 ? t * f + Math.log1p(Math.exp(-f)) : (t - 1) * f + Math.log1p(Math.exp(f));
            }
            return sum;
        }

        private static double sigmoid(double x) {
            return 1 / (1 + Math.exp(-x));
        }

        @Override
        public double apply(double score) {
            return sigmoid(-(a * score + b));
        }
    }

    /**
     * Isotonic regression of the labels on the score by pool-adjacent-violators over the distinct
     * scores (ties averaged first), predicted by linear interpolation between those scores and clipped
     * outside them — as scikit-learn's {@code IsotonicRegression(out_of_bounds="clip")}.
     */
    record Isotonic(double[] x, double[] y) implements Calibration {

        public static Isotonic fit(int[] labels, double[] scores) {
            int n = scores.length;
            if (n == 0) {
                throw new IllegalArgumentException("isotonic calibration needs at least one row");
            }
            Integer[] order = new Integer[n];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, (i, j) -> Double.compare(scores[i], scores[j]));
            double[] xs = new double[n];
            double[] sums = new double[n];
            double[] weights = new double[n];
            int blocks = 0;
            for (int k = 0; k < n; k++) {
                int i = order[k];
                if (blocks > 0 && xs[blocks - 1] == scores[i]) {
                    sums[blocks - 1] += labels[i];
                    weights[blocks - 1]++;
                } else {
                    xs[blocks] = scores[i];
                    sums[blocks] = labels[i];
                    weights[blocks] = 1;
                    blocks++;
                }
            }
            // Pool adjacent violators over the distinct scores; each pool covers [start, end) of them.
            int[] start = new int[blocks];
            double[] poolSum = new double[blocks];
            double[] poolWeight = new double[blocks];
            int pools = 0;
            for (int k = 0; k < blocks; k++) {
                start[pools] = k;
                poolSum[pools] = sums[k];
                poolWeight[pools] = weights[k];
                pools++;
                while (pools > 1 && poolSum[pools - 2] / poolWeight[pools - 2] >= poolSum[pools - 1] / poolWeight[pools - 1]) {
                    poolSum[pools - 2] += poolSum[pools - 1];
                    poolWeight[pools - 2] += poolWeight[pools - 1];
                    pools--;
                }
            }
            double[] fitted = new double[blocks];
            for (int p = 0; p < pools; p++) {
                int end = p + 1 < pools ? start[p + 1] : blocks;
                Arrays.fill(fitted, start[p], end, poolSum[p] / poolWeight[p]);
            }
            return new Isotonic(Arrays.copyOf(xs, blocks), fitted);
        }

        @Override
        public double apply(double score) {
            if (score <= x[0]) {
                return y[0];
            }
            if (score >= x[x.length - 1]) {
                return y[y.length - 1];
            }
            int hi = NumericReference.upperBound(x, score);
            int lo = hi - 1;
            return y[lo] + (score - x[lo]) / (x[hi] - x[lo]) * (y[hi] - y[lo]);
        }
    }
}
