package org.twinbench.ui.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.twinbench.sim.StepResult;
import org.twinbench.stats.MetricSet;
import org.twinbench.stats.SliceMetrics;
import org.twinbench.ui.FxCoalescer;
import org.twinbench.ui.LiveChartsViewModel;

/**
 * Benchmark (not a test): a 10,000-step run with 10 slices streamed as fast as a worker can make
 * results into the real live-charts view; prints the gaps between JavaFX pulses (p50, p99, max) and
 * the hand-overs to the FX thread per second. Run it with a display (Xvfb) or Monocle:
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) org.twinbench.ui.bench.RunSmoothness}.
 */
public final class LiveChartsSmoothness extends Application {

    static final int STEPS = 10_000;
    static final int SLICES = 10;
    /** The window is left idle this long before the run starts. */
    static final long IDLE_MILLIS = 1500;

    public static void main(String[] args) {
        launch(args);
    }

    @Override
    public void start(Stage stage) throws Exception {
        FXMLLoader loader = new FXMLLoader(getClass().getResource("/fxml/LiveChartsView.fxml"));
        Parent root = loader.load();
        LiveChartsViewModel model = new LiveChartsViewModel(Runnable::run, Platform::runLater);
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

        List<Long> pulses = new ArrayList<>();
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulses.add(System.nanoTime());
            }
        };
        timer.start();
        List<Double> acceptMillis = new ArrayList<>();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        List<Double> acceptCpuMillis = new ArrayList<>();
        FxCoalescer<StepResult> coalescer = new FxCoalescer<>(Platform::runLater, batch -> {
            long start = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            model.accept(batch);
            acceptMillis.add((System.nanoTime() - start) / 1e6);
            acceptCpuMillis.add((threads.getCurrentThreadCpuTime() - cpu) / 1e6);
        });
        long[] cpuAtStart = {threads.getCurrentThreadCpuTime(), renderCpu(threads)};
        CountDownLatch produced = new CountDownLatch(1);
        long[] window = new long[2];
        Thread worker = new Thread(() -> {
            // One idle second first: start-up (CSS, fonts, JIT) stays out of the figures, and the
            // idle window's pulse gaps are the reference printed beside them.
            sleepQuietly(IDLE_MILLIS);
            window[0] = System.nanoTime();
            for (int step = 0; step < STEPS; step++) {
                List<SliceMetrics> slices = new ArrayList<>();
                for (int s = 0; s < SLICES; s++) {
                    double a = 0.8 + 0.1 * Math.sin(step / 300.0 + s) + 0.01 * ((step * 7 + s) % 5);
                    slices.add(new SliceMetrics("segment", "s" + s, metrics(a)));
                }
                coalescer.offer(new StepResult(0, step, metrics(0.8), slices));
                if (step % 10 == 0) {
                    // About 2,000 steps per second: a fast engine that a viewer still watches.
                    sleepQuietly(5);
                }
            }
            window[1] = System.nanoTime();
            produced.countDown();
        }, "producer");
        worker.setDaemon(true);
        worker.start();
        new Thread(() -> {
            try {
                produced.await();
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Platform.runLater(() -> {
                model.flush();
                timer.stop();
                long half = window[0] - (long) (IDLE_MILLIS * 1e6 / 2);
                report("idle (reference)", pulses.stream().filter(t -> t >= half && t <= window[0]).toList(), 0, 0);
                report("streaming", pulses.stream().filter(t -> t >= window[0]).toList(), coalescer.handOvers(),
                        (window[1] - window[0]) / 1e9);
                double[] a = acceptMillis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                System.out.printf(Locale.ROOT, "view-model update per hand-over: p50=%.1fms p99=%.1fms (n=%d)%n",
                        a[a.length / 2], a[(int) (a.length * 0.99)], a.length);
                double[] c = acceptCpuMillis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                // CPU time (not wall time) counts the work done whatever else the machine runs.
                System.out.printf(Locale.ROOT,
                        "cpu: view-model update per hand-over p50=%.1fms; fx thread %.2fs, render thread %.2fs over the run%n",
                        c[c.length / 2], (threads.getCurrentThreadCpuTime() - cpuAtStart[0]) / 1e9,
                        (renderCpu(threads) - cpuAtStart[1]) / 1e9);
                Platform.exit();
            });
        }).start();
    }

    /** CPU time of the JavaFX render thread so far (ns), 0 if it cannot be found. */
    private static long renderCpu(java.lang.management.ThreadMXBean threads) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("QuantumRenderer"))
                .mapToLong(t -> Math.max(0, threads.getThreadCpuTime(t.getId()))).sum();
    }

    private static MetricSet metrics(double accuracy) {
        return new MetricSet(100, accuracy, 0.6, 0.5, 0.55, 0.8, 0.4, 0.15, 0.03);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void report(String phase, List<Long> pulses, long handOvers, double seconds) {
        if (pulses.size() < 2) {
            System.out.printf(Locale.ROOT, "%s: fewer than two pulses%n", phase);
            return;
        }
        double[] gaps = new double[pulses.size() - 1];
        for (int i = 1; i < pulses.size(); i++) {
            gaps[i - 1] = (pulses.get(i) - pulses.get(i - 1)) / 1e6;
        }
        Arrays.sort(gaps);
        System.out.printf(Locale.ROOT,
                "%s: steps=%d slices=%d run=%.2fs pulses=%d gap_p50=%.1fms gap_p99=%.1fms gap_max=%.1fms"
                        + " handovers_per_s=%.1f%n",
                phase, STEPS, SLICES, seconds, pulses.size(), gaps[gaps.length / 2], gaps[(int) (gaps.length * 0.99)],
                gaps[gaps.length - 1], seconds > 0 ? handOvers / seconds : 0.0);
    }
}
