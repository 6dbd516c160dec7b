package org.twinbench.sim;

/**
 * A statistic comparing a numeric feature's current values with its reference values (both without
 * missing values); larger means more drift. The stats layer's statistics (PSI, Wasserstein, ...) can
 * implement this interface and be registered in {@link DriftStatistics}.
 */
@FunctionalInterface
public interface DriftStatistic {

    double compute(double[] reference, double[] current);
}
