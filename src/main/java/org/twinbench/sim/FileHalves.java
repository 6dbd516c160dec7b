package org.twinbench.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Column;
import org.twinbench.data.Dataset;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.data.ValueKind;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.stats.CategoricalReference;
import org.twinbench.stats.NumericReference;

/**
 * Whether the rows a replay draws after a reference cut from a file's first rows already differ from that reference,
 * before anything the scenario changes: a file in no random order whose halves differ beyond chance (modeldata's credit
 * data: the applicants' expenses, Kolmogorov–Smirnov p = 4e-55 between its halves) makes drift and data-quality monitors
 * alarm on untouched data. Each column is tested once, numbers by the two-sample Kolmogorov–Smirnov test (conservative
 * with ties), text by Pearson's chi-square test of the two halves' counts; a column differs when its p-value is below
 * {@value #FAMILY_RATE} over the number of columns tested (Bonferroni: on a file in random order, a note once in a
 * thousand). Not tested: a table with a date or timestamp column (its halves may differ in time, which is what a replay
 * should show), identifiers (nearly every value distinct), columns the scenario itself sorts by ({@code FileOrder}).
 */
final class FileHalves {

    /** The chance, over all its columns, that a file in random order gets the note. */
    static final double FAMILY_RATE = 0.001;
    /** Rows of each half a test reads at most (every k-th row): enough to tell, bounded on big tables. */
    static final int MAX_ROWS = 50_000;

    /** A column whose halves differ, and the test's p-value. */
    record Difference(String column, String test, double pValue) {
    }

    private FileHalves() {
    }

    /** The columns whose first {@code referenceRows} rows and the rest differ beyond chance, most different first. */
    static List<Difference> differing(Frame all, Dataset dataset, int referenceRows) {
        int rest = all.rowCount() - referenceRows;
        if (referenceRows < org.twinbench.data.FileOrder.MIN_ROWS || rest < org.twinbench.data.FileOrder.MIN_ROWS) {
            return List.of();
        }
        List<Difference> tested = new ArrayList<>();
        for (Column column : all.columns()) {
            ValueKind kind = dataset == null ? ValueKind.of(column) : dataset.kind(column.name());
            if (kind == ValueKind.DATE || kind == ValueKind.TIMESTAMP) {
                return List.of();
            }
            int[] first = every(0, referenceRows);
            int[] second = every(referenceRows, all.rowCount());
            Difference difference = column instanceof NumericColumn numeric ? numbers(numeric, first, second)
                    : text((CategoricalColumn) column, first, second);
            if (difference != null) {
                tested.add(difference);
            }
        }
        double cut = FAMILY_RATE / Math.max(1, tested.size());
        return tested.stream().filter(d -> d.pValue() < cut).sorted(Comparator.comparingDouble(Difference::pValue))
                .toList();
    }

    /** What a user is told: the file's name, the reference share and the columns that differ. */
    static String note(String file, List<Difference> differing, ScenarioNode sourceNode) {
        List<String> named = new ArrayList<>();
        for (Difference d : differing.subList(0, Math.min(3, differing.size()))) {
            named.add(String.format(Locale.ROOT, "%s (%s p = %.1g)", d.column(), d.test(), d.pValue()));
        }
        String more = differing.size() > 3 ? " and " + (differing.size() - 3) + " more" : "";
        return file + " is not in random order: the reference (its first "
                + Math.round(100 * sourceNode.number("reference_share")) + "% of rows) and the rows replayed after it"
                + " already differ in " + String.join(", ", named) + more + " before anything changes, so drift and"
                + " data-quality alarms on them may follow from the file's order. Set the source's split to shuffled to"
                + " compare like with like, or give a time_column if the rows are in time order";
    }

    /** Row indices from {@code from} to {@code to}, every k-th so that at most {@value #MAX_ROWS} are read. */
    private static int[] every(int from, int to) {
        int step = Math.max(1, (to - from + MAX_ROWS - 1) / MAX_ROWS);
        int[] rows = new int[(to - from + step - 1) / step];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = from + i * step;
        }
        return rows;
    }

    private static Difference numbers(NumericColumn column, int[] first, int[] second) {
        double[] a = present(column, first);
        double[] b = present(column, second);
        if (a.length < org.twinbench.data.FileOrder.MIN_ROWS || b.length < org.twinbench.data.FileOrder.MIN_ROWS
                || identifierLike(a) || identifierLike(b)) {
            return null;
        }
        return new Difference(column.name(), "Kolmogorov–Smirnov", NumericReference.of(a).compare(b).ksPValue());
    }

    private static Difference text(CategoricalColumn column, int[] first, int[] second) {
        int[] a = codes(column, first);
        int[] b = codes(column, second);
        Set<Integer> distinct = new HashSet<>();
        int present = 0;
        for (int code : a) {
            if (code >= 0) {
                distinct.add(code);
                present++;
            }
        }
        if (present < org.twinbench.data.FileOrder.MIN_ROWS || distinct.size() < 2 || distinct.size() >= 0.95 * present) {
            return null;
        }
        double p = CategoricalReference.of(a, column.levels()).compare(b, column.levels()).chi2PValue();
        return Double.isNaN(p) ? null : new Difference(column.name(), "chi-square", p);
    }

    private static double[] present(NumericColumn column, int[] rows) {
        return Arrays.stream(rows).mapToDouble(column::get).filter(v -> !Double.isNaN(v)).toArray();
    }

    private static int[] codes(CategoricalColumn column, int[] rows) {
        return Arrays.stream(rows).map(r -> column.codes()[r]).toArray();
    }

    /** Whole numbers nearly all distinct, as row numbers and ids are. */
    private static boolean identifierLike(double[] values) {
        long distinct = Arrays.stream(values).distinct().count();
        boolean whole = Arrays.stream(values).allMatch(v -> v == Math.rint(v));
        return whole && distinct >= 0.95 * values.length;
    }
}
