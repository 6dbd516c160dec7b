package org.twinbench.sim.whatif;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.twinbench.data.PlainWords;
import org.twinbench.sim.Verdict;
import org.twinbench.stats.TwoProportionTest;
import org.twinbench.stats.WelchTest;

/**
 * Whether the guided check's model of kinds or amounts serves one group of a column worse than the rest of that column,
 * from what the check counted per group ({@link GroupCounts}, the draws counted as the different rows they hold):
 * <ul>
 *   <li>kinds: the gap between the rest's share right and the group's, with Newcombe's hybrid score interval (as the run
 *   verdict's, {@link Verdict#newcombe}) and the two-sided two-proportion z-test (pooled);</li>
 *   <li>amounts: the ratio of the group's mean absolute error to the rest's, with its 95% interval by the delta method
 *   on its log (exp(log r ± 1.96 √(s_g²/(n_g·MAE_g²) + s_r²/(n_r·MAE_r²)))), and Welch's two-sided t-test of the two
 *   groups' absolute errors.</li>
 * </ul>
 * Each group of a column with at least {@value Verdict#MIN_ROWS} rows, and as many in the rest of the column, is
 * compared with that rest; the one served worst is named, and it is worse beyond chance when its p-value times the
 * comparisons made in the column (Bonferroni; one for a column of two groups, whose two comparisons are the same) is
 * under {@value #ALPHA}.
 *
 * @param column the group column
 * @param group the group served worst, as counted ("column=value")
 * @param amounts whether the figures are mean absolute errors (else shares right)
 * @param figure the group's share right or mean absolute error
 * @param rest the rest of the column's
 * @param rows the group's rows (draws counted as different rows)
 * @param restRows the rest's
 * @param low the 95% interval of the gap (rest − group, kinds) or of the ratio (group / rest, amounts), low end
 * @param high its high end
 * @param pValue the two-sided test's p-value, uncorrected
 * @param comparisons the comparisons made in the column (the Bonferroni factor)
 */
