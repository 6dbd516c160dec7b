package org.twinbench.ui.wizard;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.twinbench.data.Frame;
import org.twinbench.data.PlainWords;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.sim.whatif.WhatIfChange;
import org.twinbench.sim.whatif.WhatIfQuestion;
import org.twinbench.sim.whatif.WhatIfStudy;

/**
 * What a change of the wizard does to the user's own columns, in plain words: "monthly spend 30%
 * higher", "income halved", "“new customers” appear in region, up to 30% of rows". Read from the very
 * node {@link WhatIfStudy} puts in the scenario, so the words and the simulation cannot disagree.
 */
final class ChangeWords {

    /** How the words of a change the user's data does not allow begin. */
    static final String NOT_POSSIBLE = "Not possible with your spreadsheet: ";

    private ChangeWords() {
    }

    /** The change on {@code data} for {@code question}, in words; why it cannot be made, if it cannot. */
    static String of(WhatIfQuestion question, Frame data, WhatIfChange change) {
        ScenarioNode node;
        try {
            node = WhatIfStudy.withChange(question, data, change).node(change.id()).orElseThrow();
        } catch (IllegalArgumentException e) {
            return NOT_POSSIBLE + e.getMessage() + ".";
        }
        return describe(node);
    }

    static String describe(ScenarioNode node) {
        Map<String, Object> p = node.params();
        String column = PlainWords.column(String.valueOf(p.getOrDefault("column", first(p.get("columns")))));
        return switch (node.type()) {
            case NodeCatalog.COVARIATE_SHIFT -> {
                double scale = ((Number) p.getOrDefault("scale", 1.0)).doubleValue();
                double shift = ((Number) p.getOrDefault("shift", 0.0)).doubleValue();
                boolean seasonal = String.valueOf(p.get("schedule")).contains("recurring");
                String how = shift != 0 ? String.format(Locale.ROOT, "moves %s by about %s", shift < 0 ? "down" : "up",
                        number(Math.abs(shift))) : scaled(scale);
                yield PlainWords.capitalised(column) + " " + how + (seasonal ? " at the height of each season" : "") + ".";
            }
            case NodeCatalog.CATEGORY_MIX -> String.format(Locale.ROOT, "“%s” appear in %s, up to %.0f%% of rows.",
                    p.get("category"), column, 100 * ((Number) p.get("share")).doubleValue());
            case NodeCatalog.GAUSSIAN_NOISE -> "Typing mistakes in " + column + ": values off by about "
                    + number(((Number) p.get("sd")).doubleValue()) + ".";
            case NodeCatalog.MISSING_VALUES -> PlainWords.capitalised(column) + " is left empty from week "
                    + String.valueOf(p.get("schedule")).replaceAll(".*start=(\\d+).*", "$1") + " on.";
            default -> PlainWords.capitalised(column) + " changes.";
        };
    }

    /** A factor in words: halved, doubled, or so many percent lower or higher. */
    static String scaled(double scale) {
        if (Math.abs(scale - 0.5) < 0.005) {
            return "halved";
        }
        if (Math.abs(scale - 2) < 0.005) {
            return "doubled";
        }
        return String.format(Locale.ROOT, "%.0f%% %s", Math.abs(scale - 1) * 100, scale < 1 ? "lower" : "higher");
    }

    private static String number(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.2g", value);
    }

    private static Object first(Object columns) {
        return columns instanceof List<?> list && !list.isEmpty() ? list.get(0) : "a column";
    }
}
