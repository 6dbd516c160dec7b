package org.twinbench.sim;

import java.util.Locale;
import org.twinbench.model.ModelCard;
import org.twinbench.model.RowSketch;
import org.twinbench.scenario.ScenarioNode;

/**
 * Whether a run replays rows its model file was trained on, by their values rather than the file's bytes: a
 * shuffled copy, another export or a file that holds the training rows among others is found too, from the
 * sketch the model card keeps of its training rows ({@link RowSketch}).
 */
final class TrainingRows {

    private TrainingRows() {
    }

    /**
     * The estimated share of the rows the run replays (after the reference) that the model file was trained on,
     * told as a note when notable and
     * the data is not the very file of the card (whose SHA-256 says so already); NaN when not known (a model
     * trained in the scenario, a card without a sketch, data without the sketched columns).
     */
    static double share(ScenarioNode modelNode, ModelCard card, ScenarioCompiler.Origin origin, RunListener listener) {
        RowSketch sketch = card.trainingSketch();
        if (sketch == null || modelNode.string("path", null) == null) {
            return Double.NaN;
        }
        // The rows the run replays, not the whole file: a model trained on the rows before a calendar split
        // replays none of them, however many of the file's rows it saw.
        RowSketch.Share share = origin.replayed() == null ? null : sketch.shareIn(origin.replayed());
        if (share == null) {
            return Double.NaN;
        }
        boolean sameFile = origin.provenance().sha256() != null
                && origin.provenance().sha256().equals(card.trainingDataSha256());
        if (share.share() >= PlanNotes.NOTABLE_TRAINING_ROWS && !sameFile) {
            listener.onNote(note(share, origin.provenance().file(), modelNode.string("path", null)));
        }
        return share.share();
    }

    static String note(RowSketch.Share share, String dataFile, String modelFile) {
        String file = dataFile == null ? "the data" : java.nio.file.Path.of(dataFile).getFileName().toString();
        return String.format(Locale.ROOT, "about %.0f%% of the rows replayed from %s are rows %s was trained on "
                + "(estimated from %d rows by its card's sketch of its training rows): figures measured on them are "
                + "optimistic",
                100 * share.share(), file, modelFile, share.rows());
    }
}
