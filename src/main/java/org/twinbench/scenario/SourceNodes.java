package org.twinbench.scenario;

import static org.twinbench.scenario.CatalogParams.BATCH_OUT;
import static org.twinbench.scenario.CatalogParams.optional;
import static org.twinbench.scenario.CatalogParams.required;
import static org.twinbench.scenario.CatalogParams.share;
import static org.twinbench.scenario.NodeType.ParamSpec.Kind.BOOLEAN;
import static org.twinbench.scenario.NodeType.ParamSpec.Kind.COLUMN;
import static org.twinbench.scenario.NodeType.ParamSpec.Kind.FILE;
import static org.twinbench.scenario.NodeType.ParamSpec.Kind.INTEGER;
import static org.twinbench.scenario.NodeType.ParamSpec.Kind.NUMBER;
import static org.twinbench.scenario.NodeType.ParamSpec.Kind.SCHEDULE;
import static org.twinbench.scenario.NodeType.ParamSpec.Kind.TEXT;

import java.util.ArrayList;
import java.util.List;
import org.twinbench.scenario.NodeType.ParamSpec;

/** The "Sources" group: a dataset, or a synthetic stream with known drift (as defined in MOA). */
final class SourceNodes {

    private static final Double ROWS = (double) Limits.rows();
    private static final Double STEPS = (double) Limits.STEPS;
    private static final String CONCEPT_CHANGE =
            "When the concept changes (sudden, or gradual: the new concept ever more likely); absent: never";

