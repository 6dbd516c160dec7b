package org.twinbench.sim.whatif;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.data.PlainWords;
import org.twinbench.model.TaskModel;
import org.twinbench.stats.RobustnessSearch;

/**
 * How little of each change it takes to hurt the model, for the "what might change" page to rank them, for models of
 * every task: on the labelled rows the check replays (the later half of the file, which a model built here never saw),
 * the smallest strength of the change's own move of its column at which the model fails there as the check calls it
 * failing, judged on the same rows before and after the move ({@link PairedFall}), found by bisection
 * ({@link RobustnessSearch}, as {@code run}'s robustness profile):
 * <ul>
 *   <li>yes/no: the share right falls by more than {@link WhatIfVerdict#RED_DROP}; kinds: the share right or the macro
 *   F1 does; either way only when right answers fell beyond chance on the same rows (McNemar's exact test and
 *   Newcombe's paired interval, {@link PairedFall#worse});</li>
 *   <li>amounts: the mean absolute error or the root mean squared error rises by more than
 *   {@link WhatIfVerdict#RED_RISE} of what it was, only when the rows' absolute errors rose beyond chance (the paired t
 *   interval and Wilcoxon's signed-rank test both).</li>
 * </ul>
 * The moves:
 * <ul>
 *   <li>prices or incomes: the column scaled up (prices) or down (incomes) by a share;</li>
 *   <li>a season: the column scaled up;</li>
 *   <li>entry mistakes and gaming: the column shifted by a number of its standard deviations (mistakes both ways —
 *   hurting once a shift up and a shift down both do, as noise moves rows either way; gaming towards the safe side,
 *   as the change plays it).</li>
 * </ul>
 * Each is ranked by that strength over the strength the check plays at "a lot" (a scale of 0.5, one standard
 * deviation), so changes of different kinds compare: under 1 hurts within what the page offers. New customers and a
 * field that stops are not searched (a new category and a missing column have no strength to search here).
 *
 * @param kind the change
 * @param column the column it moves
 * @param strength the smallest strength that hurts (a share for scales, standard deviations for shifts); NaN when it
 *     does not hurt up to {@link #MAX_TIMES} times "a lot"
 * @param share that strength over the strength at "a lot" (NaN as above)
 * @param words "Hurts the model once “price” is about 23% higher: right 80 instead of 93 times out of 100 on the same
 *     rows." or that it does not
 * @param fall the rows before and after the move at that strength, paired (null when it does not hurt; for entry
 *     mistakes the direction that hurts less)
 * @param secondBefore the second figure watched before the move: macro F1 (kinds) or root mean squared error
 *     (amounts); NaN for yes/no
 * @param secondAfter the same at that strength (NaN when it does not hurt)
 */
