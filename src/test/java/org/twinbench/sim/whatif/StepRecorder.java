package org.twinbench.sim.whatif;

import java.util.function.Consumer;
import org.twinbench.sim.LabelledBatch;
import org.twinbench.sim.SimulationPlan;
import org.twinbench.sim.monitor.Monitor;

/** A watcher that hands every step's scored rows to a test, beside a plan's own monitors (the run itself unchanged). */
public final class StepRecorder implements Monitor {

    private final Consumer<LabelledBatch> sink;

    public StepRecorder(Consumer<LabelledBatch> sink) {
        this.sink = sink;
    }

    @Override
    public String nodeId() {
        return "recorder";
    }

    @Override
    public Watch start() {
        return (arrived, current, out) -> sink.accept(current);
    }

    /** {@code plan} with this recorder after its monitors. */
    public SimulationPlan on(SimulationPlan plan) {
        return Counting.withMonitor(plan, this);
    }
}
