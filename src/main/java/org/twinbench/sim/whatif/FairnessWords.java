package org.twinbench.sim.whatif;

import java.util.List;
import java.util.Locale;
import org.twinbench.data.PlainWords;

/**
 * A {@link GroupFairness} in plain words: the sentence a change's summary carries, and the cells of the wizard's
 * fairness table (group, size, the figure, its interval, p, verdict).
 */
public final class FairnessWords {

    /**
     * The headers of {@link #cells}, in their order: the wizard's fairness table and the saved report's put the change
     * ("If…") before them.
     */
    public static final List<String> HEADERS = List.of("Group", "Size", "Group against the rest", "95% interval", "p",
            "Verdict");

    private FairnessWords() {
    }

    /**
     * " It serves “sex two” worse than the rest of “sex”: right 71 times out of 100 against 90 (a gap of 19 points,
     * between 8 and 30), beyond chance (two-sided two-proportion z-test, p = 0.0004, Bonferroni over 3 groups)."; for
     * caught " It catches fewer of the cases to catch in “…” than in the rest of “…”: 38 of every 100 against 71 (…";
     * for amounts "… off by 57 on average against 44 (1.30 times as much, between 1.10 and 1.50 times), and for the
     * size of its amounts too: 12% of its average amount (480) against 9% of the rest's (470), 1.27 times as much,
     * between … times; beyond chance (Welch's t-test, p = …, relative to the amounts p = …)."; a group off by more only
     * as its amounts are larger is said so, not called served worse.
     */
    static String sentence(GroupFairness f) {
        String who = PlainWords.group(f.group());
        String column = PlainWords.column(f.column());
        String chance = f.beyondChance() ? "beyond chance" : "within chance";
        String test = test(f);
        if (f.measure() == GroupFairness.Measure.CAUGHT) {
            return String.format(Locale.ROOT, " It catches %s of the cases to catch in “%s” than in the rest of “%s”: "
                    + "%d of every 100 against %d (a gap of %s), %s (%s).", f.beyondChance() ? "fewer" : "somewhat fewer",
                    who, column, Math.round(100 * f.figure()), Math.round(100 * f.rest()), gap(f), chance, test);
        }
        if (!f.amounts()) {
            return String.format(Locale.ROOT, " It serves “%s” %s than the rest of “%s”: right %d times out of 100 "
                    + "against %d (a gap of %s), %s (%s).", who, f.beyondChance() ? "worse" : "somewhat worse", column,
                    Math.round(100 * f.figure()), Math.round(100 * f.rest()), gap(f), chance, test);
        }
        String errors = String.format(Locale.ROOT, "off by %s on average against %s (%.2f times as much, between %.2f "
                + "and %.2f times)", PlainWords.amount(f.figure()), PlainWords.amount(f.rest()), f.size(), f.low(),
                f.high());
        GroupFairness.Scaled s = f.scaled();
        if (s == null) {
            return String.format(Locale.ROOT, " It serves “%s” %s than the rest of “%s”: %s, %s (%s).", who,
                    f.beyondChance() ? "worse" : "somewhat worse", column, errors, chance, test);
        }
        String relative = String.format(Locale.ROOT, "%s of its average amount (%s) against %s of the rest's (%s), "
                + "%.2f times as much, between %.2f and %.2f times", PlainWords.percent(s.figure()),
                PlainWords.amount(s.amount()), PlainWords.percent(s.rest()), PlainWords.amount(s.restAmount()),
                s.ratio(), s.low(), s.high());
        if (f.worseAlone() && !f.beyondChance()) {
            return String.format(Locale.ROOT, " It is off by more for “%s” than for the rest of “%s”: %s; but its "
                    + "amounts are larger, and for their size it is %s, within chance (%s): larger amounts alone do "
                    + "not make it served worse.", who, column, errors, relative, test);
        }
        return String.format(Locale.ROOT, " It serves “%s” %s than the rest of “%s”: %s, and for the size of its "
                + "amounts%s: %s; %s (%s).", who, f.beyondChance() ? "worse" : "somewhat worse", column, errors,
                f.beyondChance() ? " too" : "", relative, chance, test);
    }

