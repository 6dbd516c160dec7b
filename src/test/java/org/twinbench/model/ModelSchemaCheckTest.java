package org.twinbench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;

/** The schema check the data and model panel shows, and the holdout share the training form sets. */
class ModelSchemaCheckTest {

    @Test
    void everyMissingOrMismatchedColumnIsNamedOnItsOwnLine() {
        Frame data = ModelTrainingTest.planted(1, 400);
        BinaryClassifier model = ModelTrainer.train(data, ModelTrainingTest.options(Algorithm.LOGISTIC, 3));
        assertThat(ModelInputs.problems(model, data)).isEmpty();

        // x arrives as words, z is gone, group arrives as numbers (which a categorical feature accepts as text).
        String[] words = new String[400];
        java.util.Arrays.fill(words, "high");
        Frame other = new Frame(List.of(CategoricalColumn.of("x", words), new NumericColumn("group", new double[400]),
                data.column("label")));
        assertThat(ModelInputs.problems(model, other)).containsExactly(
                "column 'x' must be numeric but holds 'high' (data row 1)", "missing column 'z'");
        assertThatThrownBy(() -> ModelInputs.conform(model, other, "other.csv"))
                .hasMessage("other.csv: does not fit the model: column 'x' must be numeric but holds 'high' (data row 1);"
                        + " missing column 'z'");
    }

    @Test
    void theHoldoutShareDecidesHowManyRowsTrain() {
        Frame data = ModelTrainingTest.planted(2, 1000);
        TrainingOptions defaults = ModelTrainingTest.options(Algorithm.LOGISTIC, 5);
        assertThat(defaults.holdoutShare()).isEqualTo(0.2);
        TrainingOptions third = new TrainingOptions(Algorithm.LOGISTIC, "label", defaults.features(), null, 5, 0,
                "abc", 0.3);
        // 1000 labelled rows: 300 held out, 700 train.
        assertThat(ModelTrainer.train(data, third).card().trainingRows()).isEqualTo(700);
        assertThat(ModelTrainer.train(data, defaults).card().trainingRows()).isEqualTo(800);
        assertThatThrownBy(() -> new TrainingOptions(Algorithm.LOGISTIC, "label", List.of("x"), null, 5, 0, "abc", 0.95))
                .hasMessageContaining("between 0 and 0.9");
    }
}
