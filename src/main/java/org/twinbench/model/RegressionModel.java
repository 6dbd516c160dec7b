package org.twinbench.model;

import org.twinbench.data.Frame;
import smile.data.Tuple;
import smile.data.type.StructType;
import smile.regression.DataFrameRegression;

/**
 * A Smile regression (ridge linear model, random forest or gradient-boosted trees) behind the model's
 * own feature encoding. Trees score compiled ({@link CompiledTrees}); rows reach the linear model as tuples of
 * the encoded features {@code x0, x1, ...}.
 */
public final class RegressionModel implements Regressor {

    private final FeatureEncoder encoder;
    private final DataFrameRegression regression;
    private final ModelCard card;
    private final StructType schema;
    /** The compiled trees of a forest or boosting; null for the linear model. */
    private final CompiledTrees compiled;

    RegressionModel(FeatureEncoder encoder, DataFrameRegression regression, ModelCard card) {
        this.encoder = encoder;
        this.regression = regression;
        this.card = card;
        this.schema = TreeModel.encodedSchema(encoder.width());
        this.compiled = TreeEnsemble.isEnsemble(regression) ? CompiledTrees.of(regression, encoder.width()) : null;
    }

    @Override
    public double[] predict(Frame batch) {
        if (compiled != null) {
            return compiled.values(encoder, batch);
        }
        int n = batch.rowCount();
        double[] out = new double[n];
        for (int from = 0; from < n; from += TreeModel.BLOCK) {
            int to = Math.min(n, from + TreeModel.BLOCK);
            double[][] columns = encoder.encodeColumns(batch, from, to);
            double[] row = new double[columns.length];
            for (int i = 0; i < to - from; i++) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = columns[j][i];
                }
                out[from + i] = regression.predict(Tuple.of(row.clone(), schema));
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

    DataFrameRegression regression() {
        return regression;
    }
}
