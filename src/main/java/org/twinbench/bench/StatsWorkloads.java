package org.twinbench.bench;

import java.util.List;

/** The {@code bench} workloads of the stats layer. */
public final class StatsWorkloads {

    private StatsWorkloads() {
    }

    public static List<Workload> all() {
        return List.of();
    }
}
