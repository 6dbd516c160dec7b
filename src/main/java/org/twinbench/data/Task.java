package org.twinbench.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a model predicts: one of two classes ({@link #BINARY}), one of several ({@link #MULTICLASS}) or an
 * amount ({@link #REGRESSION}). {@link #of(Column)} reads it from the outcome column: two values make a
 * binary task; 3 to {@value #MAX_CLASSES} values of text, or 3 to {@value #MAX_INTEGER_CLASSES} whole
 * numbers, a multiclass task; other numbers (many values, or fractions) a regression.
 */
public enum Task {
    BINARY("binary"), MULTICLASS("multiclass"), REGRESSION("regression");

    /** The most classes a multiclass task may have. */
    public static final int MAX_CLASSES = 50;
    /** Whole numbers with at most this many values are classes (a rating 1–5); more make an amount. */
    public static final int MAX_INTEGER_CLASSES = 10;

    private final String id;

    Task(String id) {
        this.id = id;
    }

    /** The name on the command line, in model cards and in JSON. */
    public String id() {
        return id;
    }

    /** The task named {@code id} (any case), or an exception listing the names. */
    public static Task named(String id) {
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.id.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown task '" + id + "'; known: auto, "
                        + String.join(", ", Arrays.stream(values()).map(Task::id).toList())));
    }

    /** Whether the task predicts a class (binary or multiclass). */
    public boolean classification() {
        return this != REGRESSION;
    }

    /**
     * The task {@code column} calls for under the rule above, or empty when it calls for none (fewer than
     * two values, or more than {@value #MAX_CLASSES} values of text).
     */
    public static Optional<Task> of(Column column) {
        int distinct = distinctValues(column, MAX_CLASSES + 1);
        if (distinct < 2) {
            return Optional.empty();
        }
        if (distinct == 2) {
            return Optional.of(BINARY);
        }
        if (column instanceof NumericColumn numbers) {
            boolean whole = Arrays.stream(numbers.values()).allMatch(v -> Double.isNaN(v) || v == Math.rint(v));
            return Optional.of(whole && distinct <= MAX_INTEGER_CLASSES ? MULTICLASS : REGRESSION);
        }
        return distinct <= MAX_CLASSES ? Optional.of(MULTICLASS) : Optional.empty();
    }

    /** Distinct present values of a column, counted up to {@code limit}. */
    public static int distinctValues(Column column, int limit) {
        if (column instanceof CategoricalColumn text) {
            boolean[] used = new boolean[text.levels().size()];
            int count = 0;
            for (int code : text.codes()) {
                if (code >= 0 && !used[code]) {
                    used[code] = true;
                    if (++count >= limit) {
                        return count;
                    }
                }
            }
            return count;
        }
        java.util.Set<Double> seen = new java.util.HashSet<>();
        for (double v : ((NumericColumn) column).values()) {
            if (!Double.isNaN(v) && seen.add(v) && seen.size() >= limit) {
                break;
            }
        }
        return seen.size();
    }
}
