package org.twinbench.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.ui.editor.ScenarioFiles;

/**
 * A save or an autosave killed with SIGKILL at random moments (in a child JVM) leaves the old or
 * the new version, never a broken one, and the recovery file is offered at the next start.
 */
class SaveFaultsTest {

    private static final int ROUNDS = 3;

    @TempDir
    Path dir;

    private static final List<String> VERSIONS = List.of(ScenarioFormat.toJson(FaultChild.version(0)),
            ScenarioFormat.toJson(FaultChild.version(1)));

    private static boolean killedInside(List<String> lines) {
        return !lines.isEmpty() && lines.get(lines.size() - 1).startsWith("BEGIN");
    }

    @Test
    void aSaveKilledAtRandomMomentsLeavesTheOldOrTheNewVersionAndAConsistentBackup() throws Exception {
        Path file = dir.resolve("work.twin.json");
        Random random = new Random(20261127);
        int inside = 0;
        for (int round = 0; round < ROUNDS; round++) {
            try (ChildJvm child = ChildJvm.start(FaultChild.class, "save", file.toString())) {
                child.awaitLine("DONE 1", Duration.ofSeconds(60));
                Thread.sleep(random.nextInt(200));
                child.kill();
                inside += killedInside(child.lines()) ? 1 : 0;
            }
            // Byte for byte one of the two versions the child wrote, never a mix or a truncated file.
            assertThat(Files.readString(file)).isIn(VERSIONS);
            assertThat(Files.readString(ScenarioFiles.backupOf(file))).isIn(VERSIONS);
            assertThat(ScenarioFormat.read(file).name()).startsWith("version ");
        }
        System.out.printf("save killed %d times, %d of them inside a save%n", ROUNDS, inside);
        assertThat(inside).as("kills that fell inside a save").isPositive();
        // What a kill may leave behind is only hidden temporary files, which the next save ignores.
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".") || !n.endsWith(".tmp")))
                    .containsExactlyInAnyOrder("work.twin.json", "work.twin.json.bak");
        }
        // ... and removes once they are stale (aged here rather than waited for).
        try (Stream<Path> files = Files.list(dir)) {
            for (Path left : files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList()) {
                Files.setLastModifiedTime(left, java.nio.file.attribute.FileTime.from(
                        java.time.Instant.now().minus(ScenarioFiles.STALE_AFTER).minusSeconds(1)));
            }
        }
        ScenarioFiles.save(FaultChild.version(0), file);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("work.twin.json", "work.twin.json.bak");
        }
    }

    @Test
    void anAutosaveKilledAtRandomMomentsLeavesACompleteRecoveryThatIsOffered() throws Exception {
        Path home = dir.resolve("home");
        Path origin = dir.resolve("mine.twin.json");
        Random random = new Random(27112026);
        for (int round = 0; round < ROUNDS; round++) {
            try (ChildJvm child = ChildJvm.start(FaultChild.class, "autosave", home.toString(), origin.toString())) {
                child.awaitLine("DONE 0", Duration.ofSeconds(60));
                Thread.sleep(random.nextInt(200));
                child.kill();
            }
            ScenarioFiles files = new ScenarioFiles(home);
            assertThat(Files.readString(files.recoveryFile())).isIn(VERSIONS);
            ScenarioFiles.Recovery offered = files.pendingRecovery().orElseThrow();
            assertThat(offered.origin()).isEqualTo(origin.toAbsolutePath());
            assertThat(ScenarioFormat.toJson(offered.scenario())).isIn(VERSIONS);
        }
        // The window's start-up check offers it too (FileActions without the FX toolkit: plain executors).
        List<String> status = new CopyOnWriteArrayList<>();
        try (var executor = new org.twinbench.ui.fx.AppExecutor()) {
            var document = new org.twinbench.ui.editor.ScenarioDocument(dir);
            var actions = new org.twinbench.ui.FileActions(document, executor, Runnable::run, new ScenarioFiles(home),
                    status::add);
            actions.start();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (actions.recoveryProperty().get() == null && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(actions.recoveryProperty().get()).isNotNull();
            actions.recover();
            assertThat(ScenarioFormat.toJson(document.scenario())).isIn(VERSIONS);
            assertThat(document.history().dirtyProperty().get()).isTrue();
        }
    }
}
