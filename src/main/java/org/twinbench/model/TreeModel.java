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

    /** Rows encoded and scored together by the models that encode block by block. */
    static final int BLOCK = 4096;

    TreeModel(FeatureEncoder encoder, DataFrameClassifier ensemble, ModelCard card) {
        this.encoder = encoder;
        this.ensemble = ensemble;
        this.card = card;
        this.schema = encodedSchema(encoder.width());
        this.compiled = CompiledTrees.of(ensemble, encoder.width());
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

    /** Scores through the compiled ensemble ({@link CompiledTrees}): no per-row tuple, no per-row allocation. */
    @Override
    public double[] scorePositive(Frame batch) {
        return compiled.values(encoder, batch);
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