public record ChangeReach(WhatIfChange.Kind kind, String column, double strength, double share, String words,
                          PairedFall fall, double secondBefore, double secondAfter) {

    /** The search goes up to this many times the strength of "a lot". */
    public static final double MAX_TIMES = 3;

    /**
     * {@link #rank(WhatIfQuestion, Frame, TaskModel)} for the question's own model: the file it was given (of any task),
     * or for a yes/no outcome without one the logistic regression the check's scenarios build from the reference rows
     * (built here the same way); empty when neither. Slow: off the FX thread.
     */
    public static List<ChangeReach> rank(WhatIfQuestion question, Frame data) {
        if (question.model() != null) {
            TaskModel loaded = org.twinbench.model.ModelFiles.loadAny(question.model());
            try {
                return rank(question, data, loaded);
            } finally {
                org.twinbench.model.ModelFiles.closeQuietly(loaded);
            }
        }
        if (org.twinbench.data.Task.of(data.column(question.target())).orElse(null) != org.twinbench.data.Task.BINARY) {
            return List.of();
        }
        Frame past = data.select(IntStream.range(0, firstReplayed(question, data)).toArray());
        TaskModel built = org.twinbench.model.TaskTrainer.train(past,
                new org.twinbench.model.TrainingOptions(org.twinbench.model.Algorithm.LOGISTIC, question.target(),
                        question.features(), question.positive(), question.seed(), 0, "", 0),
                org.twinbench.data.Task.BINARY, org.twinbench.model.TrainingProgress.NONE).model();
        return rank(question, data, built);
    }

    /** The first row the check replays: the file's rows after its reference share. */
    private static int firstReplayed(WhatIfQuestion question, Frame data) {
        Object reference = WhatIfStudy.baseline(question).node(WhatIfStudy.DATA_NODE).orElseThrow().params()
                .get("reference_share");
        return (int) Math.round(data.rowCount() * ((Number) reference).doubleValue());
    }

    /** The changes that can be searched, least needed to hurt first; slow (scores the rows many times). */
    public static List<ChangeReach> rank(WhatIfQuestion question, Frame data, TaskModel model) {
        Frame later = data.select(IntStream.range(firstReplayed(question, data), data.rowCount()).toArray());
        ReachRows rows = ReachRows.of(model, later, question.target());
        if (rows == null || rows.size() == 0) {
            return List.of();
        }
        Frame labelled = rows.rows();
        ReachRows.Scores base = rows.score(labelled);
        List<ChangeReach> out = new ArrayList<>();
        for (WhatIfChange.Kind kind : List.of(WhatIfChange.Kind.PRICES_SHIFT, WhatIfChange.Kind.SEASON,
                WhatIfChange.Kind.ENTRY_MISTAKES, WhatIfChange.Kind.GAMING)) {
            String name = kind == WhatIfChange.Kind.GAMING ? WhatIfStudy.mostPredictive(question, data).name()
                    : WhatIfStudy.keyNumeric(question, data);
            if (!labelled.has(name) || !(labelled.column(name) instanceof NumericColumn column)) {
                continue;
            }
            double sd = WhatIfStudy.standardDeviation(column);
            boolean scaled = kind == WhatIfChange.Kind.PRICES_SHIFT || kind == WhatIfChange.Kind.SEASON;
            boolean down = kind == WhatIfChange.Kind.PRICES_SHIFT && name.toLowerCase(Locale.ROOT).contains("income");
            double full = scaled ? 0.5 : 1.0;
            // Each move, as the rows after it at strength s (both directions for mistakes).
            List<DoubleFunction<Frame>> moves = new ArrayList<>();
            if (scaled) {
                moves.add(s -> labelled.with(column.withValues(map(column, v -> v * (down ? 1 - s : 1 + s)))));
            } else if (kind == WhatIfChange.Kind.GAMING) {
                double direction = -Math.signum(WhatIfStudy.labelCorrelation(question, data,
                        (NumericColumn) data.column(name)));
                moves.add(s -> labelled.with(column.withValues(map(column, v -> v + direction * s * sd))));
            } else {
                moves.add(s -> labelled.with(column.withValues(map(column, v -> v + s * sd))));
                moves.add(s -> labelled.with(column.withValues(map(column, v -> v - s * sd))));
            }
            DoubleUnaryOperator intact = s -> moves.stream().allMatch(m -> hurt(rows, base, rows.score(m.apply(s)))
                    != null) ? 0 : 1;
            double max = down ? Math.min(0.95, MAX_TIMES * full) : MAX_TIMES * full;
            double strength = RobustnessSearch.smallestStrength(intact, 0.5, max);
            ReachRows.Scores at = Double.isNaN(strength) ? null : moves.stream().map(m -> rows.score(m.apply(strength)))
                    .max(Comparator.comparingDouble(sc -> rows.isAmounts() ? -sc.first() : sc.first())).orElseThrow();
            PairedFall fall = at == null ? null : PairedFall.of(rows.isAmounts(), base.scored(), at.scored(), 1);
            // Not hurting is not "no effect": the figures at the strongest move searched (the worse direction) say
            // how much it moved them, under the mark the check calls hurting.
            ReachRows.Scores atMax = at != null ? null : moves.stream().map(m -> rows.score(m.apply(max)))
                    .min(Comparator.comparingDouble(sc -> rows.isAmounts() ? -sc.first() : sc.first())).orElseThrow();
            out.add(new ChangeReach(kind, name, strength, strength / full, words(kind, name, strength, scaled, down,
                    max) + (at != null ? figures(rows, base, at) : unhurtFigures(rows, base, atMax)), fall,
                    base.second(), at == null ? Double.NaN : at.second()));
        }
        out.sort(Comparator.comparingDouble(r -> Double.isNaN(r.share()) ? Double.POSITIVE_INFINITY : r.share()));
        return out;
    }

    /**
     * The paired comparison of the rows before and after a move when the move makes the model fail there (the class
     * comment's rule), else null.
     */
    static PairedFall hurt(ReachRows rows, ReachRows.Scores before, ReachRows.Scores after) {
        boolean far;
        if (rows.isAmounts()) {
            far = after.first() > before.first() * (1 + WhatIfVerdict.RED_RISE)
                    || after.second() > before.second() * (1 + WhatIfVerdict.RED_RISE);
        } else {
            far = after.first() < before.first() - WhatIfVerdict.RED_DROP
                    || rows.isKinds() && after.second() < before.second() - WhatIfVerdict.RED_DROP;
        }
        if (!far) {
            return null;
        }
        PairedFall fall = PairedFall.of(rows.isAmounts(), before.scored(), after.scored(), 1);
        return fall.worse() ? fall : null;
    }

    private static String words(WhatIfChange.Kind kind, String column, double strength, boolean scaled, boolean down,
                                double max) {
        String name = "“" + PlainWords.column(column) + "”";
        if (Double.isNaN(strength)) {
            return scaled ? String.format(Locale.ROOT, "Does not hurt the model even with %s %.0f%% %s", name,
                    100 * max, down ? "lower" : "higher")
                    : String.format(Locale.ROOT, "Does not hurt the model even at a shift of %s by %.0f standard "
                    + "deviations", name, max);
        }
        return scaled ? String.format(Locale.ROOT, "Hurts the model once %s is about %.0f%% %s", name, 100 * strength,
                down ? "lower" : "higher")
                : String.format(Locale.ROOT, "Hurts the model at a shift of %s by about %.1f standard deviations%s",
                name, strength, kind == WhatIfChange.Kind.GAMING ? " towards the safe side" : "");
    }

    /**
     * ": right 80 instead of 93 times out of 100 on the same rows." (kinds: ", macro F1 0.78 instead of 0.93"; amounts:
     * ": off by 53 instead of 45 on average on the same rows (root mean squared error 70 instead of 58)."), or "." when
     * it does not hurt.
     */
    private static String figures(ReachRows rows, ReachRows.Scores before, ReachRows.Scores at) {
        if (at == null) {
            return ".";
        }
        if (rows.isAmounts()) {
            return String.format(Locale.ROOT, ": off by %s instead of %s on average on the same rows (root mean squared "
                    + "error %s instead of %s).", PlainWords.amount(at.first()), PlainWords.amount(before.first()),
                    PlainWords.amount(at.second()), PlainWords.amount(before.second()));
        }
        return String.format(Locale.ROOT, ": right %d instead of %d times out of 100 on the same rows%s.",
                Math.round(100 * at.first()), Math.round(100 * before.first()), rows.isKinds()
                        ? String.format(Locale.ROOT, ", macro F1 %.2f instead of %.2f", at.second(), before.second())
                        : "");
    }

    /**
     * The figures at the strongest move searched when it does not hurt: ": right 74 instead of 79 times out of 100 on
     * the same rows, a fall the check does not count as hurting (more than 5 in 100, beyond chance)." — or ": right 75
     * times out of 100 on the same rows, as before." when they do not move.
     */
    static String unhurtFigures(ReachRows rows, ReachRows.Scores before, ReachRows.Scores at) {
        String moved = figures(rows, before, at);
        String unmoved = rows.isAmounts() ? ": off by " + PlainWords.amount(before.first()) + " on average on the same rows, as before."
                : String.format(Locale.ROOT, ": right %d times out of 100 on the same rows, as before.",
                Math.round(100 * before.first()));
        boolean same = rows.isAmounts() ? PlainWords.amount(at.first()).equals(PlainWords.amount(before.first()))
                : Math.round(100 * at.first()) == Math.round(100 * before.first())
                && (!rows.isKinds() || Math.round(100 * at.second()) == Math.round(100 * before.second()));
        if (same) {
            return unmoved;
        }
        return moved.substring(0, moved.length() - 1) + (rows.isAmounts()
                ? String.format(Locale.ROOT, ", a rise the check does not count as hurting (more than %.0f%%, beyond "
                + "chance).", 100 * WhatIfVerdict.RED_RISE)
                : String.format(Locale.ROOT, ", a fall the check does not count as hurting (more than %.0f in 100, "
                + "beyond chance).", 100 * WhatIfVerdict.RED_DROP));
    }

    private static double[] map(NumericColumn column, DoubleUnaryOperator f) {
        double[] values = column.values().clone();
        for (int i = 0; i < values.length; i++) {
            values[i] = f.applyAsDouble(values[i]);
        }
        return values;
    }
}
