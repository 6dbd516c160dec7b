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
    void theJitCompilersAreFoundByNameAndLowered() throws Exception {
        assumeLinux();
        // In a JVM of its own: lowered here, the test JVM's compilers would stay lowered for every test after it.
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Compilers.class.getName()).redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(child.waitFor()).as(out).isZero();
        // A JVM with tiered compilation has a C1 and a C2 compiler thread (Linux names them by the first 15 characters).
        assertThat(out).contains("found=2").contains("nice=[" + ThreadNiceness.NICE + ", " + ThreadNiceness.NICE + "]");
    }

    /** Lowers its JIT compilers and prints how many it found and their nice values as {@code /proc} gives them. */
    public static final class Compilers {
        public static void main(String[] args) {
            int found = ThreadNiceness.lowerCompilers();
            List<Integer> nice = ThreadNiceness.threads(ThreadNiceness.COMPILERS).stream().map(ThreadNiceness::niceOf)
                    .toList();
            System.out.println("found=" + found + " nice=" + nice);
        }
    }
}
