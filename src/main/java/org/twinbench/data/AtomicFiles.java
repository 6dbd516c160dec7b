package org.twinbench.data;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The one way TwinBench writes a file or a folder of files, so that a reader, a crash or a power cut
 * sees the old content or the new, never half of it (in the spirit of JabRef's
 * {@code AtomicFileWriter}). A file is written to a hidden temporary file in the same folder
 * ({@code .<name><digits>.tmp}), forced to the disk, then renamed over the target in one atomic move
 * (a plain replacing move on a file system without atomic moves); on any failure the temporary file
 * is removed and the target is as it was. A folder is written into a hidden staging folder beside it
 * ({@code .<name>.part-<digits>}) and moved into place only once every file is there.
 */
public final class AtomicFiles {

    /** The temporary files this process is writing now, which a cleanup of stale temporaries must spare. */
    private static final Set<Path> WRITING = ConcurrentHashMap.newKeySet();

    private AtomicFiles() {
    }

    /** Something that writes a whole file's bytes; it may close the stream it is given. */
    @FunctionalInterface
    public interface Body {
        void write(OutputStream out) throws IOException;
    }

    /** Something that writes a whole file's text (UTF-8); it may close the writer it is given. */
    @FunctionalInterface
    public interface TextBody {
        void write(Writer out) throws IOException;
    }

    /** Something that fills a (staging) folder with files. */
    @FunctionalInterface
    public interface FolderBody {
        void write(Path folder) throws IOException;
    }

    /** Writes {@code bytes} as the whole content of {@code file}. */
    public static void write(Path file, byte[] bytes) throws IOException {
        write(file, (OutputStream out) -> out.write(bytes));
    }

    /** Writes {@code text} (UTF-8) as the whole content of {@code file}. */
    public static void writeString(Path file, String text) throws IOException {
        writeText(file, out -> out.write(text));
    }

    /** Writes the text {@code body} produces (UTF-8) as the whole content of {@code file}. */
    public static void writeText(Path file, TextBody body) throws IOException {
        write(file, (OutputStream out) -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            body.write(writer);
            writer.flush();
        });
    }

    /** Writes what {@code body} produces as the whole content of {@code file}. */
    public static void write(Path file, Body body) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        // Interrupted (Ctrl-C, kill -TERM), the JVM's shutdown still removes the unfinished file.
        temp.toFile().deleteOnExit();
        WRITING.add(temp);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = new BufferedOutputStream(new Unclosable(Channels.newOutputStream(channel)), 1 << 16);
                body.write(out);
                out.flush();
                channel.force(true);
            }
            permissions(temp, target);
            move(temp, target);
            forceFolder(dir);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } finally {
                WRITING.remove(temp);
            }
        }
    }

    /**
     * Writes a folder of files so that it is complete or absent: {@code body} fills a staging folder
     * beside {@code folder}, which then becomes {@code folder} in one move. When {@code folder} already
     * exists, its files of the same names are replaced (each atomically) and its other files are kept;
     * a staged file whose place holds a folder refuses the whole write before anything is replaced. On
     * failure the staging folder is removed.
     */
    public static void writeFolder(Path folder, FolderBody body) throws IOException {
        Path target = folder.toAbsolutePath();
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new IOException(folder + ": is a file, not a folder");
        }
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".part-");
        try {
            body.write(staging);
            if (!Files.exists(target)) {
                move(staging, target);
                forceFolder(parent);
                return;
            }
            try (DirectoryStream<Path> staged = Files.newDirectoryStream(staging)) {
                for (Path file : staged) {
                    Path place = target.resolve(file.getFileName().toString());
                    if (Files.isDirectory(place, LinkOption.NOFOLLOW_LINKS)) {
                        throw new IOException(place + ": is a folder, where the file " + file.getFileName()
                                + " should go");
                    }
                }
            }
            try (DirectoryStream<Path> staged = Files.newDirectoryStream(staging)) {
                for (Path file : staged) {
                    move(file, target.resolve(file.getFileName().toString()));
                }
            }
            forceFolder(target);
        } finally {
            deleteTree(staging);
        }
    }

    /** Whether {@code temp} is a temporary file this process is writing right now. */
    public static boolean isBeingWritten(Path temp) {
        return WRITING.contains(temp.toAbsolutePath());
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Temporary files are created owner-only: the finished file keeps the permissions of the file it
     * replaces, or gets the usual rw-r--r-- when it is new.
     */
    private static void permissions(Path temp, Path target) throws IOException {
        if (!temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Files.setPosixFilePermissions(temp, Files.isRegularFile(target) ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--"));
    }

    /** Makes a rename durable where the platform allows forcing a folder (Linux, macOS); best effort. */
    private static void forceFolder(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a folder as a channel; the rename itself is still atomic there.
        }
    }

    /** Deletes a staging folder and what is in it; best effort (nothing is thrown). */
    private static void deleteTree(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // Left behind; it is hidden and named as a staging folder.
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // Likewise.
        }
    }

    /** The body's stream: closing it only flushes, so the channel stays open to be forced. */
    private static final class Unclosable extends FilterOutputStream {
        Unclosable(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
