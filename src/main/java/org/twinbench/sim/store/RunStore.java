package org.twinbench.sim.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.twinbench.data.BundledSamples;
import org.twinbench.sim.ReliabilityRows;
import org.twinbench.sim.RunOutcome;
import org.twinbench.sim.RunStatus;
import org.twinbench.sim.RunSummary;
import org.twinbench.sim.StepResult;
import org.twinbench.sim.StepRows;

/**
 * Every run, recorded in SQLite: the scenario (JSON), the provenance and summary ({@code run.json}),
 * the step metrics in the long format of {@link StepRows} (values kept as that text, so an export
 * gives back {@code steps.csv} byte for byte), the reliability bins of every step in the long format of
 * {@link ReliabilityRows} (so a reopened run shows its reliability diagram without re-running) and
 * the alarms. The database lives in the user's
 * TwinBench folder ({@code runs.sqlite}) unless the system property {@value #PATH_PROPERTY} or an
 * explicit path says otherwise.
 */
public final class RunStore implements AutoCloseable {

    public static final String PATH_PROPERTY = "twinbench.runstore";
    /**
     * Version 2 added the run's status and the process that owns a run still going; version 3 the
     * table {@code step_reliability} (created on opening an older store, whose runs have no bins).
     */
    static final int SCHEMA_VERSION = 3;

    /**
     * One stored run, as listed.
     *
     * @param status only a completed run has a verdict and results
     */
    public record StoredRun(long id, String created, String scenarioName, String scenarioFile, long seed, int steps,
                            int replicates, String verdict, String headline, RunState status) {

        public boolean completed() {
            return status == RunState.COMPLETED;
        }
    }

    /** One stored alarm. */
    public record StoredAlarm(int replicate, int step, String node, String kind, String detail) {
    }

