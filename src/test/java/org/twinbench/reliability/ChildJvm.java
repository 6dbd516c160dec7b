package org.twinbench.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A second JVM started from a test with the test's own class path, running one of the mains of
 * this package, and killed with SIGKILL ({@link Process#destroyForcibly()} on Linux) when the test
 * says so: no shutdown hooks, no finally blocks, exactly like a crash or {@code kill -9}.
 */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    private ChildJvm(Process process) {
        this.process = process;
        this.reader = new Thread(this::readLines, "child-jvm-reader");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    static ChildJvm start(Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    private void readLines() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (lines) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            // The child was killed: its output simply ends.
        }
    }

    /** Everything the child printed so far. */
    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** Waits until the child printed a line starting with {@code marker}; fails if it exits or times out first. */
    void awaitLine(String marker, Duration timeout) throws InterruptedException {
        await(() -> lines().stream().anyMatch(l -> l.startsWith(marker)), "a line starting with '" + marker + "'",
                timeout);
    }

    /** Polls {@code condition} every 20 ms; fails if the child exits or the time runs out first. */
    void await(BooleanSupplier condition, String what, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (!process.isAlive()) {
                reader.join(2000);
                throw new AssertionError("the child JVM ended (exit " + process.exitValue() + ") before " + what
                        + "; it printed: " + lines());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " from the child JVM within " + timeout + "; it printed: "
                        + lines());
            }
            Thread.sleep(20);
        }
    }

    /** SIGKILL, then waits until the process is gone and its output read. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the child JVM survived SIGKILL");
        }
        reader.join(5000);
    }

    int exitValue() {
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
