package org.twinbench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.twinbench.data.BinaryLabels;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.stats.ClassificationMetrics;

class ModelTrainingTest {

    /**
     * 2,000 rows: the label is 1 when x + (group b ? 1 : 0) + noise > 0.5, so x and group carry the
     * signal and z is noise. Missing values in x on every 50th row.
     */
    static Frame planted(long seed, int n) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[n];
        double[] z = new double[n];
        String[] group = new String[n];
        String[] label = new String[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble() * 2 - 1;
            z[i] = random.nextDouble();
            group[i] = random.nextDouble() < 0.5 ? "a" : "b";
            double signal = x[i] + ("b".equals(group[i]) ? 1 : 0) + 0.3 * (random.nextDouble() - 0.5);
            label[i] = signal > 0.5 ? "yes" : "no";
            if (i % 50 == 0) {
                x[i] = Double.NaN;
            }
        }
        return new Frame(List.of(new NumericColumn("x", x), new NumericColumn("z", z), CategoricalColumn.of("group", group),
                CategoricalColumn.of("label", label)));
    }

    static TrainingOptions options(Algorithm algorithm, long seed) {
        return new TrainingOptions(algorithm, "label", List.of("x", "z", "group"), null, seed, 20, "abc");
    }

    /** A random forest of {@code trees} trees on x, z and group, seed 7. */
    private static TrainingOptions forest(int trees) {
        return new TrainingOptions(Algorithm.RANDOM_FOREST, "label", List.of("x", "z", "group"), null, 7, trees, "abc");
    }

    @Test
    void aForestGrownInGroupsReportsEachGroupAndIsTheForestGrownAtOnce() {
        Frame data = planted(1, 2000);
        TrainingOptions options = forest(37);
        java.util.List<Integer> reported = new java.util.ArrayList<>();
        BinaryClassifier grouped = ModelTrainer.train(data, options, (done, total) -> {
            assertThat(total).isEqualTo(37);
            reported.add(done);
        });
        // ceil(37 / 10) = 4 trees a group: 4, 8, ..., 36, then the last one.
        assertThat(reported).containsExactly(4, 8, 12, 16, 20, 24, 28, 32, 36, 37);
        double[] atOnce = ModelTrainer.train(data, options, TrainingProgress.NONE, 1).scorePositive(data);
        assertThat(grouped.scorePositive(data)).containsExactly(atOnce);
    }

    @Test
    void aTrainingStopsWhenItsProgressSaysSo() {
        Frame data = planted(1, 2000);
        TrainingOptions options = forest(40);
        java.util.List<Integer> reported = new java.util.ArrayList<>();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ModelTrainer.train(data, options, (done, total) -> {
            reported.add(done);
            if (done >= 12) {
                throw new java.util.concurrent.CancellationException("training was cancelled");
            }
        })).isInstanceOf(java.util.concurrent.CancellationException.class);
        assertThat(reported).containsExactly(4, 8, 12);
    }

    @Test
    void logisticScoresAreTheSigmoidOfTheLinearPredictor() {
        Frame data = planted(1, 2000);
        LogisticModel model = (LogisticModel) ModelTrainer.train(data, options(Algorithm.LOGISTIC, 3));
        double[] w = model.regression().coefficients();
        double[][] encoded = model.encoder().encode(data);
        double[] scores = model.scorePositive(data);
        // Smile keeps the intercept last: p = 1 / (1 + exp(-(w[0..p-1] . x + w[p]))).
        assertThat(w).hasSize(model.encoder().width() + 1);
        for (int i = 0; i < 50; i++) {
            double eta = w[w.length - 1];
            for (int j = 0; j < encoded[i].length; j++) {
                eta += w[j] * encoded[i][j];
            }
            assertThat(scores[i]).isCloseTo(1 / (1 + Math.exp(-eta)), within(1e-12));
            double[] posteriori = new double[2];
            model.regression().predict(encoded[i], posteriori);
            assertThat(scores[i]).as("Smile's own posterior").isCloseTo(posteriori[1], within(1e-12));
        }
    }

    @Test
    void everyAlgorithmLearnsThePlantedSignal() {
        Frame data = planted(2, 2000);
        for (Algorithm algorithm : Algorithm.values()) {
            BinaryClassifier model = ModelTrainer.train(data, options(algorithm, 5));
            assertThat(model.card().algorithm()).isEqualTo(algorithm.id());
            assertThat(model.card().holdoutMetrics().get("roc_auc")).as(algorithm.id()).isGreaterThan(0.9);
            assertThat(model.card().trainingRows()).isEqualTo(1600);
            assertThat(model.card().positiveLabel()).isEqualTo("yes");
            Frame fresh = planted(99, 1000);
            double auc = ClassificationMetrics.rocAuc(BinaryLabels.encode(fresh.column("label"), "yes"),
                    model.scorePositive(fresh));
            assertThat(auc).as(algorithm.id() + " on fresh rows").isGreaterThan(0.9);
        }
    }

    @Test
    void holdoutMetricsAreThoseOfTheHeldOutRows() {
        Frame data = planted(4, 500);
        BinaryClassifier model = ModelTrainer.train(data, options(Algorithm.LOGISTIC, 11));
        // The holdout is the first 100 of the labelled rows after the seeded shuffle; recompute it.
        int[] rows = new int[500];
        for (int i = 0; i < 500; i++) {
            rows[i] = i;
        }
        SplittableRandom random = new SplittableRandom(11);
        for (int i = rows.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = rows[i];
            rows[i] = rows[j];
            rows[j] = t;
        }
        int[] holdout = java.util.Arrays.copyOf(rows, 100);
        java.util.Arrays.sort(holdout);
        Frame test = data.select(holdout);
        double accuracy = ClassificationMetrics.compute(BinaryLabels.encode(test.column("label"), "yes"),
                model.scorePositive(test), 0.5).accuracy();
        assertThat(model.card().holdoutMetrics().get("accuracy")).isEqualTo(accuracy);
    }

    @Test
    void forestScoresEqualSmilesOwnPrediction() {
        Frame data = planted(6, 600);
        TreeModel model = (TreeModel) ModelTrainer.train(data, options(Algorithm.RANDOM_FOREST, 4));
        double[] scores = model.scorePositive(data);
        double[][] x = model.encoder().encode(data);
        smile.data.type.StructType schema = TreeModel.encodedSchema(x[0].length);
        double[] posteriori = new double[2];
        for (int i = 0; i < x.length; i++) {
            model.ensemble().predict(smile.data.Tuple.of(x[i], schema), posteriori);
            assertThat(scores[i]).isCloseTo(posteriori[1], within(1e-12));
        }
    }

    @Test
    void sameSeedSameModelOtherSeedOtherModel() {
        Frame data = planted(3, 1000);
        for (Algorithm algorithm : List.of(Algorithm.RANDOM_FOREST, Algorithm.GRADIENT_BOOSTING)) {
            double[] a = ModelTrainer.train(data, options(algorithm, 7)).scorePositive(data);
            double[] b = ModelTrainer.train(data, options(algorithm, 7)).scorePositive(data);
            double[] c = ModelTrainer.train(data, options(algorithm, 8)).scorePositive(data);
            assertThat(b).as(algorithm.id()).containsExactly(a);
            assertThat(c).as(algorithm.id()).isNotEqualTo(a);
        }
    }
}
