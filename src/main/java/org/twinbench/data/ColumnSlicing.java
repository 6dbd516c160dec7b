package org.twinbench.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.twinbench.stats.SliceColumn;

/**
 * How a column of a table becomes slices, the same for {@code metrics --slice} and {@code slices}: a
 * numeric column with more distinct present values than {@code bins} is cut into {@code bins} quantile
 * ranges; any other column is sliced by its values, in sorted order.
 */
public final class ColumnSlicing {

    private ColumnSlicing() {
    }

    public static SliceColumn of(Column column, int bins) {
        if (column instanceof NumericColumn numeric
                && java.util.Arrays.stream(numeric.values()).filter(v -> !Double.isNaN(v)).distinct().limit(bins + 1L)
                        .count() > bins) {
            return SliceColumn.quantileRanges(column.name(), numeric.values(), bins);
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

    private static CategoricalColumn asCategories(Column column) {
        String[] text = new String[column.size()];
        for (int i = 0; i < text.length; i++) {
            text[i] = BinaryLabels.text(column, i);
        }
        return CategoricalColumn.of(column.name(), text);
    }
}
