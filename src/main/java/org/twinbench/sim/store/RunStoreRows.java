package org.twinbench.sim.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.twinbench.sim.Alarm;
import org.twinbench.sim.ReliabilityRows;
import org.twinbench.sim.RunOutcome;
import org.twinbench.sim.StepRows;

/** The per-step rows of a run in the store: its metrics, reliability bins and alarms. */
final class RunStoreRows {

    private RunStoreRows() {
    }

    /** Adds the rows of every step of {@code outcome} to run {@code id}. */
    static void insert(Connection connection, long id, RunOutcome outcome) throws SQLException, IOException {
        insertAll(connection, "INSERT INTO step_metrics VALUES (?, ?, ?, ?, ?, ?)", batch -> StepRows.forEach(outcome,
                (replicate, step, slice, metric, value) -> batch.add(id, replicate, step, slice, metric, value)));
        insertAll(connection, "INSERT INTO step_reliability VALUES (?, ?, ?, ?, ?, ?, ?)", batch ->
                ReliabilityRows.forEach(outcome, (replicate, step, bin, count, positives, scoreSum) ->
                        batch.add(id, replicate, step, bin, count, positives, scoreSum)));
        insertAll(connection, "INSERT INTO alarms VALUES (?, ?, ?, ?, ?, ?)", batch -> {
            for (Alarm a : outcome.alarms()) {
                batch.add(id, a.replicate(), a.step(), a.nodeId(), a.kind(), a.detail());
            }
        });
    }

    /** One statement's batch: a row of parameter values (Long, Integer, Double or String) added at a time. */
    private interface Batch {
        void add(Object... values) throws IOException;
    }

    /** What puts a table's rows into its batch. */
    private interface Rows {
        void into(Batch batch) throws IOException;
    }

    /** Runs {@code sql} (an INSERT with one {@code ?} per column) once per row that {@code rows} adds, as one batch. */
    private static void insertAll(Connection connection, String sql, Rows rows) throws SQLException, IOException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            rows.into(values -> {
                try {
                    for (int i = 0; i < values.length; i++) {
                        statement.setObject(i + 1, values[i]);
                    }
                    statement.addBatch();
                } catch (SQLException e) {
                    throw new IOException(e);
                }
            });
            statement.executeBatch();
        }
    }

    /** Removes every per-step row of run {@code id}. */
    static void delete(Connection connection, long id) throws SQLException {
        for (String table : new String[] {"step_metrics", "step_reliability", "alarms"}) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE run_id = ?")) {
                delete.setLong(1, id);
                delete.executeUpdate();
            }
        }
    }
}
