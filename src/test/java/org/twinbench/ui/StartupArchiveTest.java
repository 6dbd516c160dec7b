package org.twinbench.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.BundledSamples;

/**
 * The launcher's second JVM with the class archive ({@link StartupArchive}), run for real: a jar holding a probe main
 * class is started three times with {@code java -cp}; the first launch writes the archive as its second JVM ends,
 * the next maps it (the JVM says "sharing" and was given the archive), the exit status and the arguments pass
 * through, and the archive's name changes with the jar.
 */
class StartupArchiveTest {

    @TempDir
    Path dir;

    @Test
    void theFirstLaunchWritesTheArchiveAndTheNextMapsIt() throws Exception {
        assumeJdkArchive();
        Path jar = probeJar(dir.resolve("probe.jar"));
        Path home = dir.resolve("home");

        Run first = run(jar, home, List.of(), "3", "a b");
        assertThat(first.status).isEqualTo(3);
        assertThat(first.out).contains("child=true").contains("-XX:ArchiveClassesAtExit=").contains("args=3,a b")
                .contains("-XX:+UseZGC").contains("-XX:MaxRAMPercentage=60");
        List<Path> afterFirst = cache(home);
        assertThat(afterFirst).hasSize(1);
        assertThat(afterFirst.get(0).getFileName().toString()).startsWith("startup-").endsWith(".jsa");
        assertThat(Files.size(afterFirst.get(0))).isGreaterThan(100_000);

        Run second = run(jar, home, List.of(), "0");
        assertThat(second.status).isZero();
        assertThat(second.out).contains("child=true")
                .contains("-XX:SharedArchiveFile=" + afterFirst.get(0))
                .contains("vm_info=mixed mode, sharing")
                .doesNotContain("ArchiveClassesAtExit");
        assertThat(cache(home)).isEqualTo(afterFirst);

        // A new build of the jar: another key, a new archive written beside the first.
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));
        Run rebuilt = run(jar, home, List.of(), "0");
        assertThat(rebuilt.out).contains("-XX:ArchiveClassesAtExit=");
        List<Path> afterRebuild = cache(home);
        assertThat(afterRebuild).hasSize(2).containsAll(afterFirst);
    }

    @Test
    void anArchiveTheBuildLeftBesideTheJarIsMappedFromTheFirstLaunchAndARefusedOneIsLeftAside() throws Exception {
        assumeJdkArchive();
        Path jar = probeJar(dir.resolve("probe.jar"));
        Path home = dir.resolve("home");
        String javaHome = System.getProperty("java.home");
        StartupArchive.Plan plan = StartupArchive.plan(javaHome, jar.toString(), List.of(),
                System.getProperty("java.vm.info"), home.resolve("cache"), StartupArchiveProbe.class.getName(),
                new String[0], 1);
        assertThat(plan.built).isEqualTo(dir.resolve(plan.archive.getFileName()));
        // Made as the build makes it (StartupArchiveBuild): the classes a run of the probe loads, then dumped.
        Path java = Path.of(javaHome, "bin", "java");
        Path list = dir.resolve("classes.lst");
        List<String> listing = new ArrayList<>(List.of(java.toString()));
        listing.addAll(plan.options);
        listing.addAll(List.of("-XX:DumpLoadedClassList=" + list, "-D" + StartupArchive.PROPERTY + "=false", "-cp",
                jar.toString(), StartupArchiveProbe.class.getName(), "0"));
        StartupArchiveBuild.run(listing, dir.resolve("list.log"), "the listing");
        StartupArchiveBuild.dump(java, plan.options, list, plan.built, jar, dir.resolve("dump.log"));
        StartupArchiveBuild.check(java, plan.options, plan.built, jar, StartupArchiveProbe.class.getName(),
                dir.resolve("check.log"), "0");

        Run first = run(jar, home, List.of(), "4");
        assertThat(first.status).isEqualTo(4);
        assertThat(first.out).contains("child=true").contains("-XX:SharedArchiveFile=" + plan.built)
                .contains("vm_info=mixed mode, sharing").doesNotContain("ArchiveClassesAtExit");
        // Nothing written at exit, nothing in the cache.
        assertThat(home.resolve("cache").resolve(plan.archive.getFileName())).doesNotExist();

        // The same name, but not an archive this JVM maps (a library beside the jar changed since the build, say):
        // that launch runs without it and says so in the cache; the next ones write and map their own.
        Files.write(plan.built, new byte[4096]);
        Run refused = run(jar, home, List.of(), "0");
        assertThat(refused.status).isZero();
        assertThat(refused.out).contains("-XX:SharedArchiveFile=" + plan.built).doesNotContain("sharing");
        assertThat(home.resolve("cache").resolve(plan.archive.getFileName().toString()
                .replace(StartupArchive.SUFFIX, StartupArchive.REFUSED))).exists();
        Run own = run(jar, home, List.of(), "0");
        assertThat(own.out).contains("-XX:ArchiveClassesAtExit=");
        Run later = run(jar, home, List.of(), "0");
        assertThat(later.out).contains("-XX:SharedArchiveFile=" + plan.archive).contains("vm_info=mixed mode, sharing");
    }

    @Test
    void theThreeArchivesUsedLastAreKeptAndUnfinishedWritesGo() throws IOException {
        Path cache = Files.createDirectories(dir.resolve("cache"));
        long now = System.currentTimeMillis();
        Path[] old = new Path[4];
        for (int i = 0; i < old.length; i++) {
            old[i] = Files.write(cache.resolve("startup-000000000000000" + i + ".jsa"), new byte[] {1});
            Files.setLastModifiedTime(old[i], FileTime.fromMillis(now - (i + 1) * 3_600_000L));
        }
        Path deadWrite = Files.write(cache.resolve("startup-00000000000000aa-7.part"), new byte[] {1});
        Files.setLastModifiedTime(deadWrite, FileTime.fromMillis(now - 2 * 24 * 3_600_000L));
        Path liveWrite = Files.write(cache.resolve("startup-00000000000000bb-8.part"), new byte[] {1});
        Path written = Files.write(cache.resolve("startup-00000000000000cc-9.part"), new byte[] {1, 2, 3});
        StartupArchive.keep(new StartupArchive.Plan(List.of(), cache.resolve("startup-00000000000000cc.jsa"), written,
                dir.resolve("startup-00000000000000cc.jsa"), List.of()));
        assertThat(cache(dir)).containsExactly(old[0], old[1], cache.resolve("startup-00000000000000bb-8.part"),
                cache.resolve("startup-00000000000000cc.jsa"));
        assertThat(Files.readAllBytes(cache.resolve("startup-00000000000000cc.jsa"))).containsExactly(1, 2, 3);
        assertThat(liveWrite).exists();
        assertThat(deadWrite).doesNotExist();
        // Mapping an archive marks it used: it outlives the others.
        StartupArchive.keep(new StartupArchive.Plan(List.of(), old[1], null, dir.resolve(old[1].getFileName()), List.of()));
        assertThat(Files.getLastModifiedTime(old[1]).toMillis()).isGreaterThanOrEqualTo(now);
    }

    @Test
    void turnedOffOrGivenItsOwnSharingOptionsTheWindowStaysInTheFirstJvm() throws Exception {
        Path jar = probeJar(dir.resolve("probe.jar"));
        Path home = dir.resolve("home");
        Run off = run(jar, home, List.of("-D" + StartupArchive.PROPERTY + "=false"), "0");
        assertThat(off.status).isZero();
        assertThat(off.out).contains("child=null");
        Run own = run(jar, home, List.of("-Xshare:off"), "5");
        assertThat(own.status).isEqualTo(5);
        assertThat(own.out).contains("child=null");
        assertThat(home.resolve("cache")).doesNotExist();
    }

    @Test
    void aClassPathWithADirectoryOrAJvmWithoutTheJdkArchiveIsNotRelaunched() throws IOException {
        Path jar = probeJar(dir.resolve("probe.jar"));
        String javaHome = System.getProperty("java.home");
        assertThat(StartupArchive.plan(javaHome, jar + java.io.File.pathSeparator + dir, List.of(), "mixed mode, sharing",
                dir, "Main", new String[0], 1)).isNull();
        assertThat(StartupArchive.plan(javaHome, jar.toString(), List.of(), "mixed mode", dir, "Main", new String[0], 1))
                .isNull();
        assertThat(StartupArchive.plan(javaHome, jar.toString(), List.of("-agentlib:jdwp=transport=dt_socket"),
                "mixed mode, sharing", dir, "Main", new String[0], 1)).isNull();
        StartupArchive.Plan plan = StartupArchive.plan(javaHome, jar.toString(), List.of("-Xmx2g", "-Dx=y"),
                "mixed mode, sharing", dir, "Main", new String[] {"s.twin.json"}, 42);
        assertThat(plan.command).startsWith(Path.of(javaHome, "bin", "java").toString(), "-Xmx2g", "-Dx=y")
                .endsWith("-cp", jar.toString(), "Main", "s.twin.json");
        assertThat(plan.dumped.getFileName().toString()).endsWith("-42.part");
        // The window's JVM gets the installed launcher's collector unless given one; its heap as given.
        assertThat(plan.command).contains(StartupArchive.ZGC).doesNotContain("-XX:MaxRAMPercentage=60");
        StartupArchive.Plan plain = StartupArchive.plan(javaHome, jar.toString(), List.of("-XX:+UseG1GC"),
                "mixed mode, sharing", dir, "Main", new String[0], 42);
        assertThat(plain.command).contains("-XX:+UseG1GC", "-XX:MaxRAMPercentage=60").doesNotContain(StartupArchive.ZGC);
        assertThat(plain.archive).isNotEqualTo(StartupArchive.plan(javaHome, jar.toString(), List.of(),
                "mixed mode, sharing", dir, "Main", new String[0], 42).archive);
        // The heap's size is part of the key: an archive is mapped only by a JVM laid out as the one that wrote it.
        StartupArchive.Plan other = StartupArchive.plan(javaHome, jar.toString(), List.of("-Xmx4g", "-Dx=y"),
                "mixed mode, sharing", dir, "Main", new String[0], 42);
        assertThat(other.archive).isNotEqualTo(plan.archive);
    }

    @Test
    void theHashIsFnv1a() {
        // FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c (the algorithm's published test vector).
        assertThat(StartupArchive.hash("a")).isEqualTo("af63dc4c8601ec8c");
        assertThat(StartupArchive.hash("")).isEqualTo("cbf29ce484222325");
    }

    private static void assumeJdkArchive() {
        assumeTrue(System.getProperty("java.vm.info", "").contains("sharing"),
                "this Java maps no archive of its own classes, so no archive of ours can sit on it");
    }

    private record Run(int status, String out) {
    }

    private static Run run(Path jar, Path home, List<String> options, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dtwinbench.home=" + home);
        command.addAll(options);
        command.add("-cp");
        command.add(jar.toString());
        command.add(StartupArchiveProbe.class.getName());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(out).isTrue();
        return new Run(process.exitValue(), out);
    }

    private static List<Path> cache(Path home) throws IOException {
        try (Stream<Path> files = Files.list(home.resolve("cache"))) {
            return files.sorted().toList();
        }
    }

    /** A jar of the probe and the classes it uses, copied from the build's output. */
    private static Path probeJar(Path jar) throws IOException {
        List<Class<?>> classes = List.of(StartupArchiveProbe.class, StartupArchive.class, BundledSamples.class);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Class<?> type : classes) {
                Path file = Path.of(type.getProtectionDomain().getCodeSource().getLocation().getPath());
                Path folder = file.resolve(type.getPackageName().replace('.', '/'));
                String outer = type.getName().substring(type.getPackageName().length() + 1);
                try (Stream<Path> members = Files.list(folder)) {
                    for (Path member : members.toList()) {
                        String name = member.getFileName().toString();
                        if (name.equals(outer + ".class") || name.startsWith(outer + "$")) {
                            out.putNextEntry(new JarEntry(type.getPackageName().replace('.', '/') + "/" + name));
                            Files.copy(member, (OutputStream) out);
                            out.closeEntry();
                        }
                    }
                }
            }
        }
        return jar;
    }
}
