package org.twinbench.ui.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.sim.RunControl;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.ScenarioCompiler;
import org.twinbench.sim.SimulationEngine;
import org.twinbench.sim.SimulationPlan;
import org.twinbench.sim.StepResult;
import org.twinbench.ui.fx.IdleGate;
import org.twinbench.ui.fx.PulsePacer;

/**
 * Runs the engine once after the window shows, so that the first run the user starts finds the engine's
 * code compiled by the JIT instead of compiling it while it competes with the window for the cores: a real
 * run of the bundled sample ({@value #STEPS} steps of {@value #BATCH_SIZE} rows) on a thread of its own, its
 * results thrown away. Once in the application's life. It gives way to the user ({@link IdleGate}): it
 * begins once the window has had no input for a moment, waits before each step while the user is using the
 * window, and sleeps while the window's frames come late ({@link PulsePacer}), so the first seconds after
 * start-up stay smooth. It reads the first {@value #ROWS} rows of the sample's data only, so that reading and
 * training (most of its work before its steps) cost a tenth. A run the user starts stops it at once
 * ({@link #giveWay()}, before its next step, or before it reads the sample), so it never competes with a run;
 * a sample that cannot be read or compiled only leaves the engine cold.
 */
public final class EngineWarmUp {

    /** Steps of the warm-up run: enough for the per-step code to be compiled, about a second of one core. */
    public static final int STEPS = 1_500;
    /** Rows per step of the warm-up run. */
    static final int BATCH_SIZE = 100;
    /** Rows of the sample's data the warm-up reads (a tenth of the bundled sample's 20,000). */
    static final int ROWS = 2_000;

    /** The application's warm-up: once in its life. */
    private static final EngineWarmUp APP = new EngineWarmUp();

    private final AtomicBoolean started = new AtomicBoolean();
    private final RunControl control = new RunControl();
    /** Steps the warm-up has run so far. */
    private final AtomicInteger done = new AtomicInteger();
    /** Whether its thread has ended (run out, given way, or failed). */
    private final AtomicBoolean ended = new AtomicBoolean();

    EngineWarmUp() {
    }

    /**
     * Starts warming the engine on {@code sampleScenario} on a daemon thread once {@code scene}'s window has been
     * idle for a moment; once in the application's life. Call on the FX thread.
     */
    public static void start(Path sampleScenario, javafx.scene.Scene scene) {
        APP.begin(sampleScenario, scene);
    }

    /** How many steps the warm-up has run so far, of {@value #STEPS} (the smoothness benchmarks print it). */
    public static int stepsDone() {
        return APP.steps();
    }

    /** A run of the user's is starting: the warm-up, if still going, stops before its next step (or its start). */
    public static void giveWay() {
        APP.cancel();
    }

    /** As {@link #start}, for this warm-up; once. Call on the FX thread. */
    void begin(Path sampleScenario, javafx.scene.Scene scene) {
        if (sampleScenario == null || !started.compareAndSet(false, true)) {
            return;
        }
        PulsePacer pacer = new PulsePacer();
        pacer.start();
        IdleGate gate = IdleGate.on(scene, pacer);
        control.setYield(gate);
        Thread thread = new Thread(() -> {
            try {
                org.twinbench.ui.fx.ThreadNiceness.lowerThisThread();
                // Reading the sample and training its model is work too: it waits for the same quiet moment.
                gate.await();
                run(sampleScenario, control, done);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // Nothing to tell the user: the first run is only slower to get going.
            } finally {
                ended.set(true);
                javafx.application.Platform.runLater(() -> {
                    pacer.stop();
                    gate.close();
                });
            }
        }, "twinbench-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** Steps this warm-up has run so far. */
    int steps() {
        return done.get();
    }

    /** Whether this warm-up's thread is over: it ran out, gave way or failed. */
    boolean ended() {
        return ended.get();
    }

    /** This warm-up stops before its next step (or before it begins). */
    void cancel() {
        control.cancel();
    }

    /**
     * Compiles {@code scenarioFile} with its source cut to the warm-up's size and runs it under {@code control},
     * results discarded; returns how many steps it ran.
     */
    static int run(Path scenarioFile, RunControl control) {
        return run(scenarioFile, control, new AtomicInteger());
    }

    private static int run(Path scenarioFile, RunControl control, AtomicInteger steps) {
        if (control.isCancelled()) {
            return 0;
        }
        Scenario scenario = ScenarioFormat.read(scenarioFile);
        Path baseDir = scenarioFile.toAbsolutePath().getParent();
        Path cutDir = null;
        try {
            cutDir = Files.createTempDirectory("twinbench-warm-up");
            for (ScenarioNode source : scenario.nodesOfKind("source.")) {
                ScenarioNode sized = source.withParam("steps", STEPS).withParam("batch_size", BATCH_SIZE);
                Path cut = firstRows(baseDir, source.string("path", null), cutDir);
                scenario = scenario.withNode(cut == null ? sized : sized.withParam("path", cut.toString()));
            }
            if (control.isCancelled()) {
                return 0;
            }
            SimulationPlan plan = ScenarioCompiler.compile(scenario, baseDir, new RunListener() { });
            SimulationEngine.run(plan, 0, new RunListener() {
                @Override
                public void onStep(StepResult result, int totalSteps) {
                    steps.incrementAndGet();
                }
            }, control);
            return steps.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(cutDir);
        }
    }

    /**
     * The first {@value #ROWS} rows of a local CSV source {@code path} (with its header) copied into {@code dir},
     * so that the warm-up reads and trains on a tenth of the sample (the steps' code is the same whatever the
     * file's size); null when the source is not a local CSV file.
     */
    private static Path firstRows(Path baseDir, String path, Path dir) throws IOException {
        if (path == null || !path.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") || path.contains(":/")) {
            return null;
        }
        Path file = baseDir.resolve(path);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Path cut = dir.resolve(file.getFileName());
        try (java.util.stream.Stream<String> lines = Files.lines(file, java.nio.charset.StandardCharsets.UTF_8)) {
            Files.write(cut, (Iterable<String>) lines.limit(ROWS + 1L)::iterator, java.nio.charset.StandardCharsets.UTF_8);
        }
        return cut.toAbsolutePath();
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind; the system cleans it.
        }
    }
}