    /** " Without the change the worst served there was “…” (a gap of 3 points), within chance."; "" without one. */
    static String without(GroupFairness was) {
        if (was == null) {
            return "";
        }
        String size = was.amounts() ? String.format(Locale.ROOT, "%.2f times as much", was.size())
                + (was.scaled() == null ? "" : String.format(Locale.ROOT, ", %.2f for the size of its amounts",
                was.scaled().ratio())) : String.format(Locale.ROOT, "a gap of %.0f points", 100 * was.size());
        return String.format(Locale.ROOT, " Without the change the worst served there was “%s” (%s), %s.",
                PlainWords.group(was.group()), size, was.beyondChance() ? "beyond chance too" : "within chance");
    }

    /**
     * The cells of a row of the wizard's fairness table: the group, its size, the figure against the rest's, its
     * interval, the p-value(s) with the Bonferroni factor, and the verdict, e.g. "rank Prof", "266 rows", "off by
     * 21,637 against 6,939; 17% of its average amount against 8%", "3.12 times (2.64 to 3.68); for its size 2.14
     * times (1.81 to 2.54)", "< 0.0001; for its size < 0.0001 (× 3 groups)", "served worse, beyond chance".
     */
    public static List<String> cells(GroupFairness f) {
        String size = String.format(Locale.ROOT, "%,d %s", f.rows(), f.measure() == GroupFairness.Measure.CAUGHT
                ? "to catch" : "rows");
        GroupFairness.Scaled s = f.scaled();
        String figure;
        String interval;
        String p = bare(f.pValue());
        switch (f.measure()) {
            case SHARE_RIGHT -> {
                figure = String.format(Locale.ROOT, "right %d in 100 against %d", Math.round(100 * f.figure()),
                        Math.round(100 * f.rest()));
                interval = "gap of " + gap(f);
            }
            case CAUGHT -> {
                figure = String.format(Locale.ROOT, "caught %d in 100 against %d", Math.round(100 * f.figure()),
                        Math.round(100 * f.rest()));
                interval = "gap of " + gap(f);
            }
            default -> {
                figure = "off by " + PlainWords.amount(f.figure()) + " against " + PlainWords.amount(f.rest());
                interval = String.format(Locale.ROOT, "%.2f times (%.2f to %.2f)", f.size(), f.low(), f.high());
                if (s != null) {
                    figure += "; " + PlainWords.percent(s.figure()) + " of its average amount against "
                            + PlainWords.percent(s.rest());
                    interval += String.format(Locale.ROOT, "; for its size %.2f times (%.2f to %.2f)", s.ratio(),
                            s.low(), s.high());
                    p += "; for its size " + bare(s.pValue());
                }
            }
        }
        if (f.comparisons() > 1) {
            p += " (× " + f.comparisons() + " groups)";
        }
        return List.of(PlainWords.group(f.group()), size, figure, interval, p, verdict(f));
    }

    /** "served worse, beyond chance", "off by more only as its amounts are larger", "within chance". */
    public static String verdict(GroupFairness f) {
        if (f.beyondChance()) {
            return f.measure() == GroupFairness.Measure.CAUGHT ? "catches fewer, beyond chance"
                    : "served worse, beyond chance";
        }
        if (f.worseAlone()) {
            return "off by more only as its amounts are larger";
        }
        return "within chance";
    }

    private static String gap(GroupFairness f) {
        return String.format(Locale.ROOT, "%.0f points, between %.0f and %.0f", 100 * f.size(), 100 * f.low(),
                100 * f.high());
    }

    private static String test(GroupFairness f) {
        String name = f.amounts() ? "Welch's t-test" : "two-sided two-proportion z-test";
        String relative = f.scaled() == null ? "" : ", relative to the amounts p " + p(f.scaled().pValue());
        return String.format(Locale.ROOT, "%s, p %s%s%s", name, p(f.pValue()), relative, f.comparisons() > 1
                ? ", Bonferroni over " + f.comparisons() + " groups" : "");
    }

    private static String bare(double p) {
        return p < 0.0001 ? "< 0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }

    private static String p(double p) {
        return p < 0.0001 ? "< 0.0001" : String.format(Locale.ROOT, "= %.4f", p);
    }
}
