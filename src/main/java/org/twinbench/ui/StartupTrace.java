package org.twinbench.ui;

import java.lang.management.ManagementFactory;

/**
 * Where the window's start-up spends its time, for the start-up benchmark ({@code ui.bench.WindowStartup}): with
 * {@code -Dtwinbench.startup.trace=true} each phase prints {@code startup <phase> <ms since the JVM started> <CPU ms
 * of the thread that reached it>} on the standard error (the phases after {@code main} are reached on the FX thread),
 * and once the window's first frame is drawn {@code startup cpu <process CPU ms>}, {@code startup threads_cpu_ms
 * {name=ms, ...}} (every thread's CPU, the JIT compilers' and the collector's included) and last
 * {@code startup first_frame …}. Without the property nothing is printed.
 */
public final class StartupTrace {

    /** The system property that turns the trace on. */
    public static final String PROPERTY = "twinbench.startup.trace";

    private static final boolean ON = Boolean.getBoolean(PROPERTY);

    private StartupTrace() {
    }

    /** Prints {@code phase} with the JVM's uptime and the calling thread's CPU time, when the trace is on. */
    public static void mark(String phase) {
        if (ON) {
            System.err.println("startup " + phase + " " + ManagementFactory.getRuntimeMXBean().getUptime() + " "
                    + ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000);
        }
    }

    /**
     * Says whether this JVM maps the class archive ({@code startup archive mapped}), writes it at exit
     * ({@code writing}) or neither ({@code none}) — {@link StartupArchive}.
     */
    public static void archive() {
        if (ON) {
            String state = "none";
            for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                if (option.startsWith("-XX:SharedArchiveFile=")) {
                    state = System.getProperty("java.vm.info", "").contains("sharing") ? "mapped" : "refused";
                } else if (option.startsWith("-XX:ArchiveClassesAtExit=")) {
                    state = "writing";
                }
            }
            System.err.println("startup archive " + state);
        }
    }

    /** Marks the first frame (run by {@link FirstFrame} on the FX thread), after the process's CPU time and each thread's. */
    static void firstFrame() {
        if (ON) {
            if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
                System.err.println("startup cpu " + os.getProcessCpuTime() / 1_000_000);
            }
            System.err.println("startup threads_cpu_ms " + threadsCpu());
            mark("first_frame");
        }
    }

    /**
     * The CPU time of each of the process's threads so far by name, the JVM's own (JIT compilers, collector) included,
     * busiest first, e.g. {@code {C2 CompilerThre=1200, ...}}; empty where {@code /proc} is not there (not Linux).
     */
    static java.util.Map<String, Long> threadsCpu() {
        java.util.Map<String, Long> byName = new java.util.HashMap<>();
        try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
            for (java.nio.file.Path task : tasks.toList()) {
                try {
                    String stat = java.nio.file.Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[ #0-9]+$", "");
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime + stime
                    byName.merge(name, ticks * 10, Long::sum);
                } catch (java.io.IOException | RuntimeException e) {
                    // a thread that ended meanwhile
                }
            }
        } catch (java.io.IOException e) {
            return java.util.Map.of();
        }
        java.util.Map<String, Long> sorted = new java.util.LinkedHashMap<>();
        byName.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
