package org.twinbench.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.twinbench.report.RunRecording;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.StepResult;

/**
 * What {@code run} does with each window of a followed file as it closes: records the step in the run
 * store at once (a crash then loses only the open window) and, in text mode, says which window ran.
 */
final class FollowedSteps implements RunListener {

    private final RunRecording.InProgress recording;
    private final JsonOption json;

    FollowedSteps(RunRecording.InProgress recording, JsonOption json) {
        this.recording = recording;
        this.json = json;
    }

    @Override
    public void onStep(StepResult result, int totalSteps) {
        if (recording != null) {
            recording.step(result);
        }
        if (!json.enabled()) {
            PrintWriter out = json.out();
            out.printf(Locale.ROOT, "step %d (window %s): %d rows, accuracy %.4f%n", result.step(),
                    result.windowStart(), result.overall().n(), result.overall().accuracy());
            out.flush();
        }
    }
}
