package org.twinbench.sim;

import java.util.List;

/**
 * What compiling a scenario found worth telling beside its results, kept with the plan so that the run's files,
 * report and window say it too: the notes (a file sorted by a column, a replay that runs out of rows, ...) and the
 * estimated share of the data's rows the model file was trained on.
 *
 * @param notes             the notes, in the order they were made
 * @param trainingRowsShare the share of the data's rows that are rows the model was trained on, estimated from
 *     its card's sketch of them; NaN when not known (no sketch, a model trained in the scenario)
 * @param leaks             the model's features that give the outcome away in the data file's rows (each also a note)
 */
public record PlanNotes(List<String> notes, double trainingRowsShare, List<RunFindings.Leak> leaks) {

    /** From this estimated share of the data's rows on, a run replaying them calls its figures optimistic. */
    public static final double NOTABLE_TRAINING_ROWS = 0.1;

    /** Nothing noted, nothing known. */
    public static final PlanNotes NONE = new PlanNotes(List.of(), Double.NaN);

    public PlanNotes {
        notes = List.copyOf(notes);
        leaks = leaks == null ? List.of() : List.copyOf(leaks);
    }

    /** Notes without leaked columns. */
    public PlanNotes(List<String> notes, double trainingRowsShare) {
        this(notes, trainingRowsShare, List.of());
    }
}
