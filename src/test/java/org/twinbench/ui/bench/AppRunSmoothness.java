package org.twinbench.ui.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.twinbench.data.BundledSamples;
import org.twinbench.ui.MainViewModel;
import org.twinbench.ui.TwinBenchApp;
import org.twinbench.ui.fx.AppExecutor;

/**
 * Benchmark (not a test): the whole main window running a real 10,000-step simulation of the loans
 * sample sliced by region and employment type (10 slices and the overall figure) as fast as the
 * engine goes, on the same two cores as the window. Prints the gaps between JavaFX pulses for the
 * first run after start-up and for later runs (argument: how many runs, default 3; add {@code probe} for one
 * more, untimed run that counts the nodes each pulse visits and lays out). Each round starts once the run before
 * is recorded in the run store ({@code record_s}), and prints its phases ({@link RunPhases}); with
 * {@code -Dbench.status=true} it also prints the status line's phases as they come. Run it with a
 * display (Xvfb): {@code java -cp target/test-classes:target/classes:$(cat cp.txt)
 * org.twinbench.ui.bench.RunAppSmoothness}.
 */
public final class AppRunSmoothness extends Application {

    static final int STEPS = 10_000;
    static final long IDLE_MILLIS = 1500;
    private AppExecutor executor;

    @Override
    public void start(Stage stage) throws Exception {
        Path home = Files.createTempDirectory("twinbench-smoothness");
        System.setProperty("twinbench.home", home.toString());
        Path samples = BundledSamples.extractTo(home.resolve("samples"));
        Path scenario = samples.resolve("bench-10k-steps.twin.json");
        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(samples.resolve("loans-recession.twin.json").toFile());
        for (var node : tree.withArray("nodes")) {
            ObjectNode params = (ObjectNode) node.get("params");
            switch (node.get("type").asText()) {
                case "source.dataset" -> params.put("steps", STEPS).put("batch_size", 100);
                case "monitor.slice-metrics" -> {
                    ArrayNode slices = params.putArray("slices");
                    slices.add("region").add("employment_type");
                }
                default -> { }
            }
        }
        json.writerWithDefaultPrettyPrinter().writeValue(scenario.toFile(), tree);

        executor = new AppExecutor();
        // As Launcher.main does for the window (ui.fx.ThreadNiceness): the JIT compilers below the FX thread.
        org.twinbench.ui.fx.ThreadNiceness.lowerCompilers();
        MainViewModel model = TwinBenchApp.show(stage, executor, scenario);
        PulseMeter meter = new PulseMeter();
        meter.start();
        AtomicLong revisions = new AtomicLong();
        RunPhases phases = new RunPhases();
        model.liveCharts().revisionProperty().addListener((obs, old, now) -> {
            revisions.incrementAndGet();
            phases.revised(model.liveCharts().results().size());
        });
        List<String> args = getParameters().getRaw();
        if (Boolean.getBoolean("bench.status")) {
            long t0 = System.nanoTime();
            model.statusProperty().addListener((obs, old, now) -> {
                if (now != null && now.endsWith("...")) {
                    System.out.printf(Locale.ROOT, "    status +%.2fs %s%n", (System.nanoTime() - t0) / 1e9, now);
                }
            });
        }
        int rounds = args.isEmpty() ? 3 : Integer.parseInt(args.get(0));
        boolean probe = args.contains("probe");
        Thread driver = new Thread(() -> {
            waitFor(() -> PulseMeter.onFxThread(() -> model.scenarioProperty().get() != null
                    && model.runBlockedReasonProperty().get().isEmpty()));
            for (int round = 1; round <= rounds; round++) {
                PulseMeter.sleepQuietly(IDLE_MILLIS);
                System.out.printf(Locale.ROOT, "engine warm-up: %d of %d steps run before round %d%n",
                        org.twinbench.ui.runs.EngineWarmUp.stepsDone(), org.twinbench.ui.runs.EngineWarmUp.STEPS, round);
                PulseMeter.onFxThread(() -> PulseMeter.describeScene(stage.getScene().getRoot()));
                long from = System.nanoTime();
                long revisionsBefore = revisions.get();
                long recordBefore = PulseMeter.onFxThread(() -> model.runs().lastRunIdProperty().get());
                phases.reset();
                long[] cpuBefore = meter.cpu();
                long[] heldBefore = org.twinbench.ui.fx.PulsePacer.held();
                PulseMeter.onFxThread(() -> {
                    model.runs().setSpeed(0);
                    model.run();
                });
                waitFor(() -> PulseMeter.onFxThread(() -> !model.runs().runningProperty().get()));
                long to = System.nanoTime();
                long[] cpuAfter = meter.cpu();
                long[] heldAfter = org.twinbench.ui.fx.PulsePacer.held();
                long updates = revisions.get() - revisionsBefore;
                String status = PulseMeter.onFxThread(() -> model.statusProperty().get());
                System.out.printf(Locale.ROOT, "round %d (%s): %s%n", round,
                        round == 1 ? "the first run after start-up" : "a later run in the same window", status);
                PulseMeter.report("idle (reference)", meter.pulses(from - (long) (IDLE_MILLIS * 1e6 / 2), from), "update", 0,
                        0);
                List<Long> running = meter.pulses(from, to);
                // One chart revision per hand-over (plus one as the run starts and one as it ends).
                PulseMeter.report("running", running, "chart_update", updates,
                        (to - from) / 1e9);
                phases.report(from, to, AppRunSmoothness.STEPS);
                meter.explainLongGaps(running, List.of());
                meter.reportWork(cpuBefore, cpuAfter, updates, from, to);
                // What the pacer's hold cost the run: the engine's sleeps for pulses, and how many steps slept.
                System.out.printf(Locale.ROOT, "  pacer: pacer_held_ms=%.0f pacer_held_steps=%d of %d%n",
                        (heldAfter[0] - heldBefore[0]) / 1e6, heldAfter[1] - heldBefore[1], STEPS);
                // The run is kept in the run store after it ends (on the executor): the next round starts once it is.
                waitFor(() -> PulseMeter.onFxThread(() -> model.runs().lastRunIdProperty().get() != recordBefore));
                System.out.printf(Locale.ROOT, "  record: record_s=%.2f (from the run's end to its record in the store)%n",
                        (System.nanoTime() - to) / 1e9);
            }
            if (probe) {
                probeRound(model, stage);
            }
            Platform.runLater(() -> {
                meter.stop();
                Platform.exit();
            });
        }, "benchmark-driver");
        driver.setDaemon(true);
        driver.start();
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.close();
        }
    }

    /**
     * One more run, not timed, with a {@link PulseNodeProbe} on the window: the nodes each pulse visits and lays
     * out while the window is idle and while it runs.
     */
    private static void probeRound(MainViewModel model, Stage stage) {
        PulseMeter.sleepQuietly(IDLE_MILLIS);
        PulseNodeProbe idle = PulseMeter.onFxThread(() -> new PulseNodeProbe(stage.getScene()));
        PulseMeter.onFxThread(idle::start);
        PulseMeter.sleepQuietly(IDLE_MILLIS);
        PulseMeter.onFxThread(() -> {
            idle.stop();
            System.out.println("probe round (not timed):");
            idle.report("idle");
            PulseNodeProbe.breakdown(stage.getScene().getRoot(), 25, "    ");
        });
        PulseNodeProbe running = PulseMeter.onFxThread(() -> new PulseNodeProbe(stage.getScene()));
        PulseMeter.onFxThread(() -> {
            running.start();
            model.runs().setSpeed(0);
            model.run();
        });
        waitFor(() -> PulseMeter.onFxThread(() -> !model.runs().runningProperty().get()));
        PulseMeter.onFxThread(() -> {
            running.stop();
            running.report("running");
        });
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) {
        while (!condition.getAsBoolean()) {
            PulseMeter.sleepQuietly(50);
        }
    }
}
