package org.twinbench.ui.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Feature × step drift of a run: one row per feature a drift monitor watches, one column per run
 * of {@code stepsPerColumn} steps (so a long run fits in at most {@link #MAX_COLUMNS} columns),
 * each cell the highest statistic in its steps (NaN where none was recorded).
 *
 * @param features row labels: the feature, prefixed by the monitor when there are several
 * @param stepsPerColumn steps summarised by one column
 * @param cells {@code cells[row][column]}
 * @param scaleMax the top of the colour scale: the highest value, and at least the threshold
 * @param threshold the monitors' alarm threshold (the lowest, when they differ; NaN when calibrated per feature)
 */
public record DriftHeatmap(List<String> features, int stepsPerColumn, double[][] cells, double scaleMax,
                           double threshold) {

    static final int MAX_COLUMNS = 300;
    static final DriftHeatmap EMPTY = new DriftHeatmap(List.of(), 1, new double[0][], 1, Double.NaN);

    /** The scenario's feature-drift monitors by id, each with its alarm threshold. */
    static Map<String, Double> monitorsOf(org.twinbench.scenario.Scenario scenario) {
        Map<String, Double> monitors = new java.util.LinkedHashMap<>();
        scenario.nodes().stream()
                .filter(node -> org.twinbench.scenario.NodeCatalog.FEATURE_DRIFT.equals(node.type()))
                .forEach(node -> monitors.put(node.id(),
                        node.params().get("threshold") instanceof Number set ? set.doubleValue() : Double.NaN));
        return monitors;
    }

    public int columns() {
        return cells.length == 0 ? 0 : cells[0].length;
    }

    /**
     * Builds the heatmap from the measures {@code <monitor>.<feature>} of the given feature-drift
     * monitors (id to threshold) in {@code history}.
     */
    static DriftHeatmap of(MetricHistory history, Map<String, Double> monitors) {
        List<String> names = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (String measure : history.metrics()) {
            for (String monitor : monitors.keySet()) {
                if (measure.startsWith(monitor + ".") && !measure.contains(LiveCurves.ESTIMATE_PREFIX)) {
                    names.add(measure);
                    labels.add(monitors.size() == 1 ? measure.substring(monitor.length() + 1) : measure);
                }
            }
        }
        if (names.isEmpty() || history.lastStep() < 0) {
            return EMPTY;
        }
        int steps = history.lastStep() + 1;
        int perColumn = (steps + MAX_COLUMNS - 1) / MAX_COLUMNS;
        int columns = (steps + perColumn - 1) / perColumn;
        double[][] cells = new double[names.size()][columns];
        double highest = 0;
        for (int row = 0; row < names.size(); row++) {
            Arrays.fill(cells[row], Double.NaN);
            MetricHistory.Series series = history.series(names.get(row), MetricHistory.OVERALL);
            for (int i = 0; i < series.size(); i++) {
                double v = series.value(i);
                int column = series.step(i) / perColumn;
                if (!Double.isNaN(v) && (Double.isNaN(cells[row][column]) || v > cells[row][column])) {
                    cells[row][column] = v;
                    highest = Math.max(highest, v);
                }
            }
        }
        double threshold = monitors.values().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double top = Math.max(highest, Double.isNaN(threshold) ? 0 : threshold);
        return new DriftHeatmap(List.copyOf(labels), perColumn, cells, top > 0 ? top : 1, threshold);
    }
}
