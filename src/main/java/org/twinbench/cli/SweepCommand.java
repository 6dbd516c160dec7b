package org.twinbench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import org.twinbench.report.SweepWriter;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.ScenarioCompiler;
import org.twinbench.sim.SimulationPlan;
import org.twinbench.sim.store.RunProvenance;
import org.twinbench.sim.sweep.SimulationTask;
import org.twinbench.sim.sweep.Sweep;
import org.twinbench.sim.sweep.SweepExecutor;
import org.twinbench.sim.sweep.SweepGrid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sweep}: runs every point of a parameter grid times every replicate, on this machine's threads
 * or, with {@code --spark MASTER}, as one Spark task each (needs the Spark build, {@code mvn -Pspark package}).
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run a scenario over a parameter grid and write DIR/sweep.csv plus DIR/point-NNNN/"
                + "{steps.csv,alarms.csv,run.json}.",
                "grid.json: {\"recession.scale\": [0.9, 0.7], \"retrain.threshold\": [0.1, 0.2]}",
                "--spark MASTER runs each point x replicate as one Spark task (local[2], spark://host:7077, yarn)"
                        + " and also writes the steps as Parquet (--parquet); it needs twinbench-spark.jar"
                        + " (mvn -Pspark package). The data may then be an hdfs://, s3a:// or file:// URI."})
public final class SweepCommand implements Callable<Integer> {

    /** How to get the Spark build, printed when {@code --spark} is used without it. */
    static final String NEEDS_SPARK = "--spark needs the Spark build: run 'mvn -Pspark package', then "
            + "'spark-submit --class org.twinbench.spark.SparkSweepMain target/twinbench-spark.jar S.twin.json "
            + "--grid grid.json --out DIR' (README: Scale-out with Spark)";

    @Parameters(paramLabel = "SCENARIO", description = "A *.twin.json file.")
    Path scenarioFile;

    @Option(names = "--grid", required = true, paramLabel = "FILE",
            description = "JSON object: parameter (node.param or node.param.key) to a list of values.")
    Path gridFile;

    @Option(names = "--replicates", paramLabel = "N", defaultValue = "1",
            description = "Monte Carlo replicates per point (default: ${DEFAULT-VALUE}).")
    int replicates;

    @Option(names = "--steps", paramLabel = "N", description = "Steps to simulate (default: the source's).")
    Integer steps;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads of the local executor (default: the number of cores). Results do not depend on it.")
    Integer threads;

    @Option(names = "--spark", paramLabel = "MASTER", description = "Run on Spark: local[N], spark://host:port, yarn, ...")
    String sparkMaster;

    @Option(names = "--parquet", paramLabel = "PATH",
            description = "With --spark: where Spark writes every task's steps as one Parquet table (default: "
                    + "DIR/steps.parquet; on a cluster give a path every executor can write, e.g. hdfs://...).")
    String parquet;