    /** A file {@link #openReadOnly} refuses to read: not a run store, a newer or older one, or a damaged one. */
    public static final class NotAStore extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        NotAStore(String message) {
            super(message);
        }
    }

    private static final String RECORD = "cannot record the run";
    /** One fair lock per store file: this process's writers queue for it in the order they came. */
    private static final java.util.Map<Path, java.util.concurrent.locks.Lock> WRITE_TURNS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final Connection connection;
    private final Path file;
    private final String notice;
    private int interruptedOnOpen;
    /** Runs left running by a dead process, seen by a read-only opening that cannot mark them. */
    private java.util.Set<Long> orphans = java.util.Set.of();

    private RunStore(Path file, Connection connection, String notice) {
        this.file = file;
        this.connection = connection;
        this.notice = notice;
    }

    /** The store's default place: {@value #PATH_PROPERTY} if set, else {@code runs.sqlite} in the user's folder. */
    public static Path defaultPath() {
        String override = System.getProperty(PATH_PROPERTY);
        return override != null && !override.isBlank() ? Path.of(override)
                : BundledSamples.userDirectory().resolve("runs.sqlite");
    }

    /**
     * Opens (or creates) the store. A damaged file is set aside and replaced by a new store (see
     * {@link #notice()}); runs left "running" by a process that no longer exists are marked
     * {@link RunState#INTERRUPTED}.
     */
    public static RunStore open(Path file) {
        try {
            RunStoreFile.Opened opened = RunStoreFile.open(file);
            RunStore store = new RunStore(file, opened.connection(), opened.notice());
            try {
                RunStoreCheck.refuseForeign(opened.connection(), file);
                store.prepareSchema();
                store.interruptedOnOpen = store.markInterrupted();
            } catch (SQLException | RuntimeException e) {
                // No connection (and no file handle) outlives a failed opening.
                opened.connection().close();
                throw e;
            }
            return store;
        } catch (SQLException e) {
            throw new IllegalStateException(file + ": cannot open the run store: " + e.getMessage(), e);
        }
    }

    /**
     * Opens an existing store for reading only: nothing in the file changes (no table, no migration,
     * no journal mode). A run left running by a process that is gone is listed as {@value #INTERRUPTED}.
     *
     * @throws NotAStore for a file that is not a TwinBench run store of this version, or is damaged
     */
    public static RunStore openReadOnly(Path file) {
        try {
            Connection connection = RunStoreCheck.openReadOnly(file);
            RunStore store = new RunStore(file, connection, null);
            try {
                store.orphans = java.util.Set.copyOf(RunOwner.orphans(connection));
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return store;
        } catch (SQLException e) {
            throw new IllegalStateException(file + ": cannot open the run store: " + e.getMessage(), e);
        }
    }

    /** What the user should be told about this store, e.g. that a damaged file was set aside; empty if nothing. */
    public Optional<String> notice() {
        return Optional.ofNullable(notice);
    }

    /** How many runs this opening found abandoned by a dead process and marked {@link RunState#INTERRUPTED}. */
    public int interruptedOnOpen() {
        return interruptedOnOpen;
    }

    /**
     * Makes the file a store of this version. A store already at it is only read: opening the store
     * (the history list does it for every refresh) then takes no write lock at all, so readers never
     * queue behind, or starve, the runs being recorded.
     */
    private void prepareSchema() throws SQLException {
        try (Statement s = connection.createStatement()) {
            String mode;
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                mode = rs.next() ? rs.getString(1) : "";
            }
            if (!"wal".equalsIgnoreCase(mode)) {
                // A journal mode cannot change inside a transaction; this happens once, for a new file.
                s.execute("PRAGMA journal_mode=WAL");
            }
        }
        if (RunStoreCheck.userVersion(connection) < SCHEMA_VERSION) {
            inTransaction("cannot prepare the run store", () -> {
                createSchema();
                return null;
            });
        }
    }

    private void createSchema() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS runs (id INTEGER PRIMARY KEY AUTOINCREMENT, created TEXT NOT NULL,"
                    + " scenario_name TEXT, scenario_file TEXT, scenario_sha256 TEXT, scenario_json TEXT, seed INTEGER,"
                    + " steps INTEGER, replicates INTEGER, verdict TEXT, headline TEXT, run_json TEXT,"
                    + " status TEXT NOT NULL DEFAULT 'completed', owner_pid INTEGER, owner_started TEXT)");
            RunOwner.migrate(connection);
            s.execute("CREATE TABLE IF NOT EXISTS step_metrics (run_id INTEGER NOT NULL REFERENCES runs(id),"
                    + " replicate INTEGER, step INTEGER, slice TEXT, metric TEXT, value TEXT)");
            s.execute("CREATE INDEX IF NOT EXISTS step_metrics_run ON step_metrics(run_id)");
            s.execute("CREATE TABLE IF NOT EXISTS step_reliability (run_id INTEGER NOT NULL REFERENCES runs(id),"
                    + " replicate INTEGER, step INTEGER, bin INTEGER, count INTEGER, positives INTEGER, score_sum REAL)");
            s.execute("CREATE INDEX IF NOT EXISTS step_reliability_run ON step_reliability(run_id)");
            s.execute("CREATE TABLE IF NOT EXISTS alarms (run_id INTEGER NOT NULL REFERENCES runs(id),"
                    + " replicate INTEGER, step INTEGER, node TEXT, kind TEXT, detail TEXT)");
            s.execute("PRAGMA user_version=" + SCHEMA_VERSION);
        }
    }

    /** Records a finished run in one transaction and returns its id. */
    public long save(String scenarioJson, RunProvenance p, RunSummary summary, String runJson, RunOutcome outcome) {
        return inTransaction(RECORD, () -> {
            long id = insertRun(scenarioJson, p, RunState.COMPLETED);
            writeResults(id, summary, runJson, outcome);
            return id;
        });
    }

    /**
     * Records that a run starts, owned by this process, and returns its id. Should the process die
     * before {@link #finish}, the next {@link #open} marks the run {@link RunState#INTERRUPTED}.
     */
    public long begin(String scenarioJson, RunProvenance p) {
        return inTransaction(RECORD, () -> insertRun(scenarioJson, p, RunState.RUNNING));
    }

    /** Stores the results of a run begun with {@link #begin}, in one transaction, and marks it completed. */
    public void finish(long id, RunSummary summary, String runJson, RunOutcome outcome) {
        inTransaction(RECORD, () -> {
            writeResults(id, summary, runJson, outcome);
            return id;
        });
    }

    /** Work on the store that either happens whole or not at all. */
    @FunctionalInterface
    private interface Recording<T> {
        T run() throws SQLException, IOException;
    }

    /**
     * Runs {@code work} as one write transaction, begun IMMEDIATE: the write lock is taken, waiting up
     * to the busy timeout, before anything is read, so no transaction ever has to upgrade a read to a
     * write (which SQLite refuses at once with SQLITE_BUSY when another connection wrote in between).
     * The transaction is begun and ended in SQL rather than through JDBC's auto-commit switch, whose
     * driver begins the next transaction as soon as one commits.
     */
    private <T> T inTransaction(String failure, Recording<T> work) {
        // Writers of this process take turns first: SQLite's busy wait is not fair, and under load one of many
        // threads polling for the lock could lose to the others for the whole timeout.
        java.util.concurrent.locks.Lock turn = WRITE_TURNS.computeIfAbsent(file.toAbsolutePath().normalize(),
                f -> new java.util.concurrent.locks.ReentrantLock(true));
        turn.lock();
        try (Statement s = connection.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                T result = work.run();
                s.execute("COMMIT");
                return result;
            } catch (SQLException | IOException | RuntimeException e) {
                rollbackQuietly(s);
                throw e;
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException(file + ": " + failure + ": " + e.getMessage(), e);
        } finally {
            turn.unlock();
        }
    }

    /** Marks a run begun with {@link #begin} as {@link RunState#FAILED} (an error, or cancelled), with the reason. */
    public void fail(long id, String reason) {
        inTransaction(RECORD, () -> {
            RunOwner.end(connection, file, id, RunState.FAILED, reason);
            return null;
        });
    }

    private long insertRun(String scenarioJson, RunProvenance p, RunState status) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO runs (created, scenario_name,"
                + " scenario_file, scenario_sha256, scenario_json, seed, steps, replicates, status, owner_pid,"
                + " owner_started) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, p.createdAt());
            insert.setString(2, p.scenarioName());
            insert.setString(3, p.scenarioFile());
            insert.setString(4, p.scenarioSha256());
            insert.setString(5, scenarioJson);
            insert.setLong(6, p.seed());
            insert.setInt(7, p.steps());
            insert.setInt(8, p.replicates());
            insert.setString(9, status.stored());
            boolean running = status == RunState.RUNNING;
            insert.setObject(10, running ? ProcessHandle.current().pid() : null);
            insert.setString(11, running ? RunOwner.startOf(ProcessHandle.current()) : null);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private void writeResults(long id, RunSummary summary, String runJson, RunOutcome outcome)
            throws SQLException, IOException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE runs SET verdict = ?, headline = ?,"
                + " run_json = ?, status = ?, owner_pid = NULL, owner_started = NULL WHERE id = ?")) {
            update.setString(1, summary.light().name().toLowerCase(java.util.Locale.ROOT));
            update.setString(2, summary.headline());
            update.setString(3, runJson);
            update.setString(4, RunState.COMPLETED.stored());
            update.setLong(5, id);
            if (update.executeUpdate() != 1) {
                throw new SQLException("no run " + id + " to finish");
            }
        }
        // Steps recorded one by one while the run went (a followed file) give way to the final rows.
        RunStoreRows.delete(connection, id);
        RunStoreRows.insert(connection, id, outcome);
    }

    /**
     * Records one more step of a run begun with {@link #begin} and not yet finished, in one transaction,
     * so that a process that dies loses only the step under way; {@link #finish} replaces these rows.
     */
    public void recordStep(long id, StepResult step) {
        inTransaction(RECORD, () -> {
            RunStoreRows.insert(connection, id, new RunOutcome(List.of(List.of(step)), RunStatus.COMPLETED));
            return id;
        });
    }

    /** Marks the runs of dead processes interrupted; a store without any is only read. */
    private int markInterrupted() throws SQLException {
        if (RunOwner.orphans(connection).isEmpty()) {
            return 0;
        }
        // Looked at again inside the write transaction: another process may have marked them meanwhile.
        return inTransaction("cannot mark interrupted runs", () -> RunOwner.markInterrupted(connection, file));
    }

    public List<StoredRun> list() {
        List<StoredRun> runs = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, created, scenario_name, scenario_file, seed, steps, replicates,"
                     + " verdict, headline, status FROM runs ORDER BY id")) {
            while (rs.next()) {
                boolean orphan = orphans.contains(rs.getLong(1));
                runs.add(new StoredRun(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getInt(6), rs.getInt(7), rs.getString(8),
                        orphan ? RunOwner.interruptedHeadline(connection, rs.getLong(1)) : rs.getString(9),
                        orphan ? RunState.INTERRUPTED : RunState.of(rs.getString(10))));
            }
            return runs;
        } catch (SQLException e) {
            throw new IllegalStateException(file + ": cannot read the run store: " + e.getMessage(), e);
        }
    }

    public Optional<StoredRun> find(long id) {
        return list().stream().filter(r -> r.id() == id).findFirst();
    }

    /**
     * The completed run whose {@code run.json} is exactly {@code runJson}, if one is stored: a run's
     * record names its seed, data, model, point and time, so the same text means the same run
     * (importing a sweep's results twice finds its points already there).
     */
    public Optional<Long> findByRunJson(String runJson) {
        try (PreparedStatement q = connection.prepareStatement(
                "SELECT id FROM runs WHERE run_json = ? AND status = ? ORDER BY id LIMIT 1")) {
            q.setString(1, runJson);
            q.setString(2, RunState.COMPLETED.stored());
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(file + ": cannot read the run store: " + e.getMessage(), e);
        }
    }

    /** A stored text of a run: {@code run_json} or {@code scenario_json}. */
    public Optional<String> text(long id, String column) {
        if (!List.of("run_json", "scenario_json").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        try (PreparedStatement q = connection.prepareStatement("SELECT " + column + " FROM runs WHERE id = ?")) {
            q.setLong(1, id);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(file + ": cannot read the run store: " + e.getMessage(), e);
        }
    }

    /** Whether the run has step rows: a completed run, or one that recorded its steps as it went (a followed file). */
    public boolean hasSteps(long id) {
        try (PreparedStatement q = connection.prepareStatement("SELECT 1 FROM step_metrics WHERE run_id = ? LIMIT 1")) {
            q.setLong(1, id);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(file + ": cannot read the run store: " + e.getMessage(), e);
        }
    }

    /** The run's step rows in the order they were recorded. */
    public void forEachStepRow(long id, StepRows.Sink sink) throws IOException {
        try (PreparedStatement q = connection.prepareStatement("SELECT replicate, step, slice, metric, value"
                + " FROM step_metrics WHERE run_id = ? ORDER BY rowid")) {
            q.setLong(1, id);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    sink.row(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(file + ": cannot read the run store: " + e.getMessage(), e);
        }
    }

    /** The run's reliability rows in the order they were recorded; none for a run stored before version 3. */
    public void forEachReliabilityRow(long id, ReliabilityRows.Sink sink) throws IOException {
        try (PreparedStatement q = connection.prepareStatement("SELECT replicate, step, bin, count, positives,"
                + " score_sum FROM step_reliability WHERE run_id = ? ORDER BY rowid")) {
            q.setLong(1, id);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    double scoreSum = rs.getDouble(6);
                    // SQLite keeps a NaN as NULL.
                    sink.row(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getLong(4), rs.getLong(5),
                            rs.wasNull() ? Double.NaN : scoreSum);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(file + ": cannot read the run store: " + e.getMessage(), e);
        }
    }

    public List<StoredAlarm> alarms(long id) {
        List<StoredAlarm> alarms = new ArrayList<>();
        try (PreparedStatement q = connection.prepareStatement("SELECT replicate, step, node, kind, detail FROM alarms"
                + " WHERE run_id = ? ORDER BY rowid")) {
            q.setLong(1, id);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    alarms.add(new StoredAlarm(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)));
                }
            }
            return alarms;
        } catch (SQLException e) {
            throw new IllegalStateException(file + ": cannot read the run store: " + e.getMessage(), e);
        }
    }

    private static void rollbackQuietly(Statement s) {
        try {
            s.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // The original failure is what the user needs to see (SQLite may have rolled back already).
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(file + ": cannot close the run store: " + e.getMessage(), e);
        }
    }
}
