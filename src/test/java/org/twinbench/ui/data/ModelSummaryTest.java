package org.twinbench.ui.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinbench.model.ModelCard;
import org.twinbench.model.ModelFiles;

/** The data panel's lines about a model say what each task predicts and its own holdout metrics. */
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
}
