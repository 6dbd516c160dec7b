package org.twinbench.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The window's background threads below the FX thread (Linux: their nice value, read back from {@code /proc}, where
 * the kernel keeps it; elsewhere the test does not apply).
 */
class ThreadNicenessTest {

    private static void assumeLinux() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")) && (Files.isExecutable(Path.of("/usr/bin/renice"))
                || Files.isExecutable(Path.of("/bin/renice"))), "Linux with renice");
    }

    @Test
    void aWorkerOfTheExecutorRunsAtTheLowerPriorityAndTheCallerKeepsItsOwn() throws Exception {
        assumeLinux();
        String caller = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
        int callerNice = ThreadNiceness.niceOf(caller);
        AtomicReference<String> worker = new AtomicReference<>();
        try (AppExecutor executor = new AppExecutor()) {
            executor.submit(() -> {
                try {
                    worker.set(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).get();
            assertThat(ThreadNiceness.niceOf(worker.get())).isEqualTo(Math.max(ThreadNiceness.NICE, callerNice));
        }
        assertThat(ThreadNiceness.niceOf(caller)).isEqualTo(callerNice);
    }

    @Test
    void theJitCompilersAreFoundByNameAndLowered() {
        assumeLinux();
        int found = ThreadNiceness.lowerCompilers();
        // A JVM with tiered compilation has a C1 and a C2 compiler thread (Linux names them by the first 15 characters).
        assertThat(found).isGreaterThanOrEqualTo(2);
        List<String> compilers = ThreadNiceness.threads(ThreadNiceness.COMPILERS);
        assertThat(compilers).hasSize(found);
        for (String tid : compilers) {
            assertThat(ThreadNiceness.niceOf(tid)).isGreaterThanOrEqualTo(ThreadNiceness.NICE);
        }
    }
}
