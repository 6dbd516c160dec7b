package org.twinbench.ui.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.twinbench.data.Dataset;
import org.twinbench.data.Frame;

/**
 * The rows the train dialog offers to train on: all of the table's, or — for a dated table — its reference rows
 * only: those before the cut of a replay by its first date column a month a step (what "New scenario from this
 * data" replays by default, {@link ScenarioFromData#replay}), so the twin then replays none of the rows the model
 * learnt from. The saved model's card says which rows ({@code training_data.rows_chosen}).
 *
 * @param rows   the rows, in table order; null for all
 * @param chosen what the model card says of them; null for all
 */
public record TrainingRows(String label, int[] rows, String chosen) {

    /** The calendar window of the replay whose reference is offered. */
    static final String WINDOW = "month";

    /** All the rows of {@code data}, and its reference rows when it can be replayed by a date column. */
    static List<TrainingRows> of(Dataset data, List<ScenarioFromData.Replay> replays) {
        List<TrainingRows> out = new ArrayList<>();
        out.add(new TrainingRows(String.format(Locale.ROOT, "All %,d rows", data.frame().rowCount()), null, null));
        replays.stream().filter(r -> r.window().equals(WINDOW)).findFirst().ifPresent(replay -> {
            int[] rows = ScenarioFromData.referenceRows(data, replay);
            if (rows.length > 0 && rows.length < data.frame().rowCount()) {
                String which = String.format(Locale.ROOT, "%,d rows before %s by %s", rows.length,
                        replay.referenceUntil(), replay.column());
                out.add(new TrainingRows("The reference rows only: " + which, rows, which
                        + " (the reference of a replay a " + WINDOW + " a step)"));
            }
        });
        return out;
    }

    /** The rows of {@code all} chosen. */
    Frame of(Frame all) {
        return rows == null ? all : all.select(rows);
    }

    @Override
    public String toString() {
        return label;
    }
}
