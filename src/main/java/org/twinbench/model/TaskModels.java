package org.twinbench.model;

import java.nio.file.Path;
import smile.classification.DataFrameClassifier;
import smile.classification.LogisticRegression;
import smile.regression.DataFrameRegression;

/**
 * What a bundle stores of each kind of TwinBench-trained model — its encoder and its fitted Smile object (a
 * distilled {@link TreeStudent}: its node arrays, written to measure its size, not read back) —
 * and how a read bundle becomes a model again, checking that the fitted object is what the card says.
 */
final class TaskModels {

    private TaskModels() {
    }

    /** The fitted Smile object a bundle serialises. */
    static Object fitted(TaskModel model) {
        if (model instanceof LogisticModel logistic) {
            return logistic.regression();
        }
        if (model instanceof TreeModel tree) {
            return tree.ensemble();
        }
        if (model instanceof RegressionModel regression) {
            return regression.regression();
        }
        if (model instanceof MulticlassModel multiclass) {
            return multiclass.classifier();
        }
        if (model instanceof TreeStudent student) {
            return student.arrays();
        }
        throw new IllegalArgumentException("only models trained by TwinBench can be bundled, not "
                + model.getClass().getSimpleName());
    }

    /** The encoding pipeline of a TwinBench-trained model. */
    static FeatureEncoder encoder(TaskModel model) {
        if (model instanceof LogisticModel logistic) {
            return logistic.encoder();
        }
        if (model instanceof TreeModel tree) {
            return tree.encoder();
        }
        if (model instanceof RegressionModel regression) {
            return regression.encoder();
        }
        if (model instanceof MulticlassModel multiclass) {
            return multiclass.encoder();
        }
        if (model instanceof TreeStudent student) {
            return student.encoder();
        }
        throw new IllegalArgumentException("not a TwinBench-trained model: " + model.getClass().getSimpleName());
    }

    /** The regression or multiclass model of a read bundle, or a {@link ModelException} on a mismatch. */
    static TaskModel of(ModelCardJson.Parsed parsed, Object fitted, Path file) {
        boolean sameClass = fitted.getClass().getSimpleName().equals(parsed.binaryClass());
        switch (parsed.card().task()) {
            case REGRESSION -> {
                if (sameClass && fitted instanceof DataFrameRegression regression) {
                    return new RegressionModel(parsed.encoder(), regression, parsed.card());
                }
            }
            case MULTICLASS -> {
                if (sameClass && (fitted instanceof LogisticRegression.Multinomial
                        || fitted instanceof DataFrameClassifier) && parsed.card().classes().size() >= 3) {
                    return new MulticlassModel(parsed.encoder(), fitted, parsed.card());
                }
            }
            default -> {
            }
        }
        throw ModelBundle.mismatch(file, parsed, fitted);
    }
}
