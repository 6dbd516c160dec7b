package org.twinbench.stats;

/**
 * Confidence-based performance estimation for a multiclass classifier, as NannyML's multiclass CBPE: each
 * class's probability is calibrated one-vs-rest on the labelled reference rows (its own {@link Calibration}:
 * class c against the rest), the calibrated probabilities of a row are rescaled to sum to 1, and on
 * unlabelled rows the predicted class ŷ (the most probable raw class) gives every class its expected
 * one-vs-rest confusion counts: E[TP_c] = Σ_{ŷ=c} p̂_c, E[FP_c] = Σ_{ŷ=c} (1 − p̂_c), E[FN_c] = Σ_{ŷ≠c} p̂_c.
 * Per class precision TP/(TP+FP), recall TP/(TP+FN) and F1 2TP/(2TP+FP+FN); the macro figures average them
 * over the classes where they are defined (macro recall estimates balanced accuracy); the expected accuracy
 * is the mean of p̂_ŷ, each row's calibrated probability of its predicted class.
 */
public final class MulticlassCbpe {

    /** The expected metrics of a window. */
    public record Estimate(int n, double accuracy, double macroPrecision, double macroRecall, double macroF1) {
    }

    private final Calibration[] calibrations;

    private MulticlassCbpe(Calibration[] calibrations) {
        this.calibrations = calibrations;
    }

    /** Fits one calibration per class on labelled reference rows ({@code labels} codes 0..k−1). */
    public static MulticlassCbpe fit(int[] labels, double[][] proba, int classes, Cbpe.Method method) {
        Calibration[] calibrations = new Calibration[classes];
        for (int c = 0; c < classes; c++) {
            int[] y = new int[labels.length];
            double[] s = new double[labels.length];
            for (int i = 0; i < labels.length; i++) {
                y[i] = labels[i] == c ? 1 : 0;
                s[i] = proba[i][c];
            }
            calibrations[c] = switch (method) {
                case NONE -> new Calibration.Identity();
                case PLATT -> Calibration.Platt.fit(y, s);
                case ISOTONIC -> Calibration.Isotonic.fit(y, s);
            };
        }
        return new MulticlassCbpe(calibrations);
    }

    /** The calibrated probabilities of every row, rescaled to sum to 1 (left as calibrated when they sum to 0). */
    public double[][] calibrated(double[][] proba) {
        int k = calibrations.length;
        double[][] out = new double[proba.length][k];
        for (int c = 0; c < k; c++) {
            double[] column = new double[proba.length];
            for (int i = 0; i < proba.length; i++) {
                column[i] = proba[i][c];
            }
            double[] calibrated = calibrations[c].apply(column);
            for (int i = 0; i < proba.length; i++) {
                out[i][c] = calibrated[i];
            }
        }
        for (double[] row : out) {
            double sum = 0;
            for (double v : row) {
                sum += v;
            }
            for (int c = 0; sum > 0 && c < k; c++) {
                row[c] /= sum;
            }
        }
        return out;
    }

    /** The expected metrics of rows with raw probabilities {@code proba} (no labels used). */
    public Estimate estimate(double[][] proba) {
        int n = proba.length;
        int k = calibrations.length;
        if (n == 0) {
            return new Estimate(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[][] p = calibrated(proba);
        double[] tp = new double[k];
        double[] fp = new double[k];
        double[] fn = new double[k];
        double right = 0;
        for (int i = 0; i < n; i++) {
            int predicted = 0;
            for (int c = 1; c < k; c++) {
                predicted = proba[i][c] > proba[i][predicted] ? c : predicted;
            }
            right += p[i][predicted];
            for (int c = 0; c < k; c++) {
                if (c == predicted) {
                    tp[c] += p[i][c];
                    fp[c] += 1 - p[i][c];
                } else {
                    fn[c] += p[i][c];
                }
            }
        }
        return new Estimate(n, right / n, mean(tp, fp, null), mean(tp, null, fn), mean(tp, fp, fn));
    }

    /** The macro average of TP/(TP+FP) (fn null), TP/(TP+FN) (fp null) or F1 over the classes where defined. */
    private static double mean(double[] tp, double[] fp, double[] fn) {
        double sum = 0;
        int defined = 0;
        for (int c = 0; c < tp.length; c++) {
            double denominator = fn == null ? tp[c] + fp[c] : fp == null ? tp[c] + fn[c] : 2 * tp[c] + fp[c] + fn[c];
            if (denominator > 0) {
                sum += (fn != null && fp != null ? 2 * tp[c] : tp[c]) / denominator;
                defined++;
            }
        }
        return defined == 0 ? Double.NaN : sum / defined;
    }
}
