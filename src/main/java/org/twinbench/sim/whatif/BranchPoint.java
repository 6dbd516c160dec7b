package org.twinbench.sim.whatif;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.twinbench.sim.SimulationPlan;
import org.twinbench.sim.source.BatchSource;

/**
 * Where a what-if branches from a run: a step number, or a date (ISO {@code YYYY-MM-DD}) naming the
 * calendar window that holds it. A step the run does not make, or a date outside the run's windows, is
 * refused with a message saying which steps or dates the run has.
 */
public final class BranchPoint {

    private BranchPoint() {
    }

    /**
     * The step {@code at} names in {@code plan}: a step number from 0 to {@code plan.steps() - 1}, or a date of a
     * calendar replay (the first step whose window holds it).
     *
     * @throws IllegalArgumentException saying what the run has instead, in words that follow the value
     */
    public static int step(SimulationPlan plan, String at) {
        String text = at.strip();
        if (text.matches("[+-]?\\d{1,9}")) {
            int step = Integer.parseInt(text);
            if (step < 0 || step >= plan.steps()) {
                throw new IllegalArgumentException("must be a step of the run, 0 to " + (plan.steps() - 1)
                        + " (it runs " + plan.steps() + " steps), not " + step);
            }
            return step;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("must be a step number or a date YYYY-MM-DD, not '" + text + "'");
        }
        BatchSource source = plan.source();
        String window = source.windowStartOf(date);
        if (window == null) {
            throw new IllegalArgumentException(text + ": the run's steps are row counts, not calendar windows;"
                    + " give a step number, 0 to " + (plan.steps() - 1));
        }
        String first = null;
        String last = null;
        for (int step = 0; step < plan.steps(); step++) {
            String start = source.windowStart(step);
            if (start == null) {
                break;
            }
            if (start.equals(window)) {
                return step;
            }
            first = first == null || start.compareTo(first) < 0 ? start : first;
            last = last == null || start.compareTo(last) > 0 ? start : last;
        }
        if (first == null) {
            throw new IllegalArgumentException(text + " is outside the run: it has no calendar window yet");
        }
        boolean inside = window.compareTo(first) > 0 && window.compareTo(last) < 0;
        throw new IllegalArgumentException(text + (inside ? " falls in a window without rows (from " + window + ")"
                : " is outside the run") + ": its windows start from " + first + " to " + last);
    }
}
