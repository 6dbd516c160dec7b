package org.twinbench.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference side of a categorical column: the count of each category, computed once. Columns
 * arrive as integer codes into a list of levels (code −1 = missing); a window may have its own levels,
 * which are matched to the reference by name once per level, not once per row.
 */
public final class CategoricalReference implements ReferenceProfile {

    private final List<String> categories;
    private final Map<String, Integer> index;
    private final long[] counts;
    private final long count;
    private final double missingFraction;

    private CategoricalReference(List<String> categories, long[] counts, int rows) {
        this.categories = List.copyOf(categories);
        this.index = new HashMap<>();
        for (int c = 0; c < categories.size(); c++) {
            index.put(categories.get(c), c);
        }
        this.counts = counts;
        this.count = BinnedDistances.total(counts);
        this.missingFraction = NumericReference.missingFraction(rows, (int) count);
    }

    /** Profiles coded reference values; levels never used get no bin. */
    public static CategoricalReference of(int[] codes, List<String> levels) {
        long[] byLevel = countCodes(codes, levels.size());
        List<String> used = new ArrayList<>();
        List<Long> usedCounts = new ArrayList<>();
        for (int c = 0; c < byLevel.length; c++) {
            if (byLevel[c] > 0) {
                used.add(levels.get(c));
                usedCounts.add(byLevel[c]);
            }
        }
        return new CategoricalReference(used, usedCounts.stream().mapToLong(Long::longValue).toArray(), codes.length);
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public double missingFraction() {
        return missingFraction;
    }

    /** The reference categories, in order of first use of their level. */
    public List<String> categories() {
        return categories;
    }

    /**
     * Compares a coded window with this reference over one bin per category seen on either side:
     * the reference categories first, then categories new in the window.
     */
    public CategoricalDrift compare(int[] codes, List<String> levels) {
        long[] byLevel = countCodes(codes, levels.size());
        List<String> newCategories = new ArrayList<>();
        long[] current = new long[categories.size() + levels.size()];
        long[] reference = java.util.Arrays.copyOf(counts, current.length);
        int bins = categories.size();
        for (int c = 0; c < byLevel.length; c++) {
            if (byLevel[c] == 0) {
                continue;
            }
            Integer bin = index.get(levels.get(c));
            if (bin == null) {
                newCategories.add(levels.get(c));
                bin = bins++;
            }
            current[bin] += byLevel[c];
        }
        reference = java.util.Arrays.copyOf(reference, bins);
        current = java.util.Arrays.copyOf(current, bins);
        List<String> vanished = new ArrayList<>();
        for (int c = 0; c < categories.size(); c++) {
            if (current[c] == 0) {
                vanished.add(categories.get(c));
            }
        }
        long currentCount = BinnedDistances.total(current);
        double missingCurrent = NumericReference.missingFraction(codes.length, (int) currentCount);
        if (count == 0 || currentCount == 0) {
            double nan = Double.NaN;
            return new CategoricalDrift(count, currentCount, missingFraction, missingCurrent, nan, nan, 0, nan, nan,
                    nan, newCategories, vanished);
        }
        double chi2 = chiSquared(reference, current);
        int dof = bins - 1;
        return new CategoricalDrift(count, currentCount, missingFraction, missingCurrent, chi2,
                SpecialFunctions.chiSquaredSurvival(chi2, dof), dof, BinnedDistances.psi(reference, current),
                BinnedDistances.jensenShannon(reference, current), BinnedDistances.hellinger(reference, current),
                newCategories, vanished);
    }

    /** Pearson's statistic Σ (O − E)² / E of the 2 × k table, E = row total × column total / N, no correction. */
    static double chiSquared(long[] reference, long[] current) {
        double rowRef = BinnedDistances.total(reference);
        double rowCur = BinnedDistances.total(current);
        double total = rowRef + rowCur;
        double chi2 = 0;
        for (int b = 0; b < reference.length; b++) {
            double column = reference[b] + current[b];
            double expectedRef = rowRef * column / total;
            double expectedCur = rowCur * column / total;
            chi2 += (reference[b] - expectedRef) * (reference[b] - expectedRef) / expectedRef
                    + (current[b] - expectedCur) * (current[b] - expectedCur) / expectedCur;
        }
        return chi2;
    }

    private static long[] countCodes(int[] codes, int levels) {
        long[] out = new long[levels];
        for (int code : codes) {
            if (code >= 0) {
                out[code]++;
            }
        }
        return out;
    }
}
