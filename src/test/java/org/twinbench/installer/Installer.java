package org.twinbench.installer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Where the {@code installer} profile put its output, and how the tests run the tools and the installed
 * launcher. The profile passes {@code twinbench.installer.dir} and {@code twinbench.version}.
 */
final class Installer {

    static final String NAME = "TwinBench";

    private Installer() {
    }

    static Path directory() {
        return Path.of(System.getProperty("twinbench.installer.dir", "target/installer")).toAbsolutePath();
    }

    static String projectVersion() {
        return System.getProperty("twinbench.version", "");
    }

    static boolean onLinux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    }

    /** A JDK tool from this JDK, else from the PATH. */
    static Optional<Path> jdkTool(String name) {
        Path own = Path.of(System.getProperty("java.home"), "bin", name);
        if (Files.isExecutable(own)) {
            return Optional.of(own);
        }
        return onPath(name);
    }

    static Optional<Path> onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * The app image the profile built; if it is not there (the test run on its own), builds it with the
     * same script, so the test always checks what {@code installer/build-linux.sh} makes.
     */
    static Path appImage() throws IOException, InterruptedException {
        Path image = directory().resolve(NAME);
        if (!Files.isExecutable(image.resolve("bin").resolve(NAME))) {
            Run build = run(Map.of(), Path.of("").toAbsolutePath(), 900, "bash", "installer/build-linux.sh",
                    "--app-image-only", "--dest", directory().toString());
            if (build.exitCode() != 0) {
                throw new IllegalStateException("installer/build-linux.sh failed:\n" + build.err() + build.out());
            }
        }
        return image;
    }

    /** The result of one finished process. */
    record Run(int exitCode, String out, String err) {

        List<String> errLines() {
            return err.isBlank() ? List.of() : List.of(err.strip().split("\\R"));
        }
    }

    /**
     * Runs a command headless: no DISPLAY, and TwinBench's user folder in {@code workDir}, so the test
     * touches nothing of the user running it.
     */
    static Run run(Map<String, String> env, Path workDir, int timeoutSeconds, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(workDir.toFile());
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        builder.environment().put("TWINBENCH_HOME", workDir.resolve(".twinbench").toString());
        builder.environment().putAll(env);
        Path out = Files.createTempFile("installer-test", ".out");
        Path err = Files.createTempFile("installer-test", ".err");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static Run launcher(Path image, Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(image.resolve("bin").resolve(NAME).toString());
        command.addAll(List.of(args));
        return run(Map.of(), workDir, 120, command.toArray(String[]::new));
    }
}
