package org.twinbench.data;

import java.util.List;
import java.util.Locale;
import org.twinbench.data.QualityFinding.Severity;
import org.twinbench.stats.ClassificationMetrics;

/** The leakage check of {@link DataQuality}: a single feature that gives the target away. */
final class TargetLeakage {

    static final double AUC_LIMIT = 0.99;
    static final double ACCURACY_LIMIT = 0.99;

    private TargetLeakage() {
    }

    static void check(Column feature, int[] y, String target, List<QualityFinding> findings) {
        if (feature instanceof NumericColumn numeric) {
            int present = 0;
            for (int i = 0; i < y.length; i++) {
                present += y[i] >= 0 && !numeric.isMissing(i) ? 1 : 0;
            }
            int[] labels = new int[present];
            double[] scores = new double[present];
            int k = 0;
            for (int i = 0; i < y.length; i++) {
                if (y[i] >= 0 && !numeric.isMissing(i)) {
                    labels[k] = y[i];
                    scores[k++] = numeric.get(i);
                }
            }
            double auc = ClassificationMetrics.rocAuc(labels, scores);
            double separation = Math.max(auc, 1 - auc);
            if (present >= 20 && separation >= AUC_LIMIT) {
                report(feature.name(), target, String.format(Locale.ROOT, "ranks it with ROC AUC %.3f", separation),
                        findings);
            }
            return;
        }
        CategoricalColumn text = (CategoricalColumn) feature;
        int levels = text.levels().size();
        int[][] counts = new int[levels][2];
        int labelled = 0;
        for (int i = 0; i < y.length; i++) {
            int code = text.codes()[i];
            if (y[i] >= 0 && code >= 0) {
                counts[code][y[i]]++;
                labelled++;
            }
        }
        int correct = 0;
        int used = 0;
        for (int[] c : counts) {
            correct += Math.max(c[0], c[1]);
            used += c[0] + c[1] > 0 ? 1 : 0;
        }
        double accuracy = labelled == 0 ? 0 : (double) correct / labelled;
        if (labelled >= 20 && used >= 2 && used < 0.1 * labelled && accuracy >= ACCURACY_LIMIT) {
            report(feature.name(), target, String.format(Locale.ROOT, "gives it with %.1f%% accuracy", 100 * accuracy),
                    findings);
        }
    }

    private static void report(String feature, String target, String how, List<QualityFinding> findings) {
        findings.add(new QualityFinding(Severity.ERROR, "leakage", "feature '" + feature + "' alone predicts '"
                + target + "' almost perfectly (" + how + "); it is probably recorded after the outcome",
                List.of(feature, target), new int[0], 0));
    }
}
