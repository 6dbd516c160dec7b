package org.twinbench.sim.whatif;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.twinbench.sim.Verdict;
import org.twinbench.stats.TwoProportionTest;
import org.twinbench.stats.WelchTest;

/**
 * Whether the guided check's model serves one group of a column worse than the rest of that column, from what the
 * check counted per group ({@link GroupCounts}, the draws counted as the different rows they hold), by one of three
 * measures ({@link Measure}):
 * <ul>
 *   <li>share right (kinds and yes/no): the gap between the rest's share right and the group's, with Newcombe's hybrid
 *   score interval (as the run verdict's, {@link Verdict#newcombe}) and the two-sided two-proportion z-test (pooled);
 *   </li>
 *   <li>caught (yes/no only, equal opportunity): the same for the share of the rows whose outcome is the answer to
 *   catch that the model caught (its recall, the true positive rate), over those rows only;</li>
 *   <li>error (amounts): the ratio of the group's mean absolute error to the rest's, with its 95% interval by the delta
 *   method on its log (exp(log r ± 1.96 √(s_g²/(n_g·MAE_g²) + s_r²/(n_r·MAE_r²)))), and Welch's two-sided t-test of
 *   the two groups' absolute errors; beside it the same ratio {@link Scaled scaled} by each side's mean amount, so that
 *   a group whose amounts are larger is not called served worse for that alone.</li>
 * </ul>
 * Each group of a column with at least {@value Verdict#MIN_ROWS} rows (for caught, rows to catch), and as many in the
 * rest of the column, is compared with that rest; per column and measure the one served worst is named (for errors the
 * largest scaled ratio where there is one), and it is worse beyond chance when its p-value times the comparisons made
 * in the column for that measure (Bonferroni; one for a column of two groups, whose two comparisons are the same) is
 * under {@value #ALPHA} — for errors, the scaled ratio's too.
 *
 * @param column the group column
 * @param group the group served worst, as counted ("column=value")
 * @param measure what is compared
 * @param figure the group's share right, share caught or mean absolute error
 * @param rest the rest of the column's
 * @param rows the group's rows (draws counted as different rows; for caught, its rows to catch)
 * @param restRows the rest's
 * @param low the 95% interval of the gap (rest − group, shares) or of the ratio (group / rest, errors), low end
 * @param high its high end
 * @param pValue the two-sided test's p-value, uncorrected
 * @param comparisons the comparisons made in the column (the Bonferroni factor)
 * @param scaled for errors, the ratio relative to each side's mean amount (null for shares, or when a mean amount is
 *               not above 0)
 */
