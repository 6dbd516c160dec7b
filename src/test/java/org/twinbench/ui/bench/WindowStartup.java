package org.twinbench.ui.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How long the window takes to show after {@code java -jar target/twinbench.jar}: launches the jar {@code N}
 * times, one after the other, and prints per launch {@code window_shown_ms} (from starting the process to the
 * window's first frame drawn, as {@code org.twinbench.ui.StartupTrace} reports it), {@code window_mapped_ms} (to
 * the window being mapped, found by polling {@code xdotool search --onlyvisible --pid} every 50 ms, as earlier
 * sessions measured; left out without xdotool), the phases the trace reports (ms since the JVM started),
 * {@code thread_cpu_ms} (the CPU time of the thread that reached each phase: the FX thread's from {@code fx_start}
 * on, which the machine's load moves less than the wall clock) and every thread's CPU at the first frame; then the
 * medians (with {@code cpu_ms}, the process's CPU time, and {@code fx_cpu_ms}) and the load average. Needs
 * {@code DISPLAY}. When the launcher starts the window in a second JVM with the class archive
 * ({@code org.twinbench.ui.StartupArchive}), each launch also says {@code archive=mapped} (or {@code writing}, the
 * first launch, which writes it; {@code none} in one JVM) and {@code launcher_cpu_ms}, the first JVM's CPU, which
 * {@code cpu_ms} includes; the window is looked for in both JVMs.
 *
 * <p>{@code --app PATH} launches an installed app's launcher instead (e.g. {@code /opt/twinbench/bin/TwinBench}), the
 * JVM options given through {@code JAVA_TOOL_OPTIONS}.
 *
 * <pre>java -cp target/test-classes org.twinbench.ui.bench.WindowStartup [N] [--jar PATH | --app PATH] [-- JVM options…]</pre>
 */
public final class WindowStartup {

    private static final long TIMEOUT_MS = 120_000;

    private WindowStartup() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 5;
        Path jar = Path.of("target/twinbench.jar");
        Path app = null;
        List<String> jvmOptions = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                jvmOptions.addAll(Arrays.asList(args).subList(i + 1, args.length));
                break;
            } else if (args[i].equals("--jar")) {
                jar = Path.of(args[++i]);
            } else if (args[i].equals("--app")) {
                app = Path.of(args[++i]);
            } else {
                runs = Integer.parseInt(args[i]);
            }
        }
        if (app != null) {
            if (!Files.isExecutable(app)) {
                System.err.println(app + ": no such launcher (installer/build-linux.sh builds one)");
                System.exit(2);
            }
        } else if (!Files.isRegularFile(jar)) {
            System.err.println(jar + ": no such jar (mvn -o -q package -DskipTests builds it)");
            System.exit(2);
        }
        boolean xdotool = Files.isExecutable(Path.of("/usr/bin/xdotool"));
        System.out.println((app != null ? "app=" + app : "jar=" + jar) + " jvm_options=" + jvmOptions + " load_before=" + load());
        List<Long> shown = new ArrayList<>();
        List<Long> mapped = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        List<Long> fxCpu = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Launch launch = launch(app, jar, jvmOptions, xdotool);
            System.out.println("launch " + run + ": window_shown_ms=" + launch.shownMs
                    + (launch.mappedMs >= 0 ? " window_mapped_ms=" + launch.mappedMs : "")
                    + " archive=" + launch.archive + " launcher_cpu_ms=" + launch.launcherCpu
                    + " phases_ms=" + launch.phases + " thread_cpu_ms=" + launch.threadCpu + " load=" + load());
            System.out.println("  threads_cpu_ms=" + launch.threads);
            shown.add(launch.shownMs);
            cpu.add(launch.phases.getOrDefault("cpu", -1L) + launch.launcherCpu);
            fxCpu.add(launch.threadCpu.getOrDefault("first_frame", -1L));
            if (launch.mappedMs >= 0) {
                mapped.add(launch.mappedMs);
            }
        }
        System.out.println("median window_shown_ms=" + median(shown)
                + (mapped.isEmpty() ? "" : " window_mapped_ms=" + median(mapped)) + " cpu_ms=" + median(cpu)
                + " fx_cpu_ms=" + median(fxCpu)
                + " launches=" + runs
                + " load_after=" + load());
    }

    /** One launch: its phases' uptimes, the CPU ms of the thread that reached each, every thread's CPU at the first frame. */
    private record Launch(long shownMs, long mappedMs, Map<String, Long> phases, Map<String, Long> threadCpu,
            String threads, String archive, long launcherCpu) {
    }

    private static Launch launch(Path app, Path jar, List<String> jvmOptions, boolean xdotool) throws Exception {
        List<String> command = new ArrayList<>();
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        if (app != null) {
            // An installed launcher takes no JVM option on its command line: its JVM (and the window's) reads them here.
            command.add(app.toString());
            List<String> options = new ArrayList<>(jvmOptions);
            options.add("-Dtwinbench.startup.trace=true");
            builder.environment().put("JAVA_TOOL_OPTIONS", String.join(" ", options));
        } else {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.add("-Dtwinbench.startup.trace=true");
            command.add("-jar");
            command.add(jar.toString());
        }
        long start = System.nanoTime();
        Process process = builder.start();
        long[] mappedAt = {-1};
        Thread poller = xdotool ? pollMapped(process, start, mappedAt) : null;
        Map<String, Long> phases = new LinkedHashMap<>();
        Map<String, Long> threadCpu = new LinkedHashMap<>();
        String threads = "";
        String archive = "none";
        long launcherCpu = 0;
        long shownMs = -1;
        try (BufferedReader err = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while (shownMs < 0 && (line = err.readLine()) != null) {
                String[] words = line.split(" ", 3);
                if (words.length < 3 || !words[0].equals("startup")) {
                    continue;
                }
                if (words[1].equals("threads_cpu_ms")) {
                    threads = words[2];
                    continue;
                }
                if (words[1].equals("archive")) {
                    archive = words[2];
                    continue;
                }
                String[] figures = words[2].split(" ");
                phases.put(words[1], Long.parseLong(figures[0]));
                if (figures.length > 1) {
                    threadCpu.put(words[1], Long.parseLong(figures[1]));
                }
                if (words[1].equals("first_frame")) {
                    shownMs = (System.nanoTime() - start) / 1_000_000;
                    if (process.descendants().findAny().isPresent()) {
                        // The launching JVM's CPU, spent before it started the window's JVM and while it waits.
                        launcherCpu = process.toHandle().info().totalCpuDuration().map(d -> d.toMillis()).orElse(-1L);
                    }
                }
            }
            if (poller != null) {
                poller.join(TIMEOUT_MS);
            }
        } finally {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            children.forEach(ProcessHandle::destroyForcibly);
        }
        if (shownMs < 0) {
            throw new IllegalStateException("the window never drew its first frame (phases: " + phases + ")");
        }
        Thread.sleep(1_000);
        return new Launch(shownMs, mappedAt[0], phases, threadCpu, threads, archive, launcherCpu);
    }

    /** Polls xdotool until {@code process} has a visible window; writes the ms since {@code start} to {@code at[0]}. */
    private static Thread pollMapped(Process process, long start, long[] at) {
        Thread poller = new Thread(() -> {
            long deadline = start + TIMEOUT_MS * 1_000_000;
            try {
                while (process.isAlive() && System.nanoTime() < deadline) {
                    // The window may belong to the JVM the launcher starts with the class archive (StartupArchive).
                    List<ProcessHandle> jvms = new ArrayList<>();
                    jvms.add(process.toHandle());
                    process.descendants().forEach(jvms::add);
                    for (ProcessHandle jvm : jvms) {
                        Process search = new ProcessBuilder("xdotool", "search", "--onlyvisible", "--pid",
                                Long.toString(jvm.pid())).redirectErrorStream(true).start();
                        byte[] out = search.getInputStream().readAllBytes();
                        if (search.waitFor() == 0 && out.length > 0) {
                            at[0] = (System.nanoTime() - start) / 1_000_000;
                            return;
                        }
                    }
                    Thread.sleep(50);
                }
            } catch (IOException | InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "xdotool-poll");
        poller.setDaemon(true);
        poller.start();
        return poller;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
