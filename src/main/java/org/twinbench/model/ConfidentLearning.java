package org.twinbench.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.twinbench.data.ClassLabels;
import org.twinbench.data.Frame;
import smile.classification.LogisticRegression;

/**
 * Likely mislabelled rows by confident learning (Northcutt, Jiang and Chuang, "Confident Learning: Estimating
 * Uncertainty in Dataset Labels", JAIR 70, 2021), with cleanlab 2.x's rule {@code filter_by="confident_learning"}:
 * <ol>
 *   <li>out-of-fold predicted probabilities: the labelled rows are dealt to {@value #FOLDS} stratified folds
 *       (seeded), and each fold is scored by a logistic regression (Smile, L2 penalty {@value #LAMBDA}; multinomial
 *       for more than two classes) trained on the others on standardised features;</li>
 *   <li>per-class thresholds: t_j = the mean predicted probability of class j over the rows labelled j (the class's
 *       mean self-confidence);</li>
 *   <li>the confident joint: a row counts under (given label, class j) for the class j with p_j ≥ t_j (when
 *       several are, the row's most probable class); a row no class is confident about is not counted;</li>
 *   <li>issues: the rows counted off the diagonal (confident in a class other than their label), except those whose
 *       label is also the model's most probable class (cleanlab drops these too).</li>
 * </ol>
 * The suspected label is the confident class. Issues are listed least self-confident first.
 */
public final class ConfidentLearning {

    public static final int FOLDS = 5;
    /**
     * L2 penalty of the fold models: scikit-learn's default (C = 1, i.e. ½·‖w‖² beside the summed log loss). The
     * nearly unpenalised models {@code train} fits can separate a training fold, mislabelled rows included, and their
     * overconfident probabilities hide the very rows this looks for.
     */
    static final double LAMBDA = 1.0;
    /** cleanlab compares probabilities with the thresholds less this tolerance. */
    static final double TOLERANCE = 1e-6;

    /** A row whose given label looks wrong: its 0-based row, both labels and the probability of the given one. */
    public record Issue(int row, String given, String suspected, double selfConfidence) {
    }

    /**
     * What confident learning found.
     *
     * @param thresholds per class (in {@code classes} order)
     * @param confidentJoint counts of (given class, confident class)
     * @param labelledRows the rows with a label that were judged
     * @param outOfFoldAccuracy how often the fold models' most probable class is the given label
     * @param majorityShare the share of the most frequent class: a model no better than this knows too little for
     *        its doubts to mean anything
     */
    public record Result(List<String> classes, double[] thresholds, int[][] confidentJoint, List<Issue> issues,
                         int labelledRows, double outOfFoldAccuracy, double majorityShare) {
        public Result {
            classes = List.copyOf(classes);
            issues = List.copyOf(issues);
        }

        /**
         * Whether the fold models beat always answering the most frequent class (else their doubts are noise): the
         * one-sided z-test of the out-of-fold accuracy against the majority share, at the 1% level (z > 2.326).
         */
        public boolean informative() {
            double se = Math.sqrt(majorityShare * (1 - majorityShare) / labelledRows);
            return se == 0 ? outOfFoldAccuracy > majorityShare : (outOfFoldAccuracy - majorityShare) / se > 2.326;
        }

        /** The share of judged rows whose label looks wrong. */
        public double issueShare() {
            return labelledRows == 0 ? 0 : (double) issues.size() / labelledRows;
        }
    }

    /** The rule's output on given probabilities: the rows, their suspected classes, the thresholds and the joint. */
    public record Flags(int[] rows, int[] suspected, double[] thresholds, int[][] confidentJoint) {
    }

    private ConfidentLearning() {
    }