public record GroupFairness(String column, String group, Measure measure, double figure, double rest, long rows,
                            long restRows, double low, double high, double pValue, int comparisons, Scaled scaled) {

    /** The family-wise level of a column's comparisons. */
    public static final double ALPHA = 0.05;
    private static final double Z95 = 1.959963984540054;

    /** What a group is compared by. */
    public enum Measure {
        /** The share of answers right. */
        SHARE_RIGHT,
        /** Of the rows whose outcome is the answer to catch, the share caught (recall). */
        CAUGHT,
        /** The mean absolute error of amounts. */
        ERROR
    }

    /**
     * The error ratio relative to each side's amounts: the group's mean absolute error over its mean amount against the
     * rest's over theirs, its interval (the ratio's, the mean amounts taken as known) and Welch's t-test of the absolute
     * errors each divided by its side's mean amount.
     *
     * @param figure the group's mean absolute error over its mean amount
     * @param rest the rest's
     * @param amount the group's mean amount
     * @param restAmount the rest's
     * @param low the 95% interval of figure / rest, low end
     * @param high its high end
     * @param pValue Welch's two-sided p-value, uncorrected
     */
    public record Scaled(double figure, double rest, double amount, double restAmount, double low, double high,
                         double pValue) {

        /** The group's relative error over the rest's. */
        public double ratio() {
            return figure / rest;
        }
    }

    /** Whether the figures are mean absolute errors (else shares). */
    public boolean amounts() {
        return measure == Measure.ERROR;
    }

    /** The gap (rest − group, shares) or the ratio (group / rest, errors). */
    public double size() {
        return amounts() ? figure / rest : rest - figure;
    }

    /** Whether the group is served worse beyond chance (Bonferroni over the column's comparisons). */
    public boolean beyondChance() {
        return worseAlone() && (scaled == null || scaled.ratio() > 1 && scaled.pValue() * comparisons < ALPHA);
    }

    /**
     * Whether the group's figure alone is worse beyond chance: for errors, before taking its amounts' size into
     * account (a group off by more only as its amounts are larger has this and not {@link #beyondChance}).
     */
    public boolean worseAlone() {
        boolean worse = amounts() ? figure > rest : figure < rest;
        return worse && pValue * comparisons < ALPHA;
    }

    /**
     * Per group column of {@code counts} (keys "column=value"; "everyone" is left out) and measure, the group served
     * worst: share right for kinds, share right and caught for yes/no, error for amounts; a column with fewer than two
     * groups of enough rows is left out.
     */
    public static List<GroupFairness> of(Map<String, GroupCounts> counts) {
        Map<String, List<Map.Entry<String, GroupCounts>>> columns = new LinkedHashMap<>();
        for (Map.Entry<String, GroupCounts> entry : counts.entrySet()) {
            int eq = entry.getKey().indexOf('=');
            GroupCounts c = entry.getValue();
            if (eq > 0 && c.draws() > 1 && (c.amounts() || c.kinds().size() >= 2)) {
                columns.computeIfAbsent(entry.getKey().substring(0, eq), k -> new ArrayList<>()).add(entry);
            }
        }
        List<GroupFairness> out = new ArrayList<>();
        columns.forEach((column, groups) -> {
            GroupCounts first = groups.get(0).getValue();
            List<Measure> measures = first.amounts() ? List.of(Measure.ERROR) : first.kinds().size() == 2
                    ? List.of(Measure.SHARE_RIGHT, Measure.CAUGHT) : List.of(Measure.SHARE_RIGHT);
            for (Measure measure : measures) {
                GroupFairness worst = worst(column, groups, measure);
                if (worst != null) {
                    out.add(worst);
                }
            }
        });
        return out;
    }

    private static GroupFairness worst(String column, List<Map.Entry<String, GroupCounts>> groups, Measure measure) {
        List<GroupFairness> judged = new ArrayList<>();
        for (Map.Entry<String, GroupCounts> group : groups) {
            List<GroupCounts> others = groups.stream().filter(g -> g != group).map(Map.Entry::getValue).toList();
            GroupFairness compared = measure == Measure.ERROR ? error(column, group.getKey(), group.getValue(), others)
                    : share(column, group.getKey(), group.getValue(), others, measure);
            if (compared != null) {
                judged.add(compared);
            }
        }
        if (judged.size() < 2) {
            return null;
        }
        int m = groups.size() == 2 ? 1 : judged.size();
        GroupFairness worst = judged.get(0);
        for (GroupFairness f : judged) {
            worst = f.severity() > worst.severity() ? f : worst;
        }
        return new GroupFairness(worst.column, worst.group, worst.measure, worst.figure, worst.rest, worst.rows,
                worst.restRows, worst.low, worst.high, worst.pValue, m, worst.scaled);
    }

    /** What the worst group is chosen by: the scaled ratio where there is one, else {@link #size}. */
    private double severity() {
        return scaled != null ? scaled.ratio() : size();
    }

    /** {@code group}'s errors against the rest's, or null when either has too few rows to judge. */
    private static GroupFairness error(String column, String name, GroupCounts group, List<GroupCounts> others) {
        long restRows = others.stream().mapToLong(GroupCounts::rows).sum();
        long restDraws = others.stream().mapToLong(GroupCounts::draws).sum();
        if (group.rows() < Verdict.MIN_ROWS || restRows < Verdict.MIN_ROWS || restDraws < 2) {
            return null;
        }
        double sumAbs = others.stream().mapToDouble(c -> c.mae() * c.draws()).sum();
        double sumSquares = others.stream().mapToDouble(c -> c.rmse() * c.rmse() * c.draws()).sum();
        double restMae = sumAbs / restDraws;
        double restVariance = Math.max(0, (sumSquares - restDraws * restMae * restMae) / (restDraws - 1));
        double mae = group.mae();
        double variance = Math.max(0, (group.rmse() * group.rmse() - mae * mae) * group.draws() / (group.draws() - 1));
        double ratio = mae / restMae;
        double se = Math.sqrt(variance / (group.rows() * mae * mae) + restVariance / (restRows * restMae * restMae));
        double low = ratio * Math.exp(-Z95 * se);
        double high = ratio * Math.exp(Z95 * se);
        double amount = group.meanAmount();
        double restAmount = others.stream().mapToDouble(c -> c.meanAmount() * c.draws()).sum() / restDraws;
        Scaled scaled = null;
        if (amount > 0 && restAmount > 0) {
            double shift = restAmount / amount;
            scaled = new Scaled(mae / amount, restMae / restAmount, amount, restAmount, low * shift, high * shift,
                    WelchTest.pValue(group.rows(), mae / amount, variance / (amount * amount), restRows,
                            restMae / restAmount, restVariance / (restAmount * restAmount)));
        }
        return new GroupFairness(column, name, Measure.ERROR, mae, restMae, group.rows(), restRows, low, high,
                WelchTest.pValue(group.rows(), mae, variance, restRows, restMae, restVariance), 1, scaled);
    }

    /**
     * {@code group}'s share right (or, of its rows to catch, the share caught) against the rest's, or null when either
     * has too few rows to judge.
     */
    private static GroupFairness share(String column, String name, GroupCounts group, List<GroupCounts> others,
                                       Measure measure) {
        long restDraws = others.stream().mapToLong(GroupCounts::draws).sum();
        double share = group.distinctShare();
        long n = measure == Measure.CAUGHT ? Math.round(positives(group) * share) : group.rows();
        long restRows = measure == Measure.CAUGHT ? Math.round(others.stream().mapToLong(GroupFairness::positives)
                .sum() * share) : others.stream().mapToLong(GroupCounts::rows).sum();
        if (n < Verdict.MIN_ROWS || restRows < Verdict.MIN_ROWS || restDraws < 2) {
            return null;
        }
        long right = Math.round(hits(group, measure) * share);
        long restRight = Math.round(others.stream().mapToLong(c -> hits(c, measure)).sum() * share);
        double[] gap = Verdict.newcombe(restRight, restRows, right, n);
        double z = TwoProportionTest.z(restRight, restRows, right, n);
        return new GroupFairness(column, name, measure, (double) right / n, (double) restRight / restRows, n, restRows,
                gap[0], gap[1], 2 * TwoProportionTest.normalCdf(-Math.abs(z)), 1, null);
    }

    /** A yes/no model's draws whose outcome is the answer to catch (the second kind). */
    private static long positives(GroupCounts c) {
        long[][] confusion = c.confusion();
        return confusion[1][0] + confusion[1][1];
    }

    /** The draws answered right, or for caught those of the answer to catch answered so. */
    private static long hits(GroupCounts c, Measure measure) {
        return measure == Measure.CAUGHT ? c.confusion()[1][1] : Math.round(c.accuracy() * c.draws());
    }

    /** In words ({@link FairnessWords#sentence}). */
    public String words() {
        return FairnessWords.sentence(this);
    }

    /**
     * What a change does to how evenly the model serves each group column, beside the same run without it: for each
     * column and measure whose worst group is served worse beyond chance after the change ({@link #words}), with the
     * same column's gap or ratio without the change; "" when none is.
     */
    public static String words(Map<String, GroupCounts> after, Map<String, GroupCounts> unchanged) {
        Map<String, GroupFairness> before = new LinkedHashMap<>();
        if (unchanged != null) {
            of(unchanged).forEach(f -> before.put(f.column() + "|" + f.measure(), f));
        }
        StringBuilder text = new StringBuilder();
        for (GroupFairness f : of(after)) {
            if (f.beyondChance()) {
                text.append(f.words()).append(FairnessWords.without(before.get(f.column() + "|" + f.measure())));
            }
        }
        return text.toString();
    }
}
