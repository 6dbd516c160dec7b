package org.twinbench.ui;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.twinbench.data.BundledSamples;

/**
 * Starts the window in a second JVM that maps a class-data-sharing archive of the application's classes, so the
 * window shows sooner: a JVM that finds its classes already parsed, verified and laid out in an archive (JavaFX's,
 * the lambdas it spins, ours) spends about a fifth less CPU before the window's first frame, and on two cores that
 * CPU is the wait (docs/limits.md, issue #23). {@code java -jar} passes no JVM option from a jar's manifest, so the
 * first JVM, which loads nothing of JavaFX, starts the second with the archive and waits for it.
 *
 * <p>The build makes one ({@code mvn package}: {@code StartupArchiveBuild}, a tool beside the tests, runs the window
 * on a headless glass, lists the classes it loads and dumps a static archive of them) and leaves it beside the jar as
 * {@code startup-<key>.jsa}, with the key below: a launch that finds it there maps it, the first launch of a new build
 * included, and writes nothing. If the JVM refuses it (a library beside the jar changed since), the window's JVM leaves
 * {@code startup-<key>.refused} in the cache and the later launches go on as without it.
 *
 * <p>Without it the archive is the JVM's own (JDK 17's dynamic archive, {@code -XX:ArchiveClassesAtExit}): the first
 * launch without one writes it as the window closes (a second or two more at exit) into the user folder's {@code cache}
 * ({@code ~/.twinbench/cache/startup-<key>.jsa}, 30–60 MB), under a key made of the Java runtime, the class path's
 * jars (path, size, time) and the JVM options that decide the heap's layout, so a new build or another Java writes a
 * new one (the three used last are kept). Every later launch maps it. Nothing of this happens when the class path is
 * not only jars (an archive holds only classes from jars), when the JVM was given class-data-sharing options or a
 * debugger of its own, when it maps no archive of the JDK's classes (a dynamic archive sits on top of that one),
 * inside an installed app on macOS or Windows (the process its launcher started has the Dock's or the taskbar's
 * icon), or with {@code -Dtwinbench.startup.archive=false}:
 * then the window starts in this JVM, as before. If the second JVM cannot be started, this one goes on.
 *
 * <p>The second JVM also gets what the installed launcher and {@code javafx:run} give the window when the first JVM
 * was not told otherwise: {@code -XX:MaxRAMPercentage=60} and the concurrent collector {@code -XX:+UseZGC}.
 *
 * <p>This JVM's work before it starts the second is on the window's critical path, so this class uses no lambda,
 * no stream and no {@code +} on strings (each would first build the JVM's method-handle machinery, tens of
 * milliseconds).
 */
public final class StartupArchive {

    /** {@code -Dtwinbench.startup.archive=false} keeps the window in the first JVM. */
    public static final String PROPERTY = "twinbench.startup.archive";
    /** {@code Launcher --startup-archive LIST}: {@link #make}. */
    public static final String MAKE = "--startup-archive";
    /** Set in the second JVM, so it does not start a third. */
    static final String CHILD = "twinbench.startup.child";
    /** The archives' file names: {@code startup-<key>.jsa}; unfinished writes end in {@code .part}. */
    static final String PREFIX = "startup-";
    static final String SUFFIX = ".jsa";
    static final String PART = ".part";
    /** The mark, in the cache, that the JVM refused the build's archive of that name ({@code startup-<key>.refused}). */
    static final String REFUSED = ".refused";
    /** Tells the window's JVM where to leave that mark if it does not map the build's archive. */
    static final String REFUSED_PROPERTY = "twinbench.startup.refused";
    /** The collector the window's JVM gets when it was given none. */
    static final String ZGC = "-XX:+UseZGC";
    /** Archives kept: those of the builds or runtimes launched last. */
    static final int KEPT = 3;
    /** An unfinished write older than this was left by a JVM that was killed. */
    private static final long DAY_MS = 24L * 3600 * 1000;

    private StartupArchive() {
    }

