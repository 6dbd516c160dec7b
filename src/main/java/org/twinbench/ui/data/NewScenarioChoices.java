package org.twinbench.ui.data;

import org.twinbench.data.Task;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.twinbench.data.Dataset;
import org.twinbench.data.Frame;
import org.twinbench.data.QualityFinding;
import org.twinbench.data.TrainingLeaks;
import org.twinbench.data.OutcomeColumn;
import org.twinbench.data.Schema;
import org.twinbench.scenario.Scenario;

/**
 * What "New scenario from this data" offers for one table as the data panel reads it when the dialog
 * opens — its roles, kinds, the formats chosen for its dates and the outcome inference made when it was
 * read: the outcome question, the changes to try, the ways to replay it by the calendar, and the
 * scenario built from the answers. Pure: no toolkit, no I/O; the dialog asks it, the panel makes it.
 */
public final class NewScenarioChoices {

    /** The calendar windows offered for each date column, the likeliest first. */
    static final List<String> WINDOWS = List.of("month", "quarter", "week", "day");

    private final Path file;
    private final Dataset data;
    private final Schema schema;
    private final OutcomeColumn.Inference inference;
    private final Map<String, String> timeFormats;
    /** Per outcome, the leakage findings the model the run trains heeds (FX thread only). */
    private final Map<String, List<QualityFinding>> leaks = new HashMap<>();

    /** The leakage check looks at this many rows at most, evenly spaced: a column that gives the outcome away does
     *  so in any of them, and the dialog asks on the FX thread. */
    static final int LEAK_ROWS = 20_000;

    NewScenarioChoices(Path file, Dataset data, Schema schema, OutcomeColumn.Inference inference,
                       Map<String, String> timeFormats) {
        this.file = file;
        this.data = data;
        this.schema = schema;
        this.inference = inference;
        this.timeFormats = Map.copyOf(timeFormats);
    }

    /** The columns a model reads under {@code schema}: those with the feature role, never the {@code target}. */
    static List<String> features(Schema schema, String target) {
        return schema.features().stream().filter(f -> !f.equals(target)).toList();
    }

    /** The table. */
    public Path file() {
        return file;
    }

    /** The table's roles as the panel shows them. */
    public Schema schema() {
        return schema;
    }

    /** The columns that could be the outcome: the proposed target (of any task) first, then the likeliest yes/no. */
    public List<String> outcomeChoices() {
        return OutcomeQuestion.of(data, schema, inference).choices();
    }

    /**
     * Why {@code outcome} cannot be the outcome with a model file ({@code modelFile}) or with the model the run
     * trains (logistic for classes, linear for amounts), or empty; none chosen: why none was proposed, and the likeliest.
     */
    public Optional<String> outcomeProblem(String outcome, boolean modelFile) {
        Optional<String> question = outcome == null ? OutcomeQuestion.of(data, schema, inference).question()
                : Optional.empty();
        return question.isPresent() ? question : ScenarioFromData.outcomeProblem(data, outcome, modelFile);
    }

    /**
     * The changes offered for a scenario predicting {@code outcome}, grouped by {@code slices}: with the model the
     * run trains ({@code modelFile} false), none on a column left out of it because it gives the outcome away.
     */
    public List<ScenarioFromData.Change> offeredChanges(String outcome, List<String> slices, boolean modelFile) {
        return ScenarioFromData.offer(data, schema, outcome, slices, modelFile ? List.of() : leaked(outcome));
    }

    /**
     * The features the model the run trains leaves out for {@code outcome} because they give it away (the rule
     * {@code train} and the Train dialog share, {@link TrainingLeaks}), in table order; empty for no outcome.
     */
    public List<String> leaked(String outcome) {
        return TrainingLeaks.columns(leakFindings(outcome), features(schema, outcome));
    }

    /** Why {@link #leaked} leaves columns out, in the check's words, or empty when it leaves none. */
    public Optional<String> leftOutNote(String outcome) {
        List<String> leaked = leaked(outcome);
        if (leaked.isEmpty()) {
            return Optional.empty();
        }
        List<String> why = leakFindings(outcome).stream().filter(f -> f.check().equals(TrainingLeaks.CHECK))
                .map(QualityFinding::message).distinct().toList();
        return Optional.of("The model the run trains leaves out " + String.join(", ", leaked.stream()
                .map(c -> "'" + c + "'").toList()) + ": " + String.join("; ", why) + ".");
    }

    private List<QualityFinding> leakFindings(String outcome) {
        if (outcome == null || !data.frame().has(outcome)) {
            return List.of();
        }
        return leaks.computeIfAbsent(outcome, o -> {
            Task task = Task.of(data.frame().column(o)).orElse(null);
            if (task == null) {
                return List.of();
            }
            Frame frame = data.frame();
            int n = frame.rowCount();
            if (n > LEAK_ROWS) {
                int[] rows = new int[LEAK_ROWS];
                for (int i = 0; i < LEAK_ROWS; i++) {
                    rows[i] = (int) ((long) i * n / LEAK_ROWS);
                }
                frame = frame.select(rows);
            }
            return TrainingLeaks.forTask(frame, o, features(schema, o), task);
        });
    }

    /**
     * The ways the table can be replayed by the calendar: each date column by month, quarter, week and
     * day, its dates read as the user chose; empty when it has no dates.
     */
    public List<ScenarioFromData.Replay> replayChoices() {
        List<ScenarioFromData.Replay> out = new ArrayList<>();
        for (String column : ScenarioFromData.dateColumns(schema)) {
            for (String window : WINDOWS) {
                ScenarioFromData.replay(data, column, window, timeFormats.get(column)).ifPresent(out::add);
            }
        }
        // Years with their months apart: a year and a month name no day, so by month and by quarter only.
        for (String[] yearMonth : ScenarioFromData.yearMonthColumns(data, schema)) {
            for (String window : List.of("month", "quarter")) {
                ScenarioFromData.replay(data, yearMonth[0], window, null, yearMonth[1]).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The scenario the user chose, its data path relative to {@code base} ({@code null}: absolute). */
    public Scenario build(String outcome, List<String> slices, Path model, List<ScenarioFromData.Change> changes,
                          ScenarioFromData.Replay replay, Path base) {
        Task task = outcome == null || !data.frame().has(outcome) ? null
                : Task.of(data.frame().column(outcome)).orElse(null);
        // The model the run trains leaves out what gives the outcome away, as `train` does; a model file reads its own.
        List<String> leaked = model == null ? leaked(outcome) : List.of();
        List<String> features = features(schema, outcome).stream().filter(f -> !leaked.contains(f)).toList();
        return ScenarioFromData.build(new ScenarioFromData.Choices(file, outcome, features, slices, model, changes,
                replay, task), base);
    }
}
