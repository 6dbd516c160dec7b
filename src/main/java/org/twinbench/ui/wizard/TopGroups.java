package org.twinbench.ui.wizard;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.twinbench.data.BinaryLabels;
import org.twinbench.data.ClassLabels;
import org.twinbench.data.Column;
import org.twinbench.data.ColumnSlicing;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.data.PlainWords;
import org.twinbench.model.BinaryClassifier;
import org.twinbench.model.ModelInputs;
import org.twinbench.model.MulticlassClassifier;
import org.twinbench.model.Regressor;
import org.twinbench.model.TaskModel;
import org.twinbench.sim.Verdict;
import org.twinbench.stats.SliceColumn;
import org.twinbench.stats.SliceFinder;
import org.twinbench.ui.data.SpreadsheetNotes;

/**
 * "Which groups matter", found rather than guessed: the model scores the rows the check replays (the later
 * half, never learnt from), and {@link SliceFinder} searches them for the groups — one or two conditions on
 * the text columns and the numbers cut in {@value #BINS} ranges — where it is right clearly less often than
 * on the rest (at least {@link Verdict#MIN_ROWS} rows, significant after Bonferroni at 5%), worst first.
 * For a model of amounts a row counts as "right" when its error is at most the median error of all the rows
 * (so half the rows are, and a group where many more are far off stands out).
 */
final class TopGroups {

    /** Ranges a numeric column is cut into, as the scenarios' group measurements cut it. */
    static final int BINS = 5;
    /** Groups named at most. */
    static final int TOP = 5;
    private static final double ALPHA = 0.05;
    private static final Pattern RANGE = Pattern.compile("\\[([^,]+), ([^\\])]+)([\\])])");

    /**
     * The groups found, in words, and the columns they are made of (best first); {@code searched} is false
     * before any search (no model yet), which is not the same as a search that found nothing.
     */
    record Found(boolean searched, List<String> lines, List<String> columns) {
        static final Found NONE = new Found(false, List.of(), List.of());

        Found {
            lines = List.copyOf(lines);
            columns = List.copyOf(columns);
        }
    }

    private TopGroups() {
    }

    /**
     * Scores {@code rows} of {@code data} with {@code model} and searches them; {@code target} is the outcome
     * column, {@code positive} the answer to catch of a yes/no model.
     */
    static Found find(TaskModel model, Frame data, int[] rows, String target, String positive) {
        Frame scored = data.select(rows);
        Column label = scored.column(target);
        Frame inputs = ModelInputs.conform(model, scored, "your data");
        int n = scored.rowCount();
        boolean[] known = new boolean[n];
        boolean[] right = new boolean[n];
        if (model instanceof BinaryClassifier binary) {
            int[] y = BinaryLabels.encode(label, positive);
            double[] p = binary.scorePositive(inputs);
            for (int i = 0; i < n; i++) {
                known[i] = y[i] >= 0;
                right[i] = (p[i] >= 0.5) == (y[i] == 1);
            }
        } else if (model instanceof MulticlassClassifier classes) {
            int[] y = ClassLabels.encode(label, classes.classes());
            double[][] p = classes.probabilities(inputs);
            for (int i = 0; i < n; i++) {
                known[i] = y[i] >= 0;
                right[i] = known[i] && argMax(p[i]) == y[i];
            }
        } else if (model instanceof Regressor amounts) {
            double[] y = ((NumericColumn) label).values();
            double[] guess = amounts.predict(inputs);
            double[] error = new double[n];
            for (int i = 0; i < n; i++) {
                known[i] = !Double.isNaN(y[i]);
                error[i] = Math.abs(y[i] - guess[i]);
            }
            double median = median(error, known);
            for (int i = 0; i < n; i++) {
                right[i] = known[i] && error[i] <= median;
            }
        } else {
            return Found.NONE;
        }
        int[] labelled = java.util.stream.IntStream.range(0, n).filter(i -> known[i]).toArray();
        boolean[] correct = new boolean[labelled.length];
        for (int i = 0; i < labelled.length; i++) {
            correct[i] = right[labelled[i]];
        }
        Frame searched = scored.select(labelled);
        List<SliceColumn> columns = new ArrayList<>();
        for (String name : searchable(data, target)) {
            columns.add(ColumnSlicing.of(searched.column(name), BINS));
        }
        SliceFinder.Result result = SliceFinder.find(columns, correct,
                new SliceFinder.Options(2, Verdict.MIN_ROWS, TOP, ALPHA));
        List<String> lines = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        boolean amounts = model instanceof Regressor;
        for (SliceFinder.Slice slice : result.slices()) {
            lines.add(words(slice, amounts));
            slice.predicates().forEach(p -> used.add(p.column()));
        }
        return new Found(true, lines, new ArrayList<>(used));
    }

    /** The columns searched: the text columns the wizard offers as groups, and the numbers, never the outcome. */
    static List<String> searchable(Frame data, String target) {
        List<String> out = new ArrayList<>(SpreadsheetNotes.groupColumns(data));
        for (Column column : data.columns()) {
            if (column instanceof NumericColumn && !SpreadsheetNotes.looksLikeIdentifier(column, data.rowCount())) {
                out.add(column.name());
            }
        }
        out.remove(target);
        return out;
    }

    /**
     * "Rows with plan basic and tenure months from 3 to under 12 (120 rows): right 61 times out of 100
     * (between 52% and 70%), against 84 for the rest."
     */
    static String words(SliceFinder.Slice slice, boolean amounts) {
        List<String> conditions = new ArrayList<>();
        for (SliceFinder.Predicate p : slice.predicates()) {
            conditions.add(PlainWords.column(p.column()) + " " + value(p.column(), p.value()));
        }
        String who = "Rows with " + String.join(" and ", conditions) + String.format(Locale.ROOT, " (%,d rows)",
                slice.n());
        String between = String.format(Locale.ROOT, "between %.0f%% and %.0f%%", 100 * slice.low(), 100 * slice.high());
        if (amounts) {
            return String.format(Locale.ROOT, "%s: the guess is off by more than usual %d times out of 100 (%s), "
                    + "against %d for the rest.", who, Math.round(100 * (1 - slice.accuracy())),
                    "between " + Math.round(100 * (1 - slice.high())) + "% and " + Math.round(100 * (1 - slice.low()))
                            + "%", Math.round(100 * (1 - slice.restAccuracy())));
        }
        return String.format(Locale.ROOT, "%s: right %d times out of 100 (%s), against %d for the rest.", who,
                Math.round(100 * slice.accuracy()), between, Math.round(100 * slice.restAccuracy()));
    }

    /** A slice value in words: a range "[3, 12)" is "from 3 to under 12", "[40, 72]" "from 40 to 72". */
    static String value(String column, String value) {
        Matcher range = RANGE.matcher(value);
        if (range.matches()) {
            return "from " + range.group(1) + (range.group(3).equals(")") ? " to under " : " to ") + range.group(2);
        }
        return PlainWords.value(column, value);
    }

    private static int argMax(double[] p) {
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            best = p[c] > p[best] ? c : best;
        }
        return best;
    }

    private static double median(double[] values, boolean[] keep) {
        double[] kept = java.util.stream.IntStream.range(0, values.length).filter(i -> keep[i])
                .mapToDouble(i -> values[i]).sorted().toArray();
        if (kept.length == 0) {
            return Double.NaN;
        }
        int mid = kept.length / 2;
        return kept.length % 2 == 1 ? kept[mid] : (kept[mid - 1] + kept[mid]) / 2;
    }
}
