package org.twinbench.data;

import java.util.Set;

/**
 * Proposes the {@link ColumnRole#SLICE} role: the groups results are broken down by. A column is
 * proposed when it is text with between {@value #MIN_LEVELS} and {@value #MAX_LEVELS} distinct values
 * (low cardinality, so every group has rows enough for a metric) and its name reads like a grouping of
 * places, people or customers (region, country, segment, age band, plan, channel, ...). Other
 * low-cardinality text (an employment type, a colour) stays a feature: a slice is not a model input,
 * so proposing every small categorical would take inputs away from the model.
 */
public final class SliceProposal {

    static final int MIN_LEVELS = 2;
    static final int MAX_LEVELS = 12;

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
        int levels = presentLevels(text);
        if (levels < MIN_LEVELS || levels > MAX_LEVELS) {
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

    /** Levels that occur in at least one row (a level list may keep levels no row uses). */
    private static int presentLevels(CategoricalColumn text) {
        boolean[] seen = new boolean[text.levels().size()];
        int count = 0;
        for (int code : text.codes()) {
            if (code >= 0 && !seen[code]) {
                seen[code] = true;
                count++;
            }
        }
        return count;
    }
}
