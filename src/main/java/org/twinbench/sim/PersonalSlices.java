package org.twinbench.sim;

import java.util.LinkedHashSet;
import java.util.Set;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Column;
import org.twinbench.data.Dataset;
import org.twinbench.data.Frame;
import org.twinbench.data.Masking;
import org.twinbench.data.PiiDetector;
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
            if (frame.find(name).orElse(null) instanceof CategoricalColumn column) {
                Column masked = Masking.forSlicing(column, dataset.kind(name));
                out = masked == column ? out : out.with(masked);
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
}
