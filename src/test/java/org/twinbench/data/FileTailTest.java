package org.twinbench.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTailTest {

    @TempDir
    Path dir;

    private final List<String> notes = new ArrayList<>();

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private static List<String> texts(List<FileTail.Line> lines) {
        return lines.stream().map(l -> l.number() + ":" + l.text()).toList();
    }

    private FileTail tailOf(Path file) throws IOException {
        return new FileTail(file, Files.size(file), 2, "a,b", notes::add);
    }

    @Test
    void onlyCompleteLinesAreReadOnceEachAndAPartialLineWaitsForItsEnd() throws IOException {
        Path file = dir.resolve("log.csv");
        Files.writeString(file, "a,b\n1,x\n");
        FileTail tail = tailOf(file);
        assertThat(tail.read()).isEmpty();
        append(file, "2,y\r\n3,");
        assertThat(texts(tail.read())).containsExactly("3:2,y");
        assertThat(tail.read()).isEmpty();
        append(file, "zé\n\n4,w\n");
        // The blank line counts as a line of the file but is no row.
        assertThat(texts(tail.read())).containsExactly("4:3,zé", "6:4,w");
        assertThat(tail.read()).isEmpty();
        assertThat(tail.offset()).isEqualTo(Files.size(file));
        assertThat(notes).isEmpty();
    }

    @Test
    void aTruncatedFileIsReportedAndReadAgainFromItsStartWithoutItsHeader() throws IOException {
        Path file = dir.resolve("log.csv");
        Files.writeString(file, "a,b\n1,x\n2,y\n");
        FileTail tail = tailOf(file);
        Files.writeString(file, "a,b\n9,z\n", StandardOpenOption.TRUNCATE_EXISTING);
        assertThat(texts(tail.read())).containsExactly("2:9,z");
        assertThat(notes).containsExactly(file + " was truncated to 8 bytes after 12 had been read:"
                + " reading it again from its start");
    }

    @Test
    void aRotatedFileIsReportedAndTheNewOneReadFromItsStart() throws IOException {
        Path file = dir.resolve("log.csv");
        Files.writeString(file, "a,b\n1,x\n2,y\n");
        FileTail tail = tailOf(file);
        // logrotate's default: the old file moves away, a new one (another inode) takes its name, and
        // the new one is already longer than what was read of the old.
        Files.move(file, dir.resolve("log.csv.1"), StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(dir.resolve("new.csv"), "a,b\n7,p\n8,q\n9,r\n");
        Files.move(dir.resolve("new.csv"), file, StandardCopyOption.ATOMIC_MOVE);
        assertThat(texts(tail.read())).containsExactly("2:7,p", "3:8,q", "4:9,r");
        assertThat(notes).singleElement().asString().contains("was replaced by a new file (rotated) after 12 bytes");
    }

    @Test
    void aFileThatIsGoneForAMomentIsWaitedFor() throws IOException {
        Path file = dir.resolve("log.csv");
        Files.writeString(file, "a,b\n1,x\n");
        FileTail tail = tailOf(file);
        Files.move(file, dir.resolve("log.csv.1"));
        assertThat(tail.read()).isEmpty();
        Files.writeString(file, "a,b\n5,n\n");
        assertThat(texts(tail.read())).containsExactly("2:5,n");
    }
}
