package org.twinbench.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * The groups a verdict compares between the start and the end of a run — overall first, then each slice — with each
 * group's figures at both ends, and which of them can be judged: at least {@value Verdict#MIN_ROWS} labelled rows at
 * both ends, whatever else its test needs (a regression's two steps with a figure), and two ends that do not
 * overlap. A change counts only beyond chance over the m groups judged (Bonferroni: with a dozen slices a 5% test per
 * slice would call one of them worse in about half of untouched runs). Smaller groups are shown, never judged; when
 * no group can be judged the verdict says why ({@link #notJudged}) instead of saying that the model holds.
 * {@link Verdict} (binary), {@link TaskHeadline} (multiclass) and {@link ErrorRise} (regression) share it.
 *
 * @param groups every group's ends, overall first
 * @param steps the run's steps
 * @param window the steps at each end
 * @param <E> a group's figures at one end (its pooled accuracy, its RMSE window)
 */
record JudgedGroups<E>(List<Ends<E>> groups, int steps, int window) {

    /** One group's figures at the start and the end, its labelled rows there, and whether it is judged. */
    record Ends<E>(String group, E first, E last, long firstRows, long lastRows, boolean judged) {

        boolean overall() {
            return StepResult.OVERALL.equals(group);
        }
    }

    JudgedGroups {
        groups = List.copyOf(groups);
    }

    /**
     * The ends of {@code names} (overall first): {@code first} and {@code last} give a group's figures at either end,
     * {@code rows} their labelled rows, {@code testable} whether an end holds what the group's test needs besides
     * rows. Nothing is judged when two windows of {@code window} steps do not fit in {@code steps}.
     */
    static <E> JudgedGroups<E> of(List<String> names, int steps, int window, Function<String, E> first,
                                  Function<String, E> last, ToLongFunction<E> rows, Predicate<E> testable) {
        List<Ends<E>> groups = new ArrayList<>();
        boolean apart = apart(steps, window);
        for (String name : names) {
            E start = first.apply(name);
            E end = last.apply(name);
            long startRows = rows.applyAsLong(start);
            long endRows = rows.applyAsLong(end);
            groups.add(new Ends<>(name, start, end, startRows, endRows, apart && startRows >= Verdict.MIN_ROWS
                    && endRows >= Verdict.MIN_ROWS && testable.test(start) && testable.test(end)));
        }
        return new JudgedGroups<>(groups, steps, window);
    }

    /** Whether two ends of {@code window} steps fit in the run's steps without overlapping. */
    boolean apart() {
        return apart(steps, window);
    }

    private static boolean apart(int steps, int window) {
        return 2 * window <= steps;
    }

    /** The number of groups judged, m. */
    int judged() {
        return (int) groups.stream().filter(Ends::judged).count();
    }

    /** The p-value under which one group's change counts: {@code alpha} / m (Bonferroni), m at least 1. */
    double threshold(double alpha) {
        return alpha / Math.max(1, judged());
    }

    /** The overall group's ends. */
    Ends<E> overall() {
        return groups.get(0);
    }

    /** The slices shown but not judged that have rows at either end, each with its rows at the smaller end. */
    List<String> small() {
        return groups.stream().filter(g -> !g.judged() && !g.overall() && g.firstRows() + g.lastRows() > 0)
                .map(g -> g.group() + " (" + Math.min(g.firstRows(), g.lastRows()) + " rows)").toList();
    }

    /** {@code names} as a headline lists them: the first three, then how many more. */
    static String named(List<String> names) {
        return String.join(", ", names.subList(0, Math.min(3, names.size())))
                + (names.size() > 3 ? " and " + (names.size() - 3) + " more" : "");
    }

    /**
     * Why no group could be judged, after "No change … could be judged: ": the run too short for two ends ("the run
     * has 3 steps, too few to compare its first and last 2 steps"), or the ends too small ("its first and last step
     * hold 20 and 20 labelled rows, under the 30 each needs"), or without what the test needs ({@code needs}, e.g.
     * "2 steps with an RMSE at each end").
     */
    String notJudged(String needs) {
        Ends<E> all = overall();
        if (!apart()) {
            return steps < 2 ? String.format(Locale.ROOT, "the run has %d step, no start and end to compare", steps)
                    : String.format(Locale.ROOT, "the run has %d steps, too few to compare its first and last %s",
                    steps, ends());
        }
        if (all.firstRows() < Verdict.MIN_ROWS || all.lastRows() < Verdict.MIN_ROWS) {
            return String.format(Locale.ROOT, "its first and last %s hold %d and %d labelled rows, under the %d each "
                    + "needs", ends(), all.firstRows(), all.lastRows(), Verdict.MIN_ROWS);
        }
        return String.format(Locale.ROOT, "its first and last %s do not have %s", ends(), needs);
    }

    /** "step" or "2 steps": the steps at each end. */
    String ends() {
        return window == 1 ? "step" : window + " steps";
    }
}
