package org.twinbench.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
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
 * What is appended to a growing text file, complete line by complete line, in the file's encoding
 * ({@link #encodingOf}: the one the user named, else UTF-8, UTF-16 by its byte-order mark, else Windows-1252, as the
 * loader reads it), as {@code tail -F}
 * follows a log: a last line without its line end waits for it, nothing is read twice, and a file that
 * shrinks below what was read (truncated) or is replaced by another (rotated: a new file key, e.g. inode)
 * is reported and read again from its start, its header line skipped.
 */
public final class FileTail {

    /** At most this much is read per call, so a burst of appended rows is taken in pieces. */
    static final int CHUNK = 1 << 20;

    private final Path file;
    private final Charset charset;
    /** Bytes per code unit: 2 in UTF-16, where a line end is two bytes, else 1. */
    private final int unit;
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
        this(file, StandardCharsets.UTF_8, offset, lines, header, notes);
    }

    /** As {@link #FileTail(Path, long, long, String, Consumer)}, for a file written in {@code charset}. */
    public FileTail(Path file, Charset charset, long offset, long lines, String header, Consumer<String> notes) {
        this.file = file;
        this.charset = charset;
        this.unit = utf16(charset) ? 2 : 1;
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
        for (int i = 0; i + unit <= bytes.length; i += unit) {
            if (is(bytes, i, '\n')) {
                int to = i - unit >= from && is(bytes, i - unit, '\r') ? i - unit : i;
                String text = new String(bytes, from, to - from, charset);
                text = offset + from == 0 && text.startsWith("\uFEFF") ? text.substring(1) : text;
                line++;
                if (!(atStart && text.equals(header)) && !text.isEmpty()) {
                    out.add(new Line(line, text));
                }
                atStart = false;
                from = i + unit;
            }
        }
        offset += from;
        return out;
    }

    /** Whether the code unit at {@code i} is the character {@code c} (an ASCII line-end character). */
    private boolean is(byte[] bytes, int i, char c) {
        if (unit == 1) {
            return bytes[i] == c;
        }
        boolean little = charset.equals(StandardCharsets.UTF_16LE);
        return little ? bytes[i] == c && bytes[i + 1] == 0 : bytes[i] == 0 && bytes[i + 1] == c;
    }

    private static boolean utf16(Charset charset) {
        return charset.equals(StandardCharsets.UTF_16LE) || charset.equals(StandardCharsets.UTF_16BE);
    }

    /**
     * The encoding {@code file} is written in, as the loader reads it: a byte-order mark (UTF-8, UTF-16
     * little- or big-endian), else UTF-8 when its first 64 KiB are valid UTF-8, else Windows-1252.
     */
    public static Charset encodingOf(Path file) {
        return encodingOf(file, null);
    }

    /**
     * The encoding {@code file} is read in: {@code named} when the user named one (plain UTF-16 settled by
     * the byte-order mark, else big-endian), else as {@link #encodingOf(Path)} detects it.
     */
    public static Charset encodingOf(Path file, Charset named) {
        return TextSniffer.sniff(file, LoadOptions.detect().withCharset(named)).charset();
    }

    /** The first {@code bytes} of a file: how many line ends they hold, and the first line (without a byte-order mark). */
    public record Head(long lines, String header) {
    }

    /** Counts the line ends in the first {@code bytes} of {@code file} and reads its first line, in {@code charset}. */
    public static Head head(Path file, Charset charset, long bytes) {
        FileTail counter = new FileTail(file, charset, 0, 0, null, line -> { });
        long lines = 0;
        String header = null;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            long left = bytes;
            int kept = 0;
            int n;
            while (left > 0 && (n = in.read(buffer, kept, (int) Math.min(buffer.length - kept, left))) > 0) {
                left -= n;
                int end = kept + n;
                int from = 0;
                for (int i = 0; i + counter.unit <= end; i += counter.unit) {
                    if (counter.is(buffer, i, '\n')) {
                        if (lines == 0) {
                            header = new String(buffer, 0, i, charset);
                        }
                        lines++;
                        from = i + counter.unit;
                    }
                }
                if (lines == 0 && end == buffer.length) {
                    buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
                    kept = end;
                } else {
                    // A code unit split across reads, or an unfinished line, is kept for the next read.
                    kept = end - from;
                    System.arraycopy(buffer, from, buffer, 0, kept);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot be read: " + e.getMessage(), e);
        }
        String text = header == null ? "" : header;
        text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return new Head(lines, text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
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
