package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;

/**
 * Runs hostile command lines that must be refused, checks the refusal contract of issue 17 (exit 2,
 * one clean line on stderr, no stack trace, no raw control character) and records, per class of
 * input, how many were tried and the longest refusal time; {@link #summary()} prints them.
 */
final class Refusals {

    /** Generous: a refusal is a check before any work, it takes milliseconds. */
    static final long LONGEST_ALLOWED_MS = 10_000;

    private static final Map<String, long[]> BY_CLASS = new TreeMap<>();

    private Refusals() {
    }

    /** Runs {@code args}, asserts the refusal and that its line contains every {@code expected}; returns the run. */
    static CliRunner refused(String inputClass, String[] expected, String... args) {
        long start = System.nanoTime();
        CliRunner run = CliRunner.run(args);
        long millis = (System.nanoTime() - start) / 1_000_000;
        record(inputClass, millis);
        String err = run.err().strip();
        assertThat(run.exitCode()).as("exit code; stderr: %s", err).isEqualTo(2);
        assertThat(err).as("one line on stderr").isNotEmpty().doesNotContain("\n").doesNotContain("\r");
        assertThat(err).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("internal error")
                .doesNotContain("OutOfMemory");
        assertThat(err).contains(expected);
        assertNoControlCharacters(run.out() + run.err());
        assertThat(millis).as("refusal time").isLessThan(LONGEST_ALLOWED_MS);
        return run;
    }

    static void record(String inputClass, long millis) {
        synchronized (BY_CLASS) {
            long[] entry = BY_CLASS.computeIfAbsent(inputClass, k -> new long[2]);
            entry[0]++;
            entry[1] = Math.max(entry[1], millis);
        }
    }

    /** Nothing a terminal would act on: no C0 control but newline and tab, no DEL or C1, no bidi override. */
    static void assertNoControlCharacters(String printed) {
        for (int i = 0; i < printed.length(); i++) {
            char c = printed.charAt(i);
            assertThat(TerminalText.dangerous(c)).as("character U+%04X at %d in %s", (int) c, i, printed).isFalse();
        }
    }

    /** One line per class: inputs tried and the longest refusal. */
    static String summary() {
        StringBuilder text = new StringBuilder();
        synchronized (BY_CLASS) {
            BY_CLASS.forEach((name, entry) -> text.append(String.format("hostile inputs refused: %-28s %3d inputs, "
                    + "longest refusal %5d ms%n", name, entry[0], entry[1])));
        }
        return text.toString();
    }
}
