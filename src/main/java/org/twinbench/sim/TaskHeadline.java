package org.twinbench.sim;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The verdict and headline of a run without gates whose model is not binary (a binary run keeps
 * {@link Verdict}'s wording).
 * <ul>
 *   <li>regression: the largest relative rise of RMSE beyond chance ({@link ErrorRise}) from the first to the last
 *       window of steps, overall or in any slice — an error that grows is the bad direction — below 5% {@code GREEN},
 *       below 15% {@code AMBER}, otherwise {@code RED}; the headline also gives the overall MAE at start and end;</li>
 *   <li>multiclass: the largest fall of accuracy beyond chance between the first and the last tenth, with the limits
 *       0.02 and 0.05; the headline also gives the overall macro F1 at start and end (a GREEN one, as a binary run's,
 *       the accuracy over every labelled row with its 95% interval and the note on rows drawn again and again) and
 *       names the class with the lowest recall in the last tenth. It never speaks of a positive class.</li>
 * </ul>
 * Both judge the groups of {@link JudgedGroups}; when none can be judged the light is AMBER and the headline says that
 * no change could be judged and why, never that the model holds. A fairness figure beyond four-fifths in the last
 * tenth ({@link TaskFairness}) follows, and makes the light at least amber (red when it fell by 0.1 or more).
 */
record TaskHeadline(RunSummary.Light light, String headline) {

    /** How a GREEN headline opens. */
    private static final String HOLDS = "The model holds: ";

    /** Relative RMSE rise below which a regression holds, and below which it is amber. */
    static final double RMSE_GREEN = 0.05;
    static final double RMSE_AMBER = 0.15;

    /** The headline of a regression or multiclass run, or null for a binary one (or one without metrics). */
    static TaskHeadline of(RunOutcome outcome, RunSeries series) {
        TaskHeadline level = series.metricNames().contains("rmse") ? regression(outcome, series)
                : series.metricNames().contains("macro_f1") ? multiclass(outcome, series).withWorstClass(outcome, series)
                : null;
        return level == null ? null : level.withFairness(TaskFairness.of(outcome, series));
    }

    /**
     * This headline followed by the first flagged fairness figure (and how many more), the light at least amber,
     * red when the figure fell by 0.1 or more on the four-fifths scale.
     */
    private TaskHeadline withFairness(java.util.List<TaskFairness> figures) {
        java.util.List<TaskFairness> flagged = figures.stream().filter(TaskFairness::flagged).toList();
        if (flagged.isEmpty()) {
            return this;
        }
        TaskFairness first = flagged.stream().filter(TaskFairness::fell).findFirst().orElse(flagged.get(0));
        RunSummary.Light fairness = first.fell() ? RunSummary.Light.RED : RunSummary.Light.AMBER;
        RunSummary.Light worse = fairness.compareTo(light) > 0 ? fairness : light;
        // An amber or red run never opens with "The model holds": it holds overall, not between groups.
        String overall = headline.startsWith(HOLDS) ? "Overall it holds: " + headline.substring(HOLDS.length())
                : headline;
        return new TaskHeadline(worse, overall + " " + first.sentence() + (flagged.size() > 1
                ? " (and " + (flagged.size() - 1) + " more fairness figures beyond four-fifths)" : ""));
    }

    /**
     * A regression's headline: the largest rise of RMSE beyond chance ({@link ErrorRise}), RED from
     * {@value #RMSE_AMBER}, AMBER from {@value #RMSE_GREEN}; a larger rise seen in a group but within chance is
     * named as such, and groups too small to judge are counted. With only {@value ErrorRise#MIN_WINDOW} steps at
     * each end (a run of under 30 steps), an overall rise of RMSE or MAE of {@value #RMSE_AMBER} or more that is
     * within chance is AMBER, not "holds": so few steps cannot tell it from chance either way (modeldata's Chicago
     * ridership by quarter, 27 steps, MAE +44%).
     */
    private static TaskHeadline regression(RunOutcome outcome, RunSeries series) {
        ErrorRise.Result rises = ErrorRise.of(outcome, series);
        ErrorRise.Group overall = rises.groups().get(0);
        if (Double.isNaN(overall.start()) && Double.isNaN(overall.end())) {
            return new TaskHeadline(RunSummary.Light.AMBER, "No error could be measured (no rows with a true amount).");
        }
        String amounts = String.format(Locale.ROOT, "RMSE %s -> %s, MAE %s -> %s", figure(overall.start()),
                figure(overall.end()), figure(overall.maeStart()), figure(overall.maeEnd()));
        JudgedGroups<?> ends = rises.ends();
        if (ends.judged() == 0) {
            // Raw figures of ends too small to compare say nothing about a change: no "holds" from them.
            return new TaskHeadline(RunSummary.Light.AMBER, "No change in RMSE could be judged: "
                    + ends.notJudged(ErrorRise.MIN_WINDOW + " steps with an RMSE at each end") + " ("
                    + (ends.apart() ? "first and last " + ends.ends() : "first step against last") + ": " + amounts
                    + ").");
        }
        ErrorRise.Group worst = rises.worst();
        double rise = worst == null ? 0 : worst.rise();
        RunSummary.Light light = rise < RMSE_GREEN ? RunSummary.Light.GREEN
                : rise < RMSE_AMBER ? RunSummary.Light.AMBER : RunSummary.Light.RED;
        String figures = " (" + amounts + ")";
        String tests = String.format(Locale.ROOT, "first and last %d steps, Welch's test corrected for %d group%s",
                rises.window(), rises.judged(), rises.judged() == 1 ? "" : "s");
        if (light != RunSummary.Light.GREEN) {
            return new TaskHeadline(light, String.format(Locale.ROOT, "RMSE rises by up to %.0f%%%s%s; beyond chance "
                    + "(%s).", 100 * rise, StepResult.OVERALL.equals(worst.slice()) ? ""
                    : " (worst: " + worst.slice() + ")", figures, tests));
        }
        double maeRise = overall.maeRise();
        if (rises.window() == ErrorRise.MIN_WINDOW && Math.max(overall.rise(), maeRise) >= RMSE_AMBER) {
            // A large rise overall that two steps at each end cannot tell from chance is no "holds": say what is seen.
            return new TaskHeadline(RunSummary.Light.AMBER, String.format(Locale.ROOT, "The error rises by %.0f%% in "
                    + "RMSE and %.0f%% in MAE%s, a rise this run cannot tell from chance (%s): more steps (in a replay "
                    + "by date, a shorter window) could judge it.", 100 * overall.rise(), 100 * maeRise, figures, tests));
        }
        ErrorRise.Group seen = null;
        for (ErrorRise.Group group : rises.groups()) {
            if (!Double.isNaN(group.rise()) && (seen == null || group.rise() > seen.rise())) {
                seen = group;
            }
        }
        String held = seen == null || seen.rise() < RMSE_GREEN
                ? HOLDS + "RMSE stays within 5% of its start everywhere" + figures + "."
                : String.format(Locale.ROOT, "%sno rise in RMSE beyond chance%s; the largest seen, %.0f%%%s, %s (%s).",
                        HOLDS, figures, 100 * seen.rise(),
                        StepResult.OVERALL.equals(seen.slice()) ? " overall" : " in " + seen.slice(),
                        seen.judged() ? "is within chance" : "is in a group too small to judge", tests);
        List<String> small = rises.small();
        if (!small.isEmpty()) {
            held += " Not judged, under " + Verdict.MIN_ROWS + " labelled rows or 2 steps at either end: "
                    + JudgedGroups.named(small) + ".";
        }
        return new TaskHeadline(light, held);
    }

    /**
     * A multiclass headline: the largest fall of accuracy beyond chance, overall or in a slice, between the first and
     * the last tenth of the steps — each group's labelled rows pooled over the window (every replicate), a fall
     * counting when the one-sided two-proportion test gives p &lt; 0.05 / m, m the groups with at least
     * {@value Verdict#MIN_ROWS} labelled rows at both ends (Bonferroni); RED from 0.05, AMBER from 0.02. A larger
     * fall within chance is named as such.
     */
    private static TaskHeadline multiclass(RunOutcome outcome, RunSeries series) {
        TenthMeans overall = TenthMeans.of(series, StepResult.OVERALL, "accuracy");
        TenthMeans f1 = TenthMeans.of(series, StepResult.OVERALL, "macro_f1");
        if (Double.isNaN(overall.start()) && Double.isNaN(overall.end())) {
            return new TaskHeadline(RunSummary.Light.AMBER, "No accuracy could be measured (no labelled rows).");
        }
        JudgedGroups<PooledAccuracy> groups = PooledAccuracy.tenths(outcome, series);
        int judged = groups.judged();
        String figures = String.format(Locale.ROOT, " (accuracy %.3f -> %.3f, macro F1 %.3f -> %.3f)", overall.start(),
                overall.end(), f1.start(), f1.end());
        if (judged == 0) {
            // Ends too small to compare say nothing about a change: no "holds" from their raw figures.
            return new TaskHeadline(RunSummary.Light.AMBER, "No change in accuracy could be judged: "
                    + groups.notJudged("") + figures + ". Over every labelled row: "
                    + AccuracyWords.heldAccuracy(outcome, series.steps()) + ".");
        }
        JudgedGroups.Ends<PooledAccuracy> worst = null;
        double drop = 0;
        JudgedGroups.Ends<PooledAccuracy> seen = null;
        double seenDrop = 0;
        for (JudgedGroups.Ends<PooledAccuracy> ends : groups.groups()) {
            PooledAccuracy first = ends.first();
            PooledAccuracy last = ends.last();
            if (first.n() == 0 || last.n() == 0) {
                continue;
            }
            double fall = (double) first.correct() / first.n() - (double) last.correct() / last.n();
            boolean counts = ends.judged() && fall > 0 && org.twinbench.stats.TwoProportionTest.pValueGreater(
                    first.correct(), first.n(), last.correct(), last.n()) < groups.threshold(0.05);
            if (counts && fall > drop) {
                drop = fall;
                worst = ends;
            } else if (!counts && fall > seenDrop) {
                seenDrop = fall;
                seen = ends;
            }
        }
        RunSummary.Light light = drop < 0.02 ? RunSummary.Light.GREEN
                : drop < 0.05 ? RunSummary.Light.AMBER : RunSummary.Light.RED;
        String test = String.format(Locale.ROOT, "one-sided two-proportion test corrected for %d group%s", judged,
                judged == 1 ? "" : "s");
        if (light != RunSummary.Light.GREEN) {
            return new TaskHeadline(light, String.format(Locale.ROOT, "Accuracy falls by up to %.3f%s%s; beyond chance "
                    + "(%s).", drop, worst.overall() ? "" : " (worst: " + worst.group() + ")", figures, test));
        }
        String held = HOLDS + AccuracyWords.heldAccuracy(outcome, series.steps());
        if (seen == null || seenDrop < 0.02) {
            return new TaskHeadline(light, held + ", and accuracy stays within 0.02 everywhere" + figures + ".");
        }
        return new TaskHeadline(light, String.format(Locale.ROOT, "%s, and no fall in accuracy beyond chance%s; the "
                + "largest seen, %.3f%s, is %s (%s).", held, figures, seenDrop,
                seen.overall() ? " overall" : " in " + seen.group(),
                seen.judged() ? "within chance" : "in a group too small to judge", test));
    }

    /**
     * This multiclass headline followed by the class the model recognises least in the last tenth of the steps: its
     * recall pooled over the rows labelled with it ({@link org.twinbench.sim.monitor.ClassRecallMonitor}),  e.g. "Its
     * weakest class is 'class_2': it finds 71% of its rows in the last tenth." Unchanged when no class
     * has labelled rows there.
     */
    private TaskHeadline withWorstClass(RunOutcome outcome, RunSeries series) {
        int window = Math.max(1, series.steps() / 10);
        Map<String, double[]> byClass = new java.util.LinkedHashMap<>();
        String prefix = org.twinbench.sim.monitor.ClassRecallMonitor.ID + ".recall_";
        for (java.util.List<StepResult> replicate : outcome.replicates()) {
            for (StepResult result : replicate) {
                if (result.step() < series.steps() - window) {
                    continue;
                }
                result.measures().forEach((name, recall) -> {
                    if (name.startsWith(prefix) && !Double.isNaN(recall)) {
                        String label = name.substring(prefix.length());
                        double support = result.measures().getOrDefault(
                                org.twinbench.sim.monitor.ClassRecallMonitor.ID + ".support_" + label, 0.0);
                        double[] sums = byClass.computeIfAbsent(label, k -> new double[2]);
                        sums[0] += recall * support;
                        sums[1] += support;
                    }
                });
            }
        }
        String worst = null;
        double lowest = Double.POSITIVE_INFINITY;
        for (Map.Entry<String, double[]> entry : byClass.entrySet()) {
            double recall = entry.getValue()[1] == 0 ? Double.NaN : entry.getValue()[0] / entry.getValue()[1];
            if (recall < lowest) {
                lowest = recall;
                worst = entry.getKey();
            }
        }
        if (worst == null) {
            return this;
        }
        return new TaskHeadline(light, headline + String.format(Locale.ROOT, " Its weakest class is '%s': it finds %.0f%%"
                + " of its rows in the last tenth.", worst, 100 * lowest));
    }

    /** An amount with three significant digits, in plain notation. */
    private static String figure(double value) {
        return Double.isNaN(value) ? "none" : new java.math.BigDecimal(value).round(new java.math.MathContext(3))
                .stripTrailingZeros().toPlainString();
    }
}
