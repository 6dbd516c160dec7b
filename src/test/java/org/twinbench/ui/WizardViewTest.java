package org.twinbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.scenario.ScenarioValidator;
import org.twinbench.sim.WhatIfChange;

/** Walks the guided wizard end to end on the bundled churn data, the "build one for me" way. */
@ExtendWith(ApplicationExtension.class)
class WizardViewTest {

    @TempDir
    static Path home;

    private AppExecutor executor;
    private WizardViewModel model;
    private Path openedInEditor;
    private Stage ownerStage;

    @Start
    void start(Stage stage) {
        System.setProperty("twinbench.home", home.toString());
        executor = new AppExecutor();
        ownerStage = stage;
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.Pane(), 200, 100));
        stage.show();
        model = WizardView.open(stage, executor, path -> openedInEditor = path);
    }

    @AfterEach
    void closeExecutor() {
        executor.close();
    }

    private WizardViewModel.Page page() {
        return model.pageProperty().get();
    }

    @Test
    void walksFromDataToVerdictsAndKeepsEntriesOnBack(FxRobot robot) throws Exception {
        robot.clickOn("#nextButton");
        assertThat(page()).isEqualTo(WizardViewModel.Page.DATA);
        assertThat(model.problemProperty().get()).isEqualTo("Choose a spreadsheet first.");

        robot.clickOn("#sampleDataButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.dataProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.dataNotes()).first().asString().startsWith("10,000 rows");
        assertThat(model.dataNotes()).anyMatch(note -> note.contains("rows have no last month usage hours"));
        robot.clickOn("#nextButton");

        assertThat(page()).isEqualTo(WizardViewModel.Page.TARGET);
        assertThat(model.targetProperty().get()).isEqualTo("churned");
        assertThat(model.outcomeToWatchProperty().get()).isEqualTo("yes");
        assertThat(model.targetDescriptionProperty().get()).startsWith("A yes-or-no prediction");
        robot.clickOn("#nextButton");

        assertThat(page()).isEqualTo(WizardViewModel.Page.MODEL);
        robot.clickOn("#nextButton");
        assertThat(model.problemProperty().get()).isEqualTo("Build the model first.");
        robot.clickOn("#buildModelButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.modelReadyProperty().get());
        assertThat(model.modelSummaryProperty().get()).contains("times out of 10");
        robot.clickOn("#nextButton");

        assertThat(page()).isEqualTo(WizardViewModel.Page.CHANGES);
        robot.clickOn("#change-season");
        robot.clickOn("#nextButton");
        assertThat(page()).isEqualTo(WizardViewModel.Page.GROUPS);
        robot.clickOn("#backButton");
        CheckBox season = robot.lookup("#change-season").queryAs(CheckBox.class);
        assertThat(season.isSelected()).as("kept after going back").isTrue();
        robot.clickOn("#nextButton");
        robot.clickOn("#group-region");
        assertThat(model.chosenGroups()).containsExactly("plan", "region");
        robot.clickOn("#nextButton");

        assertThat(page()).isEqualTo(WizardViewModel.Page.RESULTS);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.question().changes()).extracting(WhatIfChange::kind).containsExactly(
                WhatIfChange.Kind.NEW_CUSTOMERS, WhatIfChange.Kind.PRICES_SHIFT, WhatIfChange.Kind.SEASON);
        VBox summaries = robot.lookup("#summaryBox").queryAs(VBox.class);
        assertThat(summaries.getChildren()).hasSize(3);
        assertThat(((Label) summaries.getChildren().get(0)).getText()).startsWith("If new kinds of customers arrive");
        assertThat(model.verdicts()).anyMatch(v -> v.group().equals("everyone"))
                .anyMatch(v -> v.group().startsWith("plan="))
                .allMatch(v -> !v.sentence().contains("feature") && !v.sentence().contains("accuracy"));
        String scenario = ScenarioFormat.toJson(model.resultProperty().get().combined());
        assertThat(ScenarioValidator.problems(ScenarioFormat.parse(scenario, "wizard"))).isEmpty();
        Files.writeString(home.resolve("wizard.twin.json"), scenario);
        robot.interact(() -> robot.listTargetWindows().stream().filter(w -> w != ownerStage).forEach(w -> w.hide()));
    }
}
