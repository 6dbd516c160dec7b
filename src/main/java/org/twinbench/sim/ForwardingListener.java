package org.twinbench.sim;

/**
 * A {@link RunListener} that passes everything on to another one; a subclass overrides only what it
 * adds (the compiler keeps the notes it passes on, the engine reports findings before the finish).
 */
class ForwardingListener implements RunListener {

    private final RunListener next;

    ForwardingListener(RunListener next) {
        this.next = next;
    }

    @Override
    public void onPhase(String description) {
        next.onPhase(description);
    }

    @Override
    public void onNote(String note) {
        next.onNote(note);
    }

    @Override
    public void onStep(StepResult result, int totalSteps) {
        next.onStep(result, totalSteps);
    }

    @Override
    public void onFindings(RunFindings findings) {
        next.onFindings(findings);
    }

    @Override
    public void onFinish(RunStatus status) {
        next.onFinish(status);
    }
}
