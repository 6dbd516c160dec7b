package org.twinbench.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.twinbench.data.BinaryLabels;
import org.twinbench.data.Column;
import org.twinbench.data.Frame;
import org.twinbench.stats.ClassificationMetrics;
import org.twinbench.stats.MetricSet;
import smile.classification.LogisticRegression;

/** Trains models on a frame with a seeded train/holdout split. */
public final class ModelTrainer {

    /** L2 penalty of the logistic regression: small, to keep one-hot levels of rare groups finite. */
    static final double LAMBDA = 1e-3;
    static final double HOLDOUT_SHARE = 0.2;

    private ModelTrainer() {
    }

    /**
     * Fits a logistic regression on 80% of the rows with a label (chosen with {@code seed}) and
     * reports metrics on the other 20%.
     */
    public static LogisticModel trainLogistic(Frame data, String target, List<String> features, String positive,
                                              long seed, String dataSha256) {
        Column label = data.column(target);
        String positiveLabel = BinaryLabels.positiveLabel(label, positive);
        int[] y = BinaryLabels.encode(label, positiveLabel);
        List<Integer> labelled = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            if (y[i] >= 0) {
                labelled.add(i);
            }
        }
        int[] rows = labelled.stream().mapToInt(Integer::intValue).toArray();
        shuffle(rows, new SplittableRandom(seed));
        int holdout = (int) Math.round(rows.length * HOLDOUT_SHARE);
        int[] trainRows = java.util.Arrays.copyOfRange(rows, holdout, rows.length);
        int[] holdoutRows = java.util.Arrays.copyOfRange(rows, 0, holdout);
        java.util.Arrays.sort(trainRows);
        java.util.Arrays.sort(holdoutRows);

        Frame train = data.select(trainRows);
        FeatureEncoder encoder = FeatureEncoder.fit(train, features);
        int[] trainY = BinaryLabels.encode(train.column(target), positiveLabel);
        LogisticRegression.Binomial regression =
                LogisticRegression.binomial(encoder.encode(train), trainY, LAMBDA, 1e-6, 500);

        ModelCard provisional = new ModelCard("logistic", target, positiveLabel, features, dataSha256,
                trainRows.length, Map.of());
        LogisticModel model = new LogisticModel(encoder, regression, provisional);
        Map<String, Double> holdoutMetrics = new LinkedHashMap<>();
        if (holdoutRows.length > 0) {
            Frame test = data.select(holdoutRows);
            MetricSet metrics = ClassificationMetrics.compute(BinaryLabels.encode(test.column(target), positiveLabel),
                    model.scorePositive(test), 0.5);
            metrics.asMap().forEach((name, value) -> {
                if (!Double.isNaN(value)) {
                    holdoutMetrics.put(name, value);
                }
            });
        }
        return new LogisticModel(encoder, regression, new ModelCard("logistic", target, positiveLabel, features,
                dataSha256, trainRows.length, holdoutMetrics));
    }

    private static void shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }
}
