package org.twinbench.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.twinbench.data.ClassLabels;
import org.twinbench.data.Column;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.data.Task;
import org.twinbench.stats.Baseline;
import org.twinbench.stats.MulticlassMetrics;
import org.twinbench.stats.RegressionMetrics;
import smile.base.cart.Loss;
import smile.base.cart.SplitRule;
import smile.classification.LogisticRegression;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.DoubleVector;
import smile.data.vector.IntVector;
import smile.math.MathEx;
import smile.regression.DataFrameRegression;
import smile.regression.RidgeRegression;

/**
 * Trains a model of any {@link Task}. Binary models are {@link ModelTrainer}'s. Regression and
 * multiclass models are fitted on the training share of the labelled rows and measured on the rest
 * (the holdout) next to the naive {@link Baseline} of the training rows: the training mean for an amount,
 * the training majority class for classes.
 * <ul>
 *   <li>regression: a plain seeded shuffle splits the rows; linear is a ridge regression (λ =
 *       {@value #RIDGE_LAMBDA} on the standardised features), the forest grows Smile's regression trees
 *       with a third of the features tried per split, boosting fits least squares;</li>
 *   <li>multiclass: the split is stratified (each class's rows shuffled and split on their own, at least one
 *       row of every class kept for training), so a rare class is never missing from the training rows;
 *       logistic is a multinomial logistic regression, the forest and boosting Smile's classifiers.</li>
 * </ul>
 */
public final class TaskTrainer {

    /** The ridge penalty on standardised features (scikit-learn's default {@code Ridge(alpha=1)}). */
    static final double RIDGE_LAMBDA = 1.0;

    private static final String LABEL = "__label";

    /**
     * A trained model, for a multiclass model with a holdout its per-class holdout figures, and for a regression
     * with a holdout the 95% intervals of its holdout MAE and RMSE ({@link HoldoutIntervals#amounts}; empty
     * otherwise).
     */
    public record Result(TaskModel model, MulticlassMetrics holdoutClasses, Map<String, double[]> amountIntervals) {

        public Result {
            amountIntervals = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(amountIntervals));
        }

