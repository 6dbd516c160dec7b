package org.twinbench.ui;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.twinbench.Launcher;

/**
 * Makes, at {@code mvn package}, the class archive the window's JVM maps ({@link StartupArchive}), so that even the
 * first launch of a new build finds its classes parsed, verified and laid out (issue #23): the first launch without
 * one took 3.1–4.0 s to show the window, every launch with one 2.4–2.6 s.
 *
 * <ol>
 * <li>Runs the real window, as {@code java -jar} would, but on Monocle's headless glass (no display needed), with the
 * JVM options the launcher gives the window's JVM and {@code -XX:DumpLoadedClassList}: the JVM lists every class it
 * loads, and every lambda and method-handle form it spins, as it shows the window and then warms up the chart and the
 * engine. Once the first frame is drawn and no class has been loaded for {@value #QUIET_MS} ms the window is
 * stopped.</li>
 * <li>Dumps from that list a static archive ({@code -Xshare:dump}) with the jar's own class path (the list's
 * Monocle classes are not on it and are left out), named and placed as the launcher looks for it:
 * {@code startup-<key>.jsa} beside the jar, the key being the one the launcher computes for a plain
 * {@code java -jar} of that jar with this Java.</li>
 * <li>Checks that a JVM maps it and finds the launcher's class in it before giving it its name.</li>
 * </ol>
 *
 * The archive is only a speed-up: whatever fails, this prints why and ends with status 0, and the first launch writes
 * an archive of its own as before. The lists and the dump's notes stay in {@code target/startup-archive/}.
 *
 * <pre>java -cp (test class path) org.twinbench.ui.StartupArchiveBuild target/twinbench.jar</pre>
 */
public final class StartupArchiveBuild {

    /** No class loaded for this long after the first frame: the window and its warm-ups are done. */
    static final long QUIET_MS = 4_000;
    /** The longest the window may run to make the list. */
    private static final long WINDOW_MS = 120_000;
    /** The longest the dump or the check may take. */
    private static final long DUMP_MS = 300_000;

