package org.twinbench.ui.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioValidator;
import org.twinbench.ui.MainViewModel;
import org.twinbench.ui.MainWindowFixture;
import org.twinbench.ui.TwinBenchApp;

/**
 * The analyst's way from a table no sample resembles to a twin that can run, in the real window:
 * "New scenario from this data", then the same scenario switched to a table whose columns are named
 * otherwise, the missing columns matched in the remap dialog.
 */
@ExtendWith(ApplicationExtension.class)
class NewScenarioJourneyTest {

    @TempDir
    static Path home;
    @TempDir
    Path dir;

    private MainWindowFixture window;
    private MainViewModel main;
    private DataModelPanelViewModel panel;
    private ScriptedChoosers choosers;

    @Start
    void start(Stage stage) {
        window = MainWindowFixture.show(stage, home, TwinBenchApp.sampleScenario());
        main = window.model();
        panel = main.dataPanel();
        choosers = ScriptedChoosers.install(stage, name -> Optional.empty());
    }

    @AfterEach
    void close() {
        window.close();
    }


    @Test
    void aNewTableBecomesARunnableScenarioAndOtherDataIsMatchedColumnByColumn(FxRobot robot) throws Exception {
        Path file = ScenarioFromDataTest.subscriptions(dir);
        choosers.openData(robot, panel, file);
        robot.clickOn("#newScenarioButton");
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<?> outcome = robot.lookup("#newScenarioOutcome").queryComboBox();
        assertThat(outcome.getValue()).isEqualTo("cancelled");
        List<String> offered = new ArrayList<>();
        List<String> ticked = new ArrayList<>();
        robot.lookup("#newScenarioChanges .check-box").queryAll().forEach(n -> {
            offered.add(((CheckBox) n).getText());
            if (((CheckBox) n).isSelected()) {
                ticked.add(((CheckBox) n).getText());
            }
        });
        assertThat(offered).contains("monthly_fee 20% higher");
        assertThat(ticked).hasSize(2);
        ScriptedChoosers.clickDialogButton(robot, "Create the scenario");

        Scenario made = main.document().scenario();
        assertThat(made.name()).isEqualTo("subscriptions-2025");
        assertThat(ScenarioValidator.problems(made)).isEmpty();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(main.runBlockedReasonProperty().get()).isEmpty();
        assertThat(made.nodes()).filteredOn(n -> n.type().equals(NodeCatalog.LOGISTIC_MODEL)).hasSize(1);

        // The same subscriptions, exported by another system: other names for three columns.
        Path renamed = dir.resolve("subscriptions-export.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(0, "signup_date,tenure_in_days,fee_monthly,tier,support_channel,satisfaction,is_cancelled");
        Files.write(renamed, lines);
        choosers.openData(robot, panel, renamed);
        robot.clickOn("#datasetChip");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> asked = new ArrayList<>();
        robot.lookup("#remapGrid .label").queryAll().forEach(n -> asked.add(((javafx.scene.control.Label) n).getText()));
        assertThat(asked).contains("monthly_fee", "cancelled", "tenure_days");
        assertThat(robot.lookup("#remap-0").queryComboBox().getValue()).isEqualTo("fee_monthly");
        ScriptedChoosers.clickDialogButton(robot, "Use the data");
        WaitForAsyncUtils.waitForFxEvents();
        Scenario switched = main.document().scenario();
        assertThat(switched.nodesOfKind("source.").get(0).params().get("path").toString())
                .endsWith("subscriptions-export.csv");
        assertThat(switched.node("model").orElseThrow().params()).containsEntry("target", "is_cancelled");
        assertThat(switched.node("monthly-fee-higher").orElseThrow().params()).containsEntry("column", "fee_monthly");
        assertThat(main.document().history().undoDescriptionProperty().get())
                .isEqualTo("Use subscriptions-export.csv in subscriptions-2025");
    }

    @Test
    void aTableWithoutAClearOutcomeSaysWhyAndListsTheLikeliestColumnsFirst(FxRobot robot) throws Exception {
        // R's carData Arrests: five yes/no columns, none named as an outcome; then the counts of checks (7 classes),
        // the year (6, a calendar number) and the age (an amount): each can be predicted by a model the run trains.
        choosers.openData(robot, panel, Path.of("src/test/resources/rdata/arrests.csv").toAbsolutePath());
        robot.clickOn("#newScenarioButton");
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<String> outcome = robot.lookup("#newScenarioOutcome").queryComboBox();
        assertThat(outcome.getValue()).isNull();
        assertThat(outcome.getItems()).containsExactly("released", "colour", "sex", "employed", "citizen", "checks",
                "year", "age");
        javafx.scene.control.Label problem = robot.lookup("#newScenarioProblem").queryAs(javafx.scene.control.Label.class);
        assertThat(problem.getText()).startsWith("No column was proposed as the outcome: 'released' and 'colour' are "
                + "about as likely").contains("best first: 'released' (two values), 'colour' (two values)")
                .endsWith("Choose the column the model predicts.");
        assertThat(problem.isVisible()).isTrue();
        // The rows' names show whole beside long choices (they were cut to "Pre…", "Mo…" on Ames at 1280×720).
        for (String name : List.of("Predicts", "Groups", "Model", "Steps")) {
            javafx.scene.control.Label label = robot.lookup(".dialog-pane .label").match(
                    (javafx.scene.Node n) -> n instanceof javafx.scene.control.Label l && name.equals(l.getText()))
                    .queryAs(javafx.scene.control.Label.class);
            assertThat(label.getWidth()).as(name).isGreaterThanOrEqualTo(label.prefWidth(-1) - 0.5);
        }
        // The whole sentence shows: the label is as tall as its wrapped text.
        assertThat(problem.getHeight()).isGreaterThanOrEqualTo(problem.prefHeight(problem.getWidth()) - 0.5);
        javafx.scene.Node create = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class)
                .lookupButton(NewScenarioDialog.CREATE);
        assertThat(create.isDisabled()).isTrue();
        robot.interact(() -> outcome.setValue("age"));
        assertThat(problem.isVisible()).isFalse();
        assertThat(create.isDisabled()).isFalse();
        robot.interact(() -> outcome.setValue("released"));
        assertThat(problem.isVisible()).isFalse();
        assertThat(create.isDisabled()).isFalse();
        ScriptedChoosers.clickDialogButton(robot, "Cancel");
    }
}
