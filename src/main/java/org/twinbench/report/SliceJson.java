package org.twinbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.twinbench.sim.RunFindings;
import org.twinbench.stats.SliceFinder;

/**
 * Slices found by {@link SliceFinder} as JSON, one shape for the {@code slices} command's {@code slices} and
 * {@code run.json}'s {@code top_slices}: {@code predicates} [{@code column}, {@code value}], {@code n},
 * {@code accuracy}, {@code rest_accuracy}, {@code interval} {@code low}/{@code high} (95% Wilson),
 * {@code effect} and {@code p_value} (two-sided, not adjusted), and in {@code run.json} the naive baseline on the
 * slice's rows ({@code baseline_accuracy}); a regression's slices have {@code mae}, {@code rest_mae} and
 * {@code baseline_mae} instead of the accuracies (the interval a t interval, the p-value Welch's). Also reads
 * {@code run.json}'s findings back ({@link #findings}), so a stored run shows what it found.
 */
public final class SliceJson {

    private SliceJson() {
    }

    /** Adds one object per slice to {@code list}. */
    public static void addAll(ArrayNode list, SliceFinder.Result result) {
        addAll(list, result, List.of());
    }

    /**
     * Adds one object per slice to {@code list}, each with the naive baseline on its rows from {@code baselines}
     * (in the slices' order; {@code baseline_accuracy}, a regression's {@code baseline_mae}) where known.
     */
    static void addAll(ArrayNode list, SliceFinder.Result result, List<Double> baselines) {
        String metric = result.errors() ? "mae" : "accuracy";
        for (int i = 0; i < result.slices().size(); i++) {
            SliceFinder.Slice slice = result.slices().get(i);
            ObjectNode node = list.addObject();
            ArrayNode predicates = node.putArray("predicates");
            for (SliceFinder.Predicate p : slice.predicates()) {
                predicates.addObject().put("column", p.column()).put("value", p.value());
            }
            node.put("n", slice.n());
            RunJson.number(node, metric, slice.accuracy());
            RunJson.number(node, "rest_" + metric, slice.restAccuracy());
            ObjectNode interval = node.putObject("interval");
            RunJson.number(interval, "low", slice.low());
            RunJson.number(interval, "high", slice.high());
            RunJson.number(node, "effect", slice.effect());
            RunJson.number(node, "p_value", slice.pValue());
            if (i < baselines.size() && baselines.get(i) != null && !baselines.get(i).isNaN()) {
                RunJson.number(node, "baseline_" + metric, baselines.get(i));
            }
        }
    }

    /**
     * {@code run.json}'s findings: {@code outcome_values} (a binary outcome's {@code positive} and {@code negative}
     * values, when known), {@code top_slices_search} ({@code rows}, {@code accuracy} or {@code mae},
     * {@code tested}), {@code top_slices} and {@code leaked_columns} ({@code column}, {@code reason}: the model's
     * features that give the outcome away); nothing when {@code findings} is null.
     */
    static void addFindings(ObjectNode root, RunFindings findings) {
        if (findings == null) {
            return;
        }
        if (!findings.leaks().isEmpty()) {
            ArrayNode leaks = root.putArray("leaked_columns");
            findings.leaks().forEach(l -> leaks.addObject().put("column", l.column()).put("reason", l.reason()));
        }
        if (findings.positive() != null) {
            ObjectNode values = root.putObject("outcome_values");
            values.put("positive", findings.positive());
            values.put("negative", findings.negative());
        }
        SliceFinder.Result found = findings.searched();
        if (found != null) {
            ObjectNode sample = root.putObject("top_slices_search");
            sample.put("rows", found.rows());
            RunJson.number(sample, found.errors() ? "mae" : "accuracy", found.accuracy());
            sample.put("tested", found.tested());
            addAll(root.putArray("top_slices"), found, findings.sliceBaselines());
        }
    }

