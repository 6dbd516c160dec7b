package org.twinbench.bench;

/** One benchmark workload. */
public interface Workload {

    /** Short, stable name, e.g. {@code stats.numeric-column-1e6}. */
    String name();

    /** What is measured and against which reference, in one sentence. */
    String description();

    /** Measures; {@code quick} uses smaller inputs and fewer repetitions (for smoke runs in CI). */
    BenchResult run(boolean quick);
}
