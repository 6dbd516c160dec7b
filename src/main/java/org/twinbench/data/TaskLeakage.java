package org.twinbench.data;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.twinbench.data.QualityFinding.Severity;

/**
 * The leakage check of {@link DataQuality} for outcomes that are not yes/no: a single feature that gives away a
 * class of several (multiclass) or an amount (regression). Each finding is a {@code leakage} error whose sentence
 * begins as the yes/no check's: "feature 'x' alone predicts 'y' almost perfectly (…)".
 *
 * <ul>
 *   <li>Multiclass: the accuracy of the feature alone — a categorical feature's majority class per category (fewer
 *       categories than a tenth of the rows), a numeric one's tree on that feature only (Gini splits, depth
 *       {@code ceil(log2 k) + 1} for k classes, at least {@value #MIN_LEAF} rows a leaf) — is at least
 *       {@value #ACCURACY_LIMIT} while always answering the most frequent class is right on fewer than
 *       {@value #ACCURACY_LIMIT} of the rows.</li>
 *   <li>Regression: a numeric feature a straight line of which explains at least {@value #R2_LIMIT} of the target's
 *       variance (R², a near-copy or linear function of it), or whose rank order is the target's (Spearman ρ² at
 *       least {@value #R2_LIMIT}); a categorical feature whose categories' means explain at least
 *       {@value #R2_LIMIT} of it (fewer categories than a tenth of the rows); two numeric features that give it almost
 *       exactly between them ({@link PairLeakage}: its midpoint, sum, product or ratio). A numeric feature whose line
 *       explains at least {@value #STRONG_R2} (and is in no leaking pair) is a {@code strong-feature} warning.</li>
 * </ul>
 * At least {@value #MIN_ROWS} rows with both values are needed.
 */
final class TaskLeakage {

    static final double ACCURACY_LIMIT = 0.99;
    static final double R2_LIMIT = 0.99;
    /** A numeric feature a straight line of which explains this much of an amount is worth a warning. */
    static final double STRONG_R2 = 0.95;
    static final int MIN_ROWS = 20;
    static final int MIN_LEAF = 5;

    private TaskLeakage() {
    }

    /** A multiclass {@code target}'s leaking features among {@code features}. */
    static void multiclass(Frame frame, String target, List<String> features, List<QualityFinding> findings) {
        Column label = frame.column(target);
        List<String> classes = ClassLabels.of(label);
        int[] y = ClassLabels.encode(label, classes);
        int k = classes.size();
        for (String name : features) {
            if (!frame.has(name) || name.equals(target)) {
                continue;
            }
            Column feature = frame.column(name);
            int[] rows = rowsWithBoth(feature, y);
            if (rows.length < MIN_ROWS) {
                continue;
            }
            int[] counts = new int[k];
            for (int r : rows) {
                counts[y[r]]++;
            }
            int majority = 0;
            for (int c = 1; c < k; c++) {
                majority = counts[c] > counts[majority] ? c : majority;
            }
            double guess = (double) counts[majority] / rows.length;
            double accuracy;
            String how;
            if (feature instanceof NumericColumn numeric) {
                accuracy = treeAccuracy(numeric, y, k, rows);
                how = "a tree on it alone";
            } else {
                CategoricalColumn text = (CategoricalColumn) feature;
                if (text.levels().size() >= 0.1 * rows.length) {
                    continue;
                }
                int[][] byLevel = new int[text.levels().size()][k];
                for (int r : rows) {
                    byLevel[text.codes()[r]][y[r]]++;
                }
                int right = 0;
                for (int[] level : byLevel) {
                    right += Arrays.stream(level).max().orElse(0);
                }
                accuracy = (double) right / rows.length;
                how = "its categories";
            }
            if (accuracy >= ACCURACY_LIMIT && guess < ACCURACY_LIMIT) {
                report(name, target, String.format(Locale.ROOT, "%s give%s it with %.1f%% accuracy, against %.1f%% "
                        + "always answering '%s'", how, how.startsWith("a ") ? "s" : "", 100 * accuracy, 100 * guess,
                        classes.get(majority)), findings);
            }
        }
    }

