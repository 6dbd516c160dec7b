package org.twinbench.bench;

import java.util.List;

/** The {@code bench} workloads of the stats layer (issue "Drift statistics, streaming detectors and slice metrics"). */
public final class StatsWorkloads {

    private StatsWorkloads() {
    }

    public static List<Workload> all() {
        return List.of(new NumericColumnWorkload(false), new NumericColumnWorkload(true),
                new ReferenceWindowWorkload(1_000), new ReferenceWindowWorkload(10_000),
                new ReferenceWindowWorkload(100_000), new AdwinWorkload(), new SliceMetricsWorkload(),
                new SliceFinderWorkload(), new ErrorSliceFinderWorkload(), new ReconstructionBandWorkload());
    }
}
