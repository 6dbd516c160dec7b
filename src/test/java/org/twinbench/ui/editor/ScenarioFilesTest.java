package org.twinbench.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.scenario.SampleScenarios;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioFormat;

class ScenarioFilesTest {

    @TempDir
    Path dir;

    @Test
    void savingKeepsThePreviousVersionAsBakAndLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("s.twin.json");
        Scenario first = SampleScenarios.loansRecession(1);
        Scenario second = SampleScenarios.loansRecession(2);
        ScenarioFiles.save(first, file);
        assertThat(ScenarioFiles.backupOf(file)).doesNotExist();
        ScenarioFiles.save(second, file);
        assertThat(ScenarioFormat.read(file)).isEqualTo(second);
        assertThat(ScenarioFormat.read(ScenarioFiles.backupOf(file))).isEqualTo(first);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("s.twin.json",
                    "s.twin.json.bak");
        }
    }

    @Test
    void theRecoveryFileRemembersTheScenarioAndItsFile() throws Exception {
        ScenarioFiles files = new ScenarioFiles(dir);
        assertThat(files.pendingRecovery()).isEmpty();
        Scenario edited = SampleScenarios.loansRecession(3);
        Path origin = dir.resolve("work.twin.json");
        files.writeRecovery(edited, origin);
        ScenarioFiles.Recovery found = files.pendingRecovery().orElseThrow();
        assertThat(found.scenario()).isEqualTo(edited);
        assertThat(found.origin()).isEqualTo(origin.toAbsolutePath());
        files.clearRecovery();
        assertThat(files.pendingRecovery()).isEmpty();
    }

    @Test
    void recentFilesPutTheLatestFirstWithoutDuplicatesUpToTheLimit() throws Exception {
        ScenarioFiles files = new ScenarioFiles(dir);
        for (int i = 0; i < ScenarioFiles.RECENT_LIMIT + 2; i++) {
            files.remember(dir.resolve("f" + i + ".twin.json"));
        }
        files.remember(dir.resolve("f3.twin.json"));
        assertThat(files.recent()).hasSize(ScenarioFiles.RECENT_LIMIT);
        assertThat(files.recent().get(0)).isEqualTo(dir.resolve("f3.twin.json").toAbsolutePath());
        assertThat(files.recent().get(1)).isEqualTo(dir.resolve("f9.twin.json").toAbsolutePath());
        assertThat(files.recent()).doesNotHaveDuplicates().doesNotContain(dir.resolve("f0.twin.json").toAbsolutePath());
    }
}
