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

    @Test
    void aUtf16LogWithItsByteOrderMarkIsFollowedInItsEncodingAPartialCharacterWaiting() throws IOException {
        Path file = dir.resolve("log-utf16.csv");
        java.nio.charset.Charset le = StandardCharsets.UTF_16LE;
        byte[] bom = {(byte) 0xFF, (byte) 0xFE};
        Files.write(file, bom);
        Files.write(file, "a,b\r\n1,Zoë\r\n".getBytes(le), StandardOpenOption.APPEND);
        assertThat(FileTail.encodingOf(file)).isEqualTo(le);
        FileTail.Head head = FileTail.head(file, le, Files.size(file));
        assertThat(head.lines()).isEqualTo(2);
        assertThat(head.header()).isEqualTo("a,b");
        FileTail tail = new FileTail(file, le, Files.size(file), head.lines(), head.header(), notes::add);
        byte[] more = "2,Ł\n3,ü".getBytes(le);
        // Half of the last character's two bytes: nothing but the complete line is read.
        Files.write(file, java.util.Arrays.copyOf(more, more.length - 1), StandardOpenOption.APPEND);
        assertThat(texts(tail.read())).containsExactly("3:2,Ł");
        Files.write(file, new byte[] {more[more.length - 1]}, StandardOpenOption.APPEND);
        Files.write(file, "\n".getBytes(le), StandardOpenOption.APPEND);
        assertThat(texts(tail.read())).containsExactly("4:3,ü");
        // Truncated and written again: read from the start, the byte-order mark and header skipped.
        Files.write(file, bom, StandardOpenOption.TRUNCATE_EXISTING);
        Files.write(file, "a,b\n9,ß\n".getBytes(le), StandardOpenOption.APPEND);
        assertThat(texts(tail.read())).containsExactly("2:9,ß");
        assertThat(notes).hasSize(1);
    }

    @Test
    void aWindows1252LogIsReadInItsEncoding() throws IOException {
        Path file = dir.resolve("log-1252.csv");
        java.nio.charset.Charset western = java.nio.charset.Charset.forName("windows-1252");
        Files.write(file, "a,b\n1,café\n".getBytes(western));
        assertThat(FileTail.encodingOf(file)).isEqualTo(western);
        FileTail tail = new FileTail(file, western, Files.size(file), 2, "a,b", notes::add);
        Files.write(file, "2,€ 5\n".getBytes(western), StandardOpenOption.APPEND);
        assertThat(texts(tail.read())).containsExactly("3:2,€ 5");
    }
}
