package org.twinbench.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Gaps between groups (the slices of a {@link SliceColumn}) in how a thresholded classifier treats
 * them: demographic parity — the share predicted positive — as the difference max − min and the
 * ratio min / max, flagged when the ratio is below the four-fifths rule's 0.8; equal opportunity as the
 * gap between the highest and lowest true-positive rate; and the gap between false-positive rates.
 * Groups without the rows a rate needs (no positives for TPR, no negatives for FPR) are left out of
 * that gap; a gap with fewer than two groups is NaN.
 */
public record FairnessGaps(List<Group> groups, double parityDifference, double parityRatio,
                           boolean failsFourFifths, double truePositiveRateGap, double falsePositiveRateGap) {

    /** The four-fifths (80 %) rule of the US EEOC Uniform Guidelines (29 CFR 1607.4 D). */
    public static final double FOUR_FIFTHS = 0.8;

    /** One group's rates; NaN where undefined. */
    public record Group(String name, int n, double selectionRate, double truePositiveRate,
                        double falsePositiveRate) {
    }

    public FairnessGaps {
        groups = List.copyOf(groups);
    }

    public static FairnessGaps compute(SliceColumn slices, int[] labels, double[] scores, double threshold) {
        int k = slices.levels().size();
        long[] n = new long[k];
        long[] predicted = new long[k];
        long[] positives = new long[k];
        long[] truePositives = new long[k];
        long[] falsePositives = new long[k];
        int[] codes = slices.codes();
        for (int r = 0; r < codes.length; r++) {
            int g = codes[r];
            if (g < 0) {
                continue;
            }
            boolean yes = scores[r] >= threshold;
            n[g]++;
            predicted[g] += yes ? 1 : 0;
            if (labels[r] == 1) {
                positives[g]++;
                truePositives[g] += yes ? 1 : 0;
            } else {
                falsePositives[g] += yes ? 1 : 0;
            }
        }
        List<Group> groups = new ArrayList<>();
        for (int g = 0; g < k; g++) {
            if (n[g] > 0) {
                long negatives = n[g] - positives[g];
                groups.add(new Group(slices.levels().get(g), (int) n[g], (double) predicted[g] / n[g],
                        positives[g] == 0 ? Double.NaN : (double) truePositives[g] / positives[g],
                        negatives == 0 ? Double.NaN : (double) falsePositives[g] / negatives));
            }
        }
        double[] selection = groups.stream().mapToDouble(Group::selectionRate).toArray();
        double max = max(selection);
        double min = -max(negate(selection));
        double ratio = groups.size() < 2 || max == 0 ? Double.NaN : min / max;
        return new FairnessGaps(groups, groups.size() < 2 ? Double.NaN : max - min, ratio, ratio < FOUR_FIFTHS,
                gap(groups.stream().mapToDouble(Group::truePositiveRate).toArray()),
                gap(groups.stream().mapToDouble(Group::falsePositiveRate).toArray()));
    }

    /** max − min over the defined values; NaN with fewer than two. */
    private static double gap(double[] values) {
        double[] defined = java.util.Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        return defined.length < 2 ? Double.NaN : max(defined) + max(negate(defined));
    }

    private static double max(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    private static double[] negate(double[] values) {
        return java.util.Arrays.stream(values).map(v -> -v).toArray();
    }
}