public record GroupFairness(String column, String group, boolean amounts, double figure, double rest, long rows,
                            long restRows, double low, double high, double pValue, int comparisons) {

    /** The family-wise level of a column's comparisons. */
    public static final double ALPHA = 0.05;
    private static final double Z95 = 1.959963984540054;

    /** The gap (rest − group, kinds) or the ratio (group / rest, amounts). */
    public double size() {
        return amounts ? figure / rest : rest - figure;
    }

    /** Whether the group is served worse beyond chance (Bonferroni over the column's comparisons). */
    public boolean beyondChance() {
        boolean worse = amounts ? figure > rest : figure < rest;
        return worse && pValue * comparisons < ALPHA;
    }

    /**
     * Per group column of {@code counts} (keys "column=value"; "everyone" is left out), the group served worst; a
     * column with fewer than two groups of enough rows is left out. Yes/no counts give none (the check judges a yes/no
     * model's fairness by its parity ratio, {@link RunAlarms}).
     */
    public static List<GroupFairness> of(Map<String, GroupCounts> counts) {
        Map<String, List<Map.Entry<String, GroupCounts>>> columns = new LinkedHashMap<>();
        for (Map.Entry<String, GroupCounts> entry : counts.entrySet()) {
            int eq = entry.getKey().indexOf('=');
            GroupCounts c = entry.getValue();
            if (eq > 0 && c.draws() > 1 && (c.amounts() || c.kinds().size() > 2)) {
                columns.computeIfAbsent(entry.getKey().substring(0, eq), k -> new ArrayList<>()).add(entry);
            }
        }
        List<GroupFairness> out = new ArrayList<>();
        columns.forEach((column, groups) -> {
            List<GroupFairness> judged = new ArrayList<>();
            for (Map.Entry<String, GroupCounts> group : groups) {
                GroupFairness compared = compare(column, group.getKey(), group.getValue(),
                        groups.stream().filter(g -> g != group).map(Map.Entry::getValue).toList());
                if (compared != null) {
                    judged.add(compared);
                }
            }
            if (judged.size() >= 2) {
                int m = groups.size() == 2 ? 1 : judged.size();
                GroupFairness worst = judged.get(0);
                for (GroupFairness f : judged) {
                    worst = f.size() > worst.size() ? f : worst;
                }
                out.add(new GroupFairness(worst.column, worst.group, worst.amounts, worst.figure, worst.rest,
                        worst.rows, worst.restRows, worst.low, worst.high, worst.pValue, m));
            }
        });
        return out;
    }

    /** {@code group} against the rest of its column, or null when either has too few rows to judge. */
    private static GroupFairness compare(String column, String name, GroupCounts group, List<GroupCounts> others) {
        long restRows = others.stream().mapToLong(GroupCounts::rows).sum();
        long restDraws = others.stream().mapToLong(GroupCounts::draws).sum();
        if (group.rows() < Verdict.MIN_ROWS || restRows < Verdict.MIN_ROWS || restDraws < 2) {
            return null;
        }
        double share = group.distinctShare();
        if (group.amounts()) {
            double sumAbs = others.stream().mapToDouble(c -> c.mae() * c.draws()).sum();
            double sumSquares = others.stream().mapToDouble(c -> c.rmse() * c.rmse() * c.draws()).sum();
            double restMae = sumAbs / restDraws;
            double restVariance = Math.max(0, (sumSquares - restDraws * restMae * restMae) / (restDraws - 1));
            double mae = group.mae();
            double variance = Math.max(0, (group.rmse() * group.rmse() - mae * mae) * group.draws()
                    / (group.draws() - 1));
            double ratio = mae / restMae;
            double se = Math.sqrt(variance / (group.rows() * mae * mae) + restVariance / (restRows * restMae * restMae));
            return new GroupFairness(column, name, true, mae, restMae, group.rows(), restRows, ratio * Math.exp(-Z95 * se),
                    ratio * Math.exp(Z95 * se), WelchTest.pValue(group.rows(), mae, variance, restRows, restMae,
                    restVariance), 1);
        }
        long right = Math.round(Math.round(group.accuracy() * group.draws()) * share);
        long restRight = Math.round(others.stream().mapToLong(c -> Math.round(c.accuracy() * c.draws())).sum() * share);
        long n = group.rows();
        double[] gap = Verdict.newcombe(restRight, restRows, right, n);
        double z = TwoProportionTest.z(restRight, restRows, right, n);
        return new GroupFairness(column, name, false, (double) right / n, (double) restRight / restRows, n, restRows,
                gap[0], gap[1], 2 * TwoProportionTest.normalCdf(-Math.abs(z)), 1);
    }

    /**
     * " It serves “sex two” worse than the rest of “sex”: right 71 times out of 100 against 90 (a gap of 19 points,
     * between 8 and 30), beyond chance (two-sided two-proportion z-test, p = 0.0004, Bonferroni over 3 groups)." or
     * for amounts "… off by 57 on average against 44 (1.3 times as much, between 1.1 and 1.5 times), beyond chance
     * (Welch's t-test, …)."; "within chance" when not.
     */
    public String words() {
        String who = PlainWords.group(group);
        String figures = amounts ? String.format(Locale.ROOT, "off by %s on average against %s (%.2f times as much, "
                + "between %.2f and %.2f times)", PlainWords.amount(figure), PlainWords.amount(rest), size(), low, high)
                : String.format(Locale.ROOT, "right %d times out of 100 against %d (a gap of %.0f points, between %.0f "
                + "and %.0f)", Math.round(100 * figure), Math.round(100 * rest), 100 * size(), 100 * low, 100 * high);
        String test = String.format(Locale.ROOT, "%s, p %s%s", amounts ? "Welch's t-test" : "two-sided two-proportion "
                + "z-test", p(pValue), comparisons > 1 ? ", Bonferroni over " + comparisons + " groups" : "");
        return String.format(Locale.ROOT, " It serves “%s” %s than the rest of “%s”: %s, %s (%s).", who,
                beyondChance() ? "worse" : "somewhat worse", PlainWords.column(column), figures,
                beyondChance() ? "beyond chance" : "within chance", test);
    }

    private static String p(double p) {
        return p < 0.0001 ? "< 0.0001" : String.format(Locale.ROOT, "= %.4f", p);
    }

    /**
     * What a change does to how evenly the model serves each group column, beside the same run without it: for each
     * column whose worst group is served worse beyond chance after the change ({@link #words}), with the same
     * column's gap or ratio without the change; "" when no column is (or for yes/no counts).
     */
    public static String words(Map<String, GroupCounts> after, Map<String, GroupCounts> unchanged) {
        Map<String, GroupFairness> before = new LinkedHashMap<>();
        if (unchanged != null) {
            of(unchanged).forEach(f -> before.put(f.column(), f));
        }
        StringBuilder text = new StringBuilder();
        for (GroupFairness f : of(after)) {
            if (!f.beyondChance()) {
                continue;
            }
            GroupFairness was = before.get(f.column());
            String sentence = f.words();
            if (was != null) {
                sentence += String.format(Locale.ROOT, " Without the change the worst served there was “%s” (%s), %s.",
                        PlainWords.group(was.group()), was.amounts ? String.format(Locale.ROOT, "%.2f times as much",
                                was.size()) : String.format(Locale.ROOT, "a gap of %.0f points", 100 * was.size()),
                        was.beyondChance() ? "beyond chance too" : "within chance");
            }
            text.append(sentence);
        }
        return text.toString();
    }
}
