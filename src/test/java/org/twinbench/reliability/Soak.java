package org.twinbench.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.sim.Experiment;
import org.twinbench.sim.RunControl;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.RunOutcome;
import org.twinbench.sim.RunStatus;
import org.twinbench.sim.ScenarioCompiler;
import org.twinbench.sim.SimulationPlan;
import org.twinbench.sim.StepResult;
import org.twinbench.sim.StepRows;
import org.twinbench.sim.store.RunProvenance;
import org.twinbench.sim.store.RunStore;

/**
 * Load and soak on a real sample scenario: many runs back to back (heap after each, settled by
 * repeated {@link System#gc()}), several runs at once (their steps compared with the same runs made
 * one after another), and runs cancelled at seeded random moments (threads named {@code twinbench-}
 * and open file descriptors counted before and after). {@link SoakTest} runs a light version;
 * {@link #main} the full one: {@code 20 runs x 10 replicates} of the whole scenario.
 */
final class Soak {

    /** The sample scenario file and how many steps of it to run (0: all). */
    record Setup(Path scenarioFile, int steps) {

        SimulationPlan compile(long seed) {
            Scenario scenario = ScenarioFormat.read(scenarioFile).withSeed(seed);
            SimulationPlan plan = ScenarioCompiler.compile(scenario, scenarioFile.toAbsolutePath().getParent(),
                    new RunListener() { });
            return steps > 0 ? plan.withSteps(steps) : plan;
        }
    }

    /** Heap used after each of the runs, settled. */
    record HeapFigures(long[] usedAfterRun) {

        long first() {
            return usedAfterRun[0];
        }

        long last() {
            return usedAfterRun[usedAfterRun.length - 1];
        }

        double growth() {
            return (double) (last() - first()) / first();
        }
    }

    /** Threads named {@code twinbench-} and open file descriptors, before and after the cancelled runs. */
    record Leftovers(int threadsBefore, int threadsAfter, int descriptorsBefore, int descriptorsAfter, int cancelled) {
    }

    private Soak() {
    }

