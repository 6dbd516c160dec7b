package org.twinbench.model;

import org.twinbench.data.Frame;
import smile.classification.DataFrameClassifier;
import smile.data.Tuple;
import smile.data.type.DataTypes;
import smile.data.type.StructField;
import smile.data.type.StructType;

/**
 * A Smile random forest or gradient-boosted tree ensemble behind the model's own feature encoding.
 * Rows reach the trees as tuples of the encoded features, named {@code x0, x1, ...}.
 */
public final class TreeModel implements BinaryClassifier {

    private final FeatureEncoder encoder;
    private final DataFrameClassifier ensemble;
    private final ModelCard card;
    private final StructType schema;
    private final CompiledTrees compiled;

    /** Rows encoded and scored together: 4096 rows of a few dozen encoded columns fit in L2 cache. */
    static final int BLOCK = 4096;

    TreeModel(FeatureEncoder encoder, DataFrameClassifier ensemble, ModelCard card) {
        this.encoder = encoder;
        this.ensemble = ensemble;
        this.card = card;
        this.schema = encodedSchema(encoder.width());
        this.compiled = CompiledTrees.of(ensemble);
    }

    static StructType encodedSchema(int width) {
        StructField[] fields = new StructField[width];
        for (int j = 0; j < width; j++) {
            fields[j] = new StructField(TreeModel.encodedName(j), DataTypes.DoubleType);
        }
        return DataTypes.struct(fields);
    }

    static String encodedName(int j) {
        return "x" + j;
    }

    /**
     * Scores through the compiled ensemble ({@link CompiledTrees}), encoding {@value #BLOCK} rows at
     * a time column by column, so no per-row tuple is built and a block's columns stay in cache.
     */
    @Override
    public double[] scorePositive(Frame batch) {
        int n = batch.rowCount();
        double[] scores = new double[n];
        for (int from = 0; from < n; from += BLOCK) {
            int to = Math.min(n, from + BLOCK);
            compiled.score(encoder.encodeColumns(batch, from, to), to - from, scores, from);
        }
        return scores;
    }

    /** Smile's own prediction of every row, one tuple at a time: the reference the compiled form matches. */
    double[] scorePositiveWithSmile(Frame batch) {
        double[][] x = encoder.encode(batch);
        double[] scores = new double[x.length];
        double[] posteriori = new double[2];
        for (int i = 0; i < x.length; i++) {
            ensemble.predict(Tuple.of(x[i], schema), posteriori);
            scores[i] = posteriori[1];
        }
        return scores;
    }

    @Override
    public ModelCard card() {
        return card;
    }

    public FeatureEncoder encoder() {
        return encoder;
    }

    DataFrameClassifier ensemble() {
        return ensemble;
    }
}
