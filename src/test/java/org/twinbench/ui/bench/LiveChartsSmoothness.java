package org.twinbench.ui.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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

        List<Long> pulses = java.util.Collections.synchronizedList(new ArrayList<>());
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulses.add(System.nanoTime());
            }
        };
        timer.start();
        List<long[]> acceptSpans = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Double> acceptCpuMillis = java.util.Collections.synchronizedList(new ArrayList<>());
        List<long[]> gcSpans = java.util.Collections.synchronizedList(new ArrayList<>());
        watchGc(gcSpans);
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        FxCoalescer<StepResult> coalescer = new FxCoalescer<>(Platform::runLater, batch -> {
            long start = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            model.accept(batch);
            acceptSpans.add(new long[] {start, System.nanoTime()});
            acceptCpuMillis.add((threads.getCurrentThreadCpuTime() - cpu) / 1e6);
        });
        int rounds = getParameters().getRaw().isEmpty() ? 2 : Integer.parseInt(getParameters().getRaw().get(0));
        Thread worker = new Thread(() -> {
            for (int round = 1; round <= rounds; round++) {
                // An idle spell first: start-up (CSS, fonts) stays out of the figures, and the idle
                // window's pulse gaps are the reference printed beside them.
                onFxThread(model::clear);
                sleepQuietly(IDLE_MILLIS);
                long idleFrom = System.nanoTime() - (long) (IDLE_MILLIS * 1e6 / 2);
                long from = System.nanoTime();
                long fromWall = System.currentTimeMillis();
                long handOversBefore = coalescer.handOvers();
                int spansBefore = acceptSpans.size();
                long[] cpuBefore = onFxThread(() -> new long[] {threads.getCurrentThreadCpuTime(), renderCpu(threads)});
                produce(coalescer);
                long to = System.nanoTime();
                sleepQuietly(500);
                onFxThread(model::flush);
                long[] cpuAfter = onFxThread(() -> new long[] {threads.getCurrentThreadCpuTime(), renderCpu(threads)});
                List<Long> all = List.copyOf(pulses);
                List<Long> streaming = all.stream().filter(t -> t >= from && t <= to).toList();
                System.out.printf(Locale.ROOT, "round %d (%s), streaming from %s%n", round, round == 1 ? "the first run after start-up"
                        : "a later run in the same window", java.time.Instant.ofEpochMilli(fromWall));
                report("idle (reference)", all.stream().filter(t -> t >= idleFrom && t <= from).toList(), 0, 0);
                report("streaming", streaming, coalescer.handOvers() - handOversBefore, (to - from) / 1e9);
                explainLongGaps(streaming, List.copyOf(acceptSpans), List.copyOf(gcSpans));
                List<long[]> spans = List.copyOf(acceptSpans.subList(spansBefore, acceptSpans.size()));
                double[] wall = spans.stream().mapToDouble(x -> (x[1] - x[0]) / 1e6).sorted().toArray();
                double[] cpu = List.copyOf(acceptCpuMillis.subList(spansBefore, acceptCpuMillis.size())).stream()
                        .mapToDouble(Double::doubleValue).sorted().toArray();
                System.out.printf(Locale.ROOT, "  view-model update per hand-over: p50=%.1fms p99=%.1fms (n=%d),"
                        + " cpu p50=%.1fms%n", wall[wall.length / 2], wall[(int) (wall.length * 0.99)], wall.length,
                        cpu[cpu.length / 2]);
                // CPU time (not wall time) counts the work done whatever else the machine runs.
                System.out.printf(Locale.ROOT, "  cpu over the run: fx thread %.2fs, render thread %.2fs%n",
                        (cpuAfter[0] - cpuBefore[0]) / 1e9, (cpuAfter[1] - cpuBefore[1]) / 1e9);
            }
            Platform.runLater(() -> {
                timer.stop();
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
                sleepQuietly(5);
            }
        }
    }

    /** Runs {@code work} on the FX thread and waits for its result. */
    private static <T> T onFxThread(java.util.concurrent.Callable<T> work) {
        java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(work);
        Platform.runLater(task);
        try {
            return task.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void onFxThread(Runnable work) {
        onFxThread(() -> {
            work.run();
            return null;
        });
    }

    /** Records each collection's pause as a span of {@link System#nanoTime()} values. */
    private static void watchGc(List<long[]> spans) {
        long offset = System.nanoTime() - java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            ((javax.management.NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                var info = com.sun.management.GarbageCollectionNotificationInfo
                        .from((javax.management.openmbean.CompositeData) notification.getUserData());
                long start = offset + info.getGcInfo().getStartTime() * 1_000_000L;
                spans.add(new long[] {start, start + info.getGcInfo().getDuration() * 1_000_000L});
            }, n -> n.getType().equals(com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION),
                    null);
        }
    }

    /** The five longest gaps between pulses, with the time spent in hand-overs and collections inside each. */
    private static void explainLongGaps(List<Long> pulses, List<long[]> accepts, List<long[]> gcs) {
        List<long[]> gaps = new ArrayList<>();
        for (int i = 1; i < pulses.size(); i++) {
            gaps.add(new long[] {pulses.get(i - 1), pulses.get(i)});
        }
        gaps.sort((a, b) -> Long.compare(b[1] - b[0], a[1] - a[0]));
        for (long[] gap : gaps.subList(0, Math.min(5, gaps.size()))) {
            System.out.printf(Locale.ROOT, "    long gap %.1fms at +%.2fs: hand-over %.1fms, collection %.1fms%n",
                    (gap[1] - gap[0]) / 1e6, (gap[0] - pulses.get(0)) / 1e9, overlap(gap, accepts) / 1e6,
                    overlap(gap, List.copyOf(gcs)) / 1e6);
        }
    }

    private static long overlap(long[] gap, List<long[]> spans) {
        long total = 0;
        for (long[] span : spans) {
            total += Math.max(0, Math.min(gap[1], span[1]) - Math.max(gap[0], span[0]));
        }
        return total;
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
                "  %s: steps=%d slices=%d run=%.2fs pulses=%d gap_p50=%.1fms gap_p99=%.1fms gap_max=%.1fms"
                        + " handovers_per_s=%.1f%n",
                phase, STEPS, SLICES, seconds, pulses.size(), gaps[gaps.length / 2], gaps[(int) (gaps.length * 0.99)],
                gaps[gaps.length - 1], seconds > 0 ? handOvers / seconds : 0.0);
    }
}
