package org.twinbench.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wizard's page view models and navigator without a toolkit: background work runs at once on
 * the calling thread, so what each page shows after a failure is checked directly.
 */
class WizardNavigatorTest {

    @TempDir
    Path dir;

    private final WizardNavigator wizard = new WizardNavigator(Runnable::run, Runnable::run);

    /** {@code rows} customers; every one of them has churned = "no" when {@code oneOutcome}. */
    private Path customers(int rows, boolean oneOutcome) throws IOException {
        StringBuilder csv = new StringBuilder("tenure_months,plan,churned\n");
        for (int i = 0; i < rows; i++) {
            csv.append(i % 37).append(',').append(i % 3 == 0 ? "pro" : "basic").append(',')
                    .append(oneOutcome || i % 4 != 0 ? "no" : "yes").append('\n');
        }
        Path file = dir.resolve("customers.csv");
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void aTrainingThatFailsSaysWhyAndLeavesTheWizardReady() throws IOException {
        wizard.data().loadData(customers(60, true));
        // A column with one value is never proposed as the outcome; the user picks it anyway.
        assertThat(wizard.target().targetProperty().get()).isNotEqualTo("churned");
        wizard.target().targetProperty().set("churned");
        assertThat(wizard.target().outcomes()).containsExactly("no");

        wizard.model().buildModel();

        // Every row says "no": a model cannot learn when someone churns.
        assertThat(wizard.busyProperty().get()).as("no longer 'Building a model…'").isEmpty();
        assertThat(wizard.problemProperty().get()).startsWith("We could not build a model from your data: ")
                .contains("only one class");
        assertThat(wizard.model().modelReadyProperty().get()).isFalse();
        assertThat(wizard.pageProperty().get()).isEqualTo(WizardNavigator.Page.DATA);
    }

    @Test
    void aModelBuiltOnTwoOutcomesLetsTheUserGoOn() throws IOException {
        wizard.data().loadData(customers(200, false));
        wizard.next();
        assertThat(wizard.pageProperty().get()).isEqualTo(WizardNavigator.Page.TARGET);
        wizard.next();
        assertThat(wizard.blocker()).isEqualTo("Build a model, or choose the one you were given, first.");

        wizard.model().buildModel();

        assertThat(wizard.busyProperty().get()).isEmpty();
        assertThat(wizard.problemProperty().get()).isEmpty();
        assertThat(wizard.model().modelReadyProperty().get()).isTrue();
        assertThat(wizard.model().modelSummaryProperty().get()).startsWith("We built a model from 160 of your rows");
        assertThat(wizard.model().features()).containsExactly("tenure_months", "plan");
        wizard.next();
        assertThat(wizard.pageProperty().get()).isEqualTo(WizardNavigator.Page.CHANGES);
    }

    @Test
    void aSpreadsheetTooShortIsRefusedInWords() throws IOException {
        wizard.data().loadData(customers(10, false));
        assertThat(wizard.busyProperty().get()).isEmpty();
        assertThat(wizard.problemProperty().get())
                .isEqualTo("customers.csv has only 10 rows; we need at least 50 to say anything useful");
        wizard.next();
        assertThat(wizard.pageProperty().get()).isEqualTo(WizardNavigator.Page.DATA);
        assertThat(wizard.problemProperty().get()).isEqualTo("Choose a spreadsheet first.");
    }

    @Test
    void choosingAnotherOutcomeAsksForTheModelAgain() throws IOException {
        wizard.data().loadData(customers(200, false));
        wizard.model().buildModel();
        assertThat(wizard.model().modelReadyProperty().get()).isTrue();
        wizard.target().outcomeToWatchProperty().set("no");
        assertThat(wizard.model().modelReadyProperty().get()).isFalse();
    }
}
