package org.twinbench.data;

/**
 * A numeric column; a missing value is {@code NaN}. The array is owned by the column: callers that
 * want to change values make a copy with {@link #withValues(double[])}.
 */
public record NumericColumn(String name, double[] values) implements Column {

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isMissing(int row) {
        return Double.isNaN(values[row]);
    }

    public double get(int row) {
        return values[row];
    }

    @Override
    public NumericColumn select(int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return new NumericColumn(name, out);
    }

    @Override
    public NumericColumn renamed(String newName) {
        return new NumericColumn(newName, values);
    }

    public NumericColumn withValues(double[] newValues) {
        return new NumericColumn(name, newValues);
    }

    /** The sample standard deviation (n - 1) of the present values; NaN with fewer than two. */
    public double standardDeviation() {
        double[] present = presentValues();
        if (present.length < 2) {
            return Double.NaN;
        }
        double mean = 0;
        for (double v : present) {
            mean += v;
        }
        mean /= present.length;
        double ss = 0;
        for (double v : present) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (present.length - 1));
    }

    /** The non-missing values, in row order. */
    public double[] presentValues() {
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                n++;
            }
        }
        double[] out = new double[n];
        int j = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                out[j++] = v;
            }
        }
        return out;
    }
}
