package org.twinbench.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A slicing of rows: a code per row into a list of slice names (−1 = the row belongs to no slice),
 * from a categorical column as it is, from numeric bins, or from the intersection of two slicings.
 * The codes feed {@link SliceMetrics#bySlice}.
 */
public record SliceColumn(String name, int[] codes, List<String> levels) {

    public SliceColumn {
        levels = List.copyOf(levels);
    }

    /**
     * Numeric bins at the given ascending edges: (−∞, e0) named {@code < e0}, [e_{k−1}, e_k) named
     * {@code [a, b)}, and [e_last, ∞) named {@code >= e_last}; NaN rows belong to no bin.
     */
    public static SliceColumn numericBins(String name, double[] values, double[] edges) {
        for (int i = 1; i < edges.length; i++) {
            if (!(edges[i] > edges[i - 1])) {
                throw new IllegalArgumentException("bin edges of '" + name + "' must increase strictly");
            }
        }
        List<String> levels = new ArrayList<>();
        if (edges.length == 0) {
            levels.add("all");
        } else {
            levels.add("< " + shortNumber(edges[0]));
            for (int i = 1; i < edges.length; i++) {
                levels.add("[" + shortNumber(edges[i - 1]) + ", " + shortNumber(edges[i]) + ")");
            }
            levels.add(">= " + shortNumber(edges[edges.length - 1]));
        }
        int[] codes = new int[values.length];
        for (int r = 0; r < values.length; r++) {
            codes[r] = Double.isNaN(values[r]) ? -1 : NumericReference.upperBound(edges, values[r]);
        }
        return new SliceColumn(name, codes, levels);
    }

    /** Bins at the {@code k}-quantiles of the present values (numpy's linear rule), repeated edges merged. */
    public static SliceColumn quantileBins(String name, double[] values, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("need at least one bin, not " + k);
        }
        double[] sorted = NumericReference.presentSorted(values);
        List<Double> edges = new ArrayList<>();
        for (int q = 1; q < k && sorted.length > 0; q++) {
            double edge = NumericReference.quantile(sorted, (double) q / k);
            if (edges.isEmpty() || edge > edges.get(edges.size() - 1)) {
                edges.add(edge);
            }
        }
        return numericBins(name, values, edges.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * {@code k} bins from the smallest to the largest present value, cut at the {@code k}-quantiles (numpy's
     * linear rule; repeated edges merged): {@code [min, q1)}, {@code [q1, q2)}, ..., {@code [q_{k-1}, max]} —
     * the last bin closed so that the largest value has a bin. NaN rows belong to no bin (code −1).
     */
    public static SliceColumn quantileRanges(String name, double[] values, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("need at least one bin, not " + k);
        }
        double[] sorted = NumericReference.presentSorted(values);
        int[] codes = new int[values.length];
        if (sorted.length == 0) {
            java.util.Arrays.fill(codes, -1);
            return new SliceColumn(name, codes, List.of());
        }
        List<Double> edges = rangeEdges(sorted, k);
        List<String> levels = new ArrayList<>();
        for (int i = 1; i < edges.size(); i++) {
            boolean last = i == edges.size() - 1;
            levels.add("[" + shortNumber(edges.get(i - 1)) + ", " + shortNumber(edges.get(i)) + (last ? "]" : ")"));
        }
        if (levels.isEmpty()) {
            levels.add("[" + shortNumber(sorted[0]) + ", " + shortNumber(sorted[0]) + "]");
        }
        double[] inner = innerEdges(edges);
        for (int r = 0; r < values.length; r++) {
            codes[r] = Double.isNaN(values[r]) ? -1 : NumericReference.upperBound(inner, values[r]);
        }
        return new SliceColumn(name, codes, levels);
    }

    /**
     * The cut points of {@link #quantileRanges}: the {@code k}-quantiles of the present values strictly
     * between the smallest and the last edge, ascending; empty when the values do not split.
     */
    public static double[] quantileCuts(double[] values, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("need at least one bin, not " + k);
        }
        double[] sorted = NumericReference.presentSorted(values);
        return sorted.length == 0 ? new double[0] : innerEdges(rangeEdges(sorted, k));
    }

    /** The minimum, then each k-quantile (numpy's linear rule) and the maximum that is above the edge before. */
    private static List<Double> rangeEdges(double[] sorted, int k) {
        List<Double> edges = new ArrayList<>(List.of(sorted[0]));
        for (int q = 1; q <= k; q++) {
            double edge = q == k ? sorted[sorted.length - 1] : NumericReference.quantile(sorted, (double) q / k);
            if (edge > edges.get(edges.size() - 1)) {
                edges.add(edge);
            }
        }
        return edges;
    }

    private static double[] innerEdges(List<Double> edges) {
        return edges.subList(1, Math.max(1, edges.size() - 1)).stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** A bin edge with at most six significant digits and no trailing zeros: 18, 0.25, 3.14159. */
    static String shortNumber(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(6)).stripTrailingZeros()
                .toPlainString();
    }

    /**
     * Rows by the pair of their slices in {@code a} and {@code b}, named {@code a=x & b=y}; only pairs that
     * occur become slices, in the order of a's levels, then b's. A row missing in either is in none.
     */
    public static SliceColumn intersection(SliceColumn a, SliceColumn b) {
        return intersection(a, b, a.name + " x " + b.name, (x, y) -> a.name + "=" + x + " & " + b.name + "=" + y);
    }

    /**
     * As {@link #intersection(SliceColumn, SliceColumn)}, with the slicing named {@code name} and each pair of
     * levels named by {@code levelName}.
     */
    public static SliceColumn intersection(SliceColumn a, SliceColumn b, String name,
                                           java.util.function.BinaryOperator<String> levelName) {
        if (a.codes.length != b.codes.length) {
            throw new IllegalArgumentException("slicings of different lengths");
        }
        int kb = b.levels.size();
        boolean[] used = new boolean[a.levels.size() * kb];
        for (int r = 0; r < a.codes.length; r++) {
            if (a.codes[r] >= 0 && b.codes[r] >= 0) {
                used[a.codes[r] * kb + b.codes[r]] = true;
            }
        }
        Map<Integer, Integer> newCode = new HashMap<>();
        List<String> levels = new ArrayList<>();
        for (int pair = 0; pair < used.length; pair++) {
            if (used[pair]) {
                newCode.put(pair, levels.size());
                levels.add(levelName.apply(a.levels.get(pair / kb), b.levels.get(pair % kb)));
            }
        }
        int[] codes = new int[a.codes.length];
        for (int r = 0; r < codes.length; r++) {
            codes[r] = a.codes[r] >= 0 && b.codes[r] >= 0 ? newCode.get(a.codes[r] * kb + b.codes[r]) : -1;
        }
        return new SliceColumn(name, codes, levels);
    }
}
