package org.twinbench.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.twinbench.data.Task;
import org.twinbench.sim.whatif.WhatIfChange;
import org.twinbench.ui.shots.WindowShots;

/**
 * The last page's way out, on 2,400 of modeldata's telco customers (R's {@code wa_churn}): the results page has Done in place of
 * Next and Cancel, Done is the default button, and it closes the wizard without asking anything (the check is finished;
 * nothing is lost), leaving the main window open and a report saved just before it written. Screenshots of the
 * results page: {@link WindowShots}.
 */
@ExtendWith(ApplicationExtension.class)
class WizardDoneTest extends WizardWindowTest {

    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        open(stage);
    }

    @Test
    void theLastPageHasDoneAndItClosesTheWizard(FxRobot robot) throws Exception {
        Path data = WizardButtonsInViewTest.telcoChurn();
        walkToResults(robot, data, "churn", Task.BINARY, WhatIfChange.Kind.ENTRY_MISTAKES, null);

        List<Boolean> shown = WaitForAsyncUtils.asyncFx(() -> {
            Button done = robot.lookup("#doneButton").queryAs(Button.class);
            Bounds inScene = done.localToScene(done.getBoundsInLocal());
            return List.of(done.isVisible(), done.isDefaultButton(),
                    inScene.getMaxY() <= done.getScene().getHeight() && inScene.getMaxX() <= done.getScene().getWidth(),
                    robot.lookup("#nextButton").query().isVisible(), robot.lookup("#cancelButton").query().isVisible());
        }).get(30, TimeUnit.SECONDS);
        assertThat(shown).as("Done shown, the default, inside the window; no Next, no Cancel")
                .containsExactly(true, true, true, false, false);

        WindowShots.take(robot, wizardStage(), "wizard-results-telco-churn");
        robot.clickOn("#saveReportButton");
        Path report = home.resolve("will-my-model-hold-up.html");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> Files.exists(report));
        robot.clickOn("#doneButton");

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !wizardShowing());
        assertThat(confirmation(robot)).as("Done asks nothing").isNull();
        assertThat(WaitForAsyncUtils.asyncFx(owner::isShowing).get(30, TimeUnit.SECONDS))
                .as("the main window stays").isTrue();
        assertThat(Files.readString(report)).contains("wa_churn.csv");
    }
}
