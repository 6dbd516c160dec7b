package org.twinbench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One way to write a file or a folder: the old content or the new, never half, and nothing left on failure. */
class AtomicFilesTest {

    @TempDir
    Path dir;

    private String[] names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    @Test
    void aFailedWriteLeavesTheOldContentAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("a.csv");
        AtomicFiles.writeString(file, "old\n");
        assertThatThrownBy(() -> AtomicFiles.writeText(file, out -> {
            out.write("half of the new");
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readString(file)).isEqualTo("old\n");
        assertThat(names(dir)).containsExactly("a.csv");
    }

    @Test
    void aWriteReplacesTheWholeContentAndKeepsThePermissionsOfTheFileItReplaces() throws IOException {
        Path file = dir.resolve("model.bin");
        AtomicFiles.write(file, new byte[] {1, 2, 3});
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        // A body that closes its stream (as a ZipOutputStream does) still gets its bytes forced and moved.
        AtomicFiles.write(file, out -> {
            try (out) {
                out.write(new byte[] {9});
            }
        });
        assertThat(Files.readAllBytes(file)).containsExactly(9);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(names(dir)).containsExactly("model.bin");
    }

    @Test
    void aNewFolderAppearsCompleteOrNotAtAll() throws IOException {
        Path run = dir.resolve("run");
        assertThatThrownBy(() -> AtomicFiles.writeFolder(run, staging -> {
            AtomicFiles.writeString(staging.resolve("steps.csv"), "a\n");
            throw new IOException("the report cannot be rendered");
        })).hasMessage("the report cannot be rendered");
        assertThat(names(dir)).isEmpty();
        AtomicFiles.writeFolder(run, staging -> {
            AtomicFiles.writeString(staging.resolve("steps.csv"), "a\n");
            AtomicFiles.writeString(staging.resolve("report.html"), "<p>");
        });
        assertThat(names(dir)).containsExactly("run");
        assertThat(names(run)).containsExactly("report.html", "steps.csv");
    }

    @Test
    void anExistingFolderGetsItsFilesReplacedKeepsOthersAndRefusesAFolderInAFilesPlace() throws IOException {
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(run.resolve("notes.txt"), "mine");
        Files.writeString(run.resolve("steps.csv"), "old");
        AtomicFiles.writeFolder(run, staging -> AtomicFiles.writeString(staging.resolve("steps.csv"), "new"));
        assertThat(Files.readString(run.resolve("steps.csv"))).isEqualTo("new");
        assertThat(Files.readString(run.resolve("notes.txt"))).isEqualTo("mine");
        Files.createDirectories(run.resolve("report.html"));
        assertThatThrownBy(() -> AtomicFiles.writeFolder(run, staging -> {
            AtomicFiles.writeString(staging.resolve("steps.csv"), "newer");
            AtomicFiles.writeString(staging.resolve("report.html"), "<p>");
        })).hasMessageEndingWith("report.html: is a folder, where the file report.html should go");
        assertThat(Files.readString(run.resolve("steps.csv"))).isEqualTo("new");
        assertThat(names(dir)).containsExactly("run");
    }

    @Test
    void sha256MatchesThePublishedTestVector() throws IOException {
        // FIPS 180-4 example "abc" (NIST CSRC, SHA256.pdf).
        String abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assertThat(Sha256.of("abc")).isEqualTo(abc);
        Path file = dir.resolve("abc.txt");
        Files.writeString(file, "abc");
        assertThat(Sha256.of(file)).isEqualTo(abc);
        java.security.MessageDigest digest = Sha256.digest();
        digest.update("ab".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        digest.update("c".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(Sha256.hex(digest)).isEqualTo(abc);
    }
}
