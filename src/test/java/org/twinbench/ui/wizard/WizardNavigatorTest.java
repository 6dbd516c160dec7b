package org.twinbench.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.PlainWords;

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
    void aColumnWithOneAnswerIsNeverPredicted() throws IOException {
        wizard.data().loadData(customers(60, true));
        // A column with one value is never proposed as the outcome; the user picks it anyway.
        assertThat(wizard.target().targetProperty().get()).isNotEqualTo("churned");
        wizard.target().targetProperty().set("churned");
        assertThat(wizard.target().outcomes()).isEmpty();
        assertThat(wizard.target().taskProperty().get()).isNull();
        assertThat(wizard.target().targetDescriptionProperty().get())
                .isEqualTo("“churned” has only one answer, so there is nothing to predict.");
        wizard.model().buildModel();
        assertThat(wizard.problemProperty().get()).isEqualTo("“churned” has only one answer, so there is nothing to predict.");
        assertThat(wizard.model().modelReadyProperty().get()).isFalse();
    }

    @Test
    void aTrainingThatFailsSaysWhyAndLeavesTheWizardReady() throws IOException {
        // Nobody churns in the first half of the file, the past the check learns from.
        StringBuilder csv = new StringBuilder("tenure_months,plan,churned\n");
        for (int i = 0; i < 120; i++) {
            csv.append(i % 37).append(',').append(i % 3 == 0 ? "pro" : "basic").append(',')
                    .append(i >= 60 && i % 4 == 0 ? "yes" : "no").append('\n');
        }
        Path file = dir.resolve("sorted.csv");
        Files.writeString(file, csv);
        wizard.data().loadData(file);
        assertThat(wizard.target().targetProperty().get()).isEqualTo("churned");

        wizard.model().buildModel();

        assertThat(wizard.busyProperty().get()).as("no longer 'Building a model…'").isEmpty();
        assertThat(wizard.problemProperty().get()).isEqualTo("We could not build a model from your data: the first "
                + "half of your rows, which the check treats as the past, never has “yes” as churned, so a model learnt "
                + "from it could never answer that. Your rows may be sorted by churned: shuffle them, or sort them by "
                + "date, and choose the file again");
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
        // 200 rows: the past is the first 100, of which the model learns from 80 and is tested on 20 (15 right:
        // statsmodels proportion_confint(15, 20, method="wilson") = 0.531, 0.888). The outcome is a quarter "yes"
        // whatever the tenure or plan, so the model can do no better than always guessing "no".
        assertThat(wizard.model().modelSummaryProperty().get()).isEqualTo("We built a model from 80 of your rows and "
                + "tested it on rows it had not seen: it was right 75 times out of 100 (between 53% and 89%) — always "
                + "guessing “no” would be right 75 times. It catches 0 of every 100 “yes”. So the model does no better "
                + "than that guess.");
        assertThat(wizard.model().features()).containsExactly("tenure_months", "plan");
        wizard.next();
        assertThat(wizard.pageProperty().get()).isEqualTo(WizardNavigator.Page.CHANGES);
        // Each change names the column it touches and how: prices move by 10% to 50% with the strength,
        // on the most telling number (no money column here: the tenure); new customers go to the first group.
        ChangesPageModel.Choice prices = choice(WhatIfChangeKind.PRICES_SHIFT);
        // A model that always answers "no" cannot be hurt by moving the tenure: the search (up to three times "a lot",
        // ×2.5) says so, with its figure on the replayed rows 100–199 (a quarter "yes": 75 of 100 right, moved or not),
        // and the line keeps saying it as the strength moves.
        assertThat(prices.effect().get()).isEqualTo("Tenure months 30% higher. Does not hurt the model even with "
                + "“tenure months” 150% higher: right 75 times out of 100 on the same rows, as before.");
        prices.strength().set(1.0);
        assertThat(prices.effect().get()).isEqualTo("Tenure months 50% higher. Does not hurt the model even with "
                + "“tenure months” 150% higher: right 75 times out of 100 on the same rows, as before.");
        assertThat(choice(WhatIfChangeKind.NEW_CUSTOMERS).effect().get())
                .isEqualTo("“new customers” appear in plan, up to 30% of rows.");
    }

    private ChangesPageModel.Choice choice(org.twinbench.sim.whatif.WhatIfChange.Kind kind) {
        return wizard.changes().choices().stream().filter(c -> c.kind() == kind).findFirst().orElseThrow();
    }

    /** Short names of the change kinds for the tests. */
    private static final class WhatIfChangeKind {
        static final org.twinbench.sim.whatif.WhatIfChange.Kind PRICES_SHIFT =
                org.twinbench.sim.whatif.WhatIfChange.Kind.PRICES_SHIFT;
        static final org.twinbench.sim.whatif.WhatIfChange.Kind NEW_CUSTOMERS =
                org.twinbench.sim.whatif.WhatIfChange.Kind.NEW_CUSTOMERS;
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

    /**
     * 120 shop visits, shaped unlike the sample: a visit date, a five-level rating, the area as codes
     * ("area_code_415"), a channel with blanks ("null"), and "cancelled" as the yes/no outcome.
     */
    private Path visits() throws IOException {
        StringBuilder csv = new StringBuilder("visit_date,basket_value,rating,area_code,channel,cancelled\n");
        String[] areas = {"area_code_415", "area_code_408", "area_code_510"};
        String[] channels = {"web", "store", "null"};
        for (int i = 0; i < 120; i++) {
            csv.append(String.format(java.util.Locale.ROOT, "2025-%02d-%02d,%d,%d,%s,%s,%s%n", 1 + i % 12, 1 + i % 28,
                    10 + i % 50, 1 + i % 5, areas[i % 3 == 0 ? 0 : i % 2 + 1], channels[i % 3],
                    i % 4 == 0 ? "yes" : "no"));
        }
        Path file = dir.resolve("visits.csv");
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void changingTheOutcomeOffersTheGroupsAgainWithoutIt() throws IOException {
        wizard.data().loadData(visits());
        assertThat(wizard.target().targetProperty().get()).isEqualTo("cancelled");
        assertThat(wizard.groups().groupColumns()).doesNotContain("cancelled").contains("area_code", "channel");
        // The user goes back and predicts the channel instead: it is no longer a group, nor ticked.
        wizard.groups().groupChosenProperty("channel").set(true);
        wizard.target().targetProperty().set("area_code");
        assertThat(wizard.groups().groupColumns()).doesNotContain("area_code").contains("cancelled", "channel");
        wizard.target().targetProperty().set("cancelled");
        assertThat(wizard.groups().chosenGroups()).doesNotContain("cancelled");
        assertThat(wizard.groups().chosenGroups()).as("the old ticks are gone").containsExactly("area_code");
        // Counted by hand: i % 3 == 0 gives 40 rows of 415; of the other 80, odd i give 510, even 408;
        // equal sizes keep the order the values first appear in (510 at i = 1, 408 at i = 2).
        assertThat(wizard.groups().groupSizes("area_code")).isEqualTo("415: 40 rows, 510: 40, 408: 40");
        // "null" is read as an empty cell: counted, and said in words.
        assertThat(wizard.groups().groupSizes("channel")).isEqualTo("web: 40 rows, store: 40, not filled in: 40");
    }

    @Test
    void anOutcomeWithMoreThanTwoAnswersIsPredictedAsKindsNotAsOneAgainstTheRest() throws IOException {
        wizard.data().loadData(visits());
        wizard.next();
        wizard.target().targetProperty().set("rating");
        assertThat(wizard.target().outcomes()).isEmpty();
        assertThat(wizard.target().taskProperty().get()).isEqualTo(org.twinbench.data.Task.MULTICLASS);
        assertThat(wizard.target().targetDescriptionProperty().get())
                .isEqualTo("A prediction of one of 5 kinds: for each row, which “rating” will it be — 1, 2, 3, 4 or 5?")
                .doesNotContain("or not");
        assertThat(wizard.blocker()).isEmpty();
        wizard.next();
        assertThat(wizard.pageProperty().get()).isEqualTo(WizardNavigator.Page.MODEL);
    }

    @Test
    void factorsReadAsWords() {
        assertThat(ChangeWords.scaled(0.5)).isEqualTo("halved");
        assertThat(ChangeWords.scaled(2.0)).isEqualTo("doubled");
        assertThat(ChangeWords.scaled(0.7)).isEqualTo("30% lower");
        assertThat(ChangeWords.scaled(1.15)).isEqualTo("15% higher");
    }

    @Test
    void rawCodesReadAsPeopleSayThem() {
        assertThat(PlainWords.group("area_code=area_code_415")).isEqualTo("area code 415");
        assertThat(PlainWords.group("Home=null")).isEqualTo("Home not filled in");
        assertThat(PlainWords.group("everyone")).isEqualTo("everyone");
        assertThat(PlainWords.value("plan", "pro_plus")).isEqualTo("pro plus");
    }

    @Test
    void theSavedReportNamesTheFileTheModelAndTheDate() {
        var question = new org.twinbench.sim.whatif.WhatIfQuestion(Path.of("/data/shop visits.csv"), "cancelled",
                "yes", java.util.List.of("basket_value"), java.util.List.of(), java.util.List.of(
                        new org.twinbench.sim.whatif.WhatIfChange(
                                org.twinbench.sim.whatif.WhatIfChange.Kind.PRICES_SHIFT, 0.5)),
                1, Path.of("/models/churn.onnx"));
        assertThat(ResultsPageModel.reportTitle(question, java.time.LocalDate.of(2026, 12, 3)))
                .isEqualTo("Will my model hold up? shop visits.csv, the model in churn.onnx, 3 December 2026");
    }
}