    /**
     * Runs the window in a second JVM with the archive (writing it at exit when there is none yet) and returns its
     * exit status, or -1 when the window should start in this JVM.
     */
    public static int relaunch(String mainClass, String[] args) {
        // An installed app on macOS or Windows shows its own icon for the process its launcher started: the window stays in it.
        if (System.getProperty(CHILD) != null) {
            noteRefused();
            return -1;
        }
        if ("false".equalsIgnoreCase(System.getProperty(PROPERTY))
                || System.getProperty("jpackage.app-path") != null && !System.getProperty("os.name", "").startsWith("Linux")) {
            return -1;
        }
        Plan plan = plan(System.getProperty("java.home"), System.getProperty("java.class.path"),
                ManagementFactory.getRuntimeMXBean().getInputArguments(), System.getProperty("java.vm.info", ""),
                BundledSamples.userDirectory().resolve("cache"), mainClass, args,
                ProcessHandle.current().pid());
        if (plan == null) {
            return -1;
        }
        return run(plan);
    }

    /**
     * What to start: {@code command}; the archive it maps or writes ({@code archive}); when it writes one, the file it
     * writes ({@code dumped}) and gives {@code archive}'s name once the JVM has ended, else null; {@code built}, where
     * the build puts the archive for this launch ({@code startup-<key>.jsa} beside the jar), whether or not it is
     * there; and {@code options}, the JVM options the window's JVM gets.
     */
    static final class Plan {
        final List<String> command;
        final Path archive;
        final Path dumped;
        final Path built;
        final List<String> options;

        Plan(List<String> command, Path archive, Path dumped, Path built, List<String> options) {
            this.command = command;
            this.archive = archive;
            this.dumped = dumped;
            this.built = built;
            this.options = options;
        }

        boolean writes() {
            return dumped != null;
        }

        /** Whether it maps the build's archive (which stays as the build left it). */
        boolean mapsBuilt() {
            return archive.equals(built);
        }
    }

    /**
     * The second JVM's command, or null when the window should start in this one (the reasons are in the class's
     * comment). {@code inputArguments} are this JVM's options, passed on unchanged; {@code pid} names the write.
     */
    static Plan plan(String javaHome, String classPath, List<String> inputArguments, String vmInfo, Path cacheDirectory,
            String mainClass, String[] args, long pid) {
        if (javaHome == null || classPath == null || classPath.isBlank() || !vmInfo.contains("sharing")) {
            return null;
        }
        for (String option : inputArguments) {
            if (option.startsWith("-Xshare") || option.contains("SharedArchiveFile")
                    || option.contains("ArchiveClassesAtExit") || option.startsWith("-agentlib:jdwp")
                    || option.startsWith("-XX:Flags") || option.startsWith("-XX:VMOptionsFile")) {
                return null;
            }
        }
        Path java = Path.of(javaHome, "bin", "java");
        if (!Files.isExecutable(java)) {
            return null;
        }
        // The window's JVM gets what the installed launcher and javafx:run give it, unless told otherwise: a heap of
        // up to 60% of the memory, and a concurrent collector, so a pulse never waits for a collection.
        List<String> options = new ArrayList<>(inputArguments);
        boolean heap = false;
        boolean collector = false;
        for (String option : inputArguments) {
            heap |= option.startsWith("-Xmx") || option.startsWith("-XX:MaxHeapSize") || option.contains("RAMPercentage")
                    || option.startsWith("-XX:MaxRAM");
            collector |= option.startsWith("-XX:+Use") && option.endsWith("GC");
        }
        if (!heap) {
            options.add("-XX:MaxRAMPercentage=60");
        }
        if (!collector) {
            options.add(ZGC);
        }
        StringBuilder key = new StringBuilder(javaHome).append('\n')
                .append(System.getProperty("java.vm.version", "")).append('\n');
        for (String entry : classPath.split(File.pathSeparator)) {
            Path jar = Path.of(entry).toAbsolutePath().normalize();
            if (!entry.endsWith(".jar") || !Files.isRegularFile(jar)) {
                return null;
            }
            try {
                key.append(jar).append(' ').append(Files.size(jar)).append(' ')
                        .append(Files.getLastModifiedTime(jar).toMillis()).append('\n');
            } catch (IOException e) {
                return null;
            }
        }
        // Options that change the heap's layout (compressed pointers, the collector) decide whether an archive maps.
        for (String option : options) {
            if (option.startsWith("-Xmx") || option.contains("UseCompressed") || option.contains("RAMPercentage")
                    || option.startsWith("-XX:MaxRAM") || option.startsWith("-XX:+Use") && option.endsWith("GC")) {
                key.append(option).append('\n');
            }
        }
        String name = PREFIX.concat(hash(key));
        Path archive = cacheDirectory.resolve(name.concat(SUFFIX));
        // The build's archive (StartupArchiveBuild, at `mvn package`): beside the class path's first jar.
        Path first = Path.of(classPath.split(File.pathSeparator)[0]).toAbsolutePath().normalize();
        Path built = first.resolveSibling(name.concat(SUFFIX));
        Path refused = cacheDirectory.resolve(name.concat(REFUSED));
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(options);
        command.add("-D".concat(CHILD).concat("=true"));
        // The JVM's notes on classes it cannot archive (made at run time by reflection) and on the archive's use are
        // for the JDK's developers, not for the user's terminal.
        command.add("-Xlog:cds*=off");
        command.add("-Xshare:auto");
        Path dumped = null;
        if (Files.isRegularFile(archive)) {
            command.add("-XX:SharedArchiveFile=".concat(archive.toString()));
        } else if (Files.isRegularFile(built) && !Files.exists(refused)) {
            // Made by the build for this very jar, Java and heap layout: even the first launch maps an archive.
            archive = built;
            command.add("-D".concat(REFUSED_PROPERTY).concat("=").concat(refused.toString()));
            command.add("-XX:SharedArchiveFile=".concat(built.toString()));
        } else {
            dumped = cacheDirectory.resolve(name.concat("-").concat(Long.toString(pid)).concat(PART));
            command.add("-XX:ArchiveClassesAtExit=".concat(dumped.toString()));
        }
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        for (String arg : args) {
            command.add(arg);
        }
        return new Plan(command, archive, dumped, built, options);
    }

