package org.twinbench.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.twinbench.stats.SliceFinder;

/**
 * Slices found by {@link SliceFinder} as JSON, one shape for the {@code slices} command's {@code slices} and
 * {@code run.json}'s {@code top_slices}: {@code predicates} [{@code column}, {@code value}], {@code n},
 * {@code accuracy}, {@code rest_accuracy}, {@code interval} {@code low}/{@code high} (95% Wilson),
 * {@code effect} and {@code p_value} (two-sided, not adjusted).
 */
public final class SliceJson {

    private SliceJson() {
    }

    /** Adds one object per slice to {@code list}. */
    public static void addAll(ArrayNode list, SliceFinder.Result result) {
        for (SliceFinder.Slice slice : result.slices()) {
            ObjectNode node = list.addObject();
            ArrayNode predicates = node.putArray("predicates");
            for (SliceFinder.Predicate p : slice.predicates()) {
                predicates.addObject().put("column", p.column()).put("value", p.value());
            }
            node.put("n", slice.n());
            RunJson.number(node, "accuracy", slice.accuracy());
            RunJson.number(node, "rest_accuracy", slice.restAccuracy());
            ObjectNode interval = node.putObject("interval");
            RunJson.number(interval, "low", slice.low());
            RunJson.number(interval, "high", slice.high());
            RunJson.number(node, "effect", slice.effect());
            RunJson.number(node, "p_value", slice.pValue());
        }
    }

    /**
     * A slice in one line, as {@code run} prints it and the window lists it: {@code clinic=C & shift=night,
     * 63 rows, accuracy 0.317 [0.216, 0.440] vs 0.984 elsewhere (p = 4.6e-61)}.
     */
    public static String line(SliceFinder.Slice s) {
        return String.format(java.util.Locale.ROOT, "%s, %d rows, accuracy %.3f [%.3f, %.3f] vs %.3f elsewhere (p = %.2g)",
                describe(s), s.n(), s.accuracy(), s.low(), s.high(), s.restAccuracy(), s.pValue());
    }

    /** A slice's predicates as {@code column=value & column=value}. */
    public static String describe(SliceFinder.Slice slice) {
        return String.join(" & ", slice.predicates().stream().map(p -> p.column() + "=" + p.value()).toList());
    }
}