    static final List<NodeType> TYPES = List.of(
            new NodeType(NodeCatalog.DATASET_SOURCE, "Sources", "Dataset",
                    "Replays a CSV/Excel table: the first rows are the reference, each step samples a batch from the rest",
                    List.of(
                            required("path", FILE, "Data file, relative to the scenario file"),
                            optional("batch_size", INTEGER, 500L, "Rows drawn per step").range(1.0, ROWS),
                            optional("steps", INTEGER, 60L, "Number of simulated steps").range(1.0, STEPS),
                            optional("reference_share", NUMBER, 0.5,
                                    "Share of the rows (in file order, or in time order with a time column) that form"
                                            + " the reference; the rest is production")
                                    .range(0.0, 1.0),
                            optional("split", TEXT, "file-order", "Without a time column, which rows form the "
                                    + "reference: file-order (the file's first rows) or shuffled (a seeded random "
                                    + "share, so that reference and production hold the same population: for a file "
                                    + "sorted by a column rather than by time)").oneOf("file-order", "shuffled"),
                            optional("replace", BOOLEAN, true, "Sample with replacement (when sampling is absent)"),
                            optional("sampling", TEXT, null, "How rows are drawn: with-replacement; per-step (no row "
                                    + "twice in a step); epochs (no row twice until every production row has been "
                                    + "drawn: a seeded shuffle consumed batch after batch, reshuffled each epoch); "
                                    + "absent: as replace says").oneOf("with-replacement", "per-step", "epochs"),
                            optional("encoding", TEXT, "auto", "How the file's text is encoded: auto (a byte-order "
                                    + "mark, else UTF-8 when the bytes are valid UTF-8, else windows-1252) or a name "
                                    + "such as UTF-8, UTF-16LE, UTF-16BE, windows-1252, ISO-8859-1; name it for UTF-16 "
                                    + "without a byte-order mark"),
                            optional("time_column", COLUMN, null, "Replay production rows in the order of this "
                                    + "column (dates read as dates), batch after batch, instead of sampling; the "
                                    + "reference is then the earliest rows"),
                            optional("window", TEXT, null, "With a time column: each step holds every row of one "
                                    + "calendar window (day, week = ISO week, month, quarter) instead of batch_size "
                                    + "rows").oneOf("day", "week", "month", "quarter"),
                            optional("reference_until", TEXT, null, "With a time column: rows before this date "
                                    + "(e.g. 2021-04-01) are the reference, rows from it on are replayed"),
                            optional("at_end", TEXT, "stop", "With a time column, after the last rows: stop (the "
                                    + "run ends there, even if more steps were asked for) or loop (start again at "
                                    + "the first rows)").oneOf("stop", "loop"),
                            optional("time_format", TEXT, null, "How the time column writes dates when its values "
                                    + "fit two readings, e.g. M/d/yyyy (US) or d/M/yyyy (European)"),
                            optional("month_column", COLUMN, null, "With a time column of years (whole numbers): "
                                    + "the column of each row's month (1-12); rows replay by year and month, read as "
                                    + "the month's first day, so month and quarter windows and reference_until work"),
                            optional("follow", BOOLEAN, false, "With a time column and a window: keep watching the "
                                    + "file for appended rows and run each window when it closes (a row of a later "
                                    + "window arrives); steps is then the most windows the run takes"),
                            optional("follow_files", TEXT, null, "With follow: a pattern of file names in the data "
                                    + "file's folder (e.g. log-*.csv); a matching file whose name sorts after the "
                                    + "one followed is read next, once it appears")),
                    List.of(), List.of(BATCH_OUT)),
            new NodeType(NodeCatalog.SEA_SOURCE, "Sources", "SEA stream",
                    "Street & Kim's SEA concepts: x1..x3 uniform on [0, 10], class 1 when x1 + x2 > θ (θ = 8, 9, 7, 9.5)",
                    synthetic(CONCEPT_CHANGE,
                            optional("function", INTEGER, 1L, "Concept before the drift (1-4)").range(1.0, 4.0),
                            optional("drift_to", INTEGER, 3L, "Concept after the drift (1-4)").range(1.0, 4.0),
                            share("noise", 0.1, "Share of rows whose class is flipped (MOA default 10%)")),
                    List.of(), List.of(BATCH_OUT)),
            new NodeType(NodeCatalog.AGRAWAL_SOURCE, "Sources", "Agrawal stream",
                    "Agrawal et al.'s loan applicants: 9 attributes, class given by one of 10 functions",
                    synthetic(CONCEPT_CHANGE,
                            optional("function", INTEGER, 1L, "Class function before the drift (1-10)").range(1.0, 10.0),
                            optional("drift_to", INTEGER, 2L, "Class function after the drift (1-10)").range(1.0, 10.0),
                            share("perturbation", 0.05, "Noise added to numeric attributes, as a share of their range")),
                    List.of(), List.of(BATCH_OUT)),
            new NodeType(NodeCatalog.HYPERPLANE_SOURCE, "Sources", "Rotating hyperplane",
                    "Hulten et al.'s rotating hyperplane: class 1 when Σ wᵢxᵢ ≥ Σ wᵢ / 2, the weights drift every row",
                    synthetic("Steps in which the weights drift (absent: every step)",
                            optional("attributes", INTEGER, 10L, "Number of attributes").range(2.0, 100.0),
                            optional("drift_attributes", INTEGER, 2L, "Attributes whose weight drifts").range(0.0, 100.0),
                            optional("magnitude", NUMBER, 0.001, "Weight change per row").range(0.0, null),
                            share("reversal", 0.1, "Chance per step that a drifting weight reverses direction"),
                            share("noise", 0.05, "Share of rows whose class is flipped")),
                    List.of(), List.of(BATCH_OUT)));

    private SourceNodes() {
    }

    private static List<ParamSpec> synthetic(String scheduleHelp, ParamSpec... own) {
        List<ParamSpec> params = new ArrayList<>(List.of(own));
        params.add(optional("batch_size", INTEGER, 500L, "Rows generated per step").range(1.0, ROWS));
        params.add(optional("steps", INTEGER, 60L, "Number of simulated steps").range(1.0, STEPS));
        params.add(optional("reference_rows", INTEGER, 5000L, "Rows of the first concept to train the model on")
                .range(10.0, ROWS));
        params.add(optional("schedule", SCHEDULE, null, scheduleHelp));
        return params;
    }
}
