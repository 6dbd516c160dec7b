package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reproducibility promise: every bundled sample scenario, run twice with 2 replicates and 30 steps, once on
 * 1 thread and once on 2, writes byte-for-byte the same {@code steps.csv} and {@code alarms.csv}.
 */
class DeterminismTest {

    @TempDir
    Path dir;

    static List<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("sample-data"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".twin.json")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void oneAndTwoThreadsWriteIdenticalSteps(Path scenario) throws IOException {
        Path one = run(scenario, "1");
        Path two = run(scenario, "2");
        byte[] steps = Files.readAllBytes(one.resolve("steps.csv"));
        assertThat(steps.length).isGreaterThan(100);
        assertThat(Files.readAllBytes(two.resolve("steps.csv"))).isEqualTo(steps);
        assertThat(Files.readAllBytes(two.resolve("alarms.csv"))).isEqualTo(Files.readAllBytes(one.resolve("alarms.csv")));
    }

    private Path run(Path scenario, String threads) {
        Path out = dir.resolve("threads-" + threads);
        CliRunner run = CliRunner.run("run", scenario.toString(), "--replicates", "2", "--threads", threads,
                "--steps", "30", "--no-store", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return out;
    }
}
