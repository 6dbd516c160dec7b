package org.twinbench.sim;

import java.util.List;

/**
 * Runs the tasks of a sweep somewhere: on this machine's threads ({@link Sweep#local(int)}) or on a
 * cluster (the Spark build registers a {@link Cluster} through {@link java.util.ServiceLoader}).
 * Every task runs the same engine, so the results do not depend on where it ran.
 */
@FunctionalInterface
public interface SweepExecutor extends AutoCloseable {

    /** Runs every task and returns each task's steps, in the order of the tasks. */
    List<List<StepResult>> execute(List<SimulationTask> tasks);

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
    }
}