    /**
     * In the window's JVM: when it was given the build's archive and the JVM did not map it (the jar or a library beside
     * it changed after the build, or the runtime's own archive did), leaves a mark in the cache so later launches write
     * and map an archive of their own instead.
     */
    private static void noteRefused() {
        String refused = System.getProperty(REFUSED_PROPERTY);
        if (refused == null || System.getProperty("java.vm.info", "").contains("sharing")) {
            return;
        }
        try {
            Path mark = Path.of(refused);
            Files.createDirectories(mark.getParent());
            Files.write(mark, new byte[0]);
        } catch (IOException | RuntimeException e) {
            // Only a speed-up: this launch and the next run without the archive, as before there was one.
        }
    }

    /**
     * Makes the archive a launch laid out as this JVM (its Java, class path and heap options) maps from its first
     * launch, from {@code classList} (the classes a run of the window loads, as {@code -XX:DumpLoadedClassList} writes
     * them), beside the class path's first jar; prints what it made, or why not, and returns an exit status. The Linux
     * package runs it once installed ({@code TwinBench --startup-archive LIST}, installer/linux/postinst), when the
     * app's files are where they will be launched from.
     */
    public static int make(Path classList) {
        Plan plan = plan(System.getProperty("java.home"), System.getProperty("java.class.path"),
                ManagementFactory.getRuntimeMXBean().getInputArguments(), System.getProperty("java.vm.info", ""),
                BundledSamples.userDirectory().resolve("cache"), "org.twinbench.Launcher", new String[0],
                ProcessHandle.current().pid());
        if (plan == null) {
            System.err.println("startup archive: not made (this launch runs the window in one JVM, without one)");
            return 1;
        }
        if (!Files.isRegularFile(classList)) {
            System.err.println("startup archive: " + classList + ": no such file");
            return 2;
        }
        Path part = plan.built.resolveSibling(plan.built.getFileName() + PART);
        try {
            int status = dump(Path.of(plan.command.get(0)), plan.options, classList, part,
                    System.getProperty("java.class.path"), null);
            if (status != 0) {
                Files.deleteIfExists(part);
                System.err.println("startup archive: not made (the JVM's dump ended with status " + status + ")");
                return 1;
            }
            Files.move(part, plan.built, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            System.err.println("startup archive: not made (" + e.getMessage() + ")");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        System.out.println("startup archive: " + plan.built);
        return 0;
    }

    /**
     * Dumps a static archive {@code archive} of the classes {@code classList} names, found on {@code classPath}, for a
     * JVM given {@code options}; the JVM's notes go to {@code log}, or nowhere when it is null. Returns the JVM's exit
     * status.
     */
    static int dump(Path java, List<String> options, Path classList, Path archive, String classPath, Path log)
            throws IOException, InterruptedException {
        Files.deleteIfExists(archive);
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(options);
        command.add("-Xshare:dump");
        command.add("-XX:SharedClassListFile=".concat(classList.toString()));
        command.add("-XX:SharedArchiveFile=".concat(archive.toString()));
        command.add("-cp");
        command.add(classPath);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.redirectOutput(log == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(log.toFile()));
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    /** Sixteen hex digits of a 64-bit FNV-1a hash of {@code text}: a file name, not a secret. */
    static String hash(CharSequence text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        String hex = Long.toHexString(h);
        return "0000000000000000".substring(hex.length()).concat(hex);
    }

    private static int run(Plan plan) {
        Process process;
        try {
            if (plan.writes()) {
                Files.createDirectories(plan.archive.getParent());
            }
            process = new ProcessBuilder(plan.command).inheritIO().start();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        // Stopped from outside (a terminal's kill, a logout), this JVM stops the window's, lets it end and keeps the archive.
        Runtime.getRuntime().addShutdownHook(new Stop(process, plan));
        int status;
        try {
            status = process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 1;
        }
        keep(plan);
        return status;
    }

    /** The shutdown hook: ends the window's JVM (20 s for it to write the archive), then keeps the archive. */
    private static final class Stop extends Thread {
        private final Process process;
        private final Plan plan;

        Stop(Process process, Plan plan) {
            super("twinbench-startup-archive");
            this.process = process;
            this.plan = plan;
        }

        @Override
        public void run() {
            if (process.isAlive()) {
                process.destroy();
                try {
                    process.waitFor(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            keep(plan);
        }
    }

    /**
     * Gives a written archive its name, marks a mapped one as used (its time), and deletes this launch's unfinished
     * write, unfinished writes a day old (their JVM was killed) and archives beyond the {@value #KEPT} used last (a
     * build's or a runtime's that is no longer launched).
     */
    static synchronized void keep(Plan plan) {
        try {
            if (plan.mapsBuilt()) {
                return;
            }
            if (!plan.writes()) {
                Files.setLastModifiedTime(plan.archive, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
                return;
            }
            if (Files.isRegularFile(plan.dumped) && Files.size(plan.dumped) > 0) {
                Files.move(plan.dumped, plan.archive, StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            }
            Files.deleteIfExists(plan.dumped);
            List<Path> archives = new ArrayList<>();
            try (DirectoryStream<Path> files = Files.newDirectoryStream(plan.archive.getParent())) {
                for (Path file : files) {
                    String name = file.getFileName().toString();
                    if (!name.startsWith(PREFIX)) {
                        continue;
                    }
                    if (name.endsWith(SUFFIX)) {
                        archives.add(file);
                    } else if (name.endsWith(PART)
                            && Files.getLastModifiedTime(file).toMillis() < System.currentTimeMillis() - DAY_MS) {
                        Files.deleteIfExists(file);
                    }
                }
            }
            archives.sort(new java.util.Comparator<Path>() {
                @Override
                public int compare(Path a, Path b) {
                    return Long.compare(modified(b), modified(a));
                }
            });
            for (int i = KEPT; i < archives.size(); i++) {
                Files.deleteIfExists(archives.get(i));
            }
        } catch (IOException | RuntimeException e) {
            // The cache is only a speed-up: the next launch writes it again.
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
