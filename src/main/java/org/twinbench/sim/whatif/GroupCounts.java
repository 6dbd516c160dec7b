package org.twinbench.sim.whatif;

import java.util.List;
import java.util.Locale;
import org.twinbench.data.PlainWords;
import org.twinbench.stats.WelchTest;
import org.twinbench.stats.WilsonInterval;

/**
 * What the guided check counted for one group ("everyone", or {@code column=value}) over the steps after a change
 * has fully arrived, on the very rows the model answered: for a classifier its right answers, those of always
 * answering the reference rows' commonest outcome (the naive guess) and, for several kinds, the confusion counts
 * (a row per true kind, a column per kind answered, as scikit-learn's {@code confusion_matrix}); for a model of
 * amounts the sum of its absolute errors and of their squares, and the absolute errors of always guessing the
 * reference rows' average amount.
 *
 * <p>The check draws a file's rows again and again (30 steps of 400 from its later half), so its draws are not
 * as many different rows: {@code distinctShare} is the expected share of different rows among the draws, P(1 − (1
 * − 1/P)^N)/N for N uniform draws from a pool of P rows (the same for every group, whose draws are in proportion to
 * its rows). Every interval counts the draws times that share ({@link #rows()}), never the draws.
 */
public final class GroupCounts {

    /** The kinds a classifier answers (a binary model: the other value, then the positive); empty for amounts. */
    private final List<String> kinds;
    private final boolean amounts;
    private long draws;
    private long right;
    private long guessRight;
    private final long[][] confusion;
    private double sumAbs;
    private double sumSquares;
    private double guessSumAbs;
    private double sumTruth;
    private double distinctShare = 1;
    private int guessKind = -1;
    /** Each draw's place in the run ({@link #drawKey}) and what it scored (1 right / 0 wrong, or its absolute error). */
    private long[] keys = new long[256];
    private double[] scored = new double[256];

    private GroupCounts(List<String> kinds, boolean amounts) {
        this.kinds = List.copyOf(kinds);
        this.amounts = amounts;
        this.confusion = new long[kinds.size()][kinds.size()];
    }

    /** The counts of a classifier answering one of {@code kinds}. */
    public static GroupCounts ofKinds(List<String> kinds) {
        return new GroupCounts(kinds, false);
    }

    /**
     * The counts of a classifier of three kinds or more whose kinds are not named (a run's slices, which keep its share
     * right and not which kind was answered): judged by its share right only.
     */
    public static GroupCounts ofUnnamedKinds() {
        return new GroupCounts(List.of("", "", ""), false);
    }

    /** The counts of a model of amounts. */
    public static GroupCounts ofAmounts() {
        return new GroupCounts(List.of(), true);
    }

    /** One labelled row of a classifier: its true kind, the kind answered and the naive guess (codes into the kinds). */
    public void addAnswer(int truth, int answered, int guess) {
        addAnswer(truth, answered, guess, draws);
    }

    /**
     * The same for the draw at {@code key} ({@link #drawKey}: the same draw of the same seed has the same key in
     * every scenario of a check, so a change's draws pair with the unchanged run's, {@link PairedFall}).
     */
    public void addAnswer(int truth, int answered, int guess, long key) {
        keep(key, truth == answered ? 1 : 0);
        draws++;
        right += truth == answered ? 1 : 0;
        guessRight += truth == guess ? 1 : 0;
        guessKind = guess;
        confusion[truth][answered]++;
    }

    /** One row of a model of amounts with its true amount, the model's and the naive guess's. */
    public void addAmount(double truth, double predicted, double guess) {
        addAmount(truth, predicted, guess, draws);
    }

    /** The same for the draw at {@code key} ({@link #addAnswer(int, int, int, long)}). */
    public void addAmount(double truth, double predicted, double guess, long key) {
        double error = Math.abs(predicted - truth);
        keep(key, error);
        draws++;
        sumAbs += error;
        sumSquares += error * error;
        guessSumAbs += Math.abs(guess - truth);
        sumTruth += truth;
    }

    /**
     * A classifier's rows counted elsewhere, added at once (a run's slice of one step, {@code report.html}'s fairness
     * table): {@code rows} answered, {@code right} of them right, {@code guessRight} right by the naive guess, and
     * the confusion counts {@code [true kind][kind answered]} when known (null: only the share right is counted).
     * Such rows have no draw keys: not for pairing ({@link PairedFall}).
     */
    public void addAnswers(long rows, long right, long guessRight, long[][] counts) {
        draws += rows;
        this.right += right;
        this.guessRight += guessRight;
        for (int t = 0; counts != null && t < counts.length; t++) {
            for (int a = 0; a < counts[t].length; a++) {
                confusion[t][a] += counts[t][a];
            }
        }
    }

