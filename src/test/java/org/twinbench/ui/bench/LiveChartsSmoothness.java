package org.twinbench.ui.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.twinbench.sim.StepResult;
import org.twinbench.stats.MetricSet;
import org.twinbench.stats.SliceMetrics;
import org.twinbench.ui.fx.FxCoalescer;
import org.twinbench.ui.results.LiveChartsViewModel;

/**
 * Benchmark (not a test): a 10,000-step run with 10 slices streamed as fast as a worker can make
 * results into the real live-charts view; prints the gaps between JavaFX pulses (p50, p99, max) and
 * the hand-overs to the FX thread per second, for the first run after start-up and for later runs
 * in the same window (argument: how many runs, default 3). The worker and the JIT compilers run below the FX thread,
 * as the window's engine does ({@code ui.fx.ThreadNiceness}; {@code -Dbench.nice=false}: not). Run it with a display (Xvfb):
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) org.twinbench.ui.bench.RunSmoothness}.
 */
public final class LiveChartsSmoothness extends Application {

    static final int STEPS = 10_000;
    static final int SLICES = 10;
    /** The window is left idle this long before each run starts. */
    static final long IDLE_MILLIS = 1500;

    @Override
    public void start(Stage stage) throws Exception {
        FXMLLoader loader = new FXMLLoader(getClass().getResource("/fxml/LiveChartsView.fxml"));
        Parent root = loader.load();
        // Every hand-over to the FX thread, the steps' and the slice table's, goes through here.
        java.util.concurrent.atomic.AtomicLong runLaters = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.Executor fxThread = work -> {
            runLaters.incrementAndGet();
            Platform.runLater(work);
        };
        LiveChartsViewModel model = new LiveChartsViewModel(Runnable::run, fxThread);
        var view = loader.getController();
        var bind = view.getClass().getDeclaredMethod("bind", LiveChartsViewModel.class);
        bind.setAccessible(true);
        bind.invoke(view, model);
        var steps = view.getClass().getDeclaredMethod("setSteps", int.class);
        steps.setAccessible(true);
        steps.invoke(view, STEPS);
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(getClass().getResource("/styles/theme.css").toExternalForm());
        stage.setScene(scene);
        stage.show();

        PulseMeter meter = new PulseMeter();
        meter.start();
        List<long[]> handOvers = Collections.synchronizedList(new ArrayList<>());
        FxCoalescer<StepResult> coalescer = new FxCoalescer<>(fxThread, batch -> {
            long start = System.nanoTime();
            model.accept(batch);
            handOvers.add(new long[] {start, System.nanoTime()});
        });
        int rounds = getParameters().getRaw().isEmpty() ? 3 : Integer.parseInt(getParameters().getRaw().get(0));
        // As in the window (ui.fx.ThreadNiceness): the JIT compilers and the thread making the steps (the engine's, an
        // AppExecutor thread, in the window) below the FX thread. -Dbench.nice=false leaves every thread at its priority.
        boolean nice = !"false".equals(System.getProperty("bench.nice"));
        if (nice) {
            org.twinbench.ui.fx.ThreadNiceness.lowerCompilers();
        }
        Thread worker = new Thread(() -> {
            if (nice) {
                org.twinbench.ui.fx.ThreadNiceness.lowerThisThread();
            }
            for (int round = 1; round <= rounds; round++) {
                // An idle spell first: start-up (CSS, fonts) stays out of the figures, and the idle
                // window's pulse gaps are the reference printed beside them.
                PulseMeter.onFxThread(model::clear);
                PulseMeter.sleepQuietly(IDLE_MILLIS);
                long from = System.nanoTime();
                long handOversBefore = runLaters.get();
                int spansBefore = handOvers.size();
                long[] cpuBefore = meter.cpu();
                produce(coalescer);
                long to = System.nanoTime();
                PulseMeter.sleepQuietly(500);
                PulseMeter.onFxThread(model::flush);
                long[] cpuAfter = meter.cpu();
                System.out.printf(Locale.ROOT, "round %d (%s): %d steps x %d slices%n", round,
                        round == 1 ? "the first run after start-up" : "a later run in the same window", STEPS, SLICES);
                PulseMeter.report("idle (reference)", meter.pulses(from - (long) (IDLE_MILLIS * 1e6 / 2), from), "runlater", 0,
                        0);
                List<Long> streaming = meter.pulses(from, to);
                PulseMeter.report("streaming", streaming, "runlater", runLaters.get() - handOversBefore,
                        (to - from) / 1e9);
                meter.explainLongGaps(streaming, List.copyOf(handOvers));
                double[] wall = List.copyOf(handOvers.subList(spansBefore, handOvers.size())).stream()
                        .mapToDouble(x -> (x[1] - x[0]) / 1e6).sorted().toArray();
                System.out.printf(Locale.ROOT, "  view-model update per hand-over: p50=%.1fms p99=%.1fms (n=%d)%n",
                        wall[wall.length / 2], wall[(int) (wall.length * 0.99)], wall.length);
                // CPU time (not wall time) counts the work done whatever else the machine runs.
                meter.reportWork(cpuBefore, cpuAfter, wall.length, from, to);
            }
            Platform.runLater(() -> {
                meter.stop();
                Platform.exit();
            });
        }, "producer");
        worker.setDaemon(true);
        worker.start();
    }

    /** Streams {@value #STEPS} steps of {@value #SLICES} slices at about 2,000 steps per second. */
    private static void produce(FxCoalescer<StepResult> coalescer) {
        String[] names = new String[SLICES];
        for (int s = 0; s < SLICES; s++) {
            names[s] = "s" + s;
        }
        for (int step = 0; step < STEPS; step++) {
            List<SliceMetrics> slices = new ArrayList<>();
            for (int s = 0; s < SLICES; s++) {
                double a = 0.8 + 0.1 * Math.sin(step / 300.0 + s) + 0.01 * ((step * 7 + s) % 5);
                slices.add(new SliceMetrics("segment", names[s], metrics(a)));
            }
            coalescer.offer(new StepResult(0, step, metrics(0.8), slices));
            if (step % 10 == 0) {
                // A fast engine that a viewer still watches.
                PulseMeter.sleepQuietly(5);
            }
        }
    }

    private static MetricSet metrics(double accuracy) {
        return new MetricSet(100, accuracy, 0.6, 0.5, 0.55, 0.8, 0.4, 0.15, 0.03);
    }
}
