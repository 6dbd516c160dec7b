package org.twinbench.ui.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.twinbench.sim.monitor.BaselineMonitor;
import org.twinbench.sim.monitor.FairnessMonitor;

/**
 * The rows of the slice table, from a run's only replicate or from the mean over its replicates:
 * each slice's latest value of the chosen metric, its change from the first steps, an interval,
 * the worst slices flagged, the gap to the best slice and the four-fifths selection-rate ratio.
 * Plain Java, so the figures can be checked by hand without the toolkit.
 */
final class SliceTable {

    /** Metrics where lower is better; for the others higher is better. */
    static final Set<String> LOWER_IS_BETTER = Set.of("log_loss", "brier", "ece", "mae", "rmse", "mape");

    private SliceTable() {
    }

    /**
     * The table now, from the run's only replicate ({@code banded} false) or from the mean over its
     * replicates: every slice's row, the worst flagged, the gaps added, each row with the naive baseline on its
     * own rows of each metric the run measures one for and, in a binary run, the overall row with the positive
     * class's recall.
     */
    static List<SliceRow> of(MetricHistory history, ReplicateBands bands, boolean banded, int replicates,
                             List<String> slices, String chosen, List<String> columns) {
        java.util.function.Predicate<String> guess = name -> name.startsWith(BaselineMonitor.ID + ".");
        List<SliceRow> marked = banded
                ? rows(replicateRows(name -> bands.bands(name, replicates), chosen, slices, columns),
                        bands.latestMeasureMeans(SliceTable::isSelectionRate, replicates), slices, chosen)
                : rows(singleRunRows(history, slices, chosen, columns), latestSelectionRates(history), slices, chosen);
        Map<String, Map<String, Double>> guesses = guessesBySlice(banded ? bands.latestMeasureMeans(guess, replicates)
                : latestMeasures(history, guess));
        double recall = Double.NaN;
        if (columns.isEmpty() && !"recall".equals(chosen) && !org.twinbench.sim.ShareMeasures.isShare(chosen)) {
            // A binary run: its table follows the chosen metric, and recall is read beside it.
            ReplicateBands.Band band = banded ? bands.bands("recall", replicates).get(MetricHistory.OVERALL) : null;
            MetricHistory.Series series = history.series("recall", MetricHistory.OVERALL);
            recall = banded ? band == null || band.last() < 0 ? Double.NaN : band.mean.value(band.last())
                    : series == null || series.size() == 0 ? Double.NaN : series.lastValue();
        }
        double positiveRecall = recall;
        return marked.stream().map(row -> row.withGuesses(guesses.getOrDefault(row.slice(), Map.of()),
                row.slice().equals(MetricHistory.OVERALL) ? positiveRecall : Double.NaN)).toList();
    }

    /**
     * The naive baselines by slice and metric, from the baseline monitor's measures without their
     * {@code baseline.} prefix: {@code accuracy} is the overall row's, {@code rmse[sex=2]} the slice sex=2's rmse.
     */
    static Map<String, Map<String, Double>> guessesBySlice(Map<String, Double> measures) {
        Map<String, Map<String, Double>> bySlice = new HashMap<>();
        measures.forEach((name, value) -> {
            String measure = name.substring(BaselineMonitor.ID.length() + 1);
            int open = measure.indexOf('[');
            boolean sliced = open > 0 && measure.endsWith("]");
            bySlice.computeIfAbsent(sliced ? measure.substring(open + 1, measure.length() - 1) : MetricHistory.OVERALL,
                    key -> new HashMap<>()).put(sliced ? measure.substring(0, open) : measure, value);
        });
        return bySlice;
    }

    /** Replaces only the rows whose values changed, so an unchanged table is not laid out again. */
    static void replaceChanged(javafx.collections.ObservableList<SliceRow> rows, List<SliceRow> marked) {
        if (marked.size() != rows.size()) {
            rows.setAll(marked);
            return;
        }
        for (int i = 0; i < marked.size(); i++) {
            if (!marked.get(i).equals(rows.get(i))) {
                rows.set(i, marked.get(i));
            }
        }
    }

    /**
     * The finished rows: {@code fresh} with the worst slices flagged and the fairness gaps added
     * from {@code selectionRateMeasures} (measure name to its latest value).
     */
    static List<SliceRow> rows(List<SliceRow> fresh, Map<String, Double> selectionRateMeasures, List<String> slices,
                               String chosen) {
        boolean lower = lowerIsBetter(chosen);
        return withFairness(markWorst(fresh, lower), lower, selectionRates(selectionRateMeasures, slices));
    }

