package org.twinbench.model;

import java.util.ArrayList;
import java.util.List;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Column;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;

/**
 * The encoding pipeline fitted on training data and saved with a model: numeric features are
 * standardised with the training mean and standard deviation (a missing value becomes the mean,
 * i.e. 0); categorical features are one-hot encoded over the training levels (a missing or unseen
 * level encodes as all zeros).
 */
public final class FeatureEncoder {

    /** One encoded input of the model. */
    public sealed interface Feature permits Numeric, Categorical {
        String name();

        int width();
    }

    public record Numeric(String name, double mean, double sd) implements Feature {
        @Override
        public int width() {
            return 1;
        }
    }

    public record Categorical(String name, List<String> levels) implements Feature {
        public Categorical {
            levels = List.copyOf(levels);
        }

        @Override
        public int width() {
            return levels.size();
        }
    }

    private final List<Feature> features;
    private final int width;

    public FeatureEncoder(List<Feature> features) {
        this.features = List.copyOf(features);
        this.width = this.features.stream().mapToInt(Feature::width).sum();
    }

    public static FeatureEncoder fit(Frame frame, List<String> names) {
        List<Feature> features = new ArrayList<>();
        for (String name : names) {
            Column column = frame.column(name);
            if (column instanceof NumericColumn numeric) {
                double[] present = numeric.presentValues();
                double mean = 0;
                for (double v : present) {
                    mean += v;
                }
                mean = present.length == 0 ? 0 : mean / present.length;
                double ss = 0;
                for (double v : present) {
                    ss += (v - mean) * (v - mean);
                }
                double sd = present.length < 2 ? 1 : Math.sqrt(ss / (present.length - 1));
                features.add(new Numeric(name, mean, sd > 0 ? sd : 1));
            } else {
                CategoricalColumn categorical = (CategoricalColumn) column;
                List<String> seen = new ArrayList<>();
                boolean[] used = new boolean[categorical.levels().size()];
                for (int code : categorical.codes()) {
                    if (code >= 0) {
                        used[code] = true;
                    }
                }
                for (int i = 0; i < used.length; i++) {
                    if (used[i]) {
                        seen.add(categorical.levels().get(i));
                    }
                }
                seen.sort(null);
                features.add(new Categorical(name, seen));
            }
        }
        return new FeatureEncoder(features);
    }

    public List<Feature> features() {
        return features;
    }

    public int width() {
        return width;
    }

    /** The design matrix of a frame: one row per frame row, {@link #width()} columns. */
    public double[][] encode(Frame frame) {
        int n = frame.rowCount();
        double[][] columns = encodeColumns(frame, 0, n);
        double[][] x = new double[n][width];
        for (int j = 0; j < width; j++) {
            double[] column = columns[j];
            for (int i = 0; i < n; i++) {
                x[i][j] = column[i];
            }
        }
        return x;
    }

    /**
     * The encoded features of rows {@code [from, to)} column by column: {@code out[j][i - from]} is
     * encoded feature {@code j} of row {@code i}. A numeric value becomes {@code (v - mean) / sd}
     * (0 when missing); a categorical feature one 0/1 indicator column per training level.
     */
    public double[][] encodeColumns(Frame frame, int from, int to) {
        int n = to - from;
        double[] flat = new double[width * n];
        encodeInto(frame, from, to, flat, 1, n);
        double[][] out = new double[width][];
        for (int j = 0; j < width; j++) {
            out[j] = java.util.Arrays.copyOfRange(flat, j * n, (j + 1) * n);
        }
        return out;
    }

    /**
     * The encoded features of rows {@code [from, to)} row by row into {@code out}, which is overwritten:
     * encoded feature {@code j} of row {@code i} goes to {@code out[(i - from) * stride + j]}
     * ({@code stride >= width()}; the cells past the width are left alone). Nothing is allocated.
     */
    public void encodeRows(Frame frame, int from, int to, double[] out, int stride) {
        encodeInto(frame, from, to, out, stride, 1);
    }

