package org.twinbench.model;

import org.twinbench.data.Frame;
import smile.classification.DataFrameClassifier;
import smile.classification.LogisticRegression;
import smile.data.Tuple;
import smile.data.type.StructType;

/**
 * A Smile multiclass classifier (multinomial logistic regression, random forest or gradient-boosted
 * trees) behind the model's own feature encoding. Its class codes {@code 0 … k−1} are the positions of
 * the card's {@link ModelCard#classes()}.
 */
public final class MulticlassModel implements MulticlassClassifier {

    private final FeatureEncoder encoder;
    /** A {@link LogisticRegression.Multinomial} or a {@link DataFrameClassifier}. */
    private final Object classifier;
    private final ModelCard card;
    private final StructType schema;
    /** The compiled trees of a forest or boosting; null for the logistic model. */
    private final CompiledTrees compiled;

    MulticlassModel(FeatureEncoder encoder, Object classifier, ModelCard card) {
        if (!(classifier instanceof LogisticRegression.Multinomial) && !(classifier instanceof DataFrameClassifier)) {
            throw new IllegalArgumentException("not a multiclass model: " + classifier.getClass().getSimpleName());
        }
        this.encoder = encoder;
        this.classifier = classifier;
        this.card = card;
        this.schema = TreeModel.encodedSchema(encoder.width());
        this.compiled = TreeEnsemble.isEnsemble(classifier) ? CompiledTrees.of(classifier, encoder.width()) : null;
    }

    @Override
    public double[][] probabilities(Frame batch) {
        if (compiled != null) {
            return compiled.probabilities(encoder, batch);
        }
        int n = batch.rowCount();
        int k = card.classes().size();
        double[][] out = new double[n][k];
        for (int from = 0; from < n; from += TreeModel.BLOCK) {
            int to = Math.min(n, from + TreeModel.BLOCK);
            double[][] columns = encoder.encodeColumns(batch, from, to);
            for (int i = 0; i < to - from; i++) {
                double[] row = new double[columns.length];
                for (int j = 0; j < row.length; j++) {
                    row[j] = columns[j][i];
                }
                if (classifier instanceof LogisticRegression.Multinomial logistic) {
                    logistic.predict(row, out[from + i]);
                } else {
                    ((DataFrameClassifier) classifier).predict(Tuple.of(row, schema), out[from + i]);
                }
            }
        }
        return out;
    }

    @Override
    public ModelCard card() {
        return card;
    }

    public FeatureEncoder encoder() {
        return encoder;
    }

    Object classifier() {
        return classifier;
    }
}
