package org.twinbench.model;

import java.util.List;
import java.util.Map;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;

/**
 * The scores a deployed model actually produced, read from a column of a production log instead of
 * computed: replaying them mirrors the model as it ran, with no model file. A row's score is the
 * logged probability of the positive class.
 */
public final class LoggedScores implements BinaryClassifier {

    private final String scoreColumn;
    private final ModelCard card;

    /**
     * @param scoreColumn the column holding the logged probability of the positive class
     * @param target the column holding the true outcome
     * @param positive the positive class of {@code target}
     * @param dataSha256 the log's SHA-256, recorded as what the "model" comes from
     */
    public LoggedScores(String scoreColumn, String target, String positive, String dataSha256) {
        this.scoreColumn = scoreColumn;
        this.card = new ModelCard("logged", target, positive, List.of(scoreColumn), dataSha256, 0, Map.of());
    }

    public String scoreColumn() {
        return scoreColumn;
    }

    @Override
    public double[] scorePositive(Frame batch) {
        NumericColumn scores = batch.numeric(scoreColumn);
        double[] out = new double[batch.rowCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = scores.get(i);
        }
        return out;
    }

    @Override
    public ModelCard card() {
        return card;
    }
}
