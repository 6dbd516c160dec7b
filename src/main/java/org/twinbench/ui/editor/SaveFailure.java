package org.twinbench.ui.editor;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Turns the operating system's reason for a failed save into one line in the user's words. The
 * JDK reports a full disk as "No space left on device", a read-only mount as "Read-only file
 * system" and a file standing where a folder is needed as FileAlreadyExists/NotDirectory; none of
 * these tell a user what to do.
 */
final class SaveFailure {

    private SaveFailure() {
    }

    static String explain(Path target, IOException e) {
        return "Cannot save " + target + ": " + reason(target, e);
    }

    private static String reason(Path target, IOException e) {
        Path file = blockingFile(target.getParent());
        if (file != null) {
            return file + " is a file, not a folder; choose another place";
        }
        String text = (e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                : String.valueOf(e.getMessage())).toLowerCase(Locale.ROOT);
        if (text.contains("no space left") || text.contains("disk quota")) {
            return "the disk is full; free some space or save elsewhere";
        }
        if (text.contains("read-only file system")) {
            return "the folder is on a read-only disk; save elsewhere";
        }
        if (e instanceof AccessDeniedException || text.contains("permission denied")
                || text.contains("operation not permitted")) {
            return "no permission to write in " + target.getParent() + "; save elsewhere";
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** The nearest ancestor of {@code folder} (or itself) that exists as a regular file, or null. */
    private static Path blockingFile(Path folder) {
        for (Path p = folder; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p)) {
                return p;
            }
            if (Files.isDirectory(p)) {
                return null;
            }
        }
        return null;
    }
}