    /**
     * The encoded features of rows {@code [from, to)} column by column into {@code out}, which is overwritten:
     * encoded feature {@code j} of row {@code i} goes to {@code out[j * stride + i - from]} ({@code stride >= to −
     * from}). Nothing is allocated.
     */
    public void encodeColumnsInto(Frame frame, int from, int to, double[] out, int stride) {
        encodeInto(frame, from, to, out, 1, stride);
    }

    /** Encoded feature {@code j} of row {@code i} to {@code out[(i - from) * rowStride + j * columnStride]}. */
    private void encodeInto(Frame frame, int from, int to, double[] out, int rowStride, int columnStride) {
        int n = to - from;
        int offset = 0;
        for (Feature feature : features) {
            Column column = frame.column(feature.name());
            if (feature instanceof Numeric numeric) {
                double[] values = asNumbers(column, numeric.name());
                int at = offset * columnStride;
                double mean = numeric.mean();
                double sd = numeric.sd();
                for (int i = 0; i < n; i++) {
                    double v = values[from + i];
                    out[at + i * rowStride] = Double.isNaN(v) ? 0 : (v - mean) / sd;
                }
            } else {
                CategoricalColumn values = asCategories(column, feature.name());
                int[] slot = slots((Categorical) feature, values);
                int[] codes = values.codes();
                for (int i = 0; i < n; i++) {
                    int row = i * rowStride;
                    for (int s = 0; s < feature.width(); s++) {
                        out[row + (offset + s) * columnStride] = 0;
                    }
                    int code = codes[from + i];
                    int s = code < 0 ? -1 : slot[code];
                    if (s >= 0) {
                        out[row + (offset + s) * columnStride] = 1;
                    }
                }
            }
            offset += feature.width();
        }
    }

    /** For each level code of {@code values}, its position among the training levels, or -1 if unseen. */
    private static int[] slots(Categorical feature, CategoricalColumn values) {
        int[] slot = new int[values.levels().size()];
        for (int level = 0; level < slot.length; level++) {
            slot[level] = feature.levels().indexOf(values.levels().get(level));
        }
        return slot;
    }

    private static CategoricalColumn asCategories(Column column, String name) {
        if (column instanceof CategoricalColumn categorical) {
            return categorical;
        }
        throw new IllegalArgumentException("feature '" + name + "' must be categorical");
    }

    /**
     * The linear predictor {@code b + sum_j w_j x_j} of every row, with {@code x} the encoded row and
     * {@code b = w[width]}, computed column by column without building the design matrix.
     */
    public double[] linearPredictor(Frame frame, double[] w) {
        int n = frame.rowCount();
        double[] eta = new double[n];
        java.util.Arrays.fill(eta, w[width]);
        int offset = 0;
        for (Feature feature : features) {
            Column column = frame.column(feature.name());
            if (feature instanceof Numeric numeric) {
                double[] values = asNumbers(column, numeric.name());
                // w (v - mean) / sd as (w / sd)(v - mean): one multiplication per cell instead of a division.
                double scale = w[offset] / numeric.sd();
                double mean = numeric.mean();
                for (int i = 0; i < n; i++) {
                    double v = values[i];
                    if (!Double.isNaN(v)) {
                        eta[i] += scale * (v - mean);
                    }
                }
            } else {
                CategoricalColumn values = asCategories(column, feature.name());
                int[] slot = slots((Categorical) feature, values);
                double[] byCode = new double[slot.length];
                for (int level = 0; level < byCode.length; level++) {
                    byCode[level] = slot[level] < 0 ? 0 : w[offset + slot[level]];
                }
                int[] codes = values.codes();
                for (int i = 0; i < n; i++) {
                    if (codes[i] >= 0) {
                        eta[i] += byCode[codes[i]];
                    }
                }
            }
            offset += feature.width();
        }
        return eta;
    }

    private static double[] asNumbers(Column column, String name) {
        if (column instanceof NumericColumn numeric) {
            return numeric.values();
        }
        throw new IllegalArgumentException("feature '" + name + "' must be numeric");
    }
}
