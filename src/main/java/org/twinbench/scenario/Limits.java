package org.twinbench.scenario;

import java.util.Locale;

/**
 * The largest count a user may type anywhere in TwinBench: in a scenario's parameters, on the command
 * line and in a sweep grid. Each is checked by {@code validate}, by the scenario compiler and by the
 * commands before anything is allocated, so a count of 2,000,000,000 (or 1e400) is refused with a
 * message naming the node or option and the limit instead of failing as an OutOfMemoryError.
 *
 * <p>Row counts depend on the heap: {@link #rows()} allows one kibibyte of heap per row (a row of 128
 * numbers), capped at ten million rows. The other limits are stated: each is far above what a
 * simulation on a workstation needs, and far below what exhausts one. docs/limits.md lists them.
 */
public final class Limits {

    /** Rows held in memory per batch or reference: one per KiB of the heap, at least 10,000, at most 10 million. */
    private static final int ROWS = (int) Math.max(10_000, Math.min(10_000_000, Runtime.getRuntime().maxMemory() >> 10));
    /** Simulated steps of one run. */
    public static final int STEPS = 100_000;
    /** Threads of the local pool ({@code --threads}): far more than any machine has cores. */
    public static final int THREADS = 1_024;
    /** Trees of a random forest or of gradient boosting. */
    public static final int TREES = 10_000;
    /** Monte Carlo replicates of one run or of one sweep point. */
    public static final int REPLICATES = 10_000;
    /** Points of a sweep grid (the product of the axes' value counts). */
    public static final int GRID_POINTS = 100_000;
    /** Simulations of a sweep: points times replicates. */
    public static final int SWEEP_TASKS = 1_000_000;
    /** Bootstrap resamples of {@code metrics --bootstrap}. */
    public static final int BOOTSTRAP = 100_000;
    /** Values a change detector keeps in its window ({@code detect --param window_size=N}, {@code stat_size}). */
    public static final int DETECTOR_WINDOW = 1_000_000;
    /** Quantile bins of a numeric slicing column ({@code metrics --bins}). */
    public static final int BINS = 1_000;
    /** Rows of {@code sample-data --rows} (about 700 MB of loans.csv). */
    public static final int SAMPLE_ROWS = 10_000_000;
    /** Queries per step of a model-extraction attacker ({@code attack.extraction} {@code budget}). */
    public static final int EXTRACTION_BUDGET = 100_000;
    /** Characters of one {@code --assert} expression. */
    public static final int ASSERT_LENGTH = 1_000;

    private Limits() {
    }

    /** Rows per step, and rows of a synthetic source's reference, for this JVM's heap. */
    public static int rows() {
        return ROWS;
    }

    /**
     * Refuses {@code value} above {@code limit}: the message names {@code what} (an option or a node
     * parameter), the limit and what it counts.
     *
     * @throws IllegalArgumentException with a one-line message, when the value is above the limit
     */
    public static void check(String what, double value, long limit, String counts) {
        if (!(value <= limit)) {
            throw new IllegalArgumentException(what + " must be at most " + limit + " (" + counts + "), not "
                    + plain(value));
        }
    }

    /** A count as a person writes it: 2147483647, 1.0E400 as written by Java, Infinity. */
    static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%s", value);
    }
}
