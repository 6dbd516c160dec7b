package org.twinbench.sim.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.sim.Alarm;
import org.twinbench.sim.Experiment;
import org.twinbench.sim.RunControl;
import org.twinbench.sim.ReplicateFindings;
import org.twinbench.sim.RunFindings;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.RunOutcome;
import org.twinbench.sim.RunSeries;
import org.twinbench.sim.RunStatus;
import org.twinbench.sim.ScenarioCompiler;
import org.twinbench.sim.SimulationPlan;
import org.twinbench.sim.StepResult;

/**
 * A sweep over a parameter grid (e.g. drift magnitude × retrain threshold): every point of the grid
 * times every replicate is one {@link SimulationTask}; the tasks run in parallel, each point is
 * compiled once, and the outcome table has one row per point.
 */
public final class Sweep {

    private Sweep() {
    }

    /** One point of the grid and what happened there (means over its replicates). */
    public record Point(Map<String, Object> values, RunOutcome outcome, double accuracyMean, double accuracyLast,
                        double accuracyMin, double alarms, double retrains, double rollbacks) {

        /** The same point without its steps (the outcome table needs only the summary figures). */
        public Point withoutSteps() {
            return new Point(values, new RunOutcome(List.of(), outcome.status()), accuracyMean, accuracyLast,
                    accuracyMin, alarms, retrains, rollbacks);
        }
    }

    /**
     * The source data path of a scenario when it is a URI with a scheme ({@code hdfs://}, {@code s3a://},
     * {@code file://}), which only a cluster engine reads; empty for a plain file path or a generator.
     */
    public static java.util.Optional<String> dataUri(Scenario scenario) {
        return scenario.nodesOfKind("source.").stream()
                .filter(n -> org.twinbench.scenario.NodeCatalog.DATASET_SOURCE.equals(n.type()))
                .map(n -> n.string("path", ""))
                .filter(path -> path.matches("[A-Za-z][A-Za-z0-9+.-]+:/.*"))
                .findFirst();
    }

    /** Every combination of the axes' values, the first axis varying slowest (see {@link SweepGrid#points}). */
    public static List<Map<String, Object>> grid(Map<String, List<Object>> axes) {
        return new SweepGrid(axes).points();
    }

    /** The tasks of a sweep, point by point, replicate by replicate. */
    public static List<SimulationTask> tasks(Scenario scenario, Path baseDir, Map<String, List<Object>> axes,
                                             int replicates, int steps) {
        String json = ScenarioFormat.toJson(scenario);
        List<SimulationTask> tasks = new ArrayList<>();
        for (Map<String, Object> point : grid(axes)) {
            SimulationTask.apply(scenario, point); // refuses a key that names no node before anything runs
            for (int r = 0; r < replicates; r++) {
                tasks.add(new SimulationTask(json, baseDir.toString(), scenario.seed(), steps, r, point));
            }
        }
        return tasks;
    }

    public static List<Point> run(Scenario scenario, Path baseDir, Map<String, List<Object>> axes, int replicates,
                                  int steps, int threads) {
        return run(scenario, baseDir, axes, replicates, steps, local(threads));
    }

    /**
     * Runs a sweep's tasks on an executor (this machine's threads, or a cluster) and summarises each
     * point; the answers do not depend on the executor, because every task is deterministic.
     */
    public static List<Point> run(Scenario scenario, Path baseDir, Map<String, List<Object>> axes, int replicates,
                                  int steps, SweepExecutor executor) {
        List<TaskResult> results = executor.execute(tasks(scenario, baseDir, axes, replicates, steps));
        List<Point> points = new ArrayList<>();
        int index = 0;
        for (Map<String, Object> values : grid(axes)) {
            List<TaskResult> replicateSteps = new ArrayList<>(results.subList(index, index + replicates));
            index += replicates;
            points.add(point(values, replicateSteps));
        }
        return points;
    }

