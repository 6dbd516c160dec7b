package org.twinbench.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Multiclass metrics of one group of rows, as scikit-learn defines them. Classes are codes
 * {@code 0 … k−1} into {@link #classes()}; the confusion matrix has a row per true class and a column
 * per predicted class ({@code confusion_matrix}).
 * <ul>
 *   <li>accuracy: share of rows predicted right;</li>
 *   <li>balanced_accuracy: mean recall over the classes that occur among the labels
 *       ({@code balanced_accuracy_score});</li>
 *   <li>macro_f1 / weighted_f1: the per-class F1 averaged plainly or weighted by the class's share of the
 *       labels, over the classes among the labels or the predictions ({@code f1_score}); a precision or
 *       recall with nothing to divide by counts as 0 ({@code zero_division=0});</li>
 *   <li>log_loss: mean −ln p(true class), probabilities clipped to [1e-15, 1 − 1e-15] and each row
 *       rescaled to sum to 1 ({@code log_loss(eps=1e-15)}); NaN without probabilities.</li>
 * </ul>
 * Per class: precision, recall and F1 (NaN for a class neither among the labels nor the predictions of
 * these rows) and the support (rows labelled with it).
 */
public record MulticlassMetrics(int n, List<String> classes, long[][] confusion, double accuracy,
                                double balancedAccuracy, double macroF1, double weightedF1, double logLoss,
                                double[] precision, double[] recall, double[] f1, long[] support) {

    static final double LOG_LOSS_EPS = 1e-15;

    /** The scalar metric names, in report order. */
    public static final List<String> NAMES = List.of("accuracy", "balanced_accuracy", "macro_f1", "weighted_f1",
            "log_loss");

    public MulticlassMetrics {
        classes = List.copyOf(classes);
    }

    /**
     * The metrics of {@code labels} against {@code predicted} (codes into {@code classes}) and, when not
     * null, the predicted probabilities {@code proba[i][c]} of every class.
     */
    public static MulticlassMetrics compute(int[] labels, int[] predicted, double[][] proba, List<String> classes) {
        if (labels.length != predicted.length || (proba != null && proba.length != labels.length)) {
            throw new IllegalArgumentException("labels, predictions and probabilities differ in length");
        }
        int k = classes.size();
        int n = labels.length;
        long[][] confusion = new long[k][k];
        long right = 0;
        double logLoss = 0;
        for (int i = 0; i < n; i++) {
            confusion[labels[i]][predicted[i]]++;
            right += labels[i] == predicted[i] ? 1 : 0;
            if (proba != null) {
                logLoss -= Math.log(clippedShare(proba[i], labels[i]));
            }
        }
        long[] support = new long[k];
        long[] predictedCount = new long[k];
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                support[t] += confusion[t][p];
                predictedCount[p] += confusion[t][p];
            }
        }
        double[] precision = new double[k];
        double[] recall = new double[k];
        double[] f1 = new double[k];
        double recallSum = 0;
        int labelled = 0;
        double f1Sum = 0;
        int present = 0;
        double weighted = 0;
        for (int c = 0; c < k; c++) {
            long tp = confusion[c][c];
            if (support[c] == 0 && predictedCount[c] == 0) {
                precision[c] = Double.NaN;
                recall[c] = Double.NaN;
                f1[c] = Double.NaN;
                continue;
            }
            precision[c] = predictedCount[c] == 0 ? 0 : (double) tp / predictedCount[c];
            recall[c] = support[c] == 0 ? 0 : (double) tp / support[c];
            f1[c] = precision[c] + recall[c] == 0 ? 0 : 2 * precision[c] * recall[c] / (precision[c] + recall[c]);
            f1Sum += f1[c];
            present++;
            weighted += f1[c] * support[c];
            if (support[c] > 0) {
                recallSum += recall[c];
                labelled++;
            }
        }
        return new MulticlassMetrics(n, classes, confusion, n == 0 ? Double.NaN : (double) right / n,
                labelled == 0 ? Double.NaN : recallSum / labelled, present == 0 ? Double.NaN : f1Sum / present,
                n == 0 ? Double.NaN : weighted / n, proba == null || n == 0 ? Double.NaN : logLoss / n,
                precision, recall, f1, support);
    }

    /** The probability of {@code label} after clipping every class's to [eps, 1 − eps] and rescaling the row. */
    private static double clippedShare(double[] row, int label) {
        double sum = 0;
        double mine = 0;
        for (int c = 0; c < row.length; c++) {
            double p = Math.min(Math.max(row[c], LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
            sum += p;
            mine = c == label ? p : mine;
        }
        return mine / sum;
    }

    /** The scalar metrics by name ({@link #NAMES}); NaN stays NaN. */
    public Map<String, Double> asMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("accuracy", accuracy);
        map.put("balanced_accuracy", balancedAccuracy);
        map.put("macro_f1", macroF1);
        map.put("weighted_f1", weightedF1);
        map.put("log_loss", logLoss);
        return map;
    }
}