    /**
     * Runs confident learning on {@code frame}'s labelled rows of {@code target} with {@code features}.
     *
     * @throws ModelException when a class has fewer rows than there are folds, or there is only one class
     */
    public static Result find(Frame frame, String target, List<String> features, long seed) {
        List<String> classes = ClassLabels.of(frame.column(target));
        int[] all = ClassLabels.encode(frame.column(target), classes);
        int[] rows = Arrays.stream(ModelTrainer.indices(all.length)).filter(i -> all[i] >= 0).toArray();
        int[] labels = Arrays.stream(rows).map(i -> all[i]).toArray();
        if (classes.size() < 2) {
            throw new ModelException("'" + target + "' holds a single class; there is no other label to suspect");
        }
        int[] counts = new int[classes.size()];
        for (int label : labels) {
            counts[label]++;
        }
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] < FOLDS) {
                throw new ModelException("class '" + classes.get(c) + "' of '" + target + "' has " + counts[c]
                        + " rows; " + FOLDS + " folds need at least " + FOLDS);
            }
        }
        double[][] probabilities = outOfFold(frame.select(rows), features, labels, classes.size(), seed);
        Flags flags = flag(labels, probabilities);
        List<Issue> issues = new ArrayList<>();
        for (int f = 0; f < flags.rows().length; f++) {
            int i = flags.rows()[f];
            issues.add(new Issue(rows[i], classes.get(labels[i]), classes.get(flags.suspected()[f]),
                    probabilities[i][labels[i]]));
        }
        issues.sort(Comparator.comparingDouble(Issue::selfConfidence).thenComparingInt(Issue::row));
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            int argmax = 0;
            for (int j = 1; j < classes.size(); j++) {
                argmax = probabilities[i][j] > probabilities[i][argmax] ? j : argmax;
            }
            correct += argmax == labels[i] ? 1 : 0;
        }
        return new Result(classes, flags.thresholds(), flags.confidentJoint(), issues, rows.length,
                (double) correct / labels.length, (double) Arrays.stream(counts).max().orElse(0) / labels.length);
    }

    /** The rule on given labels (0..k-1) and probabilities (rows × k), as cleanlab computes it. */
    public static Flags flag(int[] labels, double[][] probabilities) {
        int k = probabilities[0].length;
        double[] sum = new double[k];
        int[] count = new int[k];
        for (int i = 0; i < labels.length; i++) {
            sum[labels[i]] += probabilities[i][labels[i]];
            count[labels[i]]++;
        }
        double[] thresholds = new double[k];
        for (int j = 0; j < k; j++) {
            thresholds[j] = count[j] == 0 ? Double.POSITIVE_INFINITY : sum[j] / count[j];
        }
        int[][] joint = new int[k][k];
        List<int[]> flagged = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            double[] p = probabilities[i];
            int first = -1;
            int confidentCount = 0;
            int argmax = 0;
            for (int j = 0; j < k; j++) {
                argmax = p[j] > p[argmax] ? j : argmax;
                if (p[j] >= thresholds[j] - TOLERANCE) {
                    first = first < 0 ? j : first;
                    confidentCount++;
                }
            }
            // cleanlab: with several confident classes the most probable class of all, with one that class.
            int confident = confidentCount > 1 ? argmax : first;
            if (confident < 0) {
                continue;
            }
            joint[labels[i]][confident]++;
            if (confident != labels[i] && argmax != labels[i]) {
                flagged.add(new int[] {i, confident});
            }
        }
        return new Flags(flagged.stream().mapToInt(f -> f[0]).toArray(), flagged.stream().mapToInt(f -> f[1]).toArray(),
                thresholds, joint);
    }

    /** Each row's out-of-fold class probabilities from a logistic regression on the features. */
    static double[][] outOfFold(Frame rows, List<String> features, int[] labels, int classes, long seed) {
        int n = labels.length;
        int[] fold = new int[n];
        SplittableRandom random = new SplittableRandom(seed);
        for (int c = 0; c < classes; c++) {
            final int cls = c;
            int[] members = Arrays.stream(ModelTrainer.indices(n)).filter(i -> labels[i] == cls).toArray();
            ModelTrainer.shuffle(members, random);
            for (int m = 0; m < members.length; m++) {
                fold[members[m]] = m % FOLDS;
            }
        }
        double[][] out = new double[n][classes];
        for (int f = 0; f < FOLDS; f++) {
            final int current = f;
            int[] train = Arrays.stream(ModelTrainer.indices(n)).filter(i -> fold[i] != current).toArray();
            int[] test = Arrays.stream(ModelTrainer.indices(n)).filter(i -> fold[i] == current).toArray();
            Frame trainRows = rows.select(train);
            FeatureEncoder encoder = FeatureEncoder.fit(trainRows, features);
            double[][] x = encoder.encode(trainRows);
            int[] y = Arrays.stream(train).map(i -> labels[i]).toArray();
            LogisticRegression model = classes == 2
                    ? LogisticRegression.binomial(x, y, LAMBDA, 1e-6, 500)
                    : LogisticRegression.multinomial(x, y, LAMBDA, 1e-6, 500);
            double[][] testX = encoder.encode(rows.select(test));
            for (int t = 0; t < test.length; t++) {
                model.predict(testX[t], out[test[t]]);
            }
        }
        return out;
    }
}