    /**
     * The findings a {@code run.json} recorded ({@link #addFindings}), or null when it recorded none (a run
     * stored before they were kept, a sweep's point). A slice's correct rows are its accuracy times its rows.
     */
    public static RunFindings findings(JsonNode root) {
        if (root == null) {
            return null;
        }
        JsonNode values = root.path("outcome_values");
        String positive = values.path("positive").isTextual() ? values.path("positive").asText() : null;
        String negative = values.path("negative").isTextual() ? values.path("negative").asText() : null;
        JsonNode search = root.path("top_slices_search");
        SliceFinder.Result found = null;
        List<Double> baselines = new ArrayList<>();
        if (search.isObject()) {
            boolean errors = search.has("mae");
            String metric = errors ? "mae" : "accuracy";
            List<SliceFinder.Slice> slices = new ArrayList<>();
            for (JsonNode s : root.path("top_slices")) {
                baselines.add(number(s.path("baseline_" + metric)));
                List<SliceFinder.Predicate> predicates = new ArrayList<>();
                s.path("predicates").forEach(p -> predicates.add(new SliceFinder.Predicate(p.path("column").asText(),
                        p.path("value").asText())));
                int n = s.path("n").asInt();
                double value = number(s.path(metric));
                slices.add(new SliceFinder.Slice(predicates, n, errors ? 0 : (int) Math.round(value * n), value,
                        number(s.path("rest_" + metric)), number(s.path("interval").path("low")),
                        number(s.path("interval").path("high")), number(s.path("p_value")), number(s.path("effect"))));
            }
            found = new SliceFinder.Result(slices, search.path("tested").asInt(), search.path("rows").asInt(),
                    number(search.path(metric)), errors);
        }
        List<RunFindings.Leak> leaks = new ArrayList<>();
        root.path("leaked_columns").forEach(l -> leaks.add(new RunFindings.Leak(l.path("column").asText(),
                l.path("reason").asText())));
        if (positive == null && found == null && leaks.isEmpty()) {
            return null;
        }
        return (found != null && found.errors()
                ? new RunFindings(null, positive, negative, found, 1.0, null, baselines)
                : new RunFindings(found, positive, negative, null, 1.0, null, baselines)).withLeaks(leaks);
    }

    private static double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : Double.NaN;
    }

    /**
     * A slice in one line, as {@code run} prints it and the window lists it: {@code clinic=C & shift=night,
     * 63 rows, accuracy 0.317 [0.216, 0.440] vs 0.984 elsewhere (p = 4.6e-61)}.
     */
    public static String line(SliceFinder.Slice s) {
        return line(s, false);
    }

    /** As {@link #line(SliceFinder.Slice)}; a slice of errors reads {@code …, 40 rows, mean absolute error 61.2 [52.0, 70.4] vs 42.1 elsewhere …}. */
    public static String line(SliceFinder.Slice s, boolean errors) {
        return line(s, errors, Double.NaN);
    }

    /**
     * As {@link #line(SliceFinder.Slice, boolean)}, with the naive guess on the slice's rows after its interval
     * ({@code accuracy 0.317 [0.216, 0.440], guess 0.349, vs 0.984 elsewhere}) unless {@code guess} is NaN.
     */
    public static String line(SliceFinder.Slice s, boolean errors, double guess) {
        String number = errors ? "%.4g" : "%.3f";
        String beside = Double.isNaN(guess) ? "" : String.format(java.util.Locale.ROOT, ", guess " + number + ",",
                guess);
        return String.format(java.util.Locale.ROOT, "%s, %d rows, %s " + number + " [" + number + ", " + number
                + "]%s vs " + number + " elsewhere (p = %.2g)", describe(s), s.n(), errors ? "mean absolute error" : "accuracy",
                s.accuracy(), s.low(), s.high(), beside, s.restAccuracy(), s.pValue());
    }

    /**
     * Whether the model does no better on a found slice's rows than the naive {@code guess} there: its accuracy not
     * above the guess's, or (a slice of errors) its mean absolute error not below; false when the guess is unknown.
     */
    public static boolean noBetterThanGuess(SliceFinder.Slice s, boolean errors, double guess) {
        return !Double.isNaN(guess) && !Double.isNaN(s.accuracy()) && (errors ? s.accuracy() >= guess
                : s.accuracy() <= guess);
    }

    /**
     * A found slice in one line beside the naive guess on its rows, as {@code run}'s "worst slice:" lines and the
     * window's Worst slices tab show it, followed, where the model does no better there ({@link #noBetterThanGuess}),
     * by the call-out: {@code …, guess 0.349, vs 0.984 elsewhere (p = 4.6e-61). No better than always answering the
     * reference rows' most frequent class on these rows.}
     */
    public static String lineCalledOut(SliceFinder.Slice s, boolean errors, double guess) {
        return line(s, errors, guess) + (!noBetterThanGuess(s, errors, guess) ? "" : errors
                ? ". No better than always predicting the reference rows' mean amount on these rows."
                : ". No better than always answering the reference rows' most frequent class on these rows.");
    }

    /** A slice's predicates as {@code column=value & column=value}. */
    public static String describe(SliceFinder.Slice slice) {
        return String.join(" & ", slice.predicates().stream().map(p -> p.column() + "=" + p.value()).toList());
    }
}
