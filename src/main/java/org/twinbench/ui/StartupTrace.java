package org.twinbench.ui;

import java.lang.management.ManagementFactory;

/**
 * Where the window's start-up spends its time, for the start-up benchmark ({@code WindowStartup}): with
 * {@code -Dtwinbench.startup.trace=true} each phase prints {@code startup <phase> <ms since the JVM started>} on
 * the standard error, the last being {@code cpu} and {@code fx_cpu} (the process's and the FX thread's CPU time) and {@code first_frame}, once the window's first frame has been drawn. Without the
 * property nothing is printed and nothing is loaded.
 */
public final class StartupTrace {

    /** The system property that turns the trace on. */
    public static final String PROPERTY = "twinbench.startup.trace";

    private static final boolean ON = Boolean.getBoolean(PROPERTY);

    private StartupTrace() {
    }

    /** Prints {@code phase} with the JVM's uptime, when the trace is on. */
    public static void mark(String phase) {
        if (ON) {
            System.err.println("startup " + phase + " " + ManagementFactory.getRuntimeMXBean().getUptime());
        }
    }

    /**
     * Prints the process's CPU time so far (all threads), {@code startup cpu <ms>}, and the calling thread's,
     * {@code startup fx_cpu <ms>}: less moved by the load than the wall clock.
     */
    private static void markCpu() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            System.err.println("startup cpu " + os.getProcessCpuTime() / 1_000_000);
        }
        System.err.println("startup fx_cpu " + ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000);
    }

    /** Marks {@code cpu} and {@code first_frame}, when the trace is on: run by {@link FirstFrame} once the window has drawn. */
    static void firstFrame() {
        if (ON) {
            markCpu();
            mark("first_frame");
        }
    }
}