    /** A regression {@code target}'s leaking features among {@code features}. */
    static void regression(Frame frame, String target, List<String> features, List<QualityFinding> findings) {
        if (!(frame.column(target) instanceof NumericColumn amounts)) {
            return;
        }
        int[] labelled = new int[amounts.size()];
        for (int i = 0; i < labelled.length; i++) {
            labelled[i] = amounts.isMissing(i) || !Double.isFinite(amounts.get(i)) ? -1 : 0;
        }
        java.util.Set<String> reported = new java.util.HashSet<>();
        java.util.Map<String, Double> strong = new java.util.LinkedHashMap<>();
        int before = findings.size();
        for (String name : features) {
            if (!frame.has(name) || name.equals(target)) {
                continue;
            }
            Column feature = frame.column(name);
            int[] rows = rowsWithBoth(feature, labelled);
            if (rows.length < MIN_ROWS) {
                continue;
            }
            double[] t = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                t[i] = amounts.get(rows[i]);
            }
            if (feature instanceof NumericColumn numeric) {
                double[] x = new double[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    x[i] = numeric.get(rows[i]);
                }
                double r = pearson(x, t);
                double rho = pearson(ranks(x), ranks(t));
                if (r * r >= R2_LIMIT) {
                    report(name, target, String.format(Locale.ROOT, "a straight line of it explains R² = %.4f of it",
                            r * r), findings);
                } else if (rho * rho >= R2_LIMIT) {
                    report(name, target, String.format(Locale.ROOT, "it orders the rows as '%s' does, Spearman ρ = "
                            + "%.4f", target, rho), findings);
                } else if (r * r >= STRONG_R2) {
                    strong.put(name, r * r);
                }
            } else {
                CategoricalColumn text = (CategoricalColumn) feature;
                int levels = text.levels().size();
                if (levels < 2 || levels >= 0.1 * rows.length) {
                    continue;
                }
                double[] sum = new double[levels];
                int[] n = new int[levels];
                double mean = Arrays.stream(t).average().orElse(0);
                for (int i = 0; i < rows.length; i++) {
                    int code = text.codes()[rows[i]];
                    sum[code] += t[i];
                    n[code]++;
                }
                double within = 0;
                double total = 0;
                for (int i = 0; i < rows.length; i++) {
                    int code = text.codes()[rows[i]];
                    double d = t[i] - sum[code] / n[code];
                    within += d * d;
                    total += (t[i] - mean) * (t[i] - mean);
                }
                double r2 = total == 0 ? 0 : 1 - within / total;
                if (r2 >= R2_LIMIT) {
                    report(name, target, String.format(Locale.ROOT, "its categories' means explain R² = %.4f of it",
                            r2), findings);
                }
            }
        }
        findings.subList(before, findings.size()).forEach(f -> reported.addAll(f.columns()));
        java.util.Set<String> paired = PairLeakage.check(frame, amounts, target, features, reported, findings);
        strong.forEach((name, r2) -> {
            if (!paired.contains(name)) {
                findings.add(new QualityFinding(Severity.WARNING, "strong-feature", String.format(Locale.ROOT,
                        "feature '%s' alone explains R² = %.4f of '%s'; a single column this strong is often recorded "
                                + "after the outcome: check that it is known when the model is used", name, r2, target),
                        List.of(name, target), new int[0], 0));
            }
        });
    }

    private static void report(String feature, String target, String how, List<QualityFinding> findings) {
        findings.add(new QualityFinding(Severity.ERROR, "leakage", "feature '" + feature + "' alone predicts '"
                + target + "' almost perfectly (" + how + "); it is probably recorded after the outcome",
                List.of(feature, target), new int[0], 0));
    }

    /** The rows where the feature is present and the label known ({@code y >= 0}). */
    private static int[] rowsWithBoth(Column feature, int[] y) {
        return java.util.stream.IntStream.range(0, y.length)
                .filter(i -> y[i] >= 0 && !feature.isMissing(i)
                        && !(feature instanceof NumericColumn n && !Double.isFinite(n.get(i))))
                .toArray();
    }

    /**
     * The training accuracy of a classification tree on one numeric feature: Gini splits between distinct values,
     * depth {@code ceil(log2 k) + 1}, at least {@value #MIN_LEAF} rows a leaf, each leaf answering its majority.
     */
    static double treeAccuracy(NumericColumn feature, int[] y, int k, int[] rows) {
        Integer[] order = Arrays.stream(rows).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (a, b) -> Double.compare(feature.get(a), feature.get(b)));
        double[] x = new double[order.length];
        int[] c = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            x[i] = feature.get(order[i]);
            c[i] = y[order[i]];
        }
        int depth = (int) Math.ceil(Math.log(k) / Math.log(2)) + 1;
        return (double) right(x, c, k, 0, x.length, depth) / x.length;
    }

    /** Rows the tree grown on sorted rows [from, to) answers right. */
    private static int right(double[] x, int[] c, int k, int from, int to, int depth) {
        int[] all = new int[k];
        for (int i = from; i < to; i++) {
            all[c[i]]++;
        }
        int majority = Arrays.stream(all).max().orElse(0);
        if (depth == 0 || majority == to - from || to - from < 2 * MIN_LEAF) {
            return majority;
        }
        int[] left = new int[k];
        double best = gini(all, to - from) * (to - from);
        int split = -1;
        for (int i = from; i < to - 1; i++) {
            left[c[i]]++;
            int nl = i + 1 - from;
            int nr = to - from - nl;
            if (x[i] == x[i + 1] || nl < MIN_LEAF || nr < MIN_LEAF) {
                continue;
            }
            int[] rightCounts = new int[k];
            for (int j = 0; j < k; j++) {
                rightCounts[j] = all[j] - left[j];
            }
            double impurity = gini(left, nl) * nl + gini(rightCounts, nr) * nr;
            if (impurity < best - 1e-12) {
                best = impurity;
                split = i + 1;
            }
        }
        if (split < 0) {
            return majority;
        }
        return right(x, c, k, from, split, depth - 1) + right(x, c, k, split, to, depth - 1);
    }

    private static double gini(int[] counts, int n) {
        double sum = 0;
        for (int count : counts) {
            double p = (double) count / n;
            sum += p * p;
        }
        return 1 - sum;
    }

    private static double pearson(double[] x, double[] y) {
        double mx = Arrays.stream(x).average().orElse(0);
        double my = Arrays.stream(y).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }

    /** Ranks, ties given their mean rank. */
    private static double[] ranks(double[] values) {
        Integer[] order = java.util.stream.IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] out = new double[values.length];
        for (int i = 0; i < order.length;) {
            int j = i;
            while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            for (int m = i; m <= j; m++) {
                out[order[m]] = (i + j) / 2.0 + 1;
            }
            i = j + 1;
        }
        return out;
    }
}