    /**
     * Runs back to back; the settled heap is measured after the first and the last run, and after
     * every run when {@code everyRun} (each measurement is several full collections, slow on a big heap).
     */
    static HeapFigures backToBack(Setup setup, int runs, int replicates, int threads, boolean everyRun) {
        List<Long> used = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            RunOutcome outcome = Experiment.run(setup.compile(100 + i), replicates, threads, new RunListener() { },
                    new RunControl());
            if (outcome.status() != RunStatus.COMPLETED || outcome.replicates().size() != replicates) {
                throw new AssertionError("run " + i + " did not complete: " + outcome.status());
            }
            outcome = null;
            if (everyRun || i == 0 || i == runs - 1) {
                used.add(settledUsedHeap());
            }
        }
        return new HeapFigures(used.stream().mapToLong(Long::longValue).toArray());
    }

    /** The steps.csv rows of {@code runs} runs made at once, one thread each; then the same runs one after another. */
    static List<List<String>> atOnceAndInTurn(Setup setup, int runs, int replicates) throws Exception {
        List<SimulationPlan> plans = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            plans.add(setup.compile(200 + i));
        }
        List<String> together = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (SimulationPlan plan : plans) {
                futures.add(pool.submit(() -> steps(Experiment.run(plan, replicates, 1, new RunListener() { },
                        new RunControl()))));
            }
            for (Future<String> future : futures) {
                together.add(future.get());
            }
        } finally {
            pool.shutdown();
        }
        List<String> inTurn = new ArrayList<>();
        for (SimulationPlan plan : plans) {
            inTurn.add(steps(Experiment.run(plan, replicates, 1, new RunListener() { }, new RunControl())));
        }
        return List.of(together, inTurn);
    }

    /**
     * Runs recorded in a run store and cancelled after a random delay (seeded), each from its own
     * thread as the window does; returns the thread and descriptor counts around them.
     */
    static Leftovers cancelAtRandom(Setup setup, Path store, int runs, int replicates, int threads, long seed)
            throws Exception {
        // Warm up first: class loading opens jar files once and keeps them open, which is not a leak.
        cancelled(setup, store, replicates, threads, new Random(seed), 0);
        int threadsBefore = settled(Soak::twinbenchThreads, -1);
        int descriptorsBefore = settled(Soak::openDescriptors, -1);
        Random random = new Random(seed);
        int cancelled = 0;
        for (int i = 0; i < runs; i++) {
            cancelled += cancelled(setup, store, replicates, threads, random, 400) ? 1 : 0;
        }
        return new Leftovers(threadsBefore, settled(Soak::twinbenchThreads, threadsBefore), descriptorsBefore,
                settled(Soak::openDescriptors, descriptorsBefore), cancelled);
    }

    private static boolean cancelled(Setup setup, Path store, int replicates, int threads, Random random,
                                     int maxDelayMillis) throws Exception {
        RunControl control = new RunControl();
        RunOutcome[] outcome = new RunOutcome[1];
        // Cancelled after a random delay, or at the latest at a random step of the first replicate:
        // on a fast, quiet machine a run may otherwise end before any delay is up (the light test has 6 steps).
        int cancelAtStep = maxDelayMillis == 0 ? 0 : random.nextInt(5);
        RunListener cutter = new RunListener() {
            @Override
            public void onStep(StepResult result, int totalSteps) {
                if (result.step() >= cancelAtStep) {
                    control.cancel();
                }
            }
        };
        Thread run = new Thread(() -> {
            SimulationPlan plan = setup.compile(300);
            try (RunStore runs = RunStore.open(store)) {
                long id = runs.begin(ScenarioFormat.toJson(plan.scenario()),
                        RunProvenance.of(setup.scenarioFile(), plan, replicates, Instant.now()));
                outcome[0] = Experiment.run(plan, replicates, threads, cutter, control);
                runs.fail(id, "Cancelled");
            }
        }, "twinbench-soak-run");
        run.start();
        Thread.sleep(maxDelayMillis == 0 ? 0 : random.nextInt(maxDelayMillis));
        control.cancel();
        run.join(120_000);
        if (run.isAlive()) {
            throw new AssertionError("a cancelled run did not stop within two minutes");
        }
        return outcome[0] != null && outcome[0].status() == RunStatus.CANCELLED;
    }

    static String steps(RunOutcome outcome) {
        StringBuilder text = new StringBuilder();
        try {
            StepRows.forEach(outcome, (replicate, step, slice, metric, value) -> text.append(replicate).append(',')
                    .append(step).append(',').append(slice).append(',').append(metric).append(',').append(value)
                    .append('\n'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** Used heap once garbage collection has settled: the least of several collections. */
    static long settledUsedHeap() {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(40);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    static int twinbenchThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("twinbench-")).count();
    }

    static int openDescriptors() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return (int) fds.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The count once it reaches {@code target} (threads take a moment to end), or after five seconds. */
    private static int settled(java.util.function.IntSupplier count, int target) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        int now = count.getAsInt();
        while (target >= 0 && now > target && System.nanoTime() < deadline) {
            Thread.sleep(50);
            now = count.getAsInt();
        }
        return now;
    }

    /** The full soak: {@code Soak [runs] [replicates] [steps]}, defaults 20, 10 and the scenario's own. */
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int replicates = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        Setup setup = new Setup(Path.of("sample-data", "loans-recession.twin.json"), steps);
        int cores = Runtime.getRuntime().availableProcessors();
        long start = System.nanoTime();
        HeapFigures heap = backToBack(setup, runs, replicates, cores, true);
        System.out.printf("%d runs x %d replicates back to back in %.1f s: heap after run 1 %.1f MiB, after run %d"
                        + " %.1f MiB (%+.1f%%)%n", runs, replicates, (System.nanoTime() - start) / 1e9,
                heap.first() / 1048576.0, runs, heap.last() / 1048576.0, 100 * heap.growth());
        start = System.nanoTime();
        List<List<String>> steps4 = atOnceAndInTurn(setup, 4, replicates);
        System.out.printf("4 runs at once on %d cores: %s the same runs one after another (%.1f s)%n", cores,
                steps4.get(0).equals(steps4.get(1)) ? "identical steps to" : "DIFFERENT steps from",
                (System.nanoTime() - start) / 1e9);
        Path store = Files.createTempFile("twinbench-soak", ".sqlite");
        Leftovers left = cancelAtRandom(setup, store, runs, replicates, cores, 20261127L);
        System.out.printf("%d runs cancelled at random moments (%d before their end): twinbench threads %d -> %d,"
                        + " open file descriptors %d -> %d%n", runs, left.cancelled(), left.threadsBefore(),
                left.threadsAfter(), left.descriptorsBefore(), left.descriptorsAfter());
        Files.deleteIfExists(store);
    }
}
