package org.twinbench.sim;

import org.twinbench.data.BinaryLabels;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Column;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;

/**
 * Reads and writes the label column as 0/1, for perturbations that change labels. The positive and
 * negative classes are the texts the model uses ({@code BinaryLabels.text}); a numeric label column
 * gets the numbers back.
 */
public record LabelCodec(String target, String positive, String negative) {

    /** 1 for the positive class, 0 for any other value, -1 for missing. */
    public int[] read(Frame batch) {
        return BinaryLabels.encode(batch.column(target), positive);
    }

    /** The batch with its label column set to {@code labels} (1 positive, 0 negative, -1 missing). */
    public Frame write(Frame batch, int[] labels) {
        Column column = batch.column(target);
        if (column instanceof NumericColumn numeric) {
            double pos = Double.parseDouble(positive);
            double neg = Double.parseDouble(negative);
            double[] values = new double[labels.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = labels[i] < 0 ? Double.NaN : labels[i] == 1 ? pos : neg;
            }
            return batch.with(numeric.withValues(values));
        }
        CategoricalColumn categorical = ((CategoricalColumn) column).withLevel(positive).withLevel(negative);
        int posCode = categorical.codeOf(positive);
        int negCode = categorical.codeOf(negative);
        int[] old = categorical.codes();
        int[] codes = new int[labels.length];
        for (int i = 0; i < codes.length; i++) {
            // A row whose label is neither class keeps its value unless the perturbation changed it.
            codes[i] = labels[i] < 0 ? CategoricalColumn.MISSING : labels[i] == 1 ? posCode
                    : old[i] >= 0 && old[i] != posCode ? old[i] : negCode;
        }
        return batch.with(categorical.withCodes(codes));
    }

    /** The codec of a label column: the negative class is the most frequent value other than the positive one. */
    public static LabelCodec of(Column labels, String target, String positive) {
        java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
        for (int i = 0; i < labels.size(); i++) {
            String text = BinaryLabels.text(labels, i);
            if (text != null && !text.equals(positive)) {
                counts.merge(text, 1, Integer::sum);
            }
        }
        String negative = counts.entrySet().stream().max(java.util.Map.Entry.comparingByValue())
                .map(java.util.Map.Entry::getKey).orElse(labels instanceof NumericColumn ? "0" : "not " + positive);
        return new LabelCodec(target, positive, negative);
    }
}
