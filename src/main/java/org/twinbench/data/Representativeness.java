package org.twinbench.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.twinbench.data.QualityFinding.Severity;

/**
 * Whether a current table is covered by a reference table: per shared column, the share of current
 * rows with a category the reference never had, or a number outside the reference's range. Over 5%
 * is a WARNING, any is INFO; a reference column missing from the current table is an ERROR.
 */
public final class Representativeness {

    static final double WARNING_SHARE = 0.05;

    private Representativeness() {
    }

    public static List<QualityFinding> check(Frame reference, Frame current) {
        List<QualityFinding> findings = new ArrayList<>();
        for (Column ref : reference.columns()) {
            if (!current.has(ref.name())) {
                findings.add(new QualityFinding(Severity.ERROR, "missing-column", "column '" + ref.name()
                        + "' of the reference is missing from the current table", List.of(ref.name()), new int[0], 0));
                continue;
            }
            Column cur = current.column(ref.name());
            if (ref instanceof CategoricalColumn refText && cur instanceof CategoricalColumn curText) {
                unseenCategories(refText, curText, findings);
            } else if (ref instanceof NumericColumn refNumbers && cur instanceof NumericColumn curNumbers) {
                outOfRange(refNumbers, curNumbers, findings);
            } else {
                findings.add(new QualityFinding(Severity.ERROR, "kind-changed", "column '" + ref.name() + "' is "
                        + describe(ref) + " in the reference but " + describe(cur) + " in the current table",
                        List.of(ref.name()), new int[0], 0));
            }
        }
        return findings;
    }

    private static String describe(Column column) {
        return column instanceof NumericColumn ? "numeric" : "text";
    }

    private static void unseenCategories(CategoricalColumn ref, CategoricalColumn cur, List<QualityFinding> findings) {
        Set<String> known = new HashSet<>();
        for (int code : ref.codes()) {
            if (code >= 0) {
                known.add(ref.levels().get(code));
            }
        }
        boolean[] unseen = new boolean[cur.levels().size()];
        for (int i = 0; i < unseen.length; i++) {
            unseen[i] = !known.contains(cur.levels().get(i));
        }
        List<Integer> rows = new ArrayList<>();
        Set<String> values = new LinkedHashSet<>();
        int count = 0;
        int present = 0;
        for (int row = 0; row < cur.size(); row++) {
            int code = cur.codes()[row];
            if (code < 0) {
                continue;
            }
            present++;
            if (unseen[code]) {
                count++;
                values.add(cur.levels().get(code));
                if (rows.size() < QualityFinding.MAX_ROWS_LISTED) {
                    rows.add(row);
                }
            }
        }
        if (count > 0) {
            double share = (double) count / present;
            findings.add(new QualityFinding(share > WARNING_SHARE ? Severity.WARNING : Severity.INFO,
                    "unseen-categories", String.format(Locale.ROOT,
                    "column '%s': %.1f%% of current rows hold categories the reference never had: %s", cur.name(),
                    100 * share, values.stream().limit(10).toList()), List.of(cur.name()),
                    DataQuality.toArray(rows), count));
        }
    }

    private static void outOfRange(NumericColumn ref, NumericColumn cur, List<QualityFinding> findings) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : ref.presentValues()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (min > max) {
            return;
        }
        List<Integer> rows = new ArrayList<>();
        int count = 0;
        int present = 0;
        for (int row = 0; row < cur.size(); row++) {
            double v = cur.get(row);
            if (Double.isNaN(v)) {
                continue;
            }
            present++;
            if (v < min || v > max) {
                count++;
                if (rows.size() < QualityFinding.MAX_ROWS_LISTED) {
                    rows.add(row);
                }
            }
        }
        if (count > 0) {
            double share = (double) count / present;
            findings.add(new QualityFinding(share > WARNING_SHARE ? Severity.WARNING : Severity.INFO, "out-of-range",
                    String.format(Locale.ROOT, "column '%s': %.1f%% of current rows lie outside the reference range "
                            + "[%s, %s]", cur.name(), 100 * share, fmt(min), fmt(max)), List.of(cur.name()),
                    DataQuality.toArray(rows), count));
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