    /**
     * The local executor: a pool of threads on this machine, each point compiled once; results are
     * handed on in task order as they finish, so only the tasks still running or waiting their turn are held.
     */
    public static SweepExecutor local(int threads) {
        return new SweepExecutor() {
            @Override
            public List<TaskResult> execute(List<SimulationTask> tasks) {
                List<TaskResult> results = new ArrayList<>();
                execute(tasks, (task, result) -> results.add(result));
                return results;
            }

            @Override
            public void execute(List<SimulationTask> tasks, Results results) {
                Map<Map<String, Object>, CompletableFuture<SimulationPlan>> plans = new ConcurrentHashMap<>();
                ExecutorService pool = Executors.newFixedThreadPool(threads, Experiment.daemonThreads());
                try {
                    List<Future<TaskResult>> futures = new ArrayList<>();
                    for (SimulationTask task : tasks) {
                        futures.add(pool.submit(() -> Sweep.execute(task, plans)));
                    }
                    for (int i = 0; i < futures.size(); i++) {
                        results.accept(i, futures.get(i).get());
                        futures.set(i, null);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("the sweep was interrupted", e);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IllegalStateException(e.getCause());
                } finally {
                    pool.shutdownNow();
                    closePlans(pool, plans);
                }
            }
        };
    }

    /**
     * Releases the model files of every point's plan once the pool's tasks have ended; a task still scoring
     * after a failure keeps its plan open rather than lose its runtime session under it.
     */
    private static void closePlans(ExecutorService pool, Map<Map<String, Object>, CompletableFuture<SimulationPlan>> plans) {
        try {
            if (!pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        closeCompiled(plans);
    }

    /**
     * Releases the model files of every plan of {@code plans} that compiled (for a sweep whose tasks have all
     * ended: the pool's, or a Spark executor's plans of an earlier sweep).
     */
    public static void closeCompiled(Map<Map<String, Object>, CompletableFuture<SimulationPlan>> plans) {
        for (CompletableFuture<SimulationPlan> plan : plans.values()) {
            if (plan.isDone() && !plan.isCompletedExceptionally()) {
                plan.join().close();
            }
        }
    }

    /**
     * Runs one task as {@code run} runs the replicate ({@link Experiment#replicate}): its steps and its part of the
     * point's findings. The first task of a point compiles its plan, the others wait for it. {@code plans}
     * must belong to one sweep (it is keyed by the point's values only).
     */
    public static TaskResult execute(SimulationTask task, Map<Map<String, Object>, CompletableFuture<SimulationPlan>> plans) {
        CompletableFuture<SimulationPlan> mine = new CompletableFuture<>();
        CompletableFuture<SimulationPlan> shared = plans.putIfAbsent(task.overrides(), mine);
        if (shared == null) {
            try {
                SimulationPlan plan = ScenarioCompiler.compile(task.scenario(), Path.of(task.baseDir()),
                        new RunListener() { });
                mine.complete(task.steps() > 0 ? plan.withSteps(task.steps()) : plan);
            } catch (RuntimeException e) {
                mine.completeExceptionally(e);
            }
            shared = mine;
        }
        SimulationPlan plan;
        try {
            plan = shared.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        Experiment.Replicate ran = Experiment.replicate(plan, task.replicate(), new RunListener() { },
                new RunControl());
        return new TaskResult(ran.steps(), ran.findings());
    }

    /**
     * A point's summary over its replicates' results (in replicate order), with the findings pooled from all of
     * them as {@code run} pools its replicates' ({@link ReplicateFindings#pool}).
     */
    public static Point point(Map<String, Object> values, List<TaskResult> replicates) {
        List<ReplicateFindings> parts = replicates.stream().map(TaskResult::findings).toList();
        RunFindings found = parts.contains(null) ? null : ReplicateFindings.pool(parts);
        return summarise(values, new RunOutcome(replicates.stream().map(TaskResult::steps).toList(),
                RunStatus.COMPLETED, found));
    }

    private static Point summarise(Map<String, Object> values, RunOutcome outcome) {
        RunSeries series = RunSeries.of(outcome);
        RunSeries.Key key = new RunSeries.Key(StepResult.OVERALL, "accuracy");
        double[] mean = series.band(key).mean();
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        int n = 0;
        for (double v : mean) {
            if (!Double.isNaN(v)) {
                sum += v;
                min = Math.min(min, v);
                n++;
            }
        }
        int replicates = outcome.replicates().size();
        double[] events = new double[3];
        for (Alarm alarm : outcome.alarms()) {
            int kind = List.of(Alarm.ALARM, Alarm.RETRAIN, Alarm.ROLLBACK).indexOf(alarm.kind());
            if (kind >= 0) {
                events[kind] += 1.0 / replicates;
            }
        }
        return new Point(values, outcome, n == 0 ? Double.NaN : sum / n, mean.length == 0 ? Double.NaN
                : mean[mean.length - 1], n == 0 ? Double.NaN : min, events[0], events[1], events[2]);
    }
}
