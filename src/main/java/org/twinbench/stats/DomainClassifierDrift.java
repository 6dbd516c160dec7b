package org.twinbench.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import smile.classification.GradientTreeBoost;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;
import smile.math.MathEx;
import smile.stat.distribution.TDistribution;

/**
 * Multivariate drift by a domain classifier (as NannyML's {@code DomainClassifierCalculator}): a gradient-boosted
 * tree ensemble (Smile) learns to tell reference rows (class 0) from current rows (class 1); its out-of-fold scores
 * of a stratified k-fold split give one ROC AUC. Trees see interactions, so a change of the relation between columns
 * whose own distributions stay put (a correlation that flips sign) lifts the AUC above one half.
 *
 * <p>The threshold is calibrated on the reference alone: the reference is split at random, with the
 * current-to-reference ratio of the real comparison, into a pseudo-reference and a pseudo-current
 * ({@link Settings#calibrationSplits()} times, seeded), and the AUC of each split is a draw from the AUC's
 * distribution when nothing changed. The threshold is the one-sided normal prediction bound
 * {@code mean + t(1 - α; B - 1) · sd · sqrt(1 + 1/B)} of the next such draw, α the stated false-alarm rate
 * ({@link Settings#falseAlarmRate()}, 1%). The pseudo sides are smaller than the real ones (they share the
 * reference's rows), so their AUCs spread wider and the bound errs on the side of fewer false alarms.
 * Everything is a function of the inputs and the seed.
 */
public final class DomainClassifierDrift {

    /**
     * How the classifier is trained and the threshold calibrated.
     *
     * @param folds stratified folds of the cross-validation
     * @param trees boosting rounds of the classifier
     * @param calibrationSplits reference-against-reference splits the threshold is calibrated on
     * @param falseAlarmRate the chance that unchanged data is called drifted
     * @param seed seeds the folds, the splits and the trees
     */
    public record Settings(int folds, int trees, int calibrationSplits, double falseAlarmRate, long seed) {
        public Settings {
            if (folds < 2 || trees < 1 || calibrationSplits < 3 || !(falseAlarmRate > 0 && falseAlarmRate < 0.5)) {
                throw new IllegalArgumentException("folds >= 2, trees >= 1, calibration splits >= 3 and a false-alarm "
                        + "rate in (0, 0.5) are needed");
            }
        }

        /** Five folds, 50 trees, 20 calibration splits, {@link #FALSE_ALARM_RATE} false alarms. */
        public static Settings defaults(long seed) {
            return new Settings(5, 50, 20, FALSE_ALARM_RATE, seed);
        }
    }

    /** The threshold and the reference-against-reference AUCs it comes from. */
    public record Calibration(double threshold, double nullMean, double nullSd, double[] nullAucs) {
        public Calibration {
            nullAucs = nullAucs.clone();
        }
    }

    /**
     * One comparison: the cross-validated AUC, the threshold, the decision and the columns the classifier
     * leaned on most (share of the ensemble's split importance).
     */
    public record Result(double auc, double threshold, boolean drifted, List<ColumnContribution> columns) {
        public Result {
            columns = List.copyOf(columns);
        }
    }

    /** The stated false-alarm rate of the default settings: 1%. */
    public static final double FALSE_ALARM_RATE = 0.01;

    /** Depth, leaves and shrinkage of the boosted trees: small trees, as a domain classifier needs few splits. */
    static final int MAX_DEPTH = 6;
    static final int MAX_NODES = 8;
    static final int NODE_SIZE = 5;
    static final double SHRINKAGE = 0.1;
    private static final String LABEL = "__domain";

    private DomainClassifierDrift() {
    }

    /** Compares {@code current} with {@code reference} (rows × columns, no missing values) and decides. */
    public static Result test(double[][] reference, double[][] current, List<String> names, Settings settings) {
        Calibration calibration = calibrate(reference, current.length, settings);
        double auc = crossValidatedAuc(reference, current, settings.folds(), settings.trees(), settings.seed());
        return new Result(auc, calibration.threshold(), auc > calibration.threshold(),
                importance(reference, current, names, settings));
    }

    /** The threshold for comparing this reference with {@code currentRows} new rows. */
    public static Calibration calibrate(double[][] reference, int currentRows, Settings settings) {
        int n = reference.length;
        int pseudoCurrent = (int) Math.min(currentRows, (long) n * currentRows / (n + currentRows));
        int pseudoReference = (int) Math.min(n - pseudoCurrent, Math.round((double) pseudoCurrent * n / currentRows));
        if (pseudoCurrent < settings.folds() || pseudoReference < settings.folds()) {
            throw new IllegalArgumentException("the reference has too few rows (" + n + ") to calibrate a domain "
                    + "classifier with " + settings.folds() + " folds");
        }
        int b = settings.calibrationSplits();
        double[] aucs = new double[b];
        SplittableRandom random = new SplittableRandom(settings.seed() ^ 0x5DEECE66DL);
        for (int s = 0; s < b; s++) {
            int[] order = permutation(n, random);
            double[][] pseudoRef = new double[pseudoReference][];
            double[][] pseudoCur = new double[pseudoCurrent][];
            for (int i = 0; i < pseudoCurrent; i++) {
                pseudoCur[i] = reference[order[i]];
            }
            for (int i = 0; i < pseudoReference; i++) {
                pseudoRef[i] = reference[order[pseudoCurrent + i]];
            }
            aucs[s] = crossValidatedAuc(pseudoRef, pseudoCur, settings.folds(), settings.trees(),
                    settings.seed() + 1 + s);
        }
        double mean = Arrays.stream(aucs).average().orElse(0.5);
        double ss = 0;
        for (double a : aucs) {
            ss += (a - mean) * (a - mean);
        }
        double sd = Math.sqrt(ss / (b - 1));
        double t = new TDistribution(b - 1).quantile(1 - settings.falseAlarmRate());
        return new Calibration(mean + t * sd * Math.sqrt(1 + 1.0 / b), mean, sd, aucs);
    }

