package org.twinbench.sim.monitor;

import java.util.function.ToDoubleFunction;

/**
 * A statistic comparing a numeric feature's current values with its reference values (both without
 * missing values); larger means more drift. Registered by name in {@link DriftStatistics}.
 */
@FunctionalInterface
public interface DriftStatistic {

    double compute(double[] reference, double[] current);

    /**
     * The statistic against a fixed reference, for one run: statistics that profile the reference
     * (sort it, bin it) do that once here rather than at every step.
     */
    default ToDoubleFunction<double[]> against(double[] reference) {
        return current -> compute(reference, current);
    }
}
