package org.twinbench.ui.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.twinbench.data.Dataset;
import org.twinbench.data.Frame;
import org.twinbench.scenario.NodeCatalog;

/**
 * The rows the train dialog offers to train on: all of the table's, or its reference rows only, so that a twin
 * replaying the rest of the table replays none of the rows the model learnt from. For a dated table, the rows before
 * the cut of each replay by a date column a month, quarter, week or day a step (what "New scenario from this data"
 * offers, {@link ScenarioFromData#replay}; replays with the same cut are one choice); for an undated one, the
 * table's first rows in file order, the share a dataset source takes as its reference by default
 * ({@code reference_share}, split {@code file-order}). The saved model's card says which rows
 * ({@code training_data.rows_chosen}).
 *
 * @param rows   the rows, in table order; null for all
 * @param chosen what the model card says of them; null for all
 */
public record TrainingRows(String label, int[] rows, String chosen) {

    /** The fewest reference rows a dataset source takes (ScenarioCompiler refuses fewer). */
    private static final int FEWEST = 10;

    /** All the rows of {@code data}, then its reference rows for each cut of the {@code replays} (or its first share). */
    static List<TrainingRows> of(Dataset data, List<ScenarioFromData.Replay> replays) {
        int all = data.frame().rowCount();
        List<TrainingRows> out = new ArrayList<>();
        out.add(new TrainingRows(String.format(Locale.ROOT, "All %,d rows", all), null, null));
        if (replays.isEmpty()) {
            int first = (int) Math.round(all * referenceShare());
            if (first >= FEWEST && first < all) {
                String which = String.format(Locale.ROOT, "the first %,d of %,d rows in file order", first, all);
                out.add(new TrainingRows("The reference rows only: " + which,
                        java.util.stream.IntStream.range(0, first).toArray(), which + " (the reference of a replay "
                        + "without a time column: the first " + Math.round(100 * referenceShare()) + "%)"));
            }
            return out;
        }
        // The replays cutting one column at one date take the same rows: one choice naming their windows.
        Map<String, List<ScenarioFromData.Replay>> byCut = new LinkedHashMap<>();
        for (ScenarioFromData.Replay replay : replays) {
            byCut.computeIfAbsent(replay.column() + "\n" + replay.referenceUntil(), k -> new ArrayList<>()).add(replay);
        }
        for (List<ScenarioFromData.Replay> same : byCut.values()) {
            ScenarioFromData.Replay replay = same.get(0);
            int[] rows = ScenarioFromData.referenceRows(data, replay);
            if (rows.length >= FEWEST && rows.length < all) {
                String which = String.format(Locale.ROOT, "%,d rows before %s by %s", rows.length,
                        replay.referenceUntil(), replay.column() + (replay.monthColumn() == null ? ""
                                : " and " + replay.monthColumn()));
                String windows = inWords(same.stream().map(r -> "a " + r.window()).toList());
                out.add(new TrainingRows("The reference rows only: " + which + " (" + windows + " a step)", rows,
                        which + " (the reference of a replay " + windows + " a step)"));
            }
        }
        return out;
    }

    /** "a month", "a week or a day", "a month, a quarter, a week or a day". */
    private static String inWords(List<String> items) {
        int last = items.size() - 1;
        return last == 0 ? items.get(0) : String.join(", ", items.subList(0, last)) + " or " + items.get(last);
    }

    /** The share of rows a dataset source takes as its reference when the scenario does not say. */
    private static double referenceShare() {
        return ((Number) NodeCatalog.find(NodeCatalog.DATASET_SOURCE).orElseThrow().param("reference_share")
                .orElseThrow().defaultValue()).doubleValue();
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
