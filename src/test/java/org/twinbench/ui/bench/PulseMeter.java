package org.twinbench.ui.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * What the smoothness benchmarks measure: the time of every JavaFX pulse (an {@link AnimationTimer}
 * keeps one coming each frame), the pauses of the garbage collector and the CPU time of the FX and
 * render threads; and how they print it.
 */
final class PulseMeter {

    private final List<Long> pulses = Collections.synchronizedList(new ArrayList<>());
    private final List<long[]> collections = Collections.synchronizedList(new ArrayList<>());
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            long at = System.nanoTime();
            cpuAt.put(at, new long[] {threads.getCurrentThreadCpuTime(),
                    renderThreadId < 0 ? 0 : threads.getThreadCpuTime(renderThreadId)});
            pulses.add(at);
        }
    };
    /** At each pulse: the FX thread's and the render thread's CPU time so far (ns), to say what a long gap held. */
    private final java.util.Map<Long, long[]> cpuAt = new java.util.concurrent.ConcurrentHashMap<>();
    private final long renderThreadId = Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().startsWith("QuantumRenderer")).mapToLong(Thread::getId).findFirst().orElse(-1);

    /**
     * Starts counting pulses and collections; call on the FX thread. A collection's start time is
     * reported in milliseconds from a base of the JVM's own that is not quite the one its uptime is
     * counted from: one full collection here, bracketed by {@link System#nanoTime()}, ties the two.
     */
    void start() {
        timer.start();
        var runtime = ManagementFactory.getRuntimeMXBean();
        long[] calibration = new long[2];
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                long start = System.nanoTime() - (runtime.getUptime() - info.getGcInfo().getStartTime()) * 1_000_000L;
                long duration = info.getGcInfo().getDuration() * 1_000_000L;
                synchronized (calibration) {
                    if (calibration[1] == 0 && info.getGcCause().equals("System.gc()")) {
                        calibration[1] = 1;
                        calibration[0] = start - gcCalledAt;
                        return;
                    }
                    start -= calibration[0];
                }
                collections.add(new long[] {start, start + duration});
            }, n -> n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION), null);
        }
        gcCalledAt = System.nanoTime();
        System.gc();
    }

    private volatile long gcCalledAt;

    void stop() {
        timer.stop();
    }

    /**
     * CPU time so far (ns) of the FX thread and of the render thread, the bytes the FX thread allocated,
     * the JIT compiler's time (ms, all compiler threads) and the garbage collector's pauses (ms); called
     * from any thread. The differences over a run do not depend on what else the machine runs, as wall
     * times do.
     */
    long[] cpu() {
        long jit = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        long gc = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(b -> Math.max(0, b.getCollectionTime())).sum();
        return onFxThread(() -> new long[] {threads.getCurrentThreadCpuTime(), renderCpu(),
            ((com.sun.management.ThreadMXBean) threads).getThreadAllocatedBytes(Thread.currentThread().getId()), jit,
            gc});
    }

    /**
     * Prints the load-independent figures of a run from two {@link #cpu()} readings: CPU and bytes of the FX
     * thread per {@code what} ({@code fx_cpu_ms_per_update}, {@code fx_bytes_per_update}), the JIT compiler's
     * time and the collections' pauses over the run (their time, count and longest), and the load average.
     */
    void reportWork(long[] before, long[] after, long updates, long from, long to) {
        long n = Math.max(1, updates);
        List<long[]> pauses = List.copyOf(collections).stream().filter(c -> c[0] >= from && c[0] <= to).toList();
        System.out.printf(Locale.ROOT,
                "  cpu over the run: fx thread %.2fs, render thread %.2fs; fx_cpu_ms_per_update=%.2f"
                        + " fx_bytes_per_update=%.0f jit_ms=%d gc_ms=%d gc_pauses=%d gc_max_ms=%.0f load=%.2f%n",
                (after[0] - before[0]) / 1e9, (after[1] - before[1]) / 1e9, (after[0] - before[0]) / 1e6 / n,
                (after[2] - before[2]) / (double) n, after[3] - before[3], after[4] - before[4], pauses.size(),
                pauses.stream().mapToDouble(c -> (c[1] - c[0]) / 1e6).max().orElse(0),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private long renderCpu() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("QuantumRenderer"))
                .mapToLong(t -> Math.max(0, threads.getThreadCpuTime(t.getId()))).sum();
    }

    /** The pulses between two {@link System#nanoTime()} values. */
    List<Long> pulses(long from, long to) {
        return List.copyOf(pulses).stream().filter(t -> t >= from && t <= to).toList();
    }

    /** Prints the gaps between pulses (median, 99th percentile, largest) and {@code what} per second. */
    static void report(String phase, List<Long> pulses, String what, long count, double seconds) {
        if (pulses.size() < 2) {
            System.out.printf(Locale.ROOT, "  %s: fewer than two pulses%n", phase);
            return;
        }
        double[] gaps = new double[pulses.size() - 1];
        for (int i = 1; i < pulses.size(); i++) {
            gaps[i - 1] = (pulses.get(i) - pulses.get(i - 1)) / 1e6;
        }
        Arrays.sort(gaps);
        System.out.printf(Locale.ROOT,
                "  %s: %.2fs pulses=%d gap_p50=%.1fms gap_p99=%.1fms gap_max=%.1fms %s_per_s=%.1f%n", phase,
                seconds, pulses.size(), gaps[gaps.length / 2], gaps[(int) (gaps.length * 0.99)], gaps[gaps.length - 1],
                what, seconds > 0 ? count / seconds : 0.0);
    }

    /** The five longest gaps, with the time spent inside each in hand-overs and in collections. */
    void explainLongGaps(List<Long> pulses, List<long[]> handOvers) {
        List<long[]> gaps = new ArrayList<>();
        for (int i = 1; i < pulses.size(); i++) {
            gaps.add(new long[] {pulses.get(i - 1), pulses.get(i)});
        }
        gaps.sort((a, b) -> Long.compare(b[1] - b[0], a[1] - a[0]));
        List<long[]> gcs = List.copyOf(collections);
        for (long[] gap : gaps.subList(0, Math.min(5, gaps.size()))) {
            long[] before = cpuAt.getOrDefault(gap[0], new long[2]);
            long[] after = cpuAt.getOrDefault(gap[1], new long[2]);
            System.out.printf(Locale.ROOT, "    long gap %.1fms at +%.2fs (%s): hand-over %.1fms, collection %.1fms, "
                            + "fx_cpu %.1fms, render_cpu %.1fms%n",
                    (gap[1] - gap[0]) / 1e6, (gap[0] - pulses.get(0)) / 1e9, wallClock(gap[0]),
                    overlap(gap, handOvers) / 1e6, overlap(gap, gcs) / 1e6, (after[0] - before[0]) / 1e6,
                    (after[1] - before[1]) / 1e6);
        }
    }

    /** The time of day of a {@link System#nanoTime()} value, to find the gap in a flight recording. */
    private static String wallClock(long nanos) {
        long millis = System.currentTimeMillis() - (System.nanoTime() - nanos) / 1_000_000L;
        return java.time.LocalTime.ofInstant(java.time.Instant.ofEpochMilli(millis), java.time.ZoneOffset.UTC)
                .toString();
    }

    private static long overlap(long[] gap, List<long[]> spans) {
        long total = 0;
        for (long[] span : spans) {
            total += Math.max(0, Math.min(gap[1], span[1]) - Math.max(gap[0], span[0]));
        }
        return total;
    }

    /**
     * Prints how many nodes the scene holds ({@code scene_nodes}: every pulse visits each to update its
     * bounds) and the largest branches two levels under {@code root}; call on the FX thread.
     */
    static void describeScene(javafx.scene.Parent root) {
        List<String> branches = new ArrayList<>();
        for (javafx.scene.Node child : root.getChildrenUnmodifiable()) {
            if (child instanceof javafx.scene.Parent parent) {
                for (javafx.scene.Node grandChild : parent.getChildrenUnmodifiable()) {
                    branches.add(String.format(Locale.ROOT, "%6d %s", count(grandChild), name(grandChild)));
                }
            }
        }
        branches.sort(Collections.reverseOrder());
        System.out.printf(Locale.ROOT, "scene_nodes=%d; largest branches: %s%n", count(root),
                String.join(", ", branches.subList(0, Math.min(6, branches.size()))).replaceAll(" +", " "));
    }

    private static String name(javafx.scene.Node node) {
        return node.getClass().getSimpleName() + (node.getId() != null ? "#" + node.getId() : "")
                + (node.getStyleClass().isEmpty() ? "" : "." + node.getStyleClass().get(0));
    }

    static int count(javafx.scene.Node node) {
        int n = 1;
        if (node instanceof javafx.scene.Parent parent) {
            for (javafx.scene.Node child : parent.getChildrenUnmodifiable()) {
                n += count(child);
            }
        }
        return n;
    }

    /** Runs {@code work} on the FX thread and waits for its result. */
    static <T> T onFxThread(Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        try {
            return task.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void onFxThread(Runnable work) {
        onFxThread(() -> {
            work.run();
            return null;
        });
    }

    static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
