package org.twinbench.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app image of the {@code installer} profile: its native launcher runs the command line headless,
 * its runtime is the trimmed jlink image holding JavaFX, and it ships the samples and the licences.
 * Skipped where jpackage is missing or the OS is not Linux.
 */
class AppImageIT {

    private static Path image;

    @TempDir
    Path work;

    @BeforeAll
    static void buildOrFindTheAppImage() throws Exception {
        assumeTrue(Installer.onLinux(), "the Linux app image is built on Linux only");
        assumeTrue(Installer.jdkTool("jpackage").isPresent() && Installer.jdkTool("jlink").isPresent(),
                "jpackage/jlink missing: this JDK cannot build installers");
        image = Installer.appImage();
    }

    @Test
    void launcherPrintsTheProjectVersionWithoutADisplay() throws Exception {
        Installer.Run run = Installer.launcher(image, work, "--version");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("TwinBench " + Installer.projectVersion());
        assertThat(lines.get(1)).startsWith("Java 17");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void launcherValidatesTheBundledSampleScenario() throws Exception {
        Path samples = extractSamples(work.resolve("samples"));
        Path scenario = samples.resolve("loans-recession.twin.json");
        JsonNode json = new ObjectMapper().readTree(scenario.toFile());

        Installer.Run run = Installer.launcher(image, samples, "validate", scenario.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo(scenario + ": valid (" + json.get("nodes").size() + " nodes, "
                + json.get("edges").size() + " edges)");
    }

    @Test
    void launcherReportsABrokenScenarioInOneLineWithExitCodeTwo() throws Exception {
        Path broken = Files.writeString(work.resolve("broken.twin.json"),
                "{\"format\": \"twinbench.scenario\",\n  \"version\": 1,\n", StandardCharsets.UTF_8);

        Installer.Run run = Installer.launcher(image, work, "validate", broken.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines().get(0)).startsWith("twinbench: ").contains("broken.twin.json:");
    }

    @Test
    void runtimeIsTrimmedAndHoldsJavaFxAsModules() throws IOException {
        String release = Files.readString(image.resolve("lib/runtime/release"), StandardCharsets.UTF_8);
        Matcher modules = Pattern.compile("MODULES=\"([^\"]*)\"").matcher(release);
        assertThat(modules.find()).as("lib/runtime/release names its modules").isTrue();
        List<String> names = Arrays.asList(modules.group(1).split(" "));

        assertThat(names).contains("java.base", "java.sql", "java.desktop", "javafx.controls", "javafx.fxml",
                "javafx.swing", "jdk.zipfs");
        assertThat(names).as("a trimmed runtime, not the whole JDK").doesNotContain("jdk.compiler", "jdk.jshell",
                "java.rmi");
        assertThat(appJars()).as("JavaFX lives in the runtime, not on the class path")
                .noneMatch(name -> name.startsWith("javafx-"));
    }

    @Test
    void classPathCarriesOnlyThisPlatformsNativeLibraries() throws IOException {
        assertThat(appJars()).noneMatch(name -> name.contains("-windows-") || name.contains("-macosx-"));
        Path onnx;
        try (Stream<Path> jars = Files.list(image.resolve("lib/app/lib"))) {
            onnx = jars.filter(p -> p.getFileName().toString().startsWith("onnxruntime-")).findFirst().orElseThrow();
        }
        try (ZipFile zip = new ZipFile(onnx.toFile())) {
            List<String> natives = zip.stream().map(ZipEntry::getName)
                    .filter(n -> n.startsWith("ai/onnxruntime/native/") && !n.endsWith("/")).toList();
            assertThat(natives).isNotEmpty().allMatch(n -> n.startsWith("ai/onnxruntime/native/linux-"));
        }
    }

    @Test
    void launcherMakesTheWindowsClassArchiveForItsOwnFilesAndItsJvmMapsIt() throws Exception {
        // What the Linux package's postinst runs once the files are in place (docs/window.md, "Start-up").
        Path list = image.resolve("lib/app/startup-classes.lst");
        assertThat(list).as("mvn package lists the window's classes, the staging copies the list").isRegularFile();
        assertThat(Files.readAllLines(list)).hasSizeGreaterThan(5_000).contains("org/twinbench/Launcher")
                .noneMatch(line -> line.contains("monocle"));
        Installer.Run made = Installer.launcher(image, work, "--startup-archive", list.toString());
        Path archive = null;
        try {
            assertThat(made.exitCode()).as(made.err()).isZero();
            Matcher name = Pattern.compile("startup archive: (.*startup-[0-9a-f]{16}\\.jsa)").matcher(made.out());
            assertThat(name.find()).as(made.out()).isTrue();
            archive = Path.of(name.group(1));
            assertThat(archive.getParent()).isEqualTo(image.resolve("lib/app"));
            assertThat(Files.size(archive)).isGreaterThan(10_000_000);
            // The launcher's own JVM finds it valid for its runtime and class path, and holds the window's classes.
            Installer.Run mapped = Installer.run(Map.of("JAVA_TOOL_OPTIONS", "-XX:SharedArchiveFile=" + archive
                    + " -XX:+PrintSharedArchiveAndExit"), work, 120,
                    image.resolve("bin").resolve(Installer.NAME).toString(), "--version");
            String printed = mapped.out() + mapped.err();
            assertThat(mapped.exitCode()).as(printed).isZero();
            assertThat(printed).contains("archive is valid").containsPattern(": org\\.twinbench\\.Launcher app_loader")
                    .containsPattern(": javafx\\.scene\\.Node app_loader")
                    .containsPattern(": org\\.twinbench\\.ui\\.MainView app_loader")
                    .containsPattern(": org\\.twinbench\\.\\S+\\$\\$Lambda\\$\\d+/0x[0-9a-f]+ app_loader");
        } finally {
            if (archive != null) {
                Files.deleteIfExists(archive);
            }
        }
    }

    @Test
    void startScriptRunsTheLaunchersJvmWithoutAskingThePackageManager() throws Exception {
        // A package manager that only notes it was asked: jpackage's launcher asks it on every start.
        Path fakes = Files.createDirectories(work.resolve("fakes"));
        Path asked = work.resolve("asked.txt");
        for (String tool : List.of("dpkg", "rpm")) {
            Path fake = fakes.resolve(tool);
            Files.writeString(fake, "#!/bin/sh\necho \"" + tool + " $*\" >> '" + asked + "'\nexit 1\n");
            fake.toFile().setExecutable(true);
        }
        Map<String, String> env = Map.of("PATH", fakes + ":" + System.getenv("PATH"));
        String[] script = {image.resolve("bin/twinbench").toString(), "--version"};
        String[] launcher = {image.resolve("bin").resolve(Installer.NAME).toString(), "--version"};

        Installer.Run fromScript = Installer.run(env, work, 120, script);
        assertThat(fromScript.exitCode()).as(fromScript.err()).isZero();
        assertThat(asked).doesNotExist();
        Installer.Run fromLauncher = Installer.run(env, work, 120, launcher);
        assertThat(fromLauncher.exitCode()).as(fromLauncher.err()).isZero();
        assertThat(asked).content().contains("dpkg -S");
        assertThat(fromScript.out()).isEqualTo(fromLauncher.out()).startsWith("TwinBench " + Installer.projectVersion());
        assertThat(fromScript.err()).isEmpty();

        // The same JVM: the same Java, options and class path, so the same class archive.
        Path list = image.resolve("lib/app/startup-classes.lst");
        Installer.Run byScript = Installer.run(Map.of(), work, 300, script[0], "--startup-archive", list.toString());
        Installer.Run byLauncher = Installer.run(Map.of(), work, 300, launcher[0], "--startup-archive", list.toString());
        try {
            assertThat(byScript.exitCode()).as(byScript.err()).isZero();
            assertThat(byLauncher.exitCode()).as(byLauncher.err()).isZero();
            assertThat(byScript.out()).startsWith("startup archive: " + image.resolve("lib/app/startup-"))
                    .isEqualTo(byLauncher.out());
            // With the archive there, the script's JVM maps it itself.
            Path log = work.resolve("classes.log");
            Installer.Run mapped = Installer.run(Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + log), work,
                    120, script);
            assertThat(mapped.exitCode()).as(mapped.err()).isZero();
            assertThat(Files.readString(log)).contains("org.twinbench.Launcher source: shared objects file");
        } finally {
            try (Stream<Path> made = Files.list(image.resolve("lib/app"))) {
                for (Path file : made.filter(p -> p.getFileName().toString().endsWith(".jsa")).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    @Test
    void licenceNoticeNamesEveryBundledJar() throws IOException {
        String licence = Files.readString(image.resolve("lib/app/LICENSE.txt"), StandardCharsets.UTF_8);
        assertThat(licence).contains("GNU GENERAL PUBLIC LICENSE").contains("Version 3, 29 June 2007");
        List<String> words = Arrays.asList(licence.split("\\s+"));
        List<String> missing = new ArrayList<>();
        for (String jar : appJars()) {
            // artifact name = file name up to "-<version>", e.g. poi-ooxml-lite-5.4.0.jar -> poi-ooxml-lite
            String artifact = jar.replaceFirst("-\\d.*$", "");
            if (!words.contains(artifact)) {
                missing.add(jar);
            }
        }
        assertThat(missing).as("jars without an entry in installer/licence/NOTICE.txt").isEmpty();
    }

    private static List<String> appJars() throws IOException {
        try (Stream<Path> jars = Files.list(image.resolve("lib/app/lib"))) {
            return jars.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The samples exactly as the installed application carries them: from the jar in the image. */
    private static Path extractSamples(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (ZipFile jar = new ZipFile(image.resolve("lib/app/twinbench.jar").toFile())) {
            List<? extends ZipEntry> samples = jar.stream()
                    .filter(e -> e.getName().startsWith("sample-data/") && !e.isDirectory()).toList();
            assertThat(samples).extracting(ZipEntry::getName).contains("sample-data/loans-recession.twin.json");
            for (ZipEntry entry : samples) {
                Path file = dir.resolve(entry.getName().substring("sample-data/".length()));
                // The samples include folders of their own (public/: the real data sets).
                Files.createDirectories(file.getParent());
                try (InputStream in = jar.getInputStream(entry)) {
                    Files.copy(in, file);
                }
            }
        }
        return dir;
    }
}
