package org.twinbench.ui.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinbench.data.Frame;
import org.twinbench.data.TableLoader;
import org.twinbench.model.Algorithm;
import org.twinbench.model.BinaryClassifier;
import org.twinbench.model.Distillation;
import org.twinbench.model.DistilledModel;
import org.twinbench.model.ModelCard;
import org.twinbench.model.ModelFiles;
import org.twinbench.model.ModelTrainer;
import org.twinbench.model.TrainingOptions;

/**
 * The data panel's lines about a model say what each task predicts and its own holdout metrics; a distilled student
 * says which model is served, what it learnt from and how often it decides as that model.
 */
class ModelSummaryTest {

    private static final Path DIR = Path.of("src/test/resources/tasks/engine");

    private static ModelCard withHoldout(ModelCard card, Map<String, Double> metrics) {
        return new ModelCard(card.algorithm(), card.target(), card.positiveLabel(), card.features(),
                card.trainingDataSha256(), card.trainingRows(), metrics, card.task(), card.classes(), card.baseline());
    }

    @Test
    void aRegressionPredictsAnAmountAndShowsItsErrors() {
        ModelCard card = ModelFiles.loadAny(DIR.resolve("diabetes-linear.twinmodel")).card();
        assertThat(ModelSummary.of(card, "diabetes-linear.twinmodel")).isEqualTo(
                "linear model diabetes-linear.twinmodel\npredicts the amount of target from 10 features"
                        .replace("\n", System.lineSeparator()));
        // The holdout figures of the diabetes ridge model (train --json, previous session's note).
        String text = ModelSummary.of(withHoldout(card, Map.of("mae", 44.9, "rmse", 54.5, "r2", 0.524)), null);
        assertThat(text).endsWith("holdout MAE 44.900, RMSE 54.500, R² 0.524").doesNotContain("= ");
    }

    @Test
    void aMulticlassModelNamesHowManyClassesAndItsOwnMetrics() {
        ModelCard card = ModelFiles.loadAny(DIR.resolve("wine-logistic.twinmodel")).card();
        assertThat(ModelSummary.of(card, null)).contains("predicts cultivar (one of 3 classes) from 13 features");
        String text = ModelSummary.of(withHoldout(card, Map.of("accuracy", 1.0, "macro_f1", 1.0, "log_loss", 0.05)),
                null);
        assertThat(text).endsWith("holdout accuracy 1.000, macro F1 1.000").doesNotContain("AUC");
    }

    @Test
    void theHoldoutFiguresComeWithTheirIntervals() {
        ModelCard card = ModelFiles.loadAny(DIR.resolve("diabetes-linear.twinmodel")).card();
        ModelCard regression = new ModelCard(card.algorithm(), card.target(), "", card.features(),
                card.trainingDataSha256(), card.trainingRows(), Map.of("mae", 44.9, "rmse", 54.5), card.task(),
                card.classes(), card.baseline(), 89, null, Map.of("mae", new ModelCard.Interval(39.25, 50.8125),
                        "rmse", new ModelCard.Interval(47.5, 61.0)));
        assertThat(ModelSummary.of(regression, null))
                .endsWith("holdout MAE 44.900 (95% 39.250–50.813), RMSE 54.500 (95% 47.500–61.000)");
        // A multiclass card's accuracy: the 95% Wilson interval of 34 right of 36 (scipy's
        // binomtest(34, 36).proportion_ci(method="wilson"): 0.8186–0.9846).
        ModelCard wine = ModelFiles.loadAny(DIR.resolve("wine-logistic.twinmodel")).card();
        ModelCard multiclass = new ModelCard(wine.algorithm(), wine.target(), "", wine.features(),
                wine.trainingDataSha256(), wine.trainingRows(), Map.of("accuracy", 34 / 36.0, "macro_f1", 0.9),
                wine.task(), wine.classes(), wine.baseline(), 36);
        assertThat(ModelSummary.of(multiclass, null)).endsWith("holdout accuracy 0.944 (95% 0.819–0.985), macro F1 0.900");
        assertThat(ModelCardText.describe(regression, null)).contains("Predicts: the amount of target",
                "Holdout metrics (89 rows):", "mae  44.900 (95% 39.250–50.813)");
    }

    @Test
    void aDistilledStudentSaysWhatItWasLearntFromAndHowOftenItAgrees() throws java.io.IOException {
        Frame breast = TableLoader.load(Path.of("src/test/resources/mission/breast.csv")).frame();
        Frame rows = breast.select(java.util.stream.IntStream.range(0, 300).toArray());
        java.util.List<String> features = new java.util.ArrayList<>(rows.columnNames());
        features.remove("diagnosis");
        BinaryClassifier forest = ModelTrainer.train(rows, new TrainingOptions(Algorithm.RANDOM_FOREST, "diagnosis",
                features, "malignant", 3, 20, "breast", 0.0));
        DistilledModel student = Distillation.distil(forest, rows, "tree", 2, -1);
        double[] teacher = forest.scorePositive(rows);
        double[] served = student.scorePositive(rows);
        int same = 0;
        for (int i = 0; i < served.length; i++) {
            same += (teacher[i] >= 0.5) == (served[i] >= 0.5) ? 1 : 0;
        }
        String text = ModelSummary.of(student, null);
        System.out.println(text);
        assertThat(text).isEqualTo(String.format(java.util.Locale.ROOT, "a small decision tree learnt from the "
                + "random-forest model, served in its place%npredicts diagnosis = malignant from 30 features%ndecides "
                + "as the random-forest model on %.1f%% of the 300 rows it learnt from", 100.0 * same / 300));
        assertThat(same).isLessThan(300).isGreaterThan(250);
        assertThat(ModelSummary.of(forest, "forest.twinmodel")).startsWith("random-forest model forest.twinmodel");
    }
}
