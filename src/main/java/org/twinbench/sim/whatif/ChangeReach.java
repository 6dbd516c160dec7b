package org.twinbench.sim.whatif;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;
import org.twinbench.data.BinaryLabels;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.data.PlainWords;
import org.twinbench.model.BinaryClassifier;
import org.twinbench.model.ModelInputs;
import org.twinbench.stats.RobustnessSearch;

/**
 * How little of each change it takes to hurt a yes/no model, for the "what might change" page to rank them: on the
 * rows the check replays (the later half of the file, which the model built here never saw), the smallest strength of
 * the change's own move of its column at which the model's share right falls by {@link WhatIfVerdict#RED_DROP} (where
 * the check calls it failing), found by bisection ({@link RobustnessSearch}, as {@code run}'s robustness profile):
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
 * @param words "Hurts the model once “price” is about 23% higher." or that it does not
 */
public record ChangeReach(WhatIfChange.Kind kind, String column, double strength, double share, String words) {

    /** The search goes up to this many times the strength of "a lot". */
    public static final double MAX_TIMES = 3;

    /**
     * {@link #rank(WhatIfQuestion, Frame, BinaryClassifier)} for the question's own yes/no model: the file it was
     * given, or the logistic regression the check's scenarios build from the reference rows (built here the same
     * way); empty for a model of kinds or amounts. Slow: off the FX thread.
     */
    public static List<ChangeReach> rank(WhatIfQuestion question, Frame data) {
        if (question.model() != null) {
            org.twinbench.model.TaskModel loaded = org.twinbench.model.ModelFiles.loadAny(question.model());
            try {
                return loaded instanceof BinaryClassifier binary ? rank(question, data, binary) : List.of();
            } finally {
                org.twinbench.model.ModelFiles.closeQuietly(loaded);
            }
        }
        if (org.twinbench.data.Task.of(data.column(question.target())).orElse(null) != org.twinbench.data.Task.BINARY) {
            return List.of();
        }
        Object share = WhatIfStudy.baseline(question).node(WhatIfStudy.DATA_NODE).orElseThrow().params()
                .get("reference_share");
        Frame past = data.select(IntStream.range(0, (int) Math.round(data.rowCount() * ((Number) share).doubleValue()))
                .toArray());
        org.twinbench.model.TaskModel built = org.twinbench.model.TaskTrainer.train(past,
                new org.twinbench.model.TrainingOptions(org.twinbench.model.Algorithm.LOGISTIC, question.target(),
                        question.features(), question.positive(), question.seed(), 0, "", 0),
                org.twinbench.data.Task.BINARY, org.twinbench.model.TrainingProgress.NONE).model();
        return built instanceof BinaryClassifier binary ? rank(question, data, binary) : List.of();
    }

    /** The changes that can be searched, least needed to hurt first; slow (scores the rows many times). */
    public static List<ChangeReach> rank(WhatIfQuestion question, Frame data, BinaryClassifier model) {
        Object reference = WhatIfStudy.baseline(question).node(WhatIfStudy.DATA_NODE).orElseThrow().params()
                .get("reference_share");
        int from = (int) Math.round(data.rowCount() * ((Number) reference).doubleValue());
        Frame later = data.select(IntStream.range(from, data.rowCount()).toArray());
        int[] all = BinaryLabels.encode(later.column(question.target()), model.card().positiveLabel());
        int[] rows = IntStream.range(0, all.length).filter(i -> all[i] >= 0).toArray();
        Frame labelled = later.select(rows);
        int[] labels = java.util.Arrays.stream(rows).map(i -> all[i]).toArray();
        double base = accuracy(model, labelled, labels);
        double floor = base - WhatIfVerdict.RED_DROP;
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
            DoubleUnaryOperator moved;
            if (scaled) {
                moved = s -> accuracy(model, labelled.with(column.withValues(map(column, v -> v * (down ? 1 - s : 1 + s)))),
                        labels);
            } else if (kind == WhatIfChange.Kind.GAMING) {
                double direction = -Math.signum(WhatIfStudy.labelCorrelation(question, data,
                        (NumericColumn) data.column(name)));
                moved = s -> accuracy(model, labelled.with(column.withValues(map(column, v -> v + direction * s * sd))),
                        labels);
            } else {
                moved = s -> Math.max(accuracy(model, labelled.with(column.withValues(map(column, v -> v + s * sd))),
                        labels), accuracy(model, labelled.with(column.withValues(map(column, v -> v - s * sd))), labels));
            }
            double max = down ? Math.min(0.95, MAX_TIMES * full) : MAX_TIMES * full;
            double strength = RobustnessSearch.smallestStrength(moved, floor, max);
            out.add(new ChangeReach(kind, name, strength, strength / full, words(kind, name, strength, scaled, down,
                    max)));
        }
        out.sort(Comparator.comparingDouble(r -> Double.isNaN(r.share()) ? Double.POSITIVE_INFINITY : r.share()));
        return out;
    }

    private static String words(WhatIfChange.Kind kind, String column, double strength, boolean scaled, boolean down,
                                double max) {
        String name = "“" + PlainWords.column(column) + "”";
        if (Double.isNaN(strength)) {
            return scaled ? String.format(Locale.ROOT, "Does not hurt the model even with %s %.0f%% %s.", name,
                    100 * max, down ? "lower" : "higher")
                    : String.format(Locale.ROOT, "Does not hurt the model even at a shift of %s by %.0f standard "
                    + "deviations.", name, max);
        }
        return scaled ? String.format(Locale.ROOT, "Hurts the model once %s is about %.0f%% %s.", name, 100 * strength,
                down ? "lower" : "higher")
                : String.format(Locale.ROOT, "Hurts the model at a shift of %s by about %.1f standard deviations%s.",
                name, strength, kind == WhatIfChange.Kind.GAMING ? " towards the safe side" : "");
    }

    /** The share right of {@code model} on {@code rows} (conformed to its inputs) at a chance of 0.5. */
    private static double accuracy(BinaryClassifier model, Frame rows, int[] labels) {
        double[] scores = model.scorePositive(ModelInputs.conform(model, rows, "your data"));
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            right += (scores[i] >= 0.5) == (labels[i] == 1) ? 1 : 0;
        }
        return labels.length == 0 ? Double.NaN : (double) right / labels.length;
    }

    private static double[] map(NumericColumn column, DoubleUnaryOperator f) {
        double[] values = column.values().clone();
        for (int i = 0; i < values.length; i++) {
            values[i] = f.applyAsDouble(values[i]);
        }
        return values;
    }
}
