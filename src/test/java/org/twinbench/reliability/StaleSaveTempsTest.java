package org.twinbench.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.ui.editor.ScenarioFiles;

/**
 * The hidden temporary files a save killed between writing and renaming leaves beside a scenario
 * (named as the save names them) are removed when that scenario is next saved or opened; those of
 * other files, and one young enough to be a save in progress elsewhere, are left alone.
 */
class StaleSaveTempsTest {

    @TempDir
    Path dir;

    /** A leftover as a killed save leaves it: same call, same folder, same prefix as the save uses. */
    private Path leftover(String prefix, Duration age) throws Exception {
        Path temp = Files.createTempFile(dir, prefix, ".tmp");
        Files.writeString(temp, "{\"half\": ");
        Files.setLastModifiedTime(temp, FileTime.from(Instant.now().minus(age)));
        return temp;
    }

    private String[] names() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    @Test
    void leftoversOfAKilledSaveGoOnTheNextSaveAndOpen() throws Exception {
        Path file = dir.resolve("s.twin.json");
        ScenarioFiles.save(FaultChild.version(0), file);
        Path ofFile = leftover(".s.twin.json", Duration.ofHours(2));
        Path ofBackup = leftover(".s.twin.json.bak", Duration.ofMinutes(5));
        Path young = leftover(".s.twin.json", Duration.ofSeconds(5));
        Path otherScenario = leftover(".t.twin.json", Duration.ofHours(2));
        Path notOurs = dir.resolve(".s.twin.json.notes.tmp");
        Files.writeString(notOurs, "mine");
        Files.setLastModifiedTime(notOurs, FileTime.from(Instant.now().minus(Duration.ofHours(2))));

        ScenarioFiles.save(FaultChild.version(1), file);
        assertThat(ofFile).doesNotExist();
        assertThat(ofBackup).doesNotExist();
        assertThat(names()).containsExactlyInAnyOrder("s.twin.json", "s.twin.json.bak",
                young.getFileName().toString(), otherScenario.getFileName().toString(), ".s.twin.json.notes.tmp");
        assertThat(Files.readString(file)).isEqualTo(ScenarioFormat.toJson(FaultChild.version(1)));

        // Once old enough, the young one goes too, this time when the scenario is opened.
        Files.setLastModifiedTime(young, FileTime.from(Instant.now().minus(ScenarioFiles.STALE_AFTER).minusSeconds(1)));
        assertThat(ScenarioFiles.open(file).name()).isEqualTo("version 1");
        assertThat(young).doesNotExist();
        assertThat(names()).containsExactlyInAnyOrder("s.twin.json", "s.twin.json.bak",
                otherScenario.getFileName().toString(), ".s.twin.json.notes.tmp");
        assertThat(ScenarioFiles.removeStaleTemps(dir.resolve("t.twin.json"))).isEqualTo(1);
        assertThat(otherScenario).doesNotExist();
    }
}
