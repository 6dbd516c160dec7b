package org.twinbench.sim.monitor;

import java.util.List;
import org.twinbench.sim.LabelledBatch;
import org.twinbench.sim.StepOutput;

/**
 * A monitor node as described in the scenario; {@link #start()} makes the stateful watcher of one
 * run, so replicates running at the same time never share state.
 */
public interface Monitor {

    String nodeId();

    Watch start();

    /** The monitor's checks that hold a stated false-alarm rate (none by default). */
    default AlarmRate alarmRate() {
        return AlarmRate.NONE;
    }

    /** The state of one monitor during one run. */
    interface Watch {
        /**
         * Sees the labelled batches that arrived at this step (oldest first, possibly none; with a
         * label delay of k they were scored k steps ago) and the current step's scored rows.
         */
        void observe(List<LabelledBatch> arrived, LabelledBatch current, StepOutput out);
    }
}
