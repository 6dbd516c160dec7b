package org.twinbench.sim.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.sqlite.SQLiteConfig;

/**
 * Opens the run store's SQLite file and makes sure it is a sound database. A damaged file (not a
 * database at all, or one whose pages fail SQLite's {@code quick_check}, e.g. after it was
 * truncated) is never deleted: it is renamed to {@code <name>.damaged-<UTC time>} beside the original,
 * a new empty store takes its place, and the caller gets a one-line notice to show the user.
 */
final class RunStoreFile {

    /** SQLite primary result codes meaning "the file is broken": SQLITE_CORRUPT and SQLITE_NOTADB. */
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_NOTADB = 26;
    /** SQLITE_IOERR_SHORT_READ: a page the header promises is missing (the file was cut short). */
    private static final int SQLITE_IOERR_SHORT_READ = 522;
    /** How long a connection waits for another one's lock before giving up with SQLITE_BUSY. */
    static final int BUSY_TIMEOUT_MS = 10_000;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** Files whose pages were checked in this process: {@code quick_check} reads the whole file, so once is enough. */
    private static final Set<Path> CHECKED = ConcurrentHashMap.newKeySet();

    /** An open, checked connection and, when the old file had to be set aside, the notice saying so. */
    record Opened(Connection connection, String notice) {
    }

    private RunStoreFile() {
    }

    static Opened open(Path file) throws SQLException {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            Path parent = absolute.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot create the run store's folder", e);
        }
        Connection connection = connect(absolute);
        String damage = damage(connection, absolute);
        if (damage == null) {
            return new Opened(connection, null);
        }
        connection.close();
        Path aside = setAside(absolute);
        CHECKED.remove(absolute);
        return new Opened(connect(absolute), file + ": the run store was damaged (" + damage + "); it was set aside as "
                + aside.getFileName() + " and a new, empty run store was started");
    }

    private static Connection connect(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        // Another connection (the CLI beside the window, the history list) may be writing: wait for it rather
        // than fail. The store's writes begin IMMEDIATE (RunStore.inTransaction), where SQLite does wait.
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        return DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
    }

    /** Null when the database is sound, else SQLite's reason in a few words. */
    private static String damage(Connection connection, Path file) throws SQLException {
        try (Statement s = connection.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
                rs.next();
            }
            if (!CHECKED.contains(file)) {
                try (ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
                    String first = rs.next() ? rs.getString(1) : "no answer to quick_check";
                    if (!"ok".equalsIgnoreCase(first)) {
                        return firstLine(first);
                    }
                }
                CHECKED.add(file);
            }
            return null;
        } catch (SQLException e) {
            if (isDamage(e)) {
                return firstLine(e.getMessage());
            }
            throw e;
        }
    }

    static boolean isDamage(SQLException e) {
        int code = e.getErrorCode();
        return (code & 0xFF) == SQLITE_CORRUPT || (code & 0xFF) == SQLITE_NOTADB || code == SQLITE_IOERR_SHORT_READ
                || String.valueOf(e.getMessage()).contains("SQLITE_CORRUPT")
                || String.valueOf(e.getMessage()).contains("SQLITE_NOTADB");
    }

    /** Renames the file (and its write-ahead log) to a free {@code .damaged-<time>} name; returns the new name. */
    private static Path setAside(Path file) {
        String stamp = STAMP.format(Instant.now());
        Path aside = file.resolveSibling(file.getFileName() + ".damaged-" + stamp);
        for (int n = 2; Files.exists(aside); n++) {
            aside = file.resolveSibling(file.getFileName() + ".damaged-" + stamp + "-" + n);
        }
        try {
            Files.move(file, aside);
            Path wal = file.resolveSibling(file.getFileName() + "-wal");
            if (Files.exists(wal)) {
                Files.move(wal, aside.resolveSibling(aside.getFileName() + "-wal"));
            }
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-shm"));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": the run store is damaged and cannot be set aside", e);
        }
        return aside;
    }

    private static String firstLine(String message) {
        String text = message == null ? "unknown damage" : message.strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
