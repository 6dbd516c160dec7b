package org.twinbench.data;

import java.util.Set;

/**
 * Proposes the {@link ColumnRole#SLICE} role: the groups results are broken down by. A column is
 * proposed when it is text whose name reads like a grouping of places, people or customers (region,
 * country, city, segment, age band, plan, channel, ...) and whose values name groups rather than rows:
 * <ul>
 *   <li>{@value #MIN_LEVELS} to {@value #MAX_LEVELS} distinct values, whatever their rows; or</li>
 *   <li>up to {@value #MAX_MANY_LEVELS} values when half of them or more have at least
 *       {@value #MIN_GROUP_ROWS} rows each (the median value's rows) — Texas housing's 46 cities, 187 rows
 *       each, are proposed; USArrests' 50 states, one row each, are not (an id that happens to be named
 *       "state"). {@value #MIN_GROUP_ROWS} is the size under which a verdict shows a group but never judges it,
 *       so most of the groups proposed can be judged.</li>
 * </ul>
 * Other low-cardinality text (an employment type, a colour) stays a feature: a slice is not a model input,
 * so proposing every small categorical would take inputs away from the model.
 */
public final class SliceProposal {

    static final int MIN_LEVELS = 2;
    static final int MAX_LEVELS = 12;
    /** The most values a column with large groups may have and still be proposed. */
    static final int MAX_MANY_LEVELS = 60;
    /** Rows the median value of a column of more than {@value #MAX_LEVELS} values must have. */
    static final int MIN_GROUP_ROWS = 30;

    /** Words of a column name that mark a grouping; a name is split into words as {@link PiiDetector} does. */
    private static final Set<String> GROUP_WORDS = Set.of("region", "country", "state", "province", "county", "city",
            "area", "zone", "territory", "market", "segment", "band", "bracket", "group", "cohort", "tier", "plan",
            "channel", "branch", "store", "site", "gender", "sex", "agegroup", "ageband");

    private SliceProposal() {
    }

    /** Whether {@code column}, now in role {@code role}, should be proposed as a slice. */
    public static boolean proposed(Column column, ValueKind kind, ColumnRole role) {
        if (role != ColumnRole.FEATURE || kind != ValueKind.TEXT || !(column instanceof CategoricalColumn text)) {
            return false;
        }
        if (!namesGroups(text)) {
            return false;
        }
        String[] words = PiiDetector.words(column.name());
        for (String word : words) {
            if (GROUP_WORDS.contains(word)) {
                return true;
            }
        }
        return GROUP_WORDS.contains(String.join("", words));
    }

    /**
     * Whether the values of {@code text} name groups of rows: few of them, or up to {@value #MAX_MANY_LEVELS}
     * whose median has {@value #MIN_GROUP_ROWS} rows or more.
     */
    private static boolean namesGroups(CategoricalColumn text) {
        int[] rows = new int[text.levels().size()];
        for (int code : text.codes()) {
            if (code >= 0) {
                rows[code]++;
            }
        }
        int[] present = java.util.Arrays.stream(rows).filter(n -> n > 0).sorted().toArray();
        int levels = present.length;
        if (levels < MIN_LEVELS || levels > MAX_MANY_LEVELS) {
            return false;
        }
        // The median value's rows: the upper middle of an even count, so half the values have at least as many.
        return levels <= MAX_LEVELS || present[levels / 2] >= MIN_GROUP_ROWS;
    }
}
