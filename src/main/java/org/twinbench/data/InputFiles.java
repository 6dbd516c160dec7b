package org.twinbench.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What every reader of a user's file checks before opening it: that the path names a regular file.
 * A named pipe (FIFO), a device such as {@code /dev/zero} or {@code /dev/stdin}, or a socket would
 * block a reader for ever or never end, and none of them has a size to check against a limit; they
 * are refused with a message, as are folders and missing files.
 */
public final class InputFiles {

    private InputFiles() {
    }

    /**
     * Why {@code file} cannot be read as a file, phrased after the file name ("file not found", "is a
     * named pipe, ..."), or null when it is a regular file (a symbolic link is judged by its target).
     */
    public static String problem(Path file) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (java.nio.file.NoSuchFileException e) {
            return "file not found";
        } catch (IOException | InvalidPathException | SecurityException e) {
            return "cannot read: " + e.getMessage();
        }
        if (attributes.isRegularFile()) {
            return null;
        }
        if (attributes.isDirectory()) {
            return "is a folder, not a file";
        }
        return "is not a regular file (a named pipe, device or socket); TwinBench reads only ordinary files";
    }

    /** Throws a {@link DataException} naming {@code file} unless it is a regular file. */
    public static void requireRegular(Path file) {
        String problem = problem(file);
        if (problem != null) {
            throw new DataException(file + ": " + problem);
        }
    }
}
