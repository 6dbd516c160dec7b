package org.twinbench.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.twinbench.scenario.Scenario;
import org.twinbench.sim.SimulationPlan;
import org.twinbench.sim.sweep.SimulationTask;
import org.twinbench.sim.sweep.Sweep;
import org.twinbench.sim.sweep.SweepExecutor;
import org.twinbench.sim.sweep.TaskResult;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractFunction1;
import scala.runtime.BoxedUnit;

/**
 * Runs a sweep on Spark: every point × replicate is one Spark task (one partition of one element)
 * running the very same engine as the local executor ({@link Sweep#execute}). Each task's steps and findings go to
 * the driver as soon as the task ends and are handed on at once (the driver writes the point's files
 * and lets them go), so the driver holds only what has not been written yet; with Parquet requested,
 * the executors keep the steps (memory, then disk) until Spark's writer has written them as one table.
 *
 * <p>Each executor JVM compiles a point's plan once and shares it between the replicates it runs, as
 * the local executor does; the cache is per sweep and keeps only the last few sweeps, closing the plans
 * (and their ONNX sessions) of the sweeps it drops.
 */
final class SparkSweepExecutor implements SweepExecutor {

    /** Plans per sweep id, in the executor JVM; sweeps older than the last {@value #KEPT} are dropped. */
    private static final int KEPT = 2;
    private static final Map<String, Map<Map<String, Object>, CompletableFuture<SimulationPlan>>> PLANS =
            new LinkedHashMap<>();

    private final SparkSession spark;
    private final JavaSparkContext context;
    private final Settings settings;
    /** The driver's local copies of data URIs (made by {@link #readable}, read again to broadcast). */
    private final Map<String, Path> driverCopies = new ConcurrentHashMap<>();

    SparkSweepExecutor(SparkSession spark, Settings settings) {
        this.spark = spark;
        this.context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        this.settings = settings;
    }

    @Override
    public List<TaskResult> execute(List<SimulationTask> tasks) {
        List<TaskResult> results = new ArrayList<>(java.util.Collections.nCopies(tasks.size(), null));
        execute(tasks, results::set);
        return results;
    }

    @Override
    public Scenario readable(Scenario scenario) {
        return Sweep.dataUri(scenario).map(uri -> SparkData.withData(scenario, driverCopy(uri))).orElse(scenario);
    }

    private Path driverCopy(String uri) {
        return driverCopies.computeIfAbsent(uri, u -> SparkData.copy(u, context.hadoopConfiguration()));
    }

    @Override
    public void execute(List<SimulationTask> tasks, Results results) {
        if (tasks.isEmpty()) {
            return;
        }
        String sweep = UUID.randomUUID().toString();
        Optional<String> uri = Sweep.dataUri(tasks.get(0).scenario());
        SparkData.Delivery data = uri.map(u -> SparkData.deliver(context, sweep, u, driverCopy(u),
                settings.broadcastLimit(), settings.notes())).orElse(null);
        JavaRDD<TaskResult> steps = context.parallelize(tasks, tasks.size())
                .map(task -> Sweep.execute(data == null ? task : data.localTask(task), plans(sweep)));
        if (settings.parquet() != null) {
            // Kept as objects (no serialisation while they fit), spilled to disk when they do not.
            steps.persist(StorageLevel.MEMORY_AND_DISK());
        }
        try {
            stream(steps, tasks.size(), results);
            if (settings.parquet() != null) {
                long start = System.nanoTime();
                StepsTable.write(spark, steps.map(result -> new ArrayList<>(result.steps())), settings.replicates(),
                        settings.parquet());
                settings.notes().accept(String.format(java.util.Locale.ROOT, "steps table (Parquet): %s (written in %.1f s)",
                        settings.parquet(), (System.nanoTime() - start) / 1e9));
            }
        } finally {
            steps.unpersist(false);
        }
    }

    /** A task's result as it arrived on the driver. */
    private record Arrived(int task, TaskResult result) {
    }

    /**
     * Runs the job and hands each task's result on as it arrives. Spark calls the result handler on its
     * scheduler thread, which must not wait for our file writes: it only queues the result.
     */
    private void stream(JavaRDD<TaskResult> steps, int count, Results results) {
        BlockingQueue<Arrived> arrived = new LinkedBlockingQueue<>();
        List<Object> partitions = new ArrayList<>(IntStream.range(0, count).boxed().toList());
        SimpleFutureAction<BoxedUnit> job = context.sc().submitJob(steps.rdd(), new OnlyElement(),
                CollectionConverters.asScala(partitions).toSeq(),
                (task, value) -> {
                    arrived.add(new Arrived((Integer) task, value));
                    return BoxedUnit.UNIT;
                },
                () -> BoxedUnit.UNIT);
        int received = 0;
        try {
            while (received < count) {
                Arrived next = arrived.poll(200, TimeUnit.MILLISECONDS);
                if (next != null) {
                    results.accept(next.task(), next.result());
                    received++;
                } else if (job.isCompleted() && arrived.isEmpty()) {
                    job.get(); // throws the job's failure
                    throw new IllegalStateException("the Spark job ended with " + received + " of " + count + " results");
                }
            }
        } catch (InterruptedException e) {
            job.cancel();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the sweep was interrupted", e);
        } catch (RuntimeException e) {
            job.cancel();
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the Spark job failed: " + e.getMessage(), e);
        }
    }

    /** The one element of a task's partition (a plain class: Spark serialises it to the executors). */
    private static final class OnlyElement extends AbstractFunction1<scala.collection.Iterator<TaskResult>,
            TaskResult> implements java.io.Serializable {
        @Override
        public TaskResult apply(scala.collection.Iterator<TaskResult> partition) {
            return partition.next();
        }
    }

    private static Map<Map<String, Object>, CompletableFuture<SimulationPlan>> plans(String sweep) {
        synchronized (PLANS) {
            Map<Map<String, Object>, CompletableFuture<SimulationPlan>> plans = PLANS.get(sweep);
            if (plans == null) {
                plans = new ConcurrentHashMap<>();
                PLANS.put(sweep, plans);
                while (PLANS.size() > KEPT) {
                    // An earlier sweep's tasks have all ended (a driver runs its sweeps one after another):
                    // its plans' model files are released, not left to the garbage collector.
                    Sweep.closeCompiled(PLANS.remove(PLANS.keySet().iterator().next()));
                }
            }
            return plans;
        }
    }

    @Override
    public void close() {
        spark.stop();
    }
}