    /** The columns of a regression table, the first the one the worst slices and gaps are judged on. */
    static final List<String> REGRESSION_COLUMNS = List.of("rmse", "mae", "r2");
    /** The columns of a multiclass table, the first the one the worst slices and gaps are judged on. */
    static final List<String> MULTICLASS_COLUMNS = List.of("accuracy", "macro_f1");

    /**
     * The task metrics the table shows in their own columns for a run whose metrics are {@code metricNames}:
     * rmse, mae and r2 for a regression, accuracy and macro F1 for a multiclass model, none for a binary
     * one (its table shows the chosen metric).
     */
    static List<String> taskColumns(List<String> metricNames) {
        if (metricNames.containsAll(REGRESSION_COLUMNS)) {
            return REGRESSION_COLUMNS;
        }
        return metricNames.containsAll(MULTICLASS_COLUMNS) ? MULTICLASS_COLUMNS : List.of();
    }

    /** A row per slice from the run's only replicate, with the 95% Wilson interval of its latest accuracy. */
    static List<SliceRow> singleRunRows(MetricHistory history, List<String> slices, String chosen,
                                        List<String> columns) {
        List<SliceRow> rows = new ArrayList<>();
        for (SliceRow row : singleRunRows(history, slices, chosen)) {
            List<Double> figures = new ArrayList<>();
            for (String name : columns) {
                MetricHistory.Series values = history.series(name, row.slice());
                figures.add(values == null || values.size() == 0 ? Double.NaN : values.lastValue());
            }
            rows.add(row.withFigures(figures));
        }
        return rows;
    }

    /** As {@link #replicateRows(Map, List)}, with the mean over replicates of each task column. */
    static List<SliceRow> replicateRows(java.util.function.Function<String, Map<String, ReplicateBands.Band>> bands,
                                        String chosen, List<String> slices, List<String> columns) {
        List<SliceRow> rows = new ArrayList<>();
        for (SliceRow row : replicateRows(bands.apply(chosen), slices)) {
            List<Double> figures = new ArrayList<>();
            for (String name : columns) {
                ReplicateBands.Band band = bands.apply(name).get(row.slice());
                figures.add(band == null || band.last() < 0 ? Double.NaN : band.mean.value(band.last()));
            }
            rows.add(row.withFigures(figures));
        }
        return rows;
    }

    /** A row per slice from the run's only replicate, with the 95% Wilson interval of its latest accuracy. */
    static List<SliceRow> singleRunRows(MetricHistory history, List<String> slices, String chosen) {
        List<SliceRow> fresh = new ArrayList<>();
        for (String slice : slices) {
            MetricHistory.Series values = history.series(chosen, slice);
            if (values == null || values.size() == 0) {
                continue;
            }
            double latest = values.lastValue();
            int n = values.count(values.size() - 1);
            double[] ci = "accuracy".equals(chosen) ? SliceRow.wilson(latest, n) : new double[] {Double.NaN, Double.NaN};
            fresh.add(new SliceRow(slice, n, latest, latest - values.meanOfFirst(SliceRow.BASELINE_STEPS), ci[0],
                    ci[1], false));
        }
        return fresh;
    }

    /**
     * With replicates, a row per slice from the mean over replicates at the last step every
     * replicate has reached: its latest value, the change from the mean of the first steps' means,
     * the 90% band over replicates (5th to 95th percentile, R type 7) as the interval, and the
     * slice's rows per replicate (their mean).
     */
    static List<SliceRow> replicateRows(Map<String, ReplicateBands.Band> bands, List<String> slices) {
        List<SliceRow> fresh = new ArrayList<>();
        for (String slice : slices) {
            ReplicateBands.Band band = bands.get(slice);
            if (band == null || band.last() < 0) {
                continue;
            }
            int last = band.last();
            double latest = band.mean.value(last);
            fresh.add(new SliceRow(slice, band.rows[last], latest,
                    latest - band.mean.meanOfFirst(SliceRow.BASELINE_STEPS), band.low[last], band.high[last], false));
        }
        return fresh;
    }

    /** Error-like figures: log loss, Brier, ECE, regression errors, latencies, cost and error rates. */
    static boolean lowerIsBetter(String metric) {
        return LOWER_IS_BETTER.contains(metric) || metric.contains("latency") || metric.equals("cost")
                || metric.endsWith("error_rate");
    }

