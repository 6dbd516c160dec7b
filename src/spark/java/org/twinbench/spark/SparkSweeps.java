package org.twinbench.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.twinbench.sim.SimulationPlan;
import org.twinbench.sim.SimulationTask;
import org.twinbench.sim.StepResult;
import org.twinbench.sim.Sweep;
import org.twinbench.sim.SweepExecutor;

/**
 * Runs a sweep on Apache Spark: every point × replicate is one Spark task (one partition of one
 * element) that runs the very same engine as the local executor ({@link Sweep#execute}); the results
 * come back to the driver in task order, so the outcome table and files are those of a local run.
 *
 * <p>Each executor JVM compiles a point's plan once and shares it between the replicates it runs,
 * as the local executor does; the cache is per sweep and keeps only the last few sweeps.
 */
public final class SparkSweeps implements SweepExecutor.Cluster {

    /** Plans per sweep id, in the executor JVM; sweeps older than the last {@value #KEPT} are dropped. */
    private static final int KEPT = 2;
    private static final Map<String, Map<Map<String, Object>, CompletableFuture<SimulationPlan>>> PLANS =
            new LinkedHashMap<>();

    @Override
    public String engine() {
        return "spark";
    }

    @Override
    public SweepExecutor connect(String master) {
        SparkConf conf = new SparkConf().setAppName("TwinBench sweep");
        if (master != null && !master.isBlank()) {
            conf.setMaster(master);
        }
        JavaSparkContext spark = JavaSparkContext.fromSparkContext(
                org.apache.spark.SparkContext.getOrCreate(conf));
        spark.setLogLevel("WARN");
        return new SweepExecutor() {
            @Override
            public List<List<StepResult>> execute(List<SimulationTask> tasks) {
                return run(spark, tasks);
            }

            @Override
            public void close() {
                spark.stop();
            }
        };
    }

    /** One Spark task per simulation task; {@code collect} keeps the order of {@code tasks}. */
    static List<List<StepResult>> run(JavaSparkContext spark, List<SimulationTask> tasks) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        String sweep = UUID.randomUUID().toString();
        List<List<StepResult>> results = spark.parallelize(tasks, tasks.size())
                .map(task -> new ArrayList<>(Sweep.execute(task, plans(sweep))))
                .collect().stream().<List<StepResult>>map(List::copyOf).toList();
        return new ArrayList<>(results);
    }

    private static Map<Map<String, Object>, CompletableFuture<SimulationPlan>> plans(String sweep) {
        synchronized (PLANS) {
            Map<Map<String, Object>, CompletableFuture<SimulationPlan>> plans = PLANS.get(sweep);
            if (plans == null) {
                plans = new ConcurrentHashMap<>();
                PLANS.put(sweep, plans);
                while (PLANS.size() > KEPT) {
                    PLANS.remove(PLANS.keySet().iterator().next());
                }
            }
            return plans;
        }
    }
}