    @Option(names = "--broadcast-limit", paramLabel = "SIZE", defaultValue = "256m",
            description = "With --spark and a data path such as hdfs://, s3a:// or file://: data up to SIZE (k, m, g) "
                    + "is read once and broadcast; larger data is read by each task from its path (default: ${DEFAULT-VALUE}).")
    String broadcastLimit;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CountLimits.replicates(replicates);
        CountLimits.steps(steps);
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (threadCount < 1) {
            throw new UserInputException("--threads must be at least 1, not " + threadCount);
        }
        CountLimits.threads(threadCount);
        if (Files.isRegularFile(out)) {
            throw new UserInputException(out + ": is a file, not a folder");
        }
        Map<String, List<Object>> axes = SweepGrid.read(gridFile).axes();
        long limit = size(broadcastLimit);
        Scenario scenario = ScenarioFormat.read(scenarioFile);
        List<Path> inputs = new ArrayList<>(OutputPaths.scenarioInputs(scenarioFile, scenario));
        inputs.add(gridFile);
        OutputPaths.refuseInputsIn("--out", out, List.of("sweep.csv", "run.json"), inputs);
        Path baseDir = scenarioFile.toAbsolutePath().getParent();
        CountLimits.sweep(scenario, axes, replicates);
        int stepCount = steps == null ? 0 : steps;
        List<SimulationTask> taskList = Sweep.tasks(scenario, baseDir, axes, replicates, stepCount); // refuses unknown parameters
        Optional<String> dataUri = Sweep.dataUri(scenario);
        if (dataUri.isPresent() && sparkMaster == null) {
            throw new UserInputException(scenarioFile + ": the data path " + dataUri.get() + " is a URI, which only "
                    + "a Spark sweep reads: add --spark MASTER (README: Scale-out with Spark)");
        }
        // A scenario whose data this machine reads is compiled before a cluster is asked for anything,
        // so a broken one fails at once; the plan also gives run.json its provenance.
        SimulationPlan plan = dataUri.isPresent() ? null : compile(scenario, baseDir);
        PrintWriter stdout = spec.commandLine().getOut();
        long start = System.nanoTime();
        List<Sweep.Point> points;
        int held;
        try (SweepExecutor executor = sparkMaster == null ? Sweep.local(threadCount)
                : cluster("spark").connect(sparkMaster, new SweepExecutor.Settings(parquetTarget(), limit, replicates,
                        note -> {
                            stdout.println(note);
                            stdout.flush();
                        }))) {
            if (plan == null) {
                plan = compile(executor.readable(scenario), baseDir);
            }
            RunProvenance provenance = RunProvenance.of(scenarioFile, plan, replicates, Instant.now());
            if (dataUri.isPresent()) {
                provenance = withDataFile(provenance, dataUri.get());
            }
            SweepWriter writer = new SweepWriter(out, Sweep.grid(axes), replicates, provenance);
            executor.execute(taskList, writer);
            points = writer.finish();
            held = writer.largestPending();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int tasks = points.size() * replicates;
        stdout.printf(Locale.ROOT, "%s: %d points x %d replicates = %d tasks on %s in %.2f s (%.1f tasks/s) -> %s"
                        + " (at most %d unfinished points held)%n",
                scenarioFile, points.size(), replicates, tasks,
                sparkMaster == null ? threadCount + " local threads" : "spark " + sparkMaster, seconds, tasks / seconds,
                out, held);
        stdout.flush();
        return TwinBenchCommand.OK;
    }

    /**
     * The scenario compiled, for its provenance: the tasks compile their own plans, so this one's model
     * files are released at once.
     */
    private SimulationPlan compile(Scenario scenario, Path baseDir) {
        try (SimulationPlan plan = ScenarioCompiler.compile(scenario, baseDir, new RunListener() { })) {
            return steps == null ? plan : plan.withSteps(steps);
        }
    }

    /** Where Spark writes the steps table: {@code --parquet}, or {@code DIR/steps.parquet} as a file: URI. */
    private String parquetTarget() {
        return parquet != null ? parquet : out.resolve("steps.parquet").toAbsolutePath().toUri().toString();
    }

    /** The provenance with the data named as the scenario names it (the engine read a local copy). */
    static RunProvenance withDataFile(RunProvenance p, String dataFile) {
        return new RunProvenance(p.scenarioFile(), p.scenarioName(), p.scenarioSha256(), dataFile, p.dataSha256(),
                p.dataRows(), p.modelAlgorithm(), p.modelFile(), p.modelSha256(), p.modelTrainingDataSha256(), p.seed(),
                p.steps(), p.replicates(), p.twinbenchVersion(), p.javaVersion(), p.createdAt());
    }

    /** A size in bytes: a whole number with an optional k, m or g (powers of 1024). */
    static long size(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        int shift = t.endsWith("k") ? 10 : t.endsWith("m") ? 20 : t.endsWith("g") ? 30 : 0;
        try {
            long value = Long.parseLong(shift == 0 ? t : t.substring(0, t.length() - 1));
            if (value >= 0 && value <= (Long.MAX_VALUE >> shift)) {
                return value << shift;
            }
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        throw new UserInputException("--broadcast-limit: write a size such as 256m, 64k or 0, not '" + text + "'");
    }

    /** The cluster engine registered by the Spark build, or a message saying how to get it. */
    static SweepExecutor.Cluster cluster(String engine) {
        for (SweepExecutor.Cluster cluster : ServiceLoader.load(SweepExecutor.Cluster.class)) {
            if (cluster.engine().equals(engine)) {
                return cluster;
            }
        }
        throw new UserInputException(NEEDS_SPARK);
    }
}
