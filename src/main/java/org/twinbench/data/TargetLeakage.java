package org.twinbench.data;

import java.util.List;
import java.util.Locale;
import org.twinbench.data.QualityFinding.Severity;
import org.twinbench.stats.ClassificationMetrics;

/** The leakage check of {@link DataQuality}: a single feature that gives the target away. */
final class TargetLeakage {

    static final double AUC_LIMIT = 0.99;
    static final double ACCURACY_LIMIT = 0.99;
    static final double SUSPECT_AUC = 0.98;
    static final double ONE_CLASS_SHARE = 0.99;
    static final int ONE_CLASS_ROWS = 30;
    static final double OTHER_CLASS_SHARE = 0.05;

    private TargetLeakage() {
    }

    /** {@code classes}: the names of the labels encoded 0 and 1 in {@code y}. */
    static void check(Column feature, int[] y, String target, String[] classes, List<QualityFinding> findings) {
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
            String oneValue = oneClassValue(labels, scores, target, classes);
            if (present >= 20 && separation >= AUC_LIMIT) {
                report(feature.name(), target, String.format(Locale.ROOT, "ranks it with ROC AUC %.3f", separation),
                        findings);
            } else if (oneValue != null) {
                report(feature.name(), target, oneValue, findings);
            } else if (present >= 20 && separation >= SUSPECT_AUC) {
                findings.add(new QualityFinding(Severity.WARNING, "strong-feature", String.format(Locale.ROOT,
                        "feature '%s' alone ranks '%s' with ROC AUC %.4f; a single column this strong is often "
                                + "recorded after the outcome: check that it is known when the model is used",
                        feature.name(), target, separation), List.of(feature.name(), target), new int[0], 0));
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

    /**
     * The signature of a column filled in after the outcome: one value in at least {@value #ONE_CLASS_SHARE} of one
     * class's rows (at least {@value #ONE_CLASS_ROWS} of them) and in at most {@value #OTHER_CLASS_SHARE} of the other
     * class's — an amount spent that is 0 for everyone refused a card. Returns how to say it, or null.
     */
    private static String oneClassValue(int[] labels, double[] scores, String target, String[] classes) {
        for (int cls = 0; cls <= 1; cls++) {
            java.util.Map<Double, Integer> counts = new java.util.HashMap<>();
            int rows = 0;
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == cls) {
                    counts.merge(scores[i], 1, Integer::sum);
                    rows++;
                }
            }
            if (rows < ONE_CLASS_ROWS) {
                continue;
            }
            var top = counts.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).orElseThrow();
            if (top.getValue() < ONE_CLASS_SHARE * rows) {
                continue;
            }
            int others = 0;
            int same = 0;
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] != cls) {
                    others++;
                    same += scores[i] == top.getKey() ? 1 : 0;
                }
            }
            if (others >= ONE_CLASS_ROWS && same <= OTHER_CLASS_SHARE * others) {
                String value = DisguisedMissing.plain(top.getKey());
                return String.format(Locale.ROOT, "it is %s in %d of the %d rows where '%s' is '%s' and in %.1f%% of the "
                        + "others", value, top.getValue(), rows, target, classes[cls], 100.0 * same / others);
            }
        }
        return null;
    }

    private static void report(String feature, String target, String how, List<QualityFinding> findings) {
        findings.add(new QualityFinding(Severity.ERROR, "leakage", "feature '" + feature + "' alone predicts '"
                + target + "' almost perfectly (" + how + "); it is probably recorded after the outcome",
                List.of(feature, target), new int[0], 0));
    }
}
