package org.twinbench.ui.fx;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * Keeps the heap the window has grown to. G1 gives memory back when a collection cycle ends with the heap mostly
 * free, and at start-up it does: the cycle that class loading sets off (its metadata threshold) shrank the heap from
 * about 600 MB to 96 MB before the first run, so the first run began with a young generation of a few dozen
 * megabytes and collected 13 times where a later run, the heap grown again, collected 2 to 6 times (each pause
 * a late frame). The window keeps what it has grown to ({@code MaxHeapFreeRatio} 100, a flag the JVM lets a
 * running program set); the heap still grows as before and never past its maximum. Once, early in the window's
 * life; nothing on a JVM without the flag.
 */
public final class HeapRoom {

    private static volatile boolean kept;

    private HeapRoom() {
    }

    /** From now on the JVM does not shrink the heap. */
    public static void keep() {
        if (kept) {
            return;
        }
        kept = true;
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).setVMOption("MaxHeapFreeRatio", "100");
        } catch (RuntimeException | LinkageError e) {
            // Not HotSpot, or the flag is not writable here: the heap is sized as the JVM chooses.
        }
    }

    /** The JVM's {@code MaxHeapFreeRatio} now (read by its test); -1 when it cannot be read. */
    static int maxHeapFreeRatio() {
        try {
            return Integer.parseInt(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .getVMOption("MaxHeapFreeRatio").getValue());
        } catch (RuntimeException | LinkageError e) {
            return -1;
        }
    }
}
