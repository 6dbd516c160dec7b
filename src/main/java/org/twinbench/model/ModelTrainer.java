package org.twinbench.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.twinbench.data.BinaryLabels;
import org.twinbench.data.Column;
import org.twinbench.data.Frame;
import org.twinbench.data.Task;
import org.twinbench.stats.Baseline;
import org.twinbench.stats.ClassificationMetrics;
import org.twinbench.stats.MetricSet;
import smile.base.cart.SplitRule;
import smile.classification.DataFrameClassifier;
import smile.classification.GradientTreeBoost;
import smile.classification.LogisticRegression;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;
import smile.math.MathEx;

/**
 * Trains models on a frame with a seeded train/holdout split: a share of the labelled rows
 * ({@link TrainingOptions#holdoutShare()}, {@value #HOLDOUT_SHARE} unless chosen), picked by a seeded
 * shuffle, are held out and the card reports the model's metrics on them
 * ({@link ClassificationMetrics}, threshold 0.5).
 */
public final class ModelTrainer {

    /** A random forest is grown in this many groups of trees, reporting after each. */
    static final int FOREST_PARTS = 10;

    /** L2 penalty of the logistic regression: small, to keep one-hot levels of rare groups finite. */
    static final double LAMBDA = 1e-3;
    static final double HOLDOUT_SHARE = TrainingOptions.DEFAULT_HOLDOUT_SHARE;
    /** Smile's defaults for tree depth, leaf size and, for boosting, shrinkage and subsampling. */
    static final int MAX_DEPTH = 20;
    static final int NODE_SIZE = 5;
    static final int BOOSTING_MAX_NODES = 6;
    static final double SHRINKAGE = 0.05;
    static final double BOOSTING_SUBSAMPLE = 0.7;

    private static final String LABEL = "__label";

    private ModelTrainer() {
    }

    /**
     * Fits a logistic regression on 80% of the rows with a label (chosen with {@code seed}) and
     * reports metrics on the other 20%.
     */
    public static LogisticModel trainLogistic(Frame data, String target, List<String> features, String positive,
                                              long seed, String dataSha256) {
        return (LogisticModel) train(data, new TrainingOptions(Algorithm.LOGISTIC, target, features, positive, seed,
                0, dataSha256));
    }

    /** Trains the algorithm of {@code options}; the result is a {@link LogisticModel} or a {@link TreeModel}. */
    public static BinaryClassifier train(Frame data, TrainingOptions options) {
        return train(data, options, TrainingProgress.NONE);
    }

    /**
     * As {@link #train(Frame, TrainingOptions)}, telling {@code progress} how many trees of a random
     * forest are grown (in {@value #FOREST_PARTS} groups, each tree with its own seed, so the forest is
     * the same as one grown at once); boosting grows its trees in sequence and reports only its end.
     */
    public static BinaryClassifier train(Frame data, TrainingOptions options, TrainingProgress progress) {
        return train(data, options, progress, FOREST_PARTS);
    }

    /** As {@link #train(Frame, TrainingOptions, TrainingProgress)}, a forest grown in {@code parts} groups. */
    static BinaryClassifier train(Frame data, TrainingOptions options, TrainingProgress progress, int parts) {
        String target = options.target();
        Column label = data.column(target);
        String positiveLabel = BinaryLabels.positiveLabel(label, options.positive());
        int[] y = BinaryLabels.encode(label, positiveLabel);
        int[] labelled = Arrays.stream(indices(y.length)).filter(i -> y[i] >= 0).toArray();
        shuffle(labelled, new SplittableRandom(options.seed()));
        int holdout = (int) Math.round(labelled.length * options.holdoutShare());
        int[] trainRows = Arrays.copyOfRange(labelled, holdout, labelled.length);
        int[] holdoutRows = Arrays.copyOfRange(labelled, 0, holdout);
        Arrays.sort(trainRows);
        Arrays.sort(holdoutRows);

        Frame train = data.select(trainRows);
        RowSketch sketch = sketch(data, trainRows, options);
        FeatureEncoder encoder = FeatureEncoder.fit(train, options.features());
        int[] trainY = BinaryLabels.encode(train.column(target), positiveLabel);
        long positives = Arrays.stream(trainY).filter(v -> v == 1).count();
        if (positives == 0 || positives == trainY.length) {
            throw new ModelException("cannot train on '" + target + "': the training rows hold only one class ("
                    + (positives == 0 ? "no" : "only") + " '" + positiveLabel + "'); a model needs both outcomes");
        }
        double[][] x = encoder.encode(train);
        ModelCard provisional = card(options, positiveLabel, trainRows.length, Map.of(), null, 0, sketch);
        BinaryClassifier model = fit(options, encoder, x, trainY, provisional, progress, parts);

        Map<String, Double> holdoutMetrics = new LinkedHashMap<>();
        Baseline baseline = null;
        if (holdoutRows.length > 0) {
            Frame test = data.select(holdoutRows);
            int[] testY = BinaryLabels.encode(test.column(target), positiveLabel);
            MetricSet metrics = ClassificationMetrics.compute(testY, model.scorePositive(test), 0.5);
            baseline = Baseline.majority(trainY, testY, List.of(BinaryLabels.negativeLabel(label, positiveLabel), positiveLabel));
            metrics.asMap().forEach((name, value) -> {
                if (!Double.isNaN(value)) {
                    holdoutMetrics.put(name, value);
                }
            });
        }
        return withCard(model, card(options, positiveLabel, trainRows.length, holdoutMetrics, baseline,
                holdoutRows.length, sketch));
    }