    private StartupArchiveBuild() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: StartupArchiveBuild JAR");
            System.exit(2);
        }
        long start = System.nanoTime();
        try {
            Path archive = build(Path.of(args[0]));
            System.out.printf("startup archive: %s (%d MB, %.1f s)%n", archive, Files.size(archive) >> 20,
                    (System.nanoTime() - start) / 1e9);
        } catch (IOException | RuntimeException e) {
            System.out.println("startup archive: not made (" + e.getMessage()
                    + "); the first launch writes one as its window closes");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Makes the archive for {@code jar} beside it and returns its path; throws with the reason when it cannot. */
    static Path build(Path jar) throws IOException, InterruptedException {
        jar = jar.toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IOException(jar + ": no such jar");
        }
        Path work = Files.createDirectories(jar.resolveSibling("startup-archive"));
        StartupArchive.Plan plan = StartupArchive.plan(System.getProperty("java.home"), jar.toString(), List.of(),
                System.getProperty("java.vm.info", ""), work.resolve("cache"), Launcher.class.getName(),
                new String[0], ProcessHandle.current().pid());
        if (plan == null) {
            throw new IOException("this Java maps no archive of its own classes, so none of ours can sit on it");
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path list = work.resolve("classes.lst");
        Files.deleteIfExists(list);
        listClasses(java, plan.options, jar, monocle(), work, list);
        Path kept = work.resolve("classes-on-class-path.lst");
        int classes = keepClassPathClasses(list, kept);
        if (classes < 1_000) {
            throw new IOException("the window loaded only " + classes + " classes; see " + work.resolve("window.log"));
        }
        Path part = work.resolve(plan.built.getFileName() + ".part");
        dump(java, plan.options, kept, part, jar, work.resolve("dump.log"));
        check(java, plan.options, part, jar, Launcher.class.getName(), work.resolve("check.log"), "--version");
        // Archives of earlier builds of this folder's jar are for jars no longer here.
        try (DirectoryStream<Path> old = Files.newDirectoryStream(jar.getParent(),
                StartupArchive.PREFIX + "*" + StartupArchive.SUFFIX)) {
            for (Path file : old) {
                Files.deleteIfExists(file);
            }
        }
        Files.move(part, plan.built, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return plan.built;
    }

    /** Dumps {@code archive} as {@link StartupArchive#dump} does; throws when the dump fails. */
    static void dump(Path java, List<String> options, Path list, Path archive, Path jar, Path log)
            throws IOException, InterruptedException {
        int status = StartupArchive.dump(java, options, list, archive, jar.toString(), log);
        if (status != 0) {
            throw new IOException("the dump failed (status " + status + "); see " + log);
        }
    }

    /**
     * Checks that a JVM given {@code options} and {@code archive} maps it and loads {@code mainClass} from it, running
     * {@code mainClass} with {@code args} (which must end with status 0).
     */
    static void check(Path java, List<String> options, Path archive, Path jar, String mainClass, Path log,
            String... args) throws IOException, InterruptedException {
        List<String> check = new ArrayList<>();
        check.add(java.toString());
        check.addAll(options);
        check.add("-Xshare:on");
        check.add("-XX:SharedArchiveFile=" + archive);
        check.add("-D" + StartupArchive.PROPERTY + "=false");
        check.add("-Xlog:class+load=info");
        check.add("-cp");
        check.add(jar.toString());
        check.add(mainClass);
        check.addAll(List.of(args));
        run(check, log, "the check");
        if (!Files.readString(log).contains(mainClass + " source: shared objects file")) {
            throw new IOException("a JVM given the archive did not load " + mainClass + " from it; see " + log);
        }
    }

    /** Monocle's jar, from this JVM's class path (the test class path, where it is a dependency). */
    private static Path monocle() throws IOException {
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (entry.contains("openjfx-monocle") && entry.endsWith(".jar")) {
                return Path.of(entry);
            }
        }
        throw new IOException("Monocle's jar is not on the class path");
    }

    /**
     * Runs the window on Monocle with {@code options} and {@code -XX:DumpLoadedClassList=list} until its first frame is
     * drawn and {@code list} has not grown for {@value #QUIET_MS} ms, then stops it.
     */
    private static void listClasses(Path java, List<String> options, Path jar, Path monocle, Path work, Path list)
            throws IOException, InterruptedException {
        Path home = work.resolve("home");
        deleteTree(home);
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(options);
        command.add("-XX:DumpLoadedClassList=" + list);
        command.add("-D" + StartupArchive.PROPERTY + "=false");
        command.add("-D" + StartupTrace.PROPERTY + "=true");
        command.add("-Dtwinbench.home=" + home);
        command.add("-Djava.awt.headless=true");
        command.add("-Dglass.platform=Monocle");
        command.add("-Dmonocle.platform=Headless");
        command.add("-Dprism.order=sw");
        command.add("-cp");
        command.add(jar + File.pathSeparator + monocle);
        command.add(Launcher.class.getName());
        Path log = work.resolve("window.log");
        Process window = new ProcessBuilder(command).redirectErrorStream(true).start();
        AtomicBoolean shown = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(window.getInputStream(), StandardCharsets.UTF_8));
                    var out = Files.newBufferedWriter(log)) {
                String line;
                while ((line = lines.readLine()) != null) {
                    out.write(line);
                    out.newLine();
                    if (line.startsWith("startup first_frame")) {
                        shown.set(true);
                    }
                }
            } catch (IOException e) {
                // the log is for reading afterwards only
            }
        }, "startup-archive-window-log");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.currentTimeMillis() + WINDOW_MS;
        long size = -1;
        long quietSince = System.currentTimeMillis();
        try {
            while (window.isAlive() && System.currentTimeMillis() < deadline) {
                Thread.sleep(250);
                long now = Files.exists(list) ? Files.size(list) : 0;
                if (now != size) {
                    size = now;
                    quietSince = System.currentTimeMillis();
                } else if (shown.get() && System.currentTimeMillis() - quietSince >= QUIET_MS) {
                    break;
                }
            }
            if (!window.isAlive()) {
                throw new IOException("the window ended by itself (status " + window.exitValue() + "); see " + log);
            }
            if (!shown.get()) {
                throw new IOException("the window drew no frame in " + WINDOW_MS / 1000 + " s; see " + log);
            }
        } finally {
            // Stopped as a terminal's kill stops it: the JVM ends normally and closes the list.
            window.destroy();
            if (!window.waitFor(30, TimeUnit.SECONDS)) {
                window.destroyForcibly();
                window.waitFor(10, TimeUnit.SECONDS);
            }
            reader.join(5_000);
            deleteTree(home);
        }
    }

    /**
     * Copies {@code list} to {@code kept} without the lines of Monocle's classes (the launched window's glass is
     * another, and they are not on its class path); returns how many classes {@code kept} names.
     */
    private static int keepClassPathClasses(Path list, Path kept) throws IOException {
        List<String> lines = new ArrayList<>();
        int classes = 0;
        for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
            if (line.contains("com/sun/glass/ui/monocle") || line.contains("com.sun.glass.ui.monocle")) {
                continue;
            }
            lines.add(line);
            if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("@")) {
                classes++;
            }
        }
        Files.write(kept, lines, StandardCharsets.UTF_8);
        return classes;
    }

    /** Runs {@code command} with its output in {@code log}; throws when it fails or takes too long. */
    static void run(List<String> command, Path log, String what) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(DUMP_MS, TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IOException(what + " took over " + DUMP_MS / 1000 + " s; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IOException(what + " failed (status " + process.exitValue() + "); see " + log);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var files = Files.walk(root)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