    /**
     * Flags the worst fifth (at least one) of the slices other than overall that hold at least
     * {@link org.twinbench.sim.Verdict#MIN_ROWS} rows: a smaller slice is shown but never flagged, as it never
     * drives the verdict (its latest value is mostly noise).
     */
    static List<SliceRow> markWorst(List<SliceRow> rows, boolean lowerIsBetter) {
        List<SliceRow> candidates = new ArrayList<>(rows.stream()
                .filter(r -> !r.slice().equals(MetricHistory.OVERALL) && !Double.isNaN(r.latest())
                        && r.n() >= org.twinbench.sim.Verdict.MIN_ROWS).toList());
        Comparator<SliceRow> worstFirst = Comparator.comparingDouble(SliceRow::latest);
        candidates.sort(lowerIsBetter ? worstFirst.reversed() : worstFirst);
        int flagged = candidates.isEmpty() ? 0 : Math.max(1, candidates.size() / 5);
        Set<String> worst = new java.util.HashSet<>();
        for (int i = 0; i < flagged; i++) {
            worst.add(candidates.get(i).slice());
        }
        return rows.stream().map(r -> worst.contains(r.slice()) ? r.withWorst(true) : r).toList();
    }

    /**
     * Adds each slice's gap to the best slice of its column for the metric and the ratio of its latest selection
     * rate (from a fairness monitor's {@code …=<level>.selection_rate} measures) to the highest among
     * the slices of the same column.
     */
    static List<SliceRow> withFairness(List<SliceRow> rows, boolean lowerIsBetter, Map<String, Double> selectionRates) {
        // The best slice and the highest selection rate of each column: a gap compares slices of one column only,
        // never a gender slice with a department.
        Map<String, Double> best = new HashMap<>();
        Map<String, Double> highestRate = new HashMap<>();
        for (SliceRow row : rows) {
            if (row.slice().equals(MetricHistory.OVERALL)) {
                continue;
            }
            if (!Double.isNaN(row.latest())) {
                best.merge(column(row.slice()), row.latest(), lowerIsBetter ? Math::min : Math::max);
            }
            Double rate = selectionRates.get(row.slice());
            if (rate != null && !Double.isNaN(rate)) {
                highestRate.merge(column(row.slice()), rate, Math::max);
            }
        }
        List<SliceRow> out = new ArrayList<>();
        for (SliceRow row : rows) {
            boolean judged = !row.slice().equals(MetricHistory.OVERALL);
            Double rate = selectionRates.get(row.slice());
            Double highest = highestRate.get(column(row.slice()));
            double ratio = !judged || rate == null || highest == null || highest == 0 ? Double.NaN : rate / highest;
            Double top = best.get(column(row.slice()));
            out.add(row.withGaps(!judged || top == null ? Double.NaN : row.latest() - top, ratio));
        }
        return out;
    }

    private static String column(String slice) {
        int eq = slice.indexOf('=');
        return eq < 0 ? slice : slice.substring(0, eq);
    }

    static boolean isSelectionRate(String measure) {
        return measure.endsWith(FairnessMonitor.SELECTION_RATE);
    }

    /** The latest value of each of the fairness monitor's selection-rate measures (the only replicate). */
    static Map<String, Double> latestSelectionRates(MetricHistory history) {
        return latestMeasures(history, SliceTable::isSelectionRate);
    }

    /** The latest value of each measure {@code wanted} names (the only replicate). */
    private static Map<String, Double> latestMeasures(MetricHistory history, java.util.function.Predicate<String> wanted) {
        Map<String, Double> latest = new HashMap<>();
        for (String name : history.metrics()) {
            MetricHistory.Series series = history.series(name, MetricHistory.OVERALL);
            if (wanted.test(name) && series != null && series.size() > 0) {
                latest.put(name, series.lastValue());
            }
        }
        return latest;
    }

    /** Each slice's selection rate from the measures named {@code <node>.<slice>.selection_rate}. */
    private static Map<String, Double> selectionRates(Map<String, Double> measures, List<String> slices) {
        Map<String, Double> rates = new HashMap<>();
        measures.forEach((name, value) -> {
            if (!isSelectionRate(name)) {
                return;
            }
            String head = name.substring(0, name.length() - FairnessMonitor.SELECTION_RATE.length());
            for (String slice : slices) {
                if (head.endsWith("." + slice)) {
                    rates.put(slice, value);
                }
            }
        });
        return rates;
    }
}
