package org.twinbench.sim.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.Frame;
import org.twinbench.data.TableLoader;
import org.twinbench.model.ModelException;

/** The wizard's check of a model the user was given, on the sample churn data and ONNX model. */
class WhatIfModelTest {

    static final Path CHURN_ONNX = Path.of("sample-data", "churn-logistic.onnx");
    static final Frame CHURN = TableLoader.load(Path.of("sample-data", "churn.csv")).frame();

    @TempDir
    Path dir;

    @Test
    void countsRightAnswersOnEveryRowWithAnOutcome() {
        WhatIfModel model = WhatIfModel.check(CHURN_ONNX, CHURN, "churned");
        // numpy on the graph's weights (see sample-data/README.md): 6,939 of 10,000 right at 0.5.
        assertThat(model.rows()).isEqualTo(10_000);
        assertThat(model.accuracy()).isCloseTo(0.6939, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(model.positive()).isEqualTo("yes");
        assertThat(model.retrainable()).isFalse();
        assertThat(model.features()).containsExactly("tenure_months", "monthly_spend", "support_tickets",
                "last_month_usage_hours");
    }

    @Test
    void aModelForAnotherOutcomeIsNamedInWords() {
        assertThatThrownBy(() -> WhatIfModel.check(CHURN_ONNX, CHURN, "plan")).isInstanceOf(ModelException.class)
                .hasMessage("This model predicts “churned”, but you chose to predict “plan”. Go back and pick "
                        + "“churned”, or choose another model.");
    }

    @Test
    void textWhereTheModelNeedsNumbersIsNamed() {
        Frame wrong = CHURN.with(CHURN.column("region").renamed("support_tickets"));
        assertThatThrownBy(() -> WhatIfModel.check(CHURN_ONNX, wrong, "churned"))
                .hasMessage("This model needs numbers in “support tickets”, but your spreadsheet has words there too.");
    }

    @Test
    void aFileThatIsNotAModelIsRefusedWithoutItsPath() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.onnx"), "not a model");
        assertThatThrownBy(() -> WhatIfModel.check(file, CHURN, "churned")).isInstanceOf(ModelException.class)
                .hasMessage("We could not open “notes.onnx” as a model — it may be damaged, or a kind of file we "
                        + "cannot read (we read .onnx and .twinmodel files).")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(dir.toString()));
    }
}
