package org.twinbench.sim.whatif;

import java.util.Arrays;
import java.util.Locale;
import org.twinbench.data.PlainWords;
import org.twinbench.stats.PairedTests;

/**
 * How the model's answers on the very same rows moved under a change: the guided check draws the same rows for the
 * unchanged run and for each change (the same seed, {@link Counting}), so each draw after the change pairs with the
 * same draw before it, and the fall is judged paired.
 * <ul>
 *   <li>Right/wrong answers (yes/no and kinds): the pairs right before and wrong after ({@code fell}) against those
 *   wrong before and right after ({@code rose}), McNemar's exact test, and Newcombe's paired interval of the change
 *   of the share right ({@link PairedTests}).</li>
 *   <li>Amounts: the change of each row's absolute error, the paired t interval of its mean and the t-test, and
 *   Wilcoxon's signed-rank test; a rise counts only when both tests say so.</li>
 * </ul>
 * As every other interval of the check, the tests count the pairs as the different rows they stand for
 * ({@link GroupCounts#rows}): the discordant counts are scaled by that share, and the t and Wilcoxon tests take it.
 *
 * @param amounts whether the figures are absolute errors (else shares right)
 * @param pairs the draws paired
 * @param before the share right (or the mean absolute error) on them before the change
 * @param after the same after the change
 * @param fell pairs right before and wrong after (0 for amounts)
 * @param rose pairs wrong before and right after (0 for amounts)
 * @param low the 95% interval of after − before, low end
 * @param high its high end
 * @param pValue McNemar's exact p-value, or the paired t-test's
 * @param wilcoxon Wilcoxon's signed-rank p-value (NaN for right/wrong answers)
 */
