package org.twinbench.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the columns a multivariate drift detector compares into rows of numbers, fitted on the reference as
 * NannyML's data reconstruction drift prepares them: a missing number takes the reference's mean, a missing
 * category the reference's most frequent one, and a category becomes its share of the reference rows
 * ({@code CountEncoder(normalize=True)}; a category the reference never had becomes 0).
 */
public final class MultivariateEncoding {

    private final List<String> columns;
    private final double[] means;
    /** Per column, the share of each category; null for a number column. */
    private final List<Map<String, Double>> shares;
    private final String[] mostFrequent;

    private MultivariateEncoding(List<String> columns, double[] means, List<Map<String, Double>> shares,
                                 String[] mostFrequent) {
        this.columns = List.copyOf(columns);
        this.means = means;
        this.shares = shares;
        this.mostFrequent = mostFrequent;
    }

    /**
     * The columns of {@code candidates} a multivariate detector can use: not an identifier (a text column with
     * more distinct values than half its present rows, beyond 20 rows), not dates, not all missing. An identifier
     * has new values in every new table, which a classifier would tell apart at once.
     */
    public static List<String> usableColumns(Frame reference, List<String> candidates) {
        List<String> out = new ArrayList<>();
        for (String name : candidates) {
            Column column = reference.column(name);
            int present = 0;
            for (int i = 0; i < column.size(); i++) {
                present += column.isMissing(i) ? 0 : 1;
            }
            if (present == 0) {
                continue;
            }
            if (column instanceof CategoricalColumn text && (text.levels().size() * 2L > present && present > 20
                    || !DateTimes.candidates(text.levels()).isEmpty())) {
                continue;
            }
            out.add(name);
        }
        return out;
    }

    /** Fits the imputation and the category shares on {@code reference}. */
    public static MultivariateEncoding fit(Frame reference, List<String> columns) {
        double[] means = new double[columns.size()];
        List<Map<String, Double>> shares = new ArrayList<>();
        String[] mostFrequent = new String[columns.size()];
        for (int j = 0; j < columns.size(); j++) {
            Column column = reference.column(columns.get(j));
            Map<String, Double> share = null;
            if (column instanceof NumericColumn numeric) {
                double[] present = numeric.presentValues();
                double sum = 0;
                for (double v : present) {
                    sum += v;
                }
                means[j] = present.length == 0 ? 0 : sum / present.length;
            } else {
                CategoricalColumn text = (CategoricalColumn) column;
                share = new HashMap<>();
                int[] counts = new int[text.levels().size()];
                int present = 0;
                for (int code : text.codes()) {
                    if (code >= 0) {
                        counts[code]++;
                        present++;
                    }
                }
                int top = -1;
                for (int c = 0; c < counts.length; c++) {
                    top = top < 0 || counts[c] > counts[top] ? c : top;
                }
                mostFrequent[j] = top < 0 ? null : text.levels().get(top);
                // Shares after imputation: the missing rows count toward the most frequent category.
                for (int c = 0; c < counts.length; c++) {
                    int count = counts[c] + (c == top ? text.size() - present : 0);
                    if (count > 0) {
                        share.put(text.levels().get(c), (double) count / text.size());
                    }
                }
            }
            shares.add(share);
        }
        return new MultivariateEncoding(columns, means, shares, mostFrequent);
    }

    public List<String> columns() {
        return columns;
    }

    /** The rows of {@code frame} as numbers, one array per row in {@link #columns()} order. */
    public double[][] encode(Frame frame) {
        int n = frame.rowCount();
        double[][] rows = new double[n][columns.size()];
        for (int j = 0; j < columns.size(); j++) {
            Column column = frame.column(columns.get(j));
            for (int i = 0; i < n; i++) {
                rows[i][j] = value(j, column, i);
            }
        }
        return rows;
    }

    private double value(int j, Column column, int row) {
        if (shares.get(j) == null) {
            if (column.isMissing(row)) {
                return means[j];
            }
            if (column instanceof NumericColumn numeric) {
                return numeric.get(row);
            }
            // A number column that arrives as text: its numbers still count, anything else is imputed.
            try {
                return Double.parseDouble(BinaryLabels.text(column, row).strip());
            } catch (NumberFormatException e) {
                return means[j];
            }
        }
        String text = column.isMissing(row) ? mostFrequent[j] : BinaryLabels.text(column, row);
        return shares.get(j).getOrDefault(text, 0.0);
    }
}
