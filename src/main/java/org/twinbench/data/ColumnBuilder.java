package org.twinbench.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects one column's cells while a file streams by, straight into primitive arrays: doubles while
 * every present cell is a number, then dictionary codes. A column that turns to text after holding
 * numbers cannot recover the numbers' exact text ({@code 007}, {@code 1.50}); it asks for a re-read.
 */
final class ColumnBuilder {

    private final String name;
    private final boolean forceText;
    private double[] numbers = new double[1024];
    private int[] codes;
    private Map<String, Integer> index;
    private List<String> levels;
    private int size;
    private boolean anyNumber;
    private boolean needsReread;

    ColumnBuilder(String name, boolean forceText) {
        this.name = name;
        this.forceText = forceText;
        if (forceText) {
            switchToText();
        }
    }

    String name() {
        return name;
    }

    /** True when the column turned to text after some numbers, so their text is lost. */
    boolean needsReread() {
        return needsReread;
    }

    void add(String raw) {
        String cell = CellValues.normalise(raw);
        if (codes == null) {
            if (size == numbers.length) {
                numbers = Arrays.copyOf(numbers, size * 2);
            }
            if (cell == null) {
                numbers[size++] = Double.NaN;
                return;
            }
            Double value = CellValues.parseNumber(cell);
            if (value != null) {
                numbers[size++] = value;
                anyNumber = true;
                return;
            }
            needsReread = anyNumber;
            switchToText();
        }
        if (size == codes.length) {
            codes = Arrays.copyOf(codes, size * 2);
        }
        if (cell == null) {
            codes[size++] = CategoricalColumn.MISSING;
            return;
        }
        Integer code = index.get(cell);
        if (code == null) {
            code = levels.size();
            index.put(cell, code);
            levels.add(cell);
        }
        codes[size++] = code;
    }

    private void switchToText() {
        codes = new int[Math.max(numbers.length, 1024)];
        Arrays.fill(codes, 0, size, CategoricalColumn.MISSING);
        numbers = null;
        index = new HashMap<>();
        levels = new ArrayList<>();
    }

    Column build() {
        if (codes == null) {
            return new NumericColumn(name, Arrays.copyOf(numbers, size));
        }
        return new CategoricalColumn(name, Arrays.copyOf(codes, size), levels);
    }

    boolean forceText() {
        return forceText;
    }
}
