package org.twinbench.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Dataset;
import org.twinbench.data.Frame;
import org.twinbench.data.Masking;
import org.twinbench.data.PiiDetector;
import org.twinbench.data.PiiKind;
import org.twinbench.data.ValueKind;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioNode;

/**
 * Personal data never leaves the twin in clear. A slice column's values become slice names, and
 * slice names reach {@code steps.csv}, {@code run.json}, the HTML report, the run store and the
 * window's slice table; so a slice column that looks like personal data (see {@link PiiDetector})
 * is masked ({@link Masking}) before the run, and values that mask alike (two addresses at the same
 * domain with the same first letter) are merged into one slice.
 */
public final class PersonalSlices {

    private PersonalSlices() {
    }

    /** The frame with each personal-data column that a slice-metrics node of {@code scenario} slices by masked. */
    public static Frame mask(Frame frame, Dataset dataset, Scenario scenario) {
        Frame out = frame;
        for (String name : sliceColumns(scenario)) {
            if (!(frame.find(name).orElse(null) instanceof CategoricalColumn column)) {
                continue;
            }
            ValueKind kind = dataset.kind(name);
            // Dates look like phone numbers to the value rules; a date is not personal data.
            PiiKind pii = kind == ValueKind.DATE || kind == ValueKind.TIMESTAMP ? null : PiiDetector.detect(column);
            if (pii != null) {
                out = out.with(masked(column, pii));
            }
        }
        return out;
    }

    static Set<String> sliceColumns(Scenario scenario) {
        Set<String> names = new LinkedHashSet<>();
        for (ScenarioNode node : scenario.nodes()) {
            if (NodeCatalog.SLICE_METRICS.equals(node.type())) {
                names.addAll(node.strings("slices"));
            }
        }
        return names;
    }

    /** The column with every level masked, equal masked levels merged (codes renumbered in first-seen order). */
    static CategoricalColumn masked(CategoricalColumn column, PiiKind kind) {
        List<String> levels = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        int[] recode = new int[column.levels().size()];
        for (int i = 0; i < recode.length; i++) {
            recode[i] = index.computeIfAbsent(Masking.mask(kind, column.levels().get(i)), level -> {
                levels.add(level);
                return levels.size() - 1;
            });
        }
        int[] codes = column.codes();
        int[] out = new int[codes.length];
        for (int r = 0; r < codes.length; r++) {
            out[r] = codes[r] < 0 ? CategoricalColumn.MISSING : recode[codes[r]];
        }
        return new CategoricalColumn(column.name(), out, levels);
    }
}