    /**
     * A model of amounts' rows counted elsewhere, added at once ({@link #addAnswers(long, long, long, long[][])}):
     * their sum of absolute errors, of squared errors, and the naive guess's sum of absolute errors. Their true
     * amounts are not known: {@link #meanAmount} stays NaN, so a comparison of groups is not scaled by them.
     */
    public void addAmounts(long rows, double sumAbsolute, double sumSquared, double guessSumAbsolute) {
        draws += rows;
        sumAbs += sumAbsolute;
        sumSquares += sumSquared;
        guessSumAbs += guessSumAbsolute;
        sumTruth = Double.NaN;
    }

    /** The key of the {@code row}-th row of step {@code step}'s batch. */
    public static long drawKey(int step, int row) {
        return ((long) step << 32) | row;
    }

    private void keep(long key, double value) {
        int at = (int) draws;
        if (at == keys.length) {
            keys = java.util.Arrays.copyOf(keys, at * 2);
            scored = java.util.Arrays.copyOf(scored, at * 2);
        }
        keys[at] = key;
        scored[at] = value;
    }

    /** The draws' keys in the order counted (a copy). */
    long[] keys() {
        return java.util.Arrays.copyOf(keys, (int) draws);
    }

    /** What each draw scored, in the order of {@link #keys}: 1 right / 0 wrong, or its absolute error (a copy). */
    double[] scored() {
        return java.util.Arrays.copyOf(scored, (int) draws);
    }

    /** The expected share of different rows among the draws. */
    double distinctShare() {
        return distinctShare;
    }

    /** Sets the expected share of different rows among the draws (1: no row drawn twice). */
    public void distinctShare(double share) {
        this.distinctShare = Double.isNaN(share) ? 1 : Math.max(0, Math.min(1, share));
    }

    /** The expected share of different rows among {@code draws} uniform draws from {@code pool} rows. */
    public static double distinctShare(long pool, long draws) {
        if (pool <= 0 || draws <= 0) {
            return 1;
        }
        double distinct = pool * -Math.expm1(draws * Math.log1p(-1.0 / pool));
        return pool == 1 ? 1.0 / draws : Math.min(1, distinct / draws);
    }

    public boolean amounts() {
        return amounts;
    }

    public List<String> kinds() {
        return kinds;
    }

    /** The rows answered, counting every draw. */
    public long draws() {
        return draws;
    }

    /** The draws counted as different rows (at least 1 when there was a draw): what every interval is taken over. */
    public long rows() {
        return draws == 0 ? 0 : Math.max(1, Math.round(draws * distinctShare));
    }

    /** The confusion counts: {@code [true kind][kind answered]}, every draw counted (a copy). */
    public long[][] confusion() {
        long[][] copy = new long[confusion.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = confusion[i].clone();
        }
        return copy;
    }

    /** The share of right answers. */
    public double accuracy() {
        return draws == 0 ? Double.NaN : (double) right / draws;
    }

    /** The kind the naive guess always answers (null for amounts or before any answer). */
    public String guessKind() {
        return guessKind < 0 ? null : kinds.get(guessKind);
    }

    /** The share right of always answering the reference rows' commonest outcome, on the same rows. */
    public double guessAccuracy() {
        return draws == 0 ? Double.NaN : (double) guessRight / draws;
    }

    /** The 95% Wilson interval of the share right, over {@link #rows()}. */
    public double[] accuracyInterval() {
        return WilsonInterval.of(accuracy(), (int) Math.min(Integer.MAX_VALUE, rows()));
    }

    /**
     * A yes/no model's recall: of the rows whose outcome is the positive one (the second kind), the share it answered
     * so; NaN for other models or without such rows.
     */
    public double recall() {
        if (amounts || kinds.size() != 2) {
            return Double.NaN;
        }
        long positives = confusion[1][0] + confusion[1][1];
        return positives == 0 ? Double.NaN : (double) confusion[1][1] / positives;
    }

    /** The 95% Wilson interval of {@link #recall}, over the positive draws counted as different rows. */
    public double[] recallInterval() {
        double recall = recall();
        if (Double.isNaN(recall)) {
            return new double[] {Double.NaN, Double.NaN};
        }
        return WilsonInterval.of(recall, (int) Math.min(Integer.MAX_VALUE, positiveRows()));
    }

    /**
     * A yes/no model's rows whose outcome is the positive one (the second kind), counted as different rows (at least 1
     * when there was one); 0 for other models or without such rows.
     */
    public long positiveRows() {
        if (amounts || kinds.size() != 2) {
            return 0;
        }
        long positives = confusion[1][0] + confusion[1][1];
        return positives == 0 ? 0 : Math.max(1, Math.round(positives * distinctShare));
    }

    /** The mean absolute error. */
    public double mae() {
        return draws == 0 ? Double.NaN : sumAbs / draws;
    }

