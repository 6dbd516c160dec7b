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
        try (PreparedStatement row = connection.prepareStatement(
                "INSERT INTO step_metrics VALUES (?, ?, ?, ?, ?, ?)")) {
            StepRows.forEach(outcome, (replicate, step, slice, metric, value) -> {
                try {
                    row.setLong(1, id);
                    row.setInt(2, replicate);
                    row.setInt(3, step);
                    row.setString(4, slice);
                    row.setString(5, metric);
                    row.setString(6, value);
                    row.addBatch();
                } catch (SQLException e) {
                    throw new IOException(e);
                }
            });
            row.executeBatch();
        }
        try (PreparedStatement bin = connection.prepareStatement(
                "INSERT INTO step_reliability VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ReliabilityRows.forEach(outcome, (replicate, step, b, count, positives, scoreSum) -> {
                try {
                    bin.setLong(1, id);
                    bin.setInt(2, replicate);
                    bin.setInt(3, step);
                    bin.setInt(4, b);
                    bin.setLong(5, count);
                    bin.setLong(6, positives);
                    bin.setDouble(7, scoreSum);
                    bin.addBatch();
                } catch (SQLException e) {
                    throw new IOException(e);
                }
            });
            bin.executeBatch();
        }
        try (PreparedStatement alarm = connection.prepareStatement("INSERT INTO alarms VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Alarm a : outcome.alarms()) {
                alarm.setLong(1, id);
                alarm.setInt(2, a.replicate());
                alarm.setInt(3, a.step());
                alarm.setString(4, a.nodeId());
                alarm.setString(5, a.kind());
                alarm.setString(6, a.detail());
                alarm.addBatch();
            }
            alarm.executeBatch();
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
