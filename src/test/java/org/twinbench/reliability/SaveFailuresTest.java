package org.twinbench.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.scenario.SampleScenarios;
import org.twinbench.scenario.Scenario;
import org.twinbench.ui.FileActions;
import org.twinbench.ui.editor.ScenarioDocument;
import org.twinbench.ui.editor.ScenarioFiles;
import org.twinbench.ui.fx.AppExecutor;

/**
 * Saving onto a disk that refuses: a full disk, a read-only mount, a folder the system will not let
 * anyone write (even root), a file where a folder should be. The tests run as root, so permissions
 * alone would not stop a write: the targets are real failures from the kernel (a tiny tmpfs when
 * this machine lets the test mount one, else that case is skipped). Every time the message says
 * what happened in one line, the file on disk is untouched and the document stays open and dirty.
 */
class SaveFailuresTest {

    @TempDir
    Path dir;

    private final List<Path> mounts = new CopyOnWriteArrayList<>();

    /** A tmpfs of {@code size} (e.g. "256k") mounted at a new folder, with extra options such as "ro". */
    private Path mountTmpfs(String name, String options) throws IOException, InterruptedException {
        Path point = Files.createDirectories(dir.resolve(name));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", point.toString())
                .redirectErrorStream(true).start();
        boolean mounted = mount.waitFor(20, TimeUnit.SECONDS) && mount.exitValue() == 0;
        assumeTrue(mounted, "this machine does not let the test mount a tmpfs");
        mounts.add(point);
        return point;
    }

    @AfterEach
    void unmount() throws IOException, InterruptedException {
        for (Path point : mounts) {
            new ProcessBuilder("umount", point.toString()).redirectErrorStream(true).start().waitFor(20,
                    TimeUnit.SECONDS);
        }
    }

    /** About a megabyte of scenario: more than the small tmpfs holds. */
    private static Scenario big() {
        Scenario base = SampleScenarios.loansRecession(3);
        return new Scenario("big", "x".repeat(1 << 20), base.seed(), base.nodes(), base.edges());
    }

    @Test
    void aFullDiskLeavesTheSavedVersionAsItWasAndSaysTheDiskIsFull() throws Exception {
        Path disk = mountTmpfs("full", "size=256k");
        Path file = disk.resolve("work.twin.json");
        Scenario old = SampleScenarios.loansRecession(1);
        ScenarioFiles.save(old, file);
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> ScenarioFiles.save(big(), file)).isInstanceOf(IOException.class)
                .hasMessage("Cannot save " + file + ": the disk is full; free some space or save elsewhere");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (Stream<Path> files = Files.list(disk)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("no half-written temporary file left taking the space")
                    .containsExactlyInAnyOrder("work.twin.json", "work.twin.json.bak");
        }
        assertDocumentStaysDirty(file, "the disk is full");
    }

    @Test
    void aReadOnlyDiskIsNamedAsSuch() throws Exception {
        Path disk = mountTmpfs("ro", "ro,size=64k");
        Path file = disk.resolve("work.twin.json");
        assertThatThrownBy(() -> ScenarioFiles.save(big(), file)).isInstanceOf(IOException.class)
                .hasMessage("Cannot save " + file + ": the folder is on a read-only disk; save elsewhere");
        assertDocumentStaysDirty(file, "read-only disk");
    }

    @Test
    void aFolderNobodyMayWriteIsRefusedEvenForRoot() throws Exception {
        Path file = Path.of("/sys", "twinbench-" + ProcessHandle.current().pid() + ".twin.json");
        assertThatThrownBy(() -> ScenarioFiles.save(big(), file)).isInstanceOf(IOException.class)
                .hasMessage("Cannot save " + file + ": no permission to write in /sys; save elsewhere");
        assertThat(file).doesNotExist();
        assertDocumentStaysDirty(file, "no permission to write in /sys");
    }

    @Test
    void aFileWhereAFolderShouldBeIsNamed() throws Exception {
        Path blocker = Files.writeString(dir.resolve("notes.txt"), "not a folder");
        Path file = blocker.resolve("sub").resolve("work.twin.json");
        assertThatThrownBy(() -> ScenarioFiles.save(big(), file)).isInstanceOf(IOException.class)
                .hasMessage("Cannot save " + file + ": " + blocker + " is a file, not a folder; choose another place");
        assertThat(Files.readString(blocker)).isEqualTo("not a folder");
        assertDocumentStaysDirty(file, "is a file, not a folder");
    }

    /** Through the File menu's actions: the status says why, the document keeps its changes and stays dirty. */
    private void assertDocumentStaysDirty(Path target, String reason) throws InterruptedException {
        List<String> status = new CopyOnWriteArrayList<>();
        try (AppExecutor executor = new AppExecutor()) {
            ScenarioDocument document = new ScenarioDocument(dir);
            FileActions actions = new FileActions(document, executor, Runnable::run, new ScenarioFiles(dir.resolve("home")),
                    status::add);
            document.change("Edit", s -> big());
            Scenario edited = document.scenario();
            actions.saveAs(target);
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (status.stream().noneMatch(s -> s.startsWith("Cannot save")) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(status).anySatisfy(s -> assertThat(s).startsWith("Cannot save " + target + ": ")
                    .contains(reason).endsWith("(your changes are still open, not saved)").doesNotContain("\n"));
            assertThat(document.history().dirtyProperty().get()).isTrue();
            assertThat(document.scenario()).isEqualTo(edited);
            assertThat(document.fileProperty().get()).isNull();
        }
    }
}
