package org.twinbench.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.twinbench.cli.UserInputException;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.sim.sweep.SimulationTask;

/**
 * A dataset named by a URI ({@code hdfs://}, {@code s3a://}, {@code file://}, any scheme the cluster's
 * Hadoop reads), brought to the engine: the engine reads local files, so every JVM that runs tasks copies
 * the data once to a local temporary file and points the task's scenario at it. How the bytes travel
 * depends on their size: up to the broadcast limit the driver reads them once and Spark broadcasts them
 * to the executors; above it each executor reads them itself from the shared path, so the driver never
 * holds them.
 */
final class SparkData {

    /** Local copies in this JVM, per sweep and URI. */
    private static final Map<String, Path> COPIES = new ConcurrentHashMap<>();

    private SparkData() {
    }

    /** How a sweep's tasks get their data; shipped with every task. */
    sealed interface Delivery extends Serializable {

        /** The task with its scenario reading the local copy of the data (made once per JVM). */
        SimulationTask localTask(SimulationTask task);
    }

    /** The bytes came with a broadcast. */
    record Broadcasted(String sweep, String uri, Broadcast<byte[]> bytes) implements Delivery {
        @Override
        public SimulationTask localTask(SimulationTask task) {
            Path local = COPIES.computeIfAbsent(sweep + " " + uri, key -> write(uri, bytes.value()));
            return withData(task, local);
        }
    }

    /** Each executor reads the data from the shared path, with the driver's Hadoop settings. */
    record FromPath(String sweep, String uri, Map<String, String> hadoop) implements Delivery {
        @Override
        public SimulationTask localTask(SimulationTask task) {
            Path local = COPIES.computeIfAbsent(sweep + " " + uri, key -> copy(uri, configuration(hadoop)));
            return withData(task, local);
        }
    }

    /**
     * Decides how the data of a sweep travels.
     *
     * @param driverCopy the driver's local copy (see {@link #copy}), read when the data is broadcast
     */
    static Delivery deliver(JavaSparkContext spark, String sweep, String uri, Path driverCopy, long broadcastLimit,
                            Consumer<String> notes) {
        long size;
        try {
            size = Files.size(driverCopy);
        } catch (IOException e) {
            throw new UncheckedIOException(driverCopy + ": cannot read the copy of " + uri, e);
        }
        // A broadcast value is one Java array, so it cannot exceed 2 GB whatever the limit says.
        if (size <= Math.min(broadcastLimit, Integer.MAX_VALUE - 8)) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(driverCopy);
            } catch (IOException e) {
                throw new UncheckedIOException(driverCopy + ": cannot read the copy of " + uri, e);
            }
            notes.accept(String.format(Locale.ROOT, "data %s (%s): broadcast to the executors", uri, megabytes(size)));
            return new Broadcasted(sweep, uri, spark.broadcast(bytes));
        }
        notes.accept(String.format(Locale.ROOT, "data %s (%s, over the broadcast limit of %s): read by each executor "
                + "from its path", uri, megabytes(size), megabytes(broadcastLimit)));
        Map<String, String> hadoop = new HashMap<>();
        for (Map.Entry<String, String> setting : spark.hadoopConfiguration()) {
            hadoop.put(setting.getKey(), setting.getValue());
        }
        return new FromPath(sweep, uri, hadoop);
    }

    /** Copies the file at {@code uri} through Hadoop's FileSystem to a new local temporary file. */
    static Path copy(String uri, Configuration conf) {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(uri);
        try {
            FileSystem fs = path.getFileSystem(conf);
            Path local = localFile(path.getName());
            try (InputStream in = fs.open(path)) {
                Files.copy(in, local, StandardCopyOption.REPLACE_EXISTING);
            }
            return local;
        } catch (UnsupportedFileSystemException e) {
            throw new UserInputException(uri + ": this Spark cannot read '" + path.toUri().getScheme() + "' paths ("
                    + e.getMessage() + "); for s3a:// add hadoop-aws to spark-submit (README: Scale-out with Spark)");
        } catch (FileNotFoundException e) {
            throw new UserInputException(uri + ": no such file");
        } catch (IOException e) {
            throw new UncheckedIOException(uri + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The scenario reading a local copy of its data instead of the URI. */
    static Scenario withData(Scenario scenario, Path local) {
        ScenarioNode source = scenario.nodesOfKind("source.").stream()
                .filter(n -> NodeCatalog.DATASET_SOURCE.equals(n.type())).findFirst().orElseThrow();
        return scenario.withNode(source.withParam("path", local.toAbsolutePath().toString()));
    }

    private static SimulationTask withData(SimulationTask task, Path local) {
        Scenario scenario = withData(ScenarioFormat.parse(task.scenarioJson(), "task"), local);
        return new SimulationTask(ScenarioFormat.toJson(scenario), task.baseDir(), task.seed(), task.steps(),
                task.replicate(), task.overrides());
    }

    private static Path write(String uri, byte[] bytes) {
        try {
            Path local = localFile(new org.apache.hadoop.fs.Path(uri).getName());
            Files.write(local, bytes);
            return local;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a local copy of " + uri + ": " + e.getMessage(), e);
        }
    }

    /** A new temporary file with the data's own name (its extension tells the loader the format). */
    private static Path localFile(String name) throws IOException {
        Path dir = Files.createTempDirectory("twinbench-data-");
        dir.toFile().deleteOnExit();
        Path file = dir.resolve(name.isBlank() ? "data.csv" : name);
        file.toFile().deleteOnExit();
        return file;
    }

    private static Configuration configuration(Map<String, String> settings) {
        Configuration conf = new Configuration(false);
        settings.forEach(conf::set);
        return conf;
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }
}
