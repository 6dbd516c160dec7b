package org.twinbench.ui.runs;

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
 * start-up stay smooth. A run the user starts stops it as its first step begins ({@link #giveWay()}; it may
 * go on while that run loads its data and trains), so it never holds a run's steps up; a sample that cannot
 * be read or compiled only leaves the engine cold.
 */
public final class EngineWarmUp {

    /** Steps of the warm-up run: enough for the per-step code to be compiled, about a second of one core. */
    public static final int STEPS = 1_500;
    /** Rows per step of the warm-up run. */
    static final int BATCH_SIZE = 100;

    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final RunControl CONTROL = new RunControl();
    /** Steps the warm-up has run so far. */
    private static final AtomicInteger DONE = new AtomicInteger();

    private EngineWarmUp() {
    }

    /**
     * Starts warming the engine on {@code sampleScenario} on a daemon thread once {@code scene}'s window has been
     * idle for a moment; once in the application's life. Call on the FX thread.
     */
    public static void start(Path sampleScenario, javafx.scene.Scene scene) {
        if (sampleScenario == null || !STARTED.compareAndSet(false, true)) {
            return;
        }
        PulsePacer pacer = new PulsePacer();
        pacer.start();
        IdleGate gate = IdleGate.on(scene, pacer);
        CONTROL.setYield(gate);
        Thread thread = new Thread(() -> {
            try {
                // Reading the sample and training its model is work too: it waits for the same quiet moment.
                gate.await();
                run(sampleScenario, CONTROL, DONE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // Nothing to tell the user: the first run is only slower to get going.
            } finally {
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

    /** How many steps the warm-up has run so far, of {@value #STEPS} (the smoothness benchmarks print it). */
    public static int stepsDone() {
        return DONE.get();
    }

    /** A run of the user's begins its steps: the warm-up, if still going, stops before its next step. */
    public static void giveWay() {
        CONTROL.cancel();
    }

    /**
     * Compiles {@code scenarioFile} with its source cut to the warm-up's size and runs it under {@code control},
     * results discarded; returns how many steps it ran.
     */
    static int run(Path scenarioFile, RunControl control) {
        return run(scenarioFile, control, new AtomicInteger());
    }

    private static int run(Path scenarioFile, RunControl control, AtomicInteger steps) {
        Scenario scenario = ScenarioFormat.read(scenarioFile);
        for (ScenarioNode source : scenario.nodesOfKind("source.")) {
            scenario = scenario.withNode(source.withParam("steps", STEPS).withParam("batch_size", BATCH_SIZE));
        }
        if (control.isCancelled()) {
            return 0;
        }
        Path baseDir = scenarioFile.toAbsolutePath().getParent();
        SimulationPlan plan = ScenarioCompiler.compile(scenario, baseDir, new RunListener() { });
        SimulationEngine.run(plan, 0, new RunListener() {
            @Override
            public void onStep(StepResult result, int totalSteps) {
                steps.incrementAndGet();
            }
        }, control);
        return steps.get();
    }
}
