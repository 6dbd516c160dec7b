package org.twinbench.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.ColumnSlicing;
import org.twinbench.data.Frame;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioNode;

/**
 * How each slice column of a run becomes slices: a categorical column by its values; a numeric one as
 * {@code metrics --bins} slices it ({@link ColumnSlicing}), with its cut points fixed on the reference
 * rows so that a slice means the same range in every step. The number of bins is the {@code bins} of the
 * slice-metrics node that first names the column.
 */
public record SliceBins(Map<String, ColumnSlicing.Fitted> byColumn) {

    /** Slice columns used as they are: each must be categorical. */
    public static final SliceBins NONE = new SliceBins(Map.of());

    public SliceBins {
        byColumn = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byColumn));
    }

    /** The slicings of every slice column of the scenario's slice-metrics nodes, fitted on {@code reference}. */
    public static SliceBins fit(Scenario scenario, Frame reference) {
        Map<String, ColumnSlicing.Fitted> fitted = new LinkedHashMap<>();
        for (ScenarioNode node : scenario.nodesOfKind(NodeCatalog.SLICE_METRICS)) {
            fitInto(fitted, node, reference);
        }
        return new SliceBins(fitted);
    }

    /** The slicings of one slice-metrics node's columns, fitted on {@code reference}. */
    public static SliceBins fit(ScenarioNode node, Frame reference) {
        Map<String, ColumnSlicing.Fitted> fitted = new LinkedHashMap<>();
        fitInto(fitted, node, reference);
        return new SliceBins(fitted);
    }

    private static void fitInto(Map<String, ColumnSlicing.Fitted> fitted, ScenarioNode node, Frame reference) {
        List<String> columns = node.strings("slices");
        for (String column : columns) {
            if (!fitted.containsKey(column) && reference != null && reference.has(column)) {
                fitted.put(column, ColumnSlicing.fit(reference.column(column), node.integer("bins")));
            }
        }
    }

    /** The slices of a batch's column, as a categorical column of the same name. */
    public CategoricalColumn values(Frame batch, String column) {
        ColumnSlicing.Fitted fitted = byColumn.get(column);
        return fitted == null ? batch.categorical(column) : fitted.apply(batch.column(column));
    }
}
