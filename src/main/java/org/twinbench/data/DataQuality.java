package org.twinbench.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.twinbench.data.QualityFinding.Severity;

/**
 * The data-quality checks run on load. Thresholds (shares of rows):
 * missing — any missing is INFO, over 5% WARNING, over 50% ERROR; disguised missing — a 0 or a code such as -999
 * that stands apart from a column's other values ({@link DisguisedMissing}), WARNING; constant — one value, WARNING;
 * near-constant — one value in at least 99% of at least 100 rows, INFO; duplicates — rows equal on
 * every column but ids and personal data, WARNING, or INFO when no more than chance gives with so few distinct values
 * ({@link ChanceRepeats}); conflicting labels — rows equal on every feature with different targets, WARNING, or INFO
 * when the features repeat no more than by chance; leakage — a feature that alone ranks the target with ROC AUC of at least 0.99
 * (numeric) or whose categories give the target with at least 99% accuracy while having fewer levels
 * than a tenth of the rows (categorical), ERROR (for a model of several classes or of amounts see {@link TaskLeakage}); id-like — a feature whose values are nearly all
 * different (at least 95%), WARNING; imbalance — minority class under 20% INFO, 10% WARNING, 1% ERROR.
 */
public final class DataQuality {

    private DataQuality() {
    }

    public static List<QualityFinding> check(Frame frame, Schema schema) {
        List<QualityFinding> findings = new ArrayList<>();
        int n = frame.rowCount();
        if (n == 0) {
            findings.add(new QualityFinding(Severity.ERROR, "no-rows", "the table has a header but no data rows",
                    frame.columnNames(), new int[0], 0));
            return findings;
        }
        for (Column column : frame.columns()) {
            missing(column, findings);
            DisguisedMissing.check(column, findings);
            constant(column, findings);
        }
        duplicates(frame, schema, findings);
        String target = schema.target().orElse(null);
        for (String feature : schema.features()) {
            idLike(frame.column(feature), findings);
        }
        if (target != null) {
            Column label = frame.column(target);
            String positive = BinaryLabels.positiveLabel(label, null);
            int[] y = BinaryLabels.encode(label, positive);
            if (BinaryLabels.distinctValues(label).size() == 2) {
                imbalance(target, y, positive, findings);
            }
            // Several classes or an amount have their own leakage check (a one-feature tree, R² or Spearman).
            findings.addAll(TrainingLeaks.byValues(frame, target, schema.features()));
            // Any two different labels conflict, whatever the task (not only the positive class against the rest).
            conflictingLabels(frame, schema, ClassLabels.encode(label, ClassLabels.of(label)), target, findings);
        }
        return findings;
    }

    /**
     * The leakage checks alone ({@code leakage} errors and {@code strong-feature} warnings) of {@code features} for
     * a binary {@code target} of {@code frame}; empty for any other target.
     */
    public static List<QualityFinding> leakage(Frame frame, String target, List<String> features) {
        return leakage(frame, target, features, Task.BINARY);
    }

    /**
     * The leakage checks of {@code features} for a {@code target} of {@code frame} a model of {@code task} predicts: a
     * yes/no outcome as above, several classes or an amount by {@link TaskLeakage} ({@code leakage} errors only).
     */
    public static List<QualityFinding> leakage(Frame frame, String target, List<String> features, Task task) {
        List<QualityFinding> findings = new ArrayList<>();
        if (frame.has(target) && task == Task.MULTICLASS) {
            TaskLeakage.multiclass(frame, target, features, findings);
            return findings;
        }
        if (frame.has(target) && task == Task.REGRESSION) {
            TaskLeakage.regression(frame, target, features, findings);
            return findings;
        }
        if (!frame.has(target) || BinaryLabels.distinctValues(frame.column(target)).size() != 2) {
            return findings;
        }
        Column label = frame.column(target);
        String positive = BinaryLabels.positiveLabel(label, null);
        int[] y = BinaryLabels.encode(label, positive);
        String negative = BinaryLabels.distinctValues(label).stream().filter(v -> !v.equals(positive))
                .findFirst().orElse("");
        for (String feature : features) {
            if (frame.has(feature)) {
                TargetLeakage.check(frame.column(feature), y, target, new String[] {negative, positive}, findings);
            }
        }
        return findings;
    }

