package org.twinbench.model;

import org.twinbench.data.Frame;

/**
 * A logistic regression learnt from what another model answered rather than from true labels: the
 * attacker's copy in a model-extraction attack, or a student distilled from a teacher. Each row's target is
 * in [0, 1] (a score the other model returned, or its 0/1 decision), and the fit minimises the cross-entropy
 * against those soft targets plus a ridge penalty {@code λ/2 · |w|²} on the weights (not the intercept), by
 * Newton's method with step halving. For targets that a logistic model produced exactly, the minimum is that
 * model (up to the small penalty): the equation-solving extraction of Tramèr et al., "Stealing Machine
 * Learning Models via Prediction APIs" (USENIX Security 2016), which needs about one query per weight.
 * The same objective is scikit-learn's {@code LogisticRegression(C = 1/λ)} fitted on every row twice, as
 * class 1 with weight p and class 0 with weight 1 - p.
 */
public final class Surrogate {

    /** The ridge penalty λ on standardised features: small, so that 0/1 targets that separate stay finite. */
    public static final double LAMBDA = 1e-2;
    /**
     * The penalty for exact scores: only enough to keep the fit defined while there are fewer answers than
     * weights, so that the answers of a logistic model give its weights back rather than shrunk ones.
     */
    public static final double EXACT_LAMBDA = 1e-6;
    private static final int MAX_ITERATIONS = 100;
    private static final double TOLERANCE = 1e-10;

    private final FeatureEncoder encoder;
    private final double[] weights;

    private Surrogate(FeatureEncoder encoder, double[] weights) {
        this.encoder = encoder;
        this.weights = weights;
    }

    /** A surrogate over {@code encoder}'s features with {@code weights} (one per encoded column, then the intercept). */
    public static Surrogate of(FeatureEncoder encoder, double[] weights) {
        if (weights.length != encoder.width() + 1) {
            throw new IllegalArgumentException("expected " + (encoder.width() + 1) + " weights, not " + weights.length);
        }
        return new Surrogate(encoder, weights.clone());
    }

    /** Fits on encoded rows {@code x} and their soft targets with penalty {@code lambda}, from {@code start} (null: all zero). */
    public static Surrogate fit(FeatureEncoder encoder, double[][] x, double[] target, double[] start,
                                double lambda) {
        return new Surrogate(encoder, fit(x, target, lambda, start));
    }

    public FeatureEncoder encoder() {
        return encoder;
    }

    /** The weights of the encoded columns, then the intercept. */
    public double[] weights() {
        return weights.clone();
    }

    /** The probability of the positive class for every row of {@code rows}. */
    public double[] score(Frame rows) {
        return score(encoder.encode(rows), weights);
    }

    /** {@code σ(x·w + b)} for every encoded row. */
    public static double[] score(double[][] x, double[] weights) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = sigmoid(linear(x[i], weights));
        }
        return out;
    }

    /**
     * The weights (one per column, then the intercept) minimising
     * {@code Σ -[t log σ(z) + (1 - t) log(1 - σ(z))] + λ/2 · |w|²}, {@code z = x·w + b}.
     */
    public static double[] fit(double[][] x, double[] target, double lambda, double[] start) {
        int d = x.length == 0 ? (start == null ? 0 : start.length - 1) : x[0].length;
        double[] w = start == null ? new double[d + 1] : start.clone();
        if (x.length == 0) {
            return w;
        }
        double loss = loss(x, target, lambda, w);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] gradient = new double[d + 1];
            double[][] hessian = new double[d + 1][d + 1];
            for (int i = 0; i < x.length; i++) {
                double p = sigmoid(linear(x[i], w));
                double r = p - target[i];
                double v = Math.max(p * (1 - p), 1e-12);
                for (int a = 0; a <= d; a++) {
                    double xa = a < d ? x[i][a] : 1;
                    gradient[a] += r * xa;
                    for (int b = 0; b <= a; b++) {
                        hessian[a][b] += v * xa * (b < d ? x[i][b] : 1);
                    }
                }
            }
            for (int a = 0; a < d; a++) {
                gradient[a] += lambda * w[a];
                hessian[a][a] += lambda;
            }
            double[] step = solve(hessian, gradient);
            double size = 1;
            double[] next = new double[d + 1];
            double nextLoss;
            do {
                for (int a = 0; a <= d; a++) {
                    next[a] = w[a] - size * step[a];
                }
                nextLoss = loss(x, target, lambda, next);
                size /= 2;
            } while (!(nextLoss <= loss) && size > 1e-6);
            if (!(nextLoss <= loss)) {
                // No step lowers the loss: at the minimum to rounding, or the targets admit none (all one class).
                break;
            }
            double change = 0;
            for (int a = 0; a <= d; a++) {
                change = Math.max(change, Math.abs(next[a] - w[a]));
            }
            w = next;
            loss = Math.min(loss, nextLoss);
            if (change < TOLERANCE) {
                break;
            }
        }
        return w;
    }

    /**
     * The ridge regression of amounts (an attacker's copy of a model of amounts): the weights (one per column,
     * then the intercept) minimising {@code Σ (x·w + b − t)² + λ · |w|²}, by the normal equations. For amounts a
     * linear model produced exactly, the minimum is that model (up to the small penalty) once there are as many
     * answers as weights.
     */
    public static double[] fitRidge(double[][] x, double[] target, double lambda) {
        int d = x.length == 0 ? 0 : x[0].length;
        double[][] gram = new double[d + 1][d + 1];
        double[] moment = new double[d + 1];
        for (int i = 0; i < x.length; i++) {
            for (int a = 0; a <= d; a++) {
                double xa = a < d ? x[i][a] : 1;
                moment[a] += xa * target[i];
                for (int b = 0; b <= a; b++) {
                    gram[a][b] += xa * (b < d ? x[i][b] : 1);
                }
            }
        }
        for (int a = 0; a < d; a++) {
            gram[a][a] += lambda;
        }
        return solve(gram, moment);
    }

    /** {@code x·w + b} for every encoded row: a ridge copy's amounts. */
    public static double[] predictLinear(double[][] x, double[] weights) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = linear(x[i], weights);
        }
        return out;
    }

    private static double loss(double[][] x, double[] target, double lambda, double[] w) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double z = linear(x[i], w);
            // -[t log σ(z) + (1 - t) log(1 - σ(z))] = log(1 + e^z) - t z, computed without overflow.
            sum += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - target[i] * z;
        }
        for (int a = 0; a < w.length - 1; a++) {
            sum += lambda / 2 * w[a] * w[a];
        }
        return sum;
    }

    private static double linear(double[] row, double[] w) {
        double z = w[w.length - 1];
        for (int j = 0; j < row.length; j++) {
            z += row[j] * w[j];
        }
        return z;
    }

    private static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    /** Solves {@code H s = g} for a symmetric positive definite H given by its lower triangle (Cholesky). */
    private static double[] solve(double[][] lower, double[] g) {
        int n = g.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = lower[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                l[i][j] = i == j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / l[j][j];
            }
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = g[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i][k] * y[k];
            }
            y[i] = sum / l[i][i];
        }
        double[] s = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double sum = y[i];
            for (int k = i + 1; k < n; k++) {
                sum -= l[k][i] * s[k];
            }
            s[i] = sum / l[i][i];
        }
        return s;
    }
}