    /**
     * ROC AUC of the out-of-fold scores: rows of each side are dealt to {@code folds} folds after a seeded
     * shuffle (stratified), each fold is scored by an ensemble trained on the others, and the pooled scores give
     * one AUC (as NannyML pools its folds' predictions). One half when the two sides cannot be told apart at all.
     */
    public static double crossValidatedAuc(double[][] reference, double[][] current, int folds, int trees, long seed) {
        double[][] x = stack(reference, current);
        int[] y = labels(reference.length, current.length);
        int[] fold = new int[x.length];
        SplittableRandom random = new SplittableRandom(seed);
        int[] refOrder = permutation(reference.length, random);
        int[] curOrder = permutation(current.length, random);
        for (int i = 0; i < refOrder.length; i++) {
            fold[refOrder[i]] = i % folds;
        }
        for (int i = 0; i < curOrder.length; i++) {
            fold[reference.length + curOrder[i]] = i % folds;
        }
        double[] scores = new double[x.length];
        String[] names = columnNames(x[0].length);
        for (int f = 0; f < folds; f++) {
            List<Integer> train = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < x.length; i++) {
                (fold[i] == f ? test : train).add(i);
            }
            GradientTreeBoost model = fit(rows(x, train), labels(y, train), names, trees, seed + f);
            DataFrame testFrame = DataFrame.of(rows(x, test), names);
            double[] posteriori = new double[2];
            for (int t = 0; t < test.size(); t++) {
                model.predict(testFrame.get(t), posteriori);
                scores[test.get(t)] = posteriori[1];
            }
        }
        double auc = ClassificationMetrics.rocAuc(y, scores);
        return Double.isNaN(auc) ? 0.5 : auc;
    }

    /** The columns an ensemble trained on every row splits on most, largest share first (at most three). */
    static List<ColumnContribution> importance(double[][] reference, double[][] current, List<String> names,
                                               Settings settings) {
        double[][] x = stack(reference, current);
        GradientTreeBoost model = fit(x, labels(reference.length, current.length), columnNames(x[0].length),
                settings.trees(), settings.seed());
        double[] importance = model.importance();
        double total = Arrays.stream(importance).sum();
        List<ColumnContribution> out = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            if (importance[j] > 0) {
                out.add(new ColumnContribution(names.get(j), importance[j] / total));
            }
        }
        out.sort(Comparator.comparingDouble(ColumnContribution::contribution).reversed());
        return out.subList(0, Math.min(ColumnContribution.LISTED, out.size()));
    }

    private static GradientTreeBoost fit(double[][] x, int[] y, String[] names, int trees, long seed) {
        // Smile draws its subsamples from a per-thread generator: seeding it makes the ensemble reproducible.
        MathEx.setSeed(seed);
        DataFrame frame = DataFrame.of(x, names).merge(IntVector.of(LABEL, y));
        return GradientTreeBoost.fit(Formula.lhs(LABEL), frame, trees, MAX_DEPTH, MAX_NODES, NODE_SIZE, SHRINKAGE, 1.0);
    }

    private static String[] columnNames(int width) {
        String[] names = new String[width];
        for (int j = 0; j < width; j++) {
            names[j] = "c" + j;
        }
        return names;
    }

    private static double[][] stack(double[][] a, double[][] b) {
        double[][] x = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, x, a.length, b.length);
        return x;
    }

    private static int[] labels(int zeros, int ones) {
        int[] y = new int[zeros + ones];
        Arrays.fill(y, zeros, y.length, 1);
        return y;
    }

    private static double[][] rows(double[][] x, List<Integer> index) {
        double[][] out = new double[index.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = x[index.get(i)];
        }
        return out;
    }

    private static int[] labels(int[] y, List<Integer> index) {
        return index.stream().mapToInt(i -> y[i]).toArray();
    }

    /** At most {@code max} of the rows, chosen by {@code random} and kept in their order. */
    public static double[][] sample(double[][] rows, int max, SplittableRandom random) {
        if (rows.length <= max) {
            return rows;
        }
        int[] chosen = random.ints(0, rows.length).distinct().limit(max).sorted().toArray();
        double[][] out = new double[max][];
        for (int i = 0; i < max; i++) {
            out[i] = rows[chosen[i]];
        }
        return out;
    }

    static int[] permutation(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