    /** The mean of the true amounts (the scale a group's errors are judged against, {@link GroupFairness}). */
    public double meanAmount() {
        return draws == 0 ? Double.NaN : sumTruth / draws;
    }

    /** The root mean squared error. */
    public double rmse() {
        return draws == 0 ? Double.NaN : Math.sqrt(sumSquares / draws);
    }

    /** The mean absolute error of always guessing the reference rows' average amount, on the same rows. */
    public double guessMae() {
        return draws == 0 ? Double.NaN : guessSumAbs / draws;
    }

    /**
     * The 95% t interval of the mean absolute error: the mean ± t(0.975, n − 1) · s / √n, with s the sample standard
     * deviation of the absolute errors and n {@link #rows()} (NaN under 2 rows).
     */
    public double[] maeInterval() {
        long n = rows();
        if (draws < 2 || n < 2) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double mean = mae();
        double variance = Math.max(0, (sumSquares - draws * mean * mean) / (draws - 1));
        double half = WelchTest.quantile(0.975, n - 1) * Math.sqrt(variance / n);
        return new double[] {mean - half, mean + half};
    }

    /**
     * Whether the model does better than the naive guess on the same rows: for a classifier the lower end of its
     * share right's interval is above the guess's share, for amounts the upper end of its error's interval is
     * below the guess's error.
     */
    public boolean beatsGuess() {
        if (draws == 0) {
            return false;
        }
        return amounts ? maeInterval()[1] < guessMae() : accuracyInterval()[0] > guessAccuracy();
    }

    /**
     * The commonest mistake of a model of three kinds or more, when it is clearly more than chance, else null.
     * Chance is every way of being wrong (k(k − 1) of them for k kinds) equally likely: the mistake's count c of
     * the E mistakes, both counted as different rows, is then Binomial(E, 1/(k(k − 1))), and the mistake is named
     * only when its one-sided p-value P(X ≥ c), times k(k − 1) for the mistakes looked at (Bonferroni), is below
     * {@value #CHANCE_ALPHA}. The first on a tie (in the kinds' order).
     */
    public Confusion commonestMistake() {
        int k = kinds.size();
        if (amounts || k < 3) {
            return null;
        }
        long errors = 0;
        int bestTruth = -1;
        int bestAnswer = -1;
        for (int t = 0; t < k; t++) {
            for (int a = 0; a < k; a++) {
                if (t != a) {
                    errors += confusion[t][a];
                    if (bestTruth < 0 || confusion[t][a] > confusion[bestTruth][bestAnswer]) {
                        bestTruth = t;
                        bestAnswer = a;
                    }
                }
            }
        }
        if (errors == 0) {
            return null;
        }
        long count = confusion[bestTruth][bestAnswer];
        long rowsOfErrors = Math.max(1, Math.round(errors * distinctShare));
        long rowsOfCount = Math.max(1, Math.round(count * distinctShare));
        int ways = k * (k - 1);
        double p = Math.min(1, ways * binomialUpperTail(rowsOfCount, rowsOfErrors, 1.0 / ways));
        return p < CHANCE_ALPHA ? new Confusion(kinds.get(bestTruth), kinds.get(bestAnswer), count, draws, p) : null;
    }

    /** The family-wise level below which a commonest mistake is more than chance. */
    public static final double CHANCE_ALPHA = 0.05;

    /** P(X ≥ c) for X ~ Binomial(n, p) ({@link org.twinbench.stats.PairedTests#binomialUpperTail}). */
    static double binomialUpperTail(long c, long n, double p) {
        return org.twinbench.stats.PairedTests.binomialUpperTail(c, n, p);
    }

    /**
     * The commonest mistake: rows of kind {@code truth} answered {@code answered}, {@code count} of {@code draws}
     * answers (every draw counted), with the chance p-value that named it.
     */
    public record Confusion(String truth, String answered, long count, long draws, double pValue) {

        /** How the words of a mistake start. */
        public static final String OPENING = " It confuses “";

        /** " It confuses “1” with “2” most (41 of 2,400 answers)." with the outcome column's words for the kinds. */
        public String words(String column) {
            return String.format(Locale.ROOT, OPENING + "%s” with “%s” most (%,d of %,d answers).",
                    PlainWords.value(column, truth), PlainWords.value(column, answered), count, draws);
        }
    }

    /** "(between 81% and 87%)" or "(between 41 and 49)": the 95% interval of the share right or of the error. */
    public String intervalWords() {
        double[] interval = amounts ? maeInterval() : accuracyInterval();
        if (Double.isNaN(interval[0])) {
            return "";
        }
        return amounts ? "(between " + PlainWords.amount(Math.max(0, interval[0])) + " and "
                + PlainWords.amount(interval[1]) + ")"
                : String.format(Locale.ROOT, "(between %.0f%% and %.0f%%)", 100 * interval[0], 100 * interval[1]);
    }
}