public record PairedFall(boolean amounts, long pairs, double before, double after, long fell, long rose, double low,
                         double high, double pValue, double wilcoxon) {

    /** The level under which a fall is not put down to chance. */
    public static final double ALPHA = 0.05;

    /**
     * The draws of {@code after} (a group's, after a change) paired with the same draws of {@code unchanged} (everyone's
     * in the run without the change); null when none pair.
     */
    public static PairedFall of(GroupCounts unchanged, GroupCounts after) {
        if (unchanged == null || after == null || unchanged.amounts() != after.amounts()) {
            return null;
        }
        long[] beforeKeys = unchanged.keys();
        double[] beforeScored = unchanged.scored();
        long[] afterKeys = after.keys();
        double[] afterScored = after.scored();
        long[] sortedKeys = beforeKeys.clone();
        Integer[] order = new Integer[beforeKeys.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Long.compare(beforeKeys[x], beforeKeys[y]));
        for (int i = 0; i < order.length; i++) {
            sortedKeys[i] = beforeKeys[order[i]];
        }
        double[] b = new double[afterKeys.length];
        double[] a = new double[afterKeys.length];
        int n = 0;
        for (int i = 0; i < afterKeys.length; i++) {
            int at = Arrays.binarySearch(sortedKeys, afterKeys[i]);
            if (at >= 0) {
                b[n] = beforeScored[order[at]];
                a[n] = afterScored[i];
                n++;
            }
        }
        if (n == 0) {
            return null;
        }
        return of(after.amounts(), Arrays.copyOf(b, n), Arrays.copyOf(a, n), after.distinctShare());
    }

    /**
     * The paired comparison of {@code before} and {@code after} (the same rows' 1 right / 0 wrong, or absolute
     * errors), the pairs standing for {@code share} of as many different rows.
     */
    public static PairedFall of(boolean amounts, double[] before, double[] after, double share) {
        int n = before.length;
        long rows = Math.max(1, Math.round(n * share));
        double meanBefore = Arrays.stream(before).average().orElse(Double.NaN);
        double meanAfter = Arrays.stream(after).average().orElse(Double.NaN);
        if (amounts) {
            double[] differences = new double[n];
            for (int i = 0; i < n; i++) {
                differences[i] = after[i] - before[i];
            }
            PairedTests.MeanDifference t = PairedTests.pairedT(differences, rows);
            return new PairedFall(true, n, meanBefore, meanAfter, 0, 0, t.low(), t.high(), t.pValue(),
                    PairedTests.wilcoxon(differences, rows));
        }
        long both = 0;
        long fell = 0;
        long rose = 0;
        long neither = 0;
        for (int i = 0; i < n; i++) {
            boolean wasRight = before[i] > 0.5;
            boolean isRight = after[i] > 0.5;
            if (wasRight && isRight) {
                both++;
            } else if (wasRight) {
                fell++;
            } else if (isRight) {
                rose++;
            } else {
                neither++;
            }
        }
        double[] interval = PairedTests.newcombePaired(scale(both, share), scale(fell, share), scale(rose, share),
                scale(neither, share));
        return new PairedFall(false, n, meanBefore, meanAfter, fell, rose, interval[0], interval[1],
                PairedTests.mcNemarExact(scale(fell, share), scale(rose, share)), Double.NaN);
    }

    private static long scale(long count, double share) {
        return Math.round(count * share);
    }

    /**
     * Whether the model is worse after the change beyond chance: fewer right (the interval of the change below 0 and
     * McNemar's p under {@value #ALPHA}) or a larger error (the interval above 0, the t-test and Wilcoxon's both under
     * {@value #ALPHA}).
     */
    public boolean worse() {
        return amounts ? low > 0 && pValue < ALPHA && wilcoxon < ALPHA : high < 0 && pValue < ALPHA;
    }

    /**
     * Whether the model is better after than before beyond chance (the mirror of {@link #worse}): more right (the
     * interval of the change above 0 and McNemar's p under {@value #ALPHA}) or a smaller error (the interval below 0,
     * the t-test and Wilcoxon's both under {@value #ALPHA}). Retraining is judged so against the same rows after the
     * change ({@link WhatIfVerdict#retraining(WhatIfChange, String, PairedFall, PairedFall, double)}).
     */
    public boolean better() {
        return amounts ? high < 0 && pValue < ALPHA && wilcoxon < ALPHA : low > 0 && pValue < ALPHA;
    }

    /** The p-value the words quote: McNemar's, or for amounts the larger of the t-test's and Wilcoxon's. */
    public double chance() {
        return amounts ? Math.max(pValue, wilcoxon) : pValue;
    }

    /**
     * In words, e.g. "right answers fell from 93 to 81 out of 100 on the same rows (down 12, between 9 and 15 in 100);
     * a fall this big happens by chance less than 1 time in 1,000", or for amounts "the model was off by 41 on average
     * before and by 52 after on the same rows (11 more, between 8 and 14); a rise this big happens by chance less
     * than 1 time in 1,000". The interval is of the change in the direction named.
     */
    public String words() {
        double change = after - before;
        if (amounts) {
            boolean rise = change > 0;
            return String.format(Locale.ROOT, "the model was off by %s on average before and by %s after on the same "
                    + "rows (%s %s, "
                    + "between %s and %s); %s", PlainWords.amount(before), PlainWords.amount(after),
                    PlainWords.amount(Math.abs(change)), rise ? "more" : "less", signed(rise ? low : -high),
                    signed(rise ? high : -low), chanceWords(rise ? "a rise" : "a fall"));
        }
        long from = Math.round(100 * before);
        long to = Math.round(100 * after);
        boolean fall = change < 0;
        String figures = to == from ? "right answers stayed at " + from + " out of 100"
                : (to < from ? "right answers fell from " : "right answers rose from ") + from + " to " + to + " out of 100";
        return String.format(Locale.ROOT, "%s on the same rows (%s %d, between %s and %s in 100); %s", figures,
                fall ? "down" : "up", Math.abs(to - from), signed(100 * (fall ? -high : low)),
                signed(100 * (fall ? -low : high)), chanceWords(fall ? "a fall" : "a rise"));
    }

    /**
     * "a fall this big happens by chance less than 1 time in 1,000", or "… about 1 time in 16 — too often to count
     * it" at {@value #ALPHA} or more.
     */
    private String chanceWords(String what) {
        double p = chance();
        if (Double.isNaN(p)) {
            return "too few rows to tell whether it is more than chance";
        }
        if (p < 0.001) {
            return what + " this big happens by chance less than 1 time in 1,000";
        }
        if (p < 0.01) {
            return what + " this big happens by chance less than 1 time in 100";
        }
        long in = Math.max(1, Math.round(1 / p));
        String often = in <= 1 ? "most of the time" : "about 1 time in " + String.format(Locale.ROOT, "%,d", in);
        return what + " this big happens by chance " + often + (p < ALPHA ? "" : " — too often to count it");
    }

    /** A figure with a minus sign when below 0: "−3", "12" (whole numbers, or amounts in plain words). */
    private String signed(double value) {
        if (amounts) {
            return (value < 0 ? "−" : "") + PlainWords.amount(Math.abs(value));
        }
        long rounded = Math.round(value);
        return rounded < 0 ? "−" + -rounded : Long.toString(rounded);
    }
}
