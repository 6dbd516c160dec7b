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
 *
 * <p>When the file's rows were counted first ({@link RecordCount}), numbers go into one array of the exact size,
 * which becomes the column. Otherwise numbers grow in chunks that are never copied (each twice the last, up to {@value #MAX_CHUNK} values):
 * while loading a numeric cell takes 8 bytes plus the unused end of the last chunk, and {@link #build}
 * copies the chunks into one array of the exact size and lets them go, so when the columns are built one
 * after another only one column is ever held twice.
 */
final class ColumnBuilder {

    private final String name;
    private final boolean forceText;
    static final int FIRST_CHUNK = 1024;
    static final int MAX_CHUNK = 1 << 16;

    /** The full chunks of numbers, then {@code numbers}, the one being filled ({@code filled} values in it). */
    private List<double[]> chunks = new ArrayList<>();
    private double[] numbers = new double[FIRST_CHUNK];
    private int filled;
    private int[] codes;
    private Map<String, Integer> index;
    private List<String> levels;
    private int size;
    private boolean anyNumber;
    private boolean needsReread;

    ColumnBuilder(String name, boolean forceText) {
        this(name, forceText, -1);
    }

    /**
     * A builder for a column of about {@code expectedRows} cells (−1: unknown): its numbers go straight into one
     * array of that size, which becomes the column without a copy when the count was right ({@link RecordCount}).
     */
    ColumnBuilder(String name, boolean forceText, int expectedRows) {
        this.name = name;
        this.forceText = forceText;
        if (forceText) {
            switchToText();
        } else if (expectedRows > 0) {
            numbers = new double[expectedRows];
        }
    }

    String name() {
        return name;
    }

    /** True when the column turned to text after some numbers, so their text is lost. */
    boolean needsReread() {
        return needsReread;
    }

    /**
     * Adds the cell held in {@code chars} from {@code start} to {@code end}: a number or a missing cell is read
     * without making a string (no garbage per cell while the column is numeric).
     */
    void add(char[] chars, int start, int end) {
        if (codes == null) {
            int from = start;
            int to = end;
            while (from < to && Character.isWhitespace(chars[from])) {
                from++;
            }
            while (to > from && Character.isWhitespace(chars[to - 1])) {
                to--;
            }
            if (CellValues.isMissingToken(chars, from, to)) {
                addNumber(Double.NaN);
                return;
            }
            double value = CellValues.parseNumber(chars, from, to);
            if (!Double.isNaN(value)) {
                addNumber(value);
                anyNumber = true;
                return;
            }
        }
        add(new String(chars, start, end - start));
    }

    private void addNumber(double value) {
        if (filled == numbers.length) {
            chunks.add(numbers);
            numbers = new double[Math.max(FIRST_CHUNK, Math.min(MAX_CHUNK, numbers.length * 2))];
            filled = 0;
        }
        numbers[filled++] = value;
        size++;
    }

    void add(String raw) {
        String cell = CellValues.normalise(raw);
        if (codes == null) {
            if (cell == null) {
                addNumber(Double.NaN);
                return;
            }
            Double value = CellValues.parseNumber(cell);
            if (value != null) {
                addNumber(value);
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
        codes = new int[Math.max(size, FIRST_CHUNK)];
        Arrays.fill(codes, 0, size, CategoricalColumn.MISSING);
        numbers = null;
        chunks = null;
        index = new HashMap<>();
        levels = new ArrayList<>();
    }

    /** The column; a numeric builder lets its chunks go (build it once). */
    Column build() {
        if (codes == null && chunks.isEmpty() && filled == numbers.length) {
            double[] values = numbers; // sized exactly beforehand: no copy
            numbers = new double[0];
            filled = 0;
            return new NumericColumn(name, values);
        }
        if (codes == null) {
            double[] values = new double[size];
            int at = 0;
            for (double[] chunk : chunks) {
                System.arraycopy(chunk, 0, values, at, chunk.length);
                at += chunk.length;
            }
            System.arraycopy(numbers, 0, values, at, filled);
            chunks = List.of();
            numbers = new double[0];
            filled = 0;
            return new NumericColumn(name, values);
        }
        return new CategoricalColumn(name, Arrays.copyOf(codes, size), levels);
    }

    /** Whether the cells are held as text codes (dictionary strings on top) rather than as numbers. */
    boolean isText() {
        return codes != null;
    }

    boolean forceText() {
        return forceText;
    }
}