    private static void missing(Column column, List<QualityFinding> findings) {
        int n = column.size();
        List<Integer> rows = new ArrayList<>();
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (column.isMissing(i)) {
                count++;
                if (rows.size() < QualityFinding.MAX_ROWS_LISTED) {
                    rows.add(i);
                }
            }
        }
        if (count == 0) {
            return;
        }
        double share = (double) count / n;
        Severity severity = share > 0.5 ? Severity.ERROR : share > 0.05 ? Severity.WARNING : Severity.INFO;
        findings.add(new QualityFinding(severity, "missing", String.format(Locale.ROOT,
                "column '%s' is missing in %d of %d rows (%.1f%%)", column.name(), count, n, 100 * share),
                List.of(column.name()), toArray(rows), count));
    }

    private static void constant(Column column, List<QualityFinding> findings) {
        int[] counts = valueCounts(column);
        int present = Arrays.stream(counts).sum();
        int top = Arrays.stream(counts).max().orElse(0);
        long distinct = Arrays.stream(counts).filter(c -> c > 0).count();
        if (present == 0) {
            return;
        }
        if (distinct == 1) {
            findings.add(new QualityFinding(Severity.WARNING, "constant", "column '" + column.name()
                    + "' holds one value only; it cannot inform a model", List.of(column.name()), new int[0], 0));
        } else if (present >= 100 && top >= 0.99 * present) {
            findings.add(new QualityFinding(Severity.INFO, "near-constant", String.format(Locale.ROOT,
                    "column '%s' holds the same value in %.1f%% of rows", column.name(), 100.0 * top / present),
                    List.of(column.name()), new int[0], 0));
        }
    }

    /** Counts per distinct present value (numbers compared exactly). */
    static int[] valueCounts(Column column) {
        if (column instanceof CategoricalColumn text) {
            int[] counts = new int[text.levels().size()];
            for (int code : text.codes()) {
                if (code >= 0) {
                    counts[code]++;
                }
            }
            return counts;
        }
        double[] values = ((NumericColumn) column).presentValues();
        Arrays.sort(values);
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < values.length; ) {
            int j = i;
            while (j < values.length && values[j] == values[i]) {
                j++;
            }
            counts.add(j - i);
            i = j;
        }
        return counts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void duplicates(Frame frame, Schema schema, List<QualityFinding> findings) {
        List<Column> columns = new ArrayList<>();
        for (Column column : frame.columns()) {
            ColumnRole role = schema.find(column.name()).map(ColumnSchema::role).orElse(ColumnRole.FEATURE);
            // An id or a person's name says who a row is, not what: two people alike are a repeat all the same.
            if (role != ColumnRole.ID && role != ColumnRole.PII) {
                columns.add(column);
            }
        }
        if (columns.isEmpty()) {
            return;
        }
        int[] first = new RowKeys(columns).firstEqualRow(frame.rowCount());
        List<Integer> rows = new ArrayList<>();
        int count = 0;
        for (int row = 0; row < first.length; row++) {
            if (first[row] >= 0) {
                count++;
                if (rows.size() < QualityFinding.MAX_ROWS_LISTED) {
                    rows.add(row);
                }
            }
        }
        if (count > 0) {
            double chance = ChanceRepeats.expected(columns, frame.rowCount());
            boolean expected = ChanceRepeats.byChance(count, chance);
            findings.add(new QualityFinding(expected ? Severity.INFO : Severity.WARNING, "duplicates", count
                    + (count == 1 ? " row repeats" : " rows repeat") + " an earlier row (ignoring id columns)" + chanceNote(expected, chance)
                    + "; first repeat: row " + (rows.get(0) + 1) + " repeats row " + (first[rows.get(0)] + 1),
                    columns.stream().map(Column::name).toList(), toArray(rows), count));
        }
    }

    private static void conflictingLabels(Frame frame, Schema schema, int[] y, String target,
                                          List<QualityFinding> findings) {
        List<Column> features = schema.features().stream().map(frame::column).toList();
        if (features.isEmpty()) {
            return;
        }
        int[] first = new RowKeys(features).firstEqualRow(frame.rowCount());
        // A group conflicts when some member's label differs from its first member's.
        boolean[] conflicted = new boolean[first.length];
        for (int row = 0; row < first.length; row++) {
            int head = first[row];
            if (head >= 0 && y[row] >= 0 && y[head] >= 0 && y[row] != y[head]) {
                conflicted[head] = true;
            }
        }
        List<Integer> rows = new ArrayList<>();
        int count = 0;
        for (int row = 0; row < first.length; row++) {
            int head = first[row] >= 0 ? first[row] : row;
            if (conflicted[head]) {
                count++;
                if (rows.size() < QualityFinding.MAX_ROWS_LISTED) {
                    rows.add(row);
                }
            }
        }
        if (count > 0) {
            List<String> involved = new ArrayList<>(schema.features());
            involved.add(target);
            int repeats = 0;
            for (int head : first) {
                repeats += head >= 0 ? 1 : 0;
            }
            double chance = ChanceRepeats.expected(features, frame.rowCount());
            boolean expected = ChanceRepeats.byChance(repeats, chance);
            findings.add(new QualityFinding(expected ? Severity.INFO : Severity.WARNING, "conflicting-labels", count
                    + " rows share all feature values with a row of another '" + target + "'"
                    + (expected ? chanceNote(true, chance) + ": no model can tell these rows apart" : ""), involved,
                    toArray(rows), count));
        }
    }

    /** Says when repeats are what so few distinct values give by chance (see {@link ChanceRepeats}). */
    private static String chanceNote(boolean expected, double chance) {
        return expected ? String.format(Locale.ROOT, ", as about %,.0f would by chance with so few distinct values",
                chance) : "";
    }

    private static void idLike(Column column, List<QualityFinding> findings) {
        int present = column.size() - column.missingCount();
        if (present < 20) {
            return;
        }
        int distinct = valueCounts(column).length;
        boolean wholeNumbers = column instanceof NumericColumn numeric
                && Arrays.stream(numeric.presentValues()).allMatch(v -> v == Math.rint(v));
        if ((column instanceof CategoricalColumn || wholeNumbers) && distinct >= 0.95 * present) {
            findings.add(new QualityFinding(Severity.WARNING, "id-like", String.format(Locale.ROOT,
                    "feature '%s' looks like an identifier (%d distinct values in %d rows); a model would memorise it",
                    column.name(), distinct, present), List.of(column.name()), new int[0], 0));
        }
    }

    private static void imbalance(String target, int[] y, String positive, List<QualityFinding> findings) {
        int positives = 0;
        int labelled = 0;
        for (int label : y) {
            if (label >= 0) {
                labelled++;
                positives += label;
            }
        }
        if (labelled == 0) {
            return;
        }
        double minority = Math.min(positives, labelled - positives) / (double) labelled;
        Severity severity = minority < 0.01 ? Severity.ERROR : minority < 0.10 ? Severity.WARNING
                : minority < 0.20 ? Severity.INFO : null;
        if (severity != null) {
            findings.add(new QualityFinding(severity, "imbalance", String.format(Locale.ROOT,
                    "target '%s' is imbalanced: the minority class is %.1f%% of %d labelled rows ('%s' is %.1f%%)",
                    target, 100 * minority, labelled, positive, 100.0 * positives / labelled), List.of(target),
                    new int[0], 0));
        }
    }

    static int[] toArray(List<Integer> rows) {
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }
}
