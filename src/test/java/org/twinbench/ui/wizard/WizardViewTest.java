package org.twinbench.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.twinbench.data.BundledSamples;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.scenario.ScenarioValidator;
import org.twinbench.sim.RunControl;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.RunStatus;
import org.twinbench.sim.ScenarioCompiler;
import org.twinbench.sim.SimulationEngine;
import org.twinbench.sim.SimulationPlan;
import org.twinbench.sim.StepResult;
import org.twinbench.sim.whatif.WhatIfChange;
import org.twinbench.ui.fx.AppExecutor;

/**
 * Walks the guided wizard end to end on the bundled churn data, the "build one for me" way and the
 * "use the model I was given" way (the sample churn ONNX model); file dialogs answer from the test.
 */
@ExtendWith(ApplicationExtension.class)
class WizardViewTest {

    @TempDir
    static Path home;

    private AppExecutor executor;
    private WizardNavigator model;
    private Path openedInEditor;
    private Stage ownerStage;
    /** What the wizard's next "open" dialog answers, and where its "save" dialogs save. */
    private volatile Path toOpen;
    private final List<String> openTitles = new ArrayList<>();

    @Start
    void start(Stage stage) {
        System.setProperty("twinbench.home", home.toString());
        executor = new AppExecutor();
        ownerStage = stage;
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.Pane(), 200, 100));
        stage.show();
        model = WizardView.open(stage, executor, path -> openedInEditor = path, new WizardFiles() {
            @Override
            public Optional<Path> open(Window owner, String title, String kind, List<String> patterns) {
                openTitles.add(title + " " + patterns);
                return Optional.ofNullable(toOpen);
            }

            @Override
            public Optional<Path> save(Window owner, String title, String name, String kind, List<String> patterns) {
                return Optional.of(home.resolve(name));
            }
        });
    }

    @AfterEach
    void closeExecutor() {
        executor.close();
    }

    private WizardNavigator.Page page() {
        return model.pageProperty().get();
    }

    @Test
    void anAmountHasNoAnswerToCatch(FxRobot robot) throws Exception {
        // scikit-learn's diabetes: the outcome is an amount, so the yes-or-no question's row is not shown.
        Path diabetes = home.resolve("diabetes.csv");
        java.nio.file.Files.copy(Path.of("sample-data/public/diabetes.csv"), diabetes);
        robot.interact(() -> model.data().loadData(diabetes));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.data().dataProperty().get() != null);
        robot.clickOn("#nextButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(page()).isEqualTo(WizardNavigator.Page.TARGET);
        assertThat(model.target().taskProperty().get()).isEqualTo(org.twinbench.data.Task.REGRESSION);
        assertThat(robot.lookup("#outcomeRow").query().isVisible()).isFalse();
        // Leave as the owner would, confirming that the entries go (the dialog's own Yes: see WizardWindowTest.close).
        robot.clickOn("#cancelButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WizardWindowTest.confirmation(robot) != null);
        robot.clickOn(WizardWindowTest.confirmation(robot).lookupButton(javafx.scene.control.ButtonType.YES));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !WizardWindowTest.wizardShowing());
    }

    @Test
    void walksFromDataToVerdictsAndKeepsEntriesOnBack(FxRobot robot) throws Exception {
        robot.clickOn("#nextButton");
        assertThat(page()).isEqualTo(WizardNavigator.Page.DATA);
        assertThat(model.problemProperty().get()).isEqualTo("Choose a spreadsheet first.");

        robot.clickOn("#sampleDataButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.data().dataProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.data().dataNotes()).first().asString().startsWith("10,000 rows");
        assertThat(model.data().dataNotes()).anyMatch(note -> note.contains("rows have no last month usage hours"));
        robot.clickOn("#nextButton");

        assertThat(page()).isEqualTo(WizardNavigator.Page.TARGET);
        assertThat(model.target().targetProperty().get()).isEqualTo("churned");
        assertThat(model.target().outcomeToWatchProperty().get()).isEqualTo("yes");
        assertThat(robot.lookup("#outcomeRow").query().isVisible()).as("a yes-or-no outcome's answer to catch").isTrue();
        assertThat(model.target().targetDescriptionProperty().get()).isEqualTo("We chose “churned” because its name "
                + "says so, it has two values and it is the last column. A yes-or-no prediction: for each row, will "
                + "“churned” be “yes”? Pick the answer you want to catch below.");
        robot.clickOn("#nextButton");

        assertThat(page()).isEqualTo(WizardNavigator.Page.MODEL);
        robot.clickOn("#nextButton");
        assertThat(model.problemProperty().get()).isEqualTo("Build a model, or choose the one you were given, first.");
        robot.clickOn("#buildModelButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.model().modelReadyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.model().modelSummaryProperty().get()).startsWith("We built a model from 4,000 of your rows")
                .containsPattern("times out of 100 \\(between \\d+% and \\d+%\\) — always guessing “no” would be right")
                .contains("It catches");
        robot.clickOn("#nextButton");

        assertThat(page()).isEqualTo(WizardNavigator.Page.CHANGES);
        // The page reorders its rows once the changes are ranked (in the background): tick after that, or the
        // click can land on the row that moved under the pointer.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> !model.changes().orderProperty().get().isEmpty()).get());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#change-season");
        robot.clickOn("#nextButton");
        assertThat(page()).isEqualTo(WizardNavigator.Page.GROUPS);
        robot.clickOn("#backButton");
        CheckBox season = robot.lookup("#change-season").queryAs(CheckBox.class);
        assertThat(season.isSelected()).as("kept after going back").isTrue();
        robot.clickOn("#nextButton");
        // The groups the model serves worst come ticked; the owner picks plan and region instead.
        assertThat(model.groups().foundNoteProperty().get()).isNotEmpty();
        robot.interact(() -> model.groups().groupColumns().forEach(c -> model.groups().groupChosenProperty(c).set(false)));
        robot.clickOn("#group-plan");
        robot.clickOn("#group-region");
        assertThat(model.groups().chosenGroups()).containsExactly("plan", "region");
        robot.clickOn("#nextButton");

        assertThat(page()).isEqualTo(WizardNavigator.Page.RESULTS);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.results().resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.question().changes()).extracting(WhatIfChange::kind).containsExactly(
                WhatIfChange.Kind.NEW_CUSTOMERS, WhatIfChange.Kind.PRICES_SHIFT, WhatIfChange.Kind.SEASON);
        VBox summaries = robot.lookup("#summaryBox").queryAs(VBox.class);
        assertThat(summaries.getChildren()).hasSize(3);
        assertThat(((Label) summaries.getChildren().get(0)).getText()).startsWith("If new kinds of customers arrive");
        assertThat(model.results().verdicts()).anyMatch(v -> v.group().equals("everyone"))
                .anyMatch(v -> v.group().startsWith("plan="))
                .allMatch(v -> !v.sentence().contains("feature") && !v.sentence().contains("accuracy"));
        String scenario = ScenarioFormat.toJson(model.results().resultProperty().get().combined());
        assertThat(ScenarioValidator.problems(ScenarioFormat.parse(scenario, "wizard"))).isEmpty();
        Files.writeString(home.resolve("wizard.twin.json"), scenario);
        robot.interact(() -> robot.listTargetWindows().stream().filter(w -> w != ownerStage).forEach(w -> w.hide()));
    }

    @Test
    void walksWithTheOnnxModelIWasGivenAndSavesAScenarioThatRunsIt(FxRobot robot) throws Exception {
        Path samples = BundledSamples.extractTo(home.resolve("samples"));
        toOpen = samples.resolve("churn.csv");
        robot.clickOn("#chooseDataButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.data().dataProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#nextButton");
        robot.clickOn("#nextButton");
        assertThat(page()).isEqualTo(WizardNavigator.Page.MODEL);

        // A model for other data: said in words, and the user stays on the page.
        toOpen = samples.resolve("loans-logistic.onnx");
        robot.clickOn("#useModelButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !model.problemProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.problemProperty().get())
                .isEqualTo("This model predicts “defaulted”, a column your spreadsheet does not have.");
        // A model that reads a column the data lacks (its file maps an input to "monthly_fee").
        Path renamed = home.resolve("renamed.onnx");
        Files.copy(samples.resolve("churn-logistic.onnx"), renamed);
        Files.writeString(home.resolve("renamed.onnx.json"), "{\"target\": \"churned\", \"positive_label\": \"yes\","
                + " \"output\": \"probability\", \"inputs\": {\"monthly_spend\": [\"monthly_fee\"],"
                + " \"support_tickets\": [\"tickets\"]}}");
        toOpen = renamed;
        robot.clickOn("#useModelButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.problemProperty().get().contains("needs"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.problemProperty().get()).isEqualTo(
                "This model needs columns your spreadsheet does not have: “monthly fee”, “tickets”.");
        robot.clickOn("#nextButton");
        assertThat(page()).isEqualTo(WizardNavigator.Page.MODEL);

        Path onnx = samples.resolve("churn-logistic.onnx");
        toOpen = onnx;
        robot.clickOn("#useModelButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.model().modelReadyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(openTitles).last().asString().contains("*.onnx", "*.twinmodel");
        assertThat(model.problemProperty().get()).isEmpty();
        // 6,939 of the 10,000 customers are called right at a chance of 0.5 (numpy on the graph's weights).
        assertThat(model.model().modelSummaryProperty().get()).startsWith("We tried the model you were given on your "
                + "10,000 rows: it predicts whether “churned” is “yes”, and it was right about 7 times out of 10 (69%).");
        assertThat(model.model().features()).containsExactly("tenure_months", "monthly_spend", "support_tickets",
                "last_month_usage_hours");
        robot.clickOn("#nextButton");
        robot.clickOn("#nextButton");
        assertThat(page()).isEqualTo(WizardNavigator.Page.GROUPS);
        robot.clickOn("#nextButton");

        assertThat(page()).isEqualTo(WizardNavigator.Page.RESULTS);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.results().resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        VBox summaries = robot.lookup("#summaryBox").queryAs(VBox.class);
        assertThat(summaries.getChildren()).hasSize(2);
        assertThat(((Label) summaries.getChildren().get(1)).getText()).startsWith("If prices or incomes shift");
        assertThat(model.results().verdicts()).anyMatch(v -> v.group().equals("everyone"))
                .allMatch(v -> !v.sentence().contains("feature") && !v.sentence().contains("accuracy"));

        robot.clickOn("#openEditorButton");
        // The scenario is written on the executor; the editor opens once it is saved.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> openedInEditor != null);
        WaitForAsyncUtils.waitForFxEvents();
        Path saved = home.resolve("my-model.twin.json");
        assertThat(openedInEditor).isEqualTo(saved);
        Scenario scenario = ScenarioFormat.read(saved);
        assertThat(ScenarioValidator.problems(scenario)).isEmpty();
        ScenarioNode yourModel = scenario.node("your-model").orElseThrow();
        assertThat(yourModel.type()).isEqualTo(NodeCatalog.ONNX_MODEL);
        assertThat(Path.of(yourModel.string("path", ""))).isEqualTo(onnx.toAbsolutePath());
        List<Double> accuracy = new ArrayList<>();
        SimulationPlan plan = ScenarioCompiler.compile(scenario, saved.getParent(), new RunListener() { });
        RunStatus status = SimulationEngine.run(plan.withSteps(3), 0, new RunListener() {
            @Override
            public void onStep(StepResult result, int totalSteps) {
                accuracy.add(result.overall().accuracy());
            }
        }, new RunControl());
        assertThat(status).isEqualTo(RunStatus.COMPLETED);
        assertThat(accuracy).hasSize(3).allMatch(a -> a > 0.6 && a < 0.8);
    }
}
