package org.twinbench.bench;

import java.util.List;

/** The {@code bench} workloads of the data layer. */
public final class DataWorkloads {

    private DataWorkloads() {
    }

    public static List<Workload> all() {
        return List.of();
    }
}
