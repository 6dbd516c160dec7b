package org.twinbench.ui.fx;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts the window's background threads below the FX thread in the operating system's scheduler, so that on a small
 * machine the FX and render threads get a core when they need one: the background executor's threads (file reading,
 * training, the simulation running flat out) and the JIT compilers, which in a window's first run compile the engine's
 * and the chart's code for seconds while both compete with the window for the cores (docs/limits.md, issue #23).
 * Java's thread priorities do nothing on Linux (the JVM ignores them unless run as root with a flag), so on Linux a
 * thread's nice value is raised to {@value #NICE} with {@code renice}, which any user may do to their own threads
 * (raising it needs no privilege). A thread at nice {@value #NICE} has about a tenth of the weight of the FX thread's
 * 0 when both want a core, and all the core when the FX thread is idle: a quiet machine runs the engine as fast as
 * before. Elsewhere (no {@code /proc}, no {@code renice}) nothing changes. Never fails: a thread that cannot be
 * lowered keeps its priority.
 */
public final class ThreadNiceness {

    /** The nice value the background threads get (0 is the default, 19 the lowest priority). */
    public static final int NICE = 10;
    /** The JIT compilers' thread names as Linux keeps them (15 characters). */
    static final List<String> COMPILERS = List.of("C1 CompilerThre", "C2 CompilerThre");

    private ThreadNiceness() {
    }

    /** Lowers the calling thread (a background thread of the window's) to {@link #NICE}. */
    public static void lowerThisThread() {
        Path self = Path.of("/proc/thread-self");
        try {
            // /proc/thread-self is a link to /proc/<pid>/task/<tid>.
            String tid = Files.readSymbolicLink(self).getFileName().toString();
            renice(List.of(tid));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // Not Linux, or no /proc: the thread keeps its priority.
        }
    }

    /** Lowers the JIT compiler threads of this JVM to {@link #NICE}; returns how many were found. */
    public static int lowerCompilers() {
        List<String> tids = threads(COMPILERS);
        renice(tids);
        return tids.size();
    }

    /** The thread ids of this JVM whose names (as the OS keeps them) start with one of {@code names}. */
    static List<String> threads(List<String> names) {
        List<String> tids = new ArrayList<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                try {
                    String comm = Files.readString(task.resolve("comm")).strip();
                    for (String name : names) {
                        if (comm.startsWith(name)) {
                            tids.add(task.getFileName().toString());
                            break;
                        }
                    }
                } catch (IOException e) {
                    // a thread that ended meanwhile
                }
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return List.of();
        }
        return tids;
    }

    /** The nice value of thread {@code tid} of this JVM, from {@code /proc}; {@code Integer.MIN_VALUE} if unknown. */
    static int niceOf(String tid) {
        try {
            String stat = Files.readString(Path.of("/proc/self/task", tid, "stat"));
            // Fields after the name (which may hold spaces) in parentheses; nice is the 19th field of the line.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[16]);
        } catch (IOException | RuntimeException e) {
            return Integer.MIN_VALUE;
        }
    }

    private static void renice(List<String> tids) {
        if (tids.isEmpty()) {
            return;
        }
        Path renice = Files.isExecutable(Path.of("/usr/bin/renice")) ? Path.of("/usr/bin/renice")
                : Path.of("/bin/renice");
        if (!Files.isExecutable(renice)) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(renice.toString(), "-n", Integer.toString(NICE), "-p"));
        command.addAll(tids);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            process.waitFor();
        } catch (IOException e) {
            // no renice after all: the threads keep their priority
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
