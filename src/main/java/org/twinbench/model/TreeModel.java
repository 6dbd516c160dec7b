package org.twinbench.model;

import org.twinbench.data.Frame;
import smile.base.cart.DecisionNode;
import smile.base.cart.Node;
import smile.classification.DataFrameClassifier;
import smile.classification.RandomForest;
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

    TreeModel(FeatureEncoder encoder, DataFrameClassifier ensemble, ModelCard card) {
        this.encoder = encoder;
        this.ensemble = ensemble;
        this.card = card;
        this.schema = encodedSchema(encoder.width());
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

    @Override
    public double[] scorePositive(Frame batch) {
        double[][] x = encoder.encode(batch);
        double[] scores = new double[x.length];
        double[] posteriori = new double[2];
        if (ensemble instanceof RandomForest forest) {
            scoreForest(forest.models(), x, scores);
            return scores;
        }
        for (int i = 0; i < x.length; i++) {
            ensemble.predict(Tuple.of(x[i], schema), posteriori);
            scores[i] = posteriori[1];
        }
        return scores;
    }

    /**
     * Smile's {@code RandomForest.predict(Tuple, double[])} (3.1.1) re-binds the formula in every
     * tree for every row. The encoded tuple already holds the predictors in the trees' order (the
     * label was the last training column), so each tree's root is asked directly and the
     * posteriors are combined as Smile does: the sum of weight times leaf posterior, normalised.
     */
    private void scoreForest(RandomForest.Model[] models, double[][] x, double[] scores) {
        Node[] roots = new Node[models.length];
        double[] weights = new double[models.length];
        for (int t = 0; t < models.length; t++) {
            roots[t] = models[t].tree.root();
            weights[t] = models[t].weight;
        }
        double[] leaf = new double[2];
        for (int i = 0; i < x.length; i++) {
            Tuple row = Tuple.of(x[i], schema);
            double negative = 0;
            double positive = 0;
            for (int t = 0; t < roots.length; t++) {
                ((DecisionNode) roots[t].predict(row)).posteriori(leaf);
                negative += weights[t] * leaf[0];
                positive += weights[t] * leaf[1];
            }
            scores[i] = positive / (negative + positive);
        }
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
