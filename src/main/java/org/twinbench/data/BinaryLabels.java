package org.twinbench.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a label column into 0/1 codes. The positive class is given, or else it is whichever of
 * {@code 1}, {@code true}, {@code yes}, {@code positive} (any case) occurs in the column, or else the
 * value that sorts last (the rule of {@code docs/cli.md}).
 */
public final class BinaryLabels {

    private static final List<String> POSITIVE_WORDS = List.of("1", "true", "yes", "positive");

    private BinaryLabels() {
    }

    /** The distinct present values of a column as text (numbers without a trailing ".0"). */
    public static Set<String> distinctValues(Column column) {
        Set<String> values = new TreeSet<>();
        for (int i = 0; i < column.size(); i++) {
            String text = text(column, i);
            if (text != null) {
                values.add(text);
            }
        }
        return values;
    }

    /** The positive class under the rule above; {@code explicit} wins when given. */
    public static String positiveLabel(Column column, String explicit) {
        if (explicit != null) {
            return explicit;
        }
        Set<String> values = distinctValues(column);
        for (String word : POSITIVE_WORDS) {
            for (String value : values) {
                if (value.toLowerCase(Locale.ROOT).equals(word)) {
                    return value;
                }
            }
        }
        List<String> sorted = new ArrayList<>(values);
        return sorted.isEmpty() ? null : sorted.get(sorted.size() - 1);
    }

    /**
     * The answer a person most likely wants a yes/no model to catch, for the guided check's first offer: a value
     * named as the positive one (as {@link #positiveLabel}), else the rarer of the two values — the event, seldom the
     * usual case: 'bad' among credit applicants who are mostly 'good' (modeldata's credit data: 1,254 of 4,454),
     * where the value that sorts last would offer to catch the good ones. Ties and other counts of values fall back
     * to {@link #positiveLabel}. Commands keep {@link #positiveLabel}: a score column's probability is of that value.
     */
    public static String answerToCatch(Column column) {
        Set<String> values = distinctValues(column);
        String named = positiveLabel(column, null);
        if (values.size() != 2 || POSITIVE_WORDS.contains(named.toLowerCase(Locale.ROOT))) {
            return named;
        }
        String other = negativeLabel(column, named);
        long namedCount = 0;
        long otherCount = 0;
        for (int i = 0; i < column.size(); i++) {
            String text = text(column, i);
            if (named.equals(text)) {
                namedCount++;
            } else if (other.equals(text)) {
                otherCount++;
            }
        }
        return otherCount < namedCount ? other : named;
    }

    /** The other class of a two-valued column, or "not POSITIVE" when the column holds more (or fewer) values. */
    public static String negativeLabel(Column column, String positive) {
        List<String> others = new ArrayList<>(distinctValues(column));
        others.remove(positive);
        return others.size() == 1 ? others.get(0) : "not " + positive;
    }

    /** 1 where the column equals {@code positive}, 0 where it holds another value, -1 where missing. */
    public static int[] encode(Column column, String positive) {
        int[] out = new int[column.size()];
        for (int i = 0; i < out.length; i++) {
            String text = text(column, i);
            out[i] = text == null ? -1 : text.equals(positive) ? 1 : 0;
        }
        return out;
    }

    /** A cell as text: categorical values as they are, numbers without a trailing ".0". */
    public static String text(Column column, int row) {
        if (column instanceof CategoricalColumn categorical) {
            return categorical.get(row);
        }
        double value = ((NumericColumn) column).get(row);
        if (Double.isNaN(value)) {
            return null;
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
