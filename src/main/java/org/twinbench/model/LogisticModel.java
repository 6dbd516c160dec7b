package org.twinbench.model;

import org.twinbench.data.Frame;
import smile.classification.LogisticRegression;

/** A Smile binomial logistic regression behind the model's own feature encoding. */
public final class LogisticModel implements BinaryClassifier {

    private final FeatureEncoder encoder;
    private final LogisticRegression.Binomial regression;
    private final ModelCard card;

    LogisticModel(FeatureEncoder encoder, LogisticRegression.Binomial regression, ModelCard card) {
        this.encoder = encoder;
        this.regression = regression;
        this.card = card;
    }

    /** The logistic function of the linear predictor, computed column by column (no design matrix). */
    @Override
    public double[] scorePositive(Frame batch) {
        double[] eta = encoder.linearPredictor(batch, regression.coefficients());
        for (int i = 0; i < eta.length; i++) {
            eta[i] = 1 / (1 + Math.exp(-eta[i]));
        }
        return eta;
    }

    @Override
    public ModelCard card() {
        return card;
    }

    public FeatureEncoder encoder() {
        return encoder;
    }

    /** The weights of the encoded features, then the intercept (Smile's layout). */
    public double[] coefficients() {
        return regression.coefficients().clone();
    }

    LogisticRegression.Binomial regression() {
        return regression;
    }
}