    private static BinaryClassifier fit(TrainingOptions options, FeatureEncoder encoder, double[][] x, int[] y,
                                        ModelCard card, TrainingProgress progress, int parts) {
        if (options.algorithm() == Algorithm.LOGISTIC) {
            return new LogisticModel(encoder, LogisticRegression.binomial(x, y, LAMBDA, 1e-6, 500), card);
        }
        String[] names = new String[encoder.width()];
        for (int j = 0; j < names.length; j++) {
            names[j] = TreeModel.encodedName(j);
        }
        DataFrame frame = DataFrame.of(x, names).merge(IntVector.of(LABEL, y));
        Formula formula = Formula.lhs(LABEL);
        int trees = options.treeCount();
        DataFrameClassifier ensemble;
        if (options.algorithm() == Algorithm.RANDOM_FOREST) {
            int mtry = Math.max(1, (int) Math.floor(Math.sqrt(names.length)));
            int maxNodes = Math.max(2, x.length / NODE_SIZE);
            // One seed per tree makes the forest the same whatever the thread count, and the same
            // grown in groups (merged) as at once.
            RandomForest forest = null;
            int part = Math.max(1, (trees + parts - 1) / parts);
            for (int from = 0; from < trees; from += part) {
                int to = Math.min(trees, from + part);
                RandomForest grown = RandomForest.fit(formula, frame, to - from, mtry, SplitRule.GINI, MAX_DEPTH,
                        maxNodes, NODE_SIZE, 1.0, null, LongStream.range(from, to).map(t -> options.seed() * 1_000_003L + t));
                forest = forest == null ? grown : forest.merge(grown);
                progress.trees(to, trees);
            }
            ensemble = forest;
        } else {
            MathEx.setSeed(options.seed());
            ensemble = GradientTreeBoost.fit(formula, frame, trees, MAX_DEPTH, BOOSTING_MAX_NODES, NODE_SIZE,
                    SHRINKAGE, BOOSTING_SUBSAMPLE);
            progress.trees(trees, trees);
        }
        return new TreeModel(encoder, ensemble, card);
    }

    static BinaryClassifier withCard(BinaryClassifier model, ModelCard card) {
        if (model instanceof LogisticModel logistic) {
            return new LogisticModel(logistic.encoder(), logistic.regression(), card);
        }
        TreeModel tree = (TreeModel) model;
        return new TreeModel(tree.encoder(), tree.ensemble(), card);
    }

    private static ModelCard card(TrainingOptions options, String positiveLabel, int rows, Map<String, Double> metrics,
                                  Baseline baseline, int holdoutRows, RowSketch sketch) {
        return new ModelCard(options.algorithm().id(), options.target(), positiveLabel, options.features(),
                options.dataSha256(), rows, metrics, Task.BINARY, List.of(), baseline, holdoutRows, sketch);
    }

    /** The sketch of the training rows over the features and the target, for telling later who replays them. */
    static RowSketch sketch(Frame data, int[] trainRows, TrainingOptions options) {
        List<String> columns = new java.util.ArrayList<>(options.features());
        columns.add(options.target());
        return RowSketch.of(data, trainRows, columns);
    }

    static int[] indices(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    static void shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }

    static List<String> names(List<FeatureEncoder.Feature> features) {
        List<String> out = new ArrayList<>();
        features.forEach(f -> out.add(f.name()));
        return out;
    }
}
