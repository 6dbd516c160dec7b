package org.twinbench.sim;

/**
 * Step measures that are shares in [0, 1] although no metric set names them: an extraction attacker's
 * {@code <id>.fidelity} and {@code <id>.surrogate_accuracy}, a distilled student's {@code student_fidelity} and its
 * teacher's {@code teacher_accuracy}. Charts draw them on a 0–1 axis of their own, not on the scale of a monitor's
 * statistic or a count.
 */
public final class ShareMeasures {

    private ShareMeasures() {
    }

    /** Whether {@code measure} is one of these shares. */
    public static boolean isShare(String measure) {
        return measure != null && (measure.endsWith(".fidelity") || measure.endsWith(".surrogate_accuracy")
                || measure.equals("student_fidelity") || measure.equals("teacher_accuracy"));
    }
}