        public Result(TaskModel model, MulticlassMetrics holdoutClasses) {
            this(model, holdoutClasses, Map.of());
        }
    }

    private TaskTrainer() {
    }

    /** Trains {@code options} for {@code task}; a binary task is {@link ModelTrainer#train}. */
    public static Result train(Frame data, TrainingOptions options, Task task, TrainingProgress progress) {
        return switch (task) {
            case BINARY -> new Result(ModelTrainer.train(data, options, progress), null);
            case REGRESSION -> regression(data, options, progress);
            case MULTICLASS -> multiclass(data, options, progress);
        };
    }

    private static Result regression(Frame data, TrainingOptions options, TrainingProgress progress) {
        Column label = data.column(options.target());
        if (!(label instanceof NumericColumn numbers)) {
            throw new ModelException("cannot train a regression on '" + options.target() + "': it holds text, not numbers");
        }
        int[] labelled = Arrays.stream(ModelTrainer.indices(numbers.size()))
                .filter(i -> !Double.isNaN(numbers.get(i))).toArray();
        ModelTrainer.shuffle(labelled, new SplittableRandom(options.seed()));
        int holdout = (int) Math.round(labelled.length * options.holdoutShare());
        int[] trainRows = sorted(Arrays.copyOfRange(labelled, holdout, labelled.length));
        int[] holdoutRows = sorted(Arrays.copyOfRange(labelled, 0, holdout));
        RowSketch sketch = ModelTrainer.sketch(data, trainRows, options);
        Frame train = data.select(trainRows);
        FeatureEncoder encoder = FeatureEncoder.fit(train, options.features());
        double[] y = ((NumericColumn) train.column(options.target())).values();
        DataFrame frame = DataFrame.of(encoder.encode(train), names(encoder)).merge(DoubleVector.of(LABEL, y));
        Formula formula = Formula.lhs(LABEL);
        int trees = options.treeCount();
        DataFrameRegression fitted = switch (options.algorithm()) {
            case LOGISTIC -> RidgeRegression.fit(formula, frame, RIDGE_LAMBDA);
            case RANDOM_FOREST -> smile.regression.RandomForest.fit(formula, frame, trees,
                    Math.max(1, encoder.width() / 3), ModelTrainer.MAX_DEPTH, Math.max(2, y.length / ModelTrainer.NODE_SIZE),
                    ModelTrainer.NODE_SIZE, 1.0, LongStream.range(0, trees).map(t -> options.seed() * 1_000_003L + t));
            case GRADIENT_BOOSTING -> {
                MathEx.setSeed(options.seed());
                yield smile.regression.GradientTreeBoost.fit(formula, frame, Loss.ls(), trees, ModelTrainer.MAX_DEPTH,
                        ModelTrainer.BOOSTING_MAX_NODES, ModelTrainer.NODE_SIZE, ModelTrainer.SHRINKAGE,
                        ModelTrainer.BOOSTING_SUBSAMPLE);
            }
        };
        progress.trees(trees, trees);
        ModelCard provisional = card(options, Task.REGRESSION, List.of(), trainRows.length, Map.of(), null, 0, sketch);
        RegressionModel model = new RegressionModel(encoder, fitted, provisional);
        if (holdoutRows.length == 0) {
            return new Result(model, null);
        }
        double[] actual = numbers.select(holdoutRows).values();
        double[] predicted = model.predict(data.select(holdoutRows));
        Map<String, Double> metrics = present(RegressionMetrics.compute(actual, predicted).asMap());
        Baseline baseline = Baseline.mean(y, actual);
        Map<String, double[]> intervals = HoldoutIntervals.amounts(actual, predicted, options.seed());
        Map<String, ModelCard.Interval> stored = new LinkedHashMap<>();
        intervals.forEach((name, bounds) -> stored.put(name, new ModelCard.Interval(bounds[0], bounds[1])));
        ModelCard card = new ModelCard(options.algorithm().id(Task.REGRESSION), options.target(), "",
                options.features(), options.dataSha256(), trainRows.length, metrics, Task.REGRESSION, List.of(),
                baseline, holdoutRows.length, sketch, stored);
        return new Result(new RegressionModel(encoder, fitted, card), null, intervals);
    }

    private static Result multiclass(Frame data, TrainingOptions options, TrainingProgress progress) {
        Column label = data.column(options.target());
        List<String> classes = ClassLabels.of(label);
        int[] codes = ClassLabels.encode(label, classes);
        List<Integer> trainList = new ArrayList<>();
        List<Integer> holdoutList = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(options.seed());
        for (int c = 0; c < classes.size(); c++) {
            int code = c;
            int[] rows = Arrays.stream(ModelTrainer.indices(codes.length)).filter(i -> codes[i] == code).toArray();
            ModelTrainer.shuffle(rows, random);
            int holdout = Math.min(rows.length - 1, (int) Math.round(rows.length * options.holdoutShare()));
            for (int i = 0; i < rows.length; i++) {
                (i < holdout ? holdoutList : trainList).add(rows[i]);
            }
        }
        int[] trainRows = sorted(trainList.stream().mapToInt(Integer::intValue).toArray());
        int[] holdoutRows = sorted(holdoutList.stream().mapToInt(Integer::intValue).toArray());
        RowSketch sketch = ModelTrainer.sketch(data, trainRows, options);
        Frame train = data.select(trainRows);
        FeatureEncoder encoder = FeatureEncoder.fit(train, options.features());
        int[] y = Arrays.stream(trainRows).map(i -> codes[i]).toArray();
        double[][] x = encoder.encode(train);
        int trees = options.treeCount();
        Object fitted;
        if (options.algorithm() == Algorithm.LOGISTIC) {
            fitted = LogisticRegression.multinomial(x, y, ModelTrainer.LAMBDA, 1e-6, 500);
        } else {
            DataFrame frame = DataFrame.of(x, names(encoder)).merge(IntVector.of(LABEL, y));
            Formula formula = Formula.lhs(LABEL);
            if (options.algorithm() == Algorithm.RANDOM_FOREST) {
                fitted = smile.classification.RandomForest.fit(formula, frame, trees,
                        Math.max(1, (int) Math.floor(Math.sqrt(encoder.width()))), SplitRule.GINI, ModelTrainer.MAX_DEPTH,
                        Math.max(2, y.length / ModelTrainer.NODE_SIZE), ModelTrainer.NODE_SIZE, 1.0, null,
                        LongStream.range(0, trees).map(t -> options.seed() * 1_000_003L + t));
            } else {
                MathEx.setSeed(options.seed());
                fitted = smile.classification.GradientTreeBoost.fit(formula, frame, trees, ModelTrainer.MAX_DEPTH,
                        ModelTrainer.BOOSTING_MAX_NODES, ModelTrainer.NODE_SIZE, ModelTrainer.SHRINKAGE,
                        ModelTrainer.BOOSTING_SUBSAMPLE);
            }
        }
        progress.trees(trees, trees);
        MulticlassModel model = new MulticlassModel(encoder, fitted,
                card(options, Task.MULTICLASS, classes, trainRows.length, Map.of(), null, 0, sketch));
        if (holdoutRows.length == 0) {
            return new Result(model, null);
        }
        int[] actual = Arrays.stream(holdoutRows).map(i -> codes[i]).toArray();
        double[][] proba = model.probabilities(data.select(holdoutRows));
        MulticlassMetrics metrics = MulticlassMetrics.compute(actual, MulticlassClassifier.mostProbable(proba), proba,
                classes);
        Baseline baseline = Baseline.majority(y, actual, classes);
        return new Result(new MulticlassModel(encoder, fitted, card(options, Task.MULTICLASS, classes, trainRows.length,
                present(metrics.asMap()), baseline, holdoutRows.length, sketch)), metrics);
    }

    private static ModelCard card(TrainingOptions options, Task task, List<String> classes, int rows,
                                  Map<String, Double> metrics, Baseline baseline, int holdoutRows,
                                  RowSketch sketch) {
        return new ModelCard(options.algorithm().id(task), options.target(), "", options.features(),
                options.dataSha256(), rows, metrics, task, classes, baseline, holdoutRows, sketch);
    }

    private static Map<String, Double> present(Map<String, Double> metrics) {
        Map<String, Double> out = new LinkedHashMap<>();
        metrics.forEach((name, value) -> {
            if (!Double.isNaN(value)) {
                out.put(name, value);
            }
        });
        return out;
    }

    private static String[] names(FeatureEncoder encoder) {
        String[] names = new String[encoder.width()];
        for (int j = 0; j < names.length; j++) {
            names[j] = TreeModel.encodedName(j);
        }
        return names;
    }

    private static int[] sorted(int[] rows) {
        Arrays.sort(rows);
        return rows;
    }
}
