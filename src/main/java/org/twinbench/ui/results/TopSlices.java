package org.twinbench.ui.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.twinbench.report.SliceColours;

/**
 * Which slices the live chart draws, as the report's charts do ({@link SliceColours}): the
 * {@value SliceColours#TOP_SLICES} worst by their mean over the steps so far (lowest, or highest for an
 * error-like metric), and one curve of the others' mean at each step; with one slice more than that
 * all of them. The chosen slices are drawn in their order of first appearance, so the legend keeps
 * its order while the ranking moves. Colours follow the slice's value (what the report's legend shows), so a slice has the
 * same colour in the window and in the report.
 */
final class TopSlices {

    private TopSlices() {
    }

    /**
     * The curves of the live chart: the overall figure (when shown), the worst shown slices and the
     * others' mean, decimated to about {@code buckets} buckets ({@code expected} points in all, 0 when not known:
     * {@link Decimator#selectGrowing(MetricHistory.Series, int, int)}).
     *
     * @param bands each slice's replicate band, or null to draw the single run's {@code series}
     */
    static List<ChartCurve> curves(List<String> slices, Predicate<String> shown,
                                   Function<String, ReplicateBands.Band> bands,
                                   Function<String, MetricHistory.Series> series, boolean lowerIsBetter, int buckets,
                                   int expected) {
        Function<String, MetricHistory.Series> values = bands == null ? series
                : slice -> bands.apply(slice) == null ? null : bands.apply(slice).mean;
        List<String> candidates = slices.stream().filter(s -> !s.equals(MetricHistory.OVERALL) && shown.test(s)
                && values.apply(s) != null).toList();
        Split split = split(candidates, values, lowerIsBetter);
        List<String> names = new ArrayList<>();
        if (slices.contains(MetricHistory.OVERALL) && shown.test(MetricHistory.OVERALL)
                && values.apply(MetricHistory.OVERALL) != null) {
            names.add(MetricHistory.OVERALL);
        }
        // In the slices' own order, so the legend does not reorder as the ranking moves.
        slices.stream().filter(split.top()::contains).forEach(names::add);
        if (!split.rest().isEmpty()) {
            names.add(SliceColours.othersLabel(split.rest().size()));
        }
        int[] colours = colours(names);
        List<ChartCurve> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (i == names.size() - 1 && !split.rest().isEmpty()) {
                // The others in the slices' own order, not by rank: while the same slices are the others their
                // mean is the one kept and extended (the same curve, summed in the same order), however their
                // ranks among themselves move; by rank, every such move made a new curve and redrew the chart.
                java.util.Set<String> rest = new java.util.HashSet<>(split.rest());
                List<MetricHistory.Series> others = slices.stream().filter(rest::contains).map(values).toList();
                MetricHistory.Series mean = bands == null ? othersMean(others) : meanByStep(others);
                out.add(ChartCurve.decimated(name, colours[i], mean, false, buckets, expected));
            } else {
                out.add(bands != null ? ChartCurve.banded(name, colours[i], bands.apply(name), buckets)
                        : ChartCurve.decimated(name, colours[i], values.apply(name), false, buckets, expected));
            }
        }
        return out;
    }

    /** The slices drawn on their own, worst first, and the rest (empty when all are drawn). */
    record Split(List<String> top, List<String> rest) {
    }

    /**
     * Ranks {@code slices} (not the overall figure) by the mean of their series; a slice without any
     * value ranks last.
     */
    static Split split(List<String> slices, Function<String, MetricHistory.Series> series, boolean lowerIsBetter) {
        double sign = lowerIsBetter ? -1 : 1;
        List<String> ranked = new ArrayList<>(slices);
        java.util.Map<String, Double> means = new java.util.HashMap<>();
        for (String slice : slices) {
            double mean = mean(series.apply(slice));
            means.put(slice, Double.isNaN(mean) ? Double.POSITIVE_INFINITY : sign * mean);
        }
        ranked.sort(Comparator.comparingDouble(means::get));
        int shown = ranked.size() <= SliceColours.TOP_SLICES + 1 ? ranked.size() : SliceColours.TOP_SLICES;
        return new Split(List.copyOf(ranked.subList(0, shown)), List.copyOf(ranked.subList(shown, ranked.size())));
    }

    /**
     * Each series' running sum and count of present values on this thread ({@code [points summed, sum, count]}): a
     * series only grows, so a chart update adds its new values instead of summing the whole run again for every
     * slice. Added in the same order as a sum from the start, so the mean is the same to the last bit.
     */
    private static final ThreadLocal<java.util.Map<MetricHistory.Series, double[]>> SUMS =
            ThreadLocal.withInitial(java.util.WeakHashMap::new);

    static double mean(MetricHistory.Series values) {
        if (values == null) {
            return Double.NaN;
        }
        double[] kept = SUMS.get().computeIfAbsent(values, key -> new double[3]);
        for (int i = (int) kept[0]; i < values.size(); i++) {
            double v = values.value(i);
            if (!Double.isNaN(v)) {
                kept[1] += v;
                kept[2]++;
            }
        }
        kept[0] = values.size();
        return kept[2] == 0 ? Double.NaN : kept[1] / kept[2];
    }

    /**
     * The mean of the present values of {@code rest} at each step any of them has, steps ascending
     * (each series' steps ascend; a slice without rows in a step has no value there).
     */
    static MetricHistory.Series meanByStep(List<MetricHistory.Series> rest) {
        Others others = new Others(rest);
        others.extend();
        return others.mean;
    }

    /** How many sets of others a thread keeps the means of: a ranking that moves back and forth reuses them. */
    static final int OTHERS_KEPT = 8;

    /**
     * The others' means of this thread's last chart updates, by the series they merge (identity), latest used
     * last. Each is extended by the next update of the same set.
     */
    private static final ThreadLocal<java.util.LinkedHashMap<List<MetricHistory.Series>, Others>> LAST_OTHERS =
            ThreadLocal.withInitial(() -> new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<List<MetricHistory.Series>, Others> eldest) {
                    return size() > OTHERS_KEPT;
                }
            });

    /**
     * As {@link #meanByStep}, extending the mean of an earlier call of the same series (the same objects, in the
     * same order) when they have only grown past the steps it covers, as a run's history grows step by step: a
     * long run's chart update then merges the new steps only, not every step again (and makes no new curve to
     * throw away), also when the ranking moves a slice in and out of the others and back.
     */
    static MetricHistory.Series othersMean(List<MetricHistory.Series> rest) {
        java.util.Map<List<MetricHistory.Series>, Others> kept = LAST_OTHERS.get();
        Others last = kept.get(rest);
        if (last == null || !last.extendsTo(rest)) {
            last = new Others(rest);
            kept.put(last.rest, last);
        }
        last.extend();
        return last.mean;
    }

    /** The mean by step of some series, merged up to {@link #at} in each. */
    private static final class Others {
        private final List<MetricHistory.Series> rest;
        private final int[] at;
        private final MetricHistory.Series mean = new MetricHistory.Series();
        private int lastStep = Integer.MIN_VALUE;

        Others(List<MetricHistory.Series> rest) {
            this.rest = List.copyOf(rest);
            this.at = new int[rest.size()];
        }

        /** Whether {@code series} are these, each grown only by steps after those merged so far. */
        boolean extendsTo(List<MetricHistory.Series> series) {
            if (series.size() != rest.size()) {
                return false;
            }
            for (int s = 0; s < rest.size(); s++) {
                MetricHistory.Series one = series.get(s);
                if (one != rest.get(s) || one.size() < at[s] || (at[s] < one.size() && one.step(at[s]) <= lastStep)) {
                    return false;
                }
            }
            return true;
        }

        /** Merges what the series gained since the last call. */
        void extend() {
            while (true) {
                int step = Integer.MAX_VALUE;
                for (int s = 0; s < rest.size(); s++) {
                    if (at[s] < rest.get(s).size()) {
                        step = Math.min(step, rest.get(s).step(at[s]));
                    }
                }
                if (step == Integer.MAX_VALUE) {
                    return;
                }
                double sum = 0;
                int n = 0;
                int rows = 0;
                for (int s = 0; s < rest.size(); s++) {
                    MetricHistory.Series one = rest.get(s);
                    if (at[s] < one.size() && one.step(at[s]) == step) {
                        double v = one.value(at[s]);
                        if (!Double.isNaN(v)) {
                            sum += v;
                            n++;
                        }
                        rows += one.count(at[s]);
                        at[s]++;
                    }
                }
                mean.add(step, n == 0 ? Double.NaN : sum / n, rows);
                lastStep = step;
            }
        }
    }

    /** What the legend and the colour rule call a slice: its value ({@code north} of {@code region=north}). */
    static String label(String slice) {
        int eq = slice.indexOf('=');
        return eq < 0 ? slice : slice.substring(eq + 1);
    }

    /** The palette index ({@link SliceColours#indices}; -1 grey) of each curve name, by its label. */
    static int[] colours(List<String> names) {
        return SliceColours.indices(names.stream().map(TopSlices::label).toList());
    }
}
