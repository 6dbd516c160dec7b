package org.twinbench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.Frame;
import org.twinbench.data.TableLoader;

/**
 * The sample ONNX models of {@code sample-data} (loans and churn), made by
 * {@code sample-data/scripts/make_onnx_model.py}; the script also wrote its own (scikit-learn)
 * predictions for the first 500 rows of each data set, which Java must reproduce to 1e-5.
 */
class OnnxModelTest {

    static final Path SAMPLE = Path.of("sample-data", "loans-logistic.onnx");
    static final Path CHURN = Path.of("sample-data", "churn-logistic.onnx");

    @TempDir
    Path dir;

    private static Path resource(String name) {
        try {
            return Path.of(OnnxModelTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Frame firstLoans(int rows) {
        return TableLoader.load(Path.of("sample-data", "loans.csv")).frame().slice(0, rows);
    }

    @Test
    void scoresMatchTheScriptsOwnPredictions() {
        assertScoresMatchScript(SAMPLE, "loans.csv", "application_id", "/onnx/loans-logistic-predictions.csv");
    }

    @Test
    void churnModelScoresMatchTheScriptsOwnPredictions() {
        assertScoresMatchScript(CHURN, "churn.csv", "customer_id", "/onnx/churn-logistic-predictions.csv");
    }

    /** The first 500 rows of {@code data}, scored in batches of 1, 256 and 4096, against the script's file. */
    private static void assertScoresMatchScript(Path onnx, String data, String id, String predictions) {
        Frame expected = TableLoader.load(resource(predictions)).frame();
        Frame rows = TableLoader.load(Path.of("sample-data", data)).frame().slice(0, 500);
        assertThat(expected.rowCount()).isEqualTo(500);
        assertThat(rows.categorical(id).get(499)).isEqualTo(expected.categorical(id).get(499));
        for (int batch : new int[] {1, 256, 4096}) {
            try (OnnxModel model = OnnxModel.load(onnx)) {
                double[] scores = model.withBatchSize(batch).scorePositive(rows);
                double[] reference = expected.numeric("probability").values();
                for (int i = 0; i < reference.length; i++) {
                    assertThat(scores[i]).as("row %d, batch %d", i, batch).isCloseTo(reference[i], within(1e-5));
                }
            }
        }
    }

    @Test
    void churnSidecarNamesTargetPositiveLabelAndNumericInputs() {
        try (OnnxModel model = OnnxModel.load(CHURN)) {
            assertThat(model.card().target()).isEqualTo("churned");
            assertThat(model.card().positiveLabel()).isEqualTo("yes");
            assertThat(model.card().features()).containsExactlyInAnyOrder("tenure_months", "monthly_spend",
                    "support_tickets", "last_month_usage_hours");
        }
    }

    @Test
    void sidecarNamesTargetPositiveLabelAndInputs() {
        try (OnnxModel model = OnnxModel.load(SAMPLE)) {
            assertThat(model.card().algorithm()).isEqualTo("onnx");
            assertThat(model.card().target()).isEqualTo("defaulted");
            assertThat(model.card().positiveLabel()).isEqualTo("yes");
            assertThat(model.card().features()).containsExactlyInAnyOrder("income", "debt_to_income", "age",
                    "credit_history_years", "loan_amount", "term_months");
        }
    }

    @Test
    void sidecarCanMapAnInputToAnotherColumn() throws IOException {
        Path copy = dir.resolve("m.onnx");
        Files.copy(SAMPLE, copy);
        Files.writeString(dir.resolve("m.onnx.json"), "{\"inputs\": {\"income\": [\"salary\"]}}");
        Frame loans = firstLoans(20);
        Frame renamed = loans.with(loans.column("income").renamed("salary"));
        try (OnnxModel original = OnnxModel.load(SAMPLE); OnnxModel mapped = OnnxModel.load(copy)) {
            assertThat(mapped.scorePositive(renamed)).containsExactly(original.scorePositive(loans));
        }
    }

    @Test
    void dataWithoutTheModelsInputsIsRefusedNamingEachColumn() {
        Frame loans = firstLoans(10);
        Frame lacking = new Frame(loans.columns().stream()
                .filter(c -> !List.of("income", "age").contains(c.name())).toList());
        try (OnnxModel model = OnnxModel.load(SAMPLE)) {
            assertThatThrownBy(() -> ModelInputs.conform(model, lacking, "new.csv"))
                    .isInstanceOf(ModelException.class)
                    .hasMessageStartingWith("new.csv: does not fit the model")
                    .hasMessageContainingAll("missing column 'income'", "missing column 'age'");
        }
    }

    @Test
    void textWhereTheModelNeedsNumbersIsNamed() {
        Frame loans = firstLoans(10);
        Frame wrong = loans.with(loans.column("employment_type").renamed("age"));
        try (OnnxModel model = OnnxModel.load(SAMPLE)) {
            assertThatThrownBy(() -> ModelInputs.conform(model, wrong, "new.csv"))
                    .hasMessageContainingAll("column 'age' must be numeric", "data row 1");
        }
    }

    @Test
    void fileThatIsNotOnnxIsRefused() {
        Path file = resource("/bad-input/not-onnx.onnx");
        assertThatThrownBy(() -> ModelFiles.load(file)).isInstanceOf(ModelException.class)
                .hasMessageStartingWith(file.toString()).hasMessageContaining("not a usable ONNX model")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
