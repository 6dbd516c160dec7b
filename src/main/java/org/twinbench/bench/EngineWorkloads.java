package org.twinbench.bench;

import java.util.List;

/** The {@code bench} workloads of the engine layer. */
public final class EngineWorkloads {

    private EngineWorkloads() {
    }

    public static List<Workload> all() {
        return List.of(new StandardScenarioWorkload(), new WindowStepsWorkload(), new CalendarReplayWorkload());
    }
}
