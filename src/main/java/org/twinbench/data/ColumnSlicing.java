package org.twinbench.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.twinbench.stats.SliceColumn;

/**
 * How a column of a table becomes slices, the same for {@code metrics --slice} and {@code slices}: a
 * numeric column with more distinct present values than {@code bins} is cut into {@code bins} quantile
 * ranges; any other column is sliced by its values, in sorted order. {@link #fit} fixes the cut
 * points on reference rows for a stream of batches (a scenario's slice column).
 */
public final class ColumnSlicing {

    private ColumnSlicing() {
    }

    public static SliceColumn of(Column column, int bins) {
        if (binned(column, bins)) {
            return SliceColumn.quantileRanges(column.name(), ((NumericColumn) column).values(), bins);
        }
        CategoricalColumn coded = column instanceof CategoricalColumn categorical ? categorical : asCategories(column);
        List<String> sorted = new ArrayList<>(coded.levels());
        sorted.sort(null);
        Map<String, Integer> position = new HashMap<>();
        for (int c = 0; c < sorted.size(); c++) {
            position.put(sorted.get(c), c);
        }
        int[] newCode = coded.levels().stream().mapToInt(position::get).toArray();
        int[] codes = new int[coded.size()];
        for (int r = 0; r < codes.length; r++) {
            int code = coded.codes()[r];
            codes[r] = code < 0 ? -1 : newCode[code];
        }
        return new SliceColumn(column.name(), codes, sorted);
    }

    /** Whether a column is cut into quantile ranges: numeric, with more distinct present values than {@code bins}. */
    private static boolean binned(Column column, int bins) {
        return column instanceof NumericColumn numeric
                && java.util.Arrays.stream(numeric.values()).filter(v -> !Double.isNaN(v)).distinct().limit(bins + 1L)
                        .count() > bins;
    }

    /**
     * The slicing of a column learnt from its reference values, for batches that come later: a numeric column
     * that {@link #of} would cut is cut at the same points (the reference's quantiles,
     * {@link SliceColumn#quantileCuts}) into open-ended bins named {@code < a}, {@code [a, b)}, ...,
     * {@code >= z} — later values may lie outside the reference's range; another numeric column is sliced by
     * its values as text ({@code 0}, {@code 1}); a categorical column by its values.
     */
    public static Fitted fit(Column reference, int bins) {
        if (binned(reference, bins)) {
            return new Fitted(SliceColumn.quantileCuts(((NumericColumn) reference).values(), bins));
        }
        return new Fitted(null);
    }

    /**
     * A slicing fixed on reference rows.
     *
     * @param cuts the bin edges of a binned numeric column, or null when the values are the slices
     */
    public record Fitted(double[] cuts) {

        /** The slices of a batch's column, as a categorical column of the same name. */
        public CategoricalColumn apply(Column column) {
            if (column instanceof CategoricalColumn categorical) {
                return categorical;
            }
            if (cuts == null) {
                return asCategories(column);
            }
            SliceColumn bins = SliceColumn.numericBins(column.name(), ((NumericColumn) column).values(), cuts);
            return new CategoricalColumn(column.name(), bins.codes(), bins.levels());
        }
    }

    private static CategoricalColumn asCategories(Column column) {
        String[] text = new String[column.size()];
        for (int i = 0; i < text.length; i++) {
            text[i] = BinaryLabels.text(column, i);
        }
        return CategoricalColumn.of(column.name(), text);
    }
}
