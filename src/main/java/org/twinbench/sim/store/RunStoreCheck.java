package org.twinbench.sim.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * Opens a run store for reading only ({@code runs list|show|export}): the file's bytes are never
 * changed. Before SQLite is asked anything, the file's header must say it is an SQLite database;
 * then the database must hold TwinBench's {@code runs} table at the schema version this TwinBench
 * writes. Another application's database, a store written by a newer TwinBench (a higher
 * {@code user_version}) or a damaged store is refused with a one-line reason, and left as it is.
 */
final class RunStoreCheck {

    /** The first 16 bytes of every SQLite 3 database file (sqlite.org/fileformat.html, section 1.3.1). */
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    /** Offset of the big-endian "user version" in the database header. */
    private static final int USER_VERSION_OFFSET = 60;

    private RunStoreCheck() {
    }

    /** A read-only connection to a TwinBench run store this version reads. */
    static Connection openReadOnly(Path file) throws SQLException {
        int version = headerVersion(file);
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.READONLY);
        config.setBusyTimeout(RunStoreFile.BUSY_TIMEOUT_MS);
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(),
                config.toProperties());
        try {
            List<String> tables = tables(connection);
            if (!hasRunsTable(connection, tables)) {
                throw refused(file, "is an SQLite database but not a TwinBench run store (its tables: "
                        + (tables.isEmpty() ? "none" : String.join(", ", tables)) + ")");
            }
            if (version > RunStore.SCHEMA_VERSION) {
                throw refused(file, "was written by a newer TwinBench (run store version " + version + "; this "
                        + "TwinBench reads up to version " + RunStore.SCHEMA_VERSION + "): use that TwinBench to read it");
            }
            if (version < RunStore.SCHEMA_VERSION) {
                throw refused(file, "is a run store of an older TwinBench (version " + version + "); 'twinbench run "
                        + "--store " + file + "' or the window upgrades it to version " + RunStore.SCHEMA_VERSION);
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            if (e instanceof SQLException sql && RunStoreFile.isDamage(sql)) {
                throw refused(file, "the run store is damaged (" + sql.getMessage().strip().lines().findFirst()
                        .orElse("") + "); the window or 'twinbench run --store' sets a damaged store aside");
            }
            throw e;
        }
    }

    /**
     * Before a writable opening changes anything: refuses a store of a newer TwinBench (it would be
     * downgraded) and another application's database (it would gain TwinBench's tables).
     */
    static void refuseForeign(Connection connection, Path file) throws SQLException {
        List<String> tables = tables(connection);
        if (!tables.isEmpty() && !hasRunsTable(connection, tables)) {
            throw refused(file, "is an SQLite database but not a TwinBench run store (its tables: "
                    + String.join(", ", tables) + "); choose another --store");
        }
        int version = userVersion(connection);
        if (version > RunStore.SCHEMA_VERSION) {
            throw refused(file, "was written by a newer TwinBench (run store version " + version + "; this TwinBench "
                    + "writes version " + RunStore.SCHEMA_VERSION + "): use that TwinBench, or another --store");
        }
    }

    /** The store's schema version ({@code PRAGMA user_version}; 0 for a new file). */
    static int userVersion(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** The header's user version, read from the bytes, after checking the file is an SQLite database. */
    private static int headerVersion(Path file) {
        byte[] header = new byte[100];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(header, 0, header.length);
        } catch (IOException e) {
            throw refused(file, "cannot be read: " + e.getMessage());
        }
        if (read < header.length || !Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw refused(file, "is not a TwinBench run store (not an SQLite database)");
        }
        return ((header[USER_VERSION_OFFSET] & 0xFF) << 24) | ((header[USER_VERSION_OFFSET + 1] & 0xFF) << 16)
                | ((header[USER_VERSION_OFFSET + 2] & 0xFF) << 8) | (header[USER_VERSION_OFFSET + 3] & 0xFF);
    }

    /** TwinBench's {@code runs} table, as every version wrote it (another program's "runs" has other columns). */
    private static boolean hasRunsTable(Connection connection, List<String> tables) throws SQLException {
        if (!tables.contains("runs")) {
            return false;
        }
        List<String> columns = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(runs)")) {
            while (rs.next()) {
                columns.add(rs.getString("name"));
            }
        }
        return columns.containsAll(List.of("id", "created", "scenario_name", "scenario_json", "seed", "run_json"));
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static RunStore.NotAStore refused(Path file, String why) {
        return new RunStore.NotAStore(file + ": " + why);
    }
}
