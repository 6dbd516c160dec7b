package org.twinbench.sim.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The process that owns a run still going, and what happens to its runs when it dies. A running
 * run records its process id and the process's start time (a process id alone may be reused by a
 * later process); a run whose owner no longer exists can never finish, so opening the store marks
 * it {@link RunState#INTERRUPTED}. A run owned by a live process, e.g. the CLI running beside the
 * window, is left alone.
 */
final class RunOwner {

    static final String INTERRUPTED_HEADLINE = "Interrupted: TwinBench stopped (killed, crashed or powered off)"
            + " before the run finished; no results were stored";

    private RunOwner() {
    }

    /** Schema version 1 had no status: its runs were all stored complete. */
    static void migrate(Connection connection) throws SQLException {
        Set<String> columns = new HashSet<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(runs)")) {
            while (rs.next()) {
                columns.add(rs.getString("name"));
            }
        }
        try (Statement s = connection.createStatement()) {
            if (!columns.contains("status")) {
                s.execute("ALTER TABLE runs ADD COLUMN status TEXT NOT NULL DEFAULT 'completed'");
            }
            if (!columns.contains("owner_pid")) {
                s.execute("ALTER TABLE runs ADD COLUMN owner_pid INTEGER");
            }
            if (!columns.contains("owner_started")) {
                s.execute("ALTER TABLE runs ADD COLUMN owner_started TEXT");
            }
        }
    }

    /** The process's start time as text, or "" when the platform does not say. */
    static String startOf(ProcessHandle process) {
        return process.info().startInstant().map(Object::toString).orElse("");
    }

    /** Marks every running run whose owner is gone as interrupted; returns how many. */
    static int markInterrupted(Connection connection, Path file) throws SQLException {
        List<Long> orphans = orphans(connection);
        for (long id : orphans) {
            end(connection, file, id, RunState.INTERRUPTED, interruptedHeadline(connection, id));
        }
        return orphans.size();
    }

    /**
     * What an interrupted run's headline says: nothing was stored, or (a followed file records each
     * window as it runs) how many steps were.
     */
    static String interruptedHeadline(Connection connection, long id) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT COUNT(DISTINCT step) FROM step_metrics WHERE run_id = ?")) {
            count.setLong(1, id);
            try (ResultSet rs = count.executeQuery()) {
                int steps = rs.next() ? rs.getInt(1) : 0;
                return steps == 0 ? INTERRUPTED_HEADLINE : INTERRUPTED_HEADLINE.replace("no results were stored",
                        "its first " + steps + (steps == 1 ? " step was" : " steps were") + " stored");
            }
        }
    }

    /** The running runs whose owner is gone: they can never finish. */
    static List<Long> orphans(Connection connection) throws SQLException {
        List<Long> orphans = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, owner_pid, owner_started FROM runs WHERE status = '"
                     + RunState.RUNNING.stored() + "'")) {
            while (rs.next()) {
                long pid = rs.getLong(2);
                boolean known = !rs.wasNull();
                if (!known || !alive(pid, rs.getString(3))) {
                    orphans.add(rs.getLong(1));
                }
            }
        }
        return orphans;
    }

    private static boolean alive(long pid, String started) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(h -> started == null || started.isEmpty() || startOf(h).isEmpty() || startOf(h).equals(started))
                .isPresent();
    }

    /** Ends a running run with {@code status} and a headline saying why; a run already ended stays as it is. */
    static void end(Connection connection, Path file, long id, RunState status, String headline) {
        try (PreparedStatement update = connection.prepareStatement("UPDATE runs SET status = ?, headline = ?,"
                + " owner_pid = NULL, owner_started = NULL WHERE id = ? AND status = '" + RunState.RUNNING.stored()
                + "'")) {
            update.setString(1, status.stored());
            update.setString(2, headline);
            update.setLong(3, id);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(file + ": cannot update run " + id + ": " + e.getMessage(), e);
        }
    }
}
