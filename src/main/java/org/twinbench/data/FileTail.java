package org.twinbench.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What is appended to a growing text file (UTF-8), complete line by complete line, as {@code tail -F}
 * follows a log: a last line without its line end waits for it, nothing is read twice, and a file that
 * shrinks below what was read (truncated) or is replaced by another (rotated: a new file key, e.g. inode)
 * is reported and read again from its start, its header line skipped.
 */
public final class FileTail {

    /** At most this much is read per call, so a burst of appended rows is taken in pieces. */
    static final int CHUNK = 1 << 20;

    private final Path file;
    private final String header;
    private final Consumer<String> notes;
    private long offset;
    private long line;
    private Object key;
    private boolean atStart;

    /**
     * Follows {@code file} from byte {@code offset}, the end of line {@code lines} (a line end), reporting
     * truncation and rotation to {@code notes}; from byte 0 its header line is skipped.
     *
     * @param header the file's header line, skipped when the file starts again
     */
    public FileTail(Path file, long offset, long lines, String header, Consumer<String> notes) {
        this.file = file;
        this.offset = offset;
        this.line = lines;
        this.header = header;
        this.notes = notes;
        this.key = keyOf(file);
        this.atStart = offset == 0;
    }

    /** A complete line and its number in the file (1 = the first line). */
    public record Line(long number, String text) {
    }

    /** The complete lines appended since the last call, without their line ends (CR LF or LF); may be empty. */
    public List<Line> read() {
        List<Line> out = new ArrayList<>();
        Object now = keyOf(file);
        if (now == null) {
            return out;
        }
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException gone) {
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot be read: " + e.getMessage(), e);
        }
        if (!Objects.equals(now, key)) {
            notes.accept(file + " was replaced by a new file (rotated) after " + offset
                    + " bytes: reading the new file from its start");
            restart(now);
        } else if (size < offset) {
            notes.accept(file + " was truncated to " + size + " bytes after " + offset
                    + " had been read: reading it again from its start");
            restart(now);
        }
        if (size <= offset) {
            return out;
        }
        byte[] bytes = new byte[(int) Math.min(CHUNK, size - offset)];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining() && channel.read(buffer, offset + buffer.position()) > 0) {
                // keep reading until the chunk is full or the file ends
            }
            bytes = java.util.Arrays.copyOf(bytes, buffer.position());
        } catch (NoSuchFileException gone) {
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot be read: " + e.getMessage(), e);
        }
        int from = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                int to = i > from && bytes[i - 1] == '\r' ? i - 1 : i;
                String text = new String(bytes, from, to - from, StandardCharsets.UTF_8);
                line++;
                if (!(atStart && text.equals(header)) && !text.isEmpty()) {
                    out.add(new Line(line, text));
                }
                atStart = false;
                from = i + 1;
            }
        }
        offset += from;
        return out;
    }

    /** The bytes read so far (complete lines only). */
    public long offset() {
        return offset;
    }

    private void restart(Object now) {
        key = now;
        offset = 0;
        line = 0;
        atStart = true;
    }

    private static Object keyOf(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            // Without a file key (some file systems) rotation shows only as truncation.
            return attributes.fileKey() != null ? attributes.fileKey() : "no-key";
        } catch (IOException e) {
            return null;
        }
    }
}
