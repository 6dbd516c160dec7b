package org.twinbench.sim.sweep;

import java.util.List;

/**
 * Runs the tasks of a sweep somewhere: on this machine's threads ({@link Sweep#local(int)}) or on a
 * cluster (the Spark build registers a {@link Cluster} through {@link java.util.ServiceLoader}).
 * Every task runs the same engine, so the results do not depend on where it ran.
 */
@FunctionalInterface
public interface SweepExecutor extends AutoCloseable {

    /** Runs every task and returns each task's steps and findings, in the order of the tasks. */
    List<TaskResult> execute(List<SimulationTask> tasks);

    /** Receives one task's steps and findings as soon as the task has finished. */
    @FunctionalInterface
    interface Results {

        /** @param task the task's index in the list given to {@link #execute(List, Results)} */
        void accept(int task, TaskResult result);
    }

    /**
     * Runs every task and hands each task's result to {@code results} as they arrive, in any order, so
     * the caller can write them and let them go (a large sweep then needs no large memory where it
     * was started). By default it waits for all of them ({@link #execute(List)}).
     */
    default void execute(List<SimulationTask> tasks, Results results) {
        List<TaskResult> all = execute(tasks);
        for (int i = 0; i < all.size(); i++) {
            results.accept(i, all.get(i));
        }
    }

    /**
     * The scenario with its data where this machine can read it: a cluster engine copies a dataset
     * named by a URI such as {@code hdfs://} or {@code s3a://} to a local file; the scenario itself by default.
     */
    default org.twinbench.scenario.Scenario readable(org.twinbench.scenario.Scenario scenario) {
        return scenario;
    }

    /** Releases the executor's resources (e.g. a cluster connection); nothing by default. */
    @Override
    default void close() {
    }

    /** A cluster engine that can run sweeps, found with {@link java.util.ServiceLoader}. */
    interface Cluster {

        /** The engine's name, e.g. {@code spark}. */
        String engine();

        /** Connects to a cluster, e.g. a Spark master URL such as {@code local[2]} or {@code spark://host:7077}. */
        SweepExecutor connect(String master);

        /** Connects with settings (where to write the steps as Parquet, when to broadcast the data, ...). */
        default SweepExecutor connect(String master, Settings settings) {
            return connect(master);
        }
    }

    /**
     * How a cluster engine runs a sweep.
     *
     * @param parquet where to write every task's steps as one Parquet table ({@code DIR/steps.parquet},
     *     or a URI the cluster can write, e.g. {@code hdfs://...}); null for none
     * @param broadcastLimit a dataset named by a URI and at most this many bytes is read once and sent to
     *     every executor; a larger one is read by each task from its (shared) path
     * @param replicates replicates per point, so that task {@code i} belongs to point {@code i / replicates}
     * @param notes receives one line per decision worth telling the user (e.g. how the data travels)
     */
    record Settings(String parquet, long broadcastLimit, int replicates, java.util.function.Consumer<String> notes) {

        /** 256 MB: well under a default Spark executor's memory, and far above the bundled datasets. */
        public static final long DEFAULT_BROADCAST_LIMIT = 256L << 20;
    }
}
