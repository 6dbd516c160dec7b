package org.twinbench.spark;

import org.apache.spark.sql.SparkSession;
import org.twinbench.sim.sweep.SweepExecutor;

/**
 * The {@code spark} cluster engine (found through {@link java.util.ServiceLoader}): connects to a Spark
 * master and returns a {@link SparkSweepExecutor}.
 */
public final class SparkSweeps implements SweepExecutor.Cluster {

    @Override
    public String engine() {
        return "spark";
    }

    @Override
    public SweepExecutor connect(String master) {
        return connect(master, new SweepExecutor.Settings(null, SweepExecutor.Settings.DEFAULT_BROADCAST_LIMIT, 1,
                note -> { }));
    }

    @Override
    public SweepExecutor connect(String master, SweepExecutor.Settings settings) {
        SparkSession.Builder builder = SparkSession.builder().appName("TwinBench sweep");
        if (master != null && !master.isBlank()) {
            builder.master(master);
        }
        SparkSession spark = builder.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        return new SparkSweepExecutor(spark, settings);
    }
}
