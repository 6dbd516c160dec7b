package org.twinbench.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.twinbench.data.Task;

/**
 * The "what might change" page on the Wisconsin breast cancer table (569 tumours, malignant or benign) with a model
 * built from the first half: once searched, the changes stand in the order of how little of each hurts the model, each
 * line saying so, the rows of the page in that order.
 */
@ExtendWith(ApplicationExtension.class)
class WizardChangesRankTest extends WizardWindowTest {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void changesAreRankedByHowLittleHurtsTheModel(FxRobot robot) throws Exception {
        Path data = breastCancer();
        toOpen = data;
        robot.clickOn("#chooseDataButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.data().dataProperty().get() != null);
        robot.clickOn("#nextButton");
        robot.interact(() -> model.target().targetProperty().set("diagnosis"));
        assertThat(model.target().taskProperty().get()).isEqualTo(Task.BINARY);
        robot.clickOn("#nextButton");
        robot.clickOn("#buildModelButton");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.busyProperty().get().isEmpty()
                && model.model().modelReadyProperty().get());
        robot.clickOn("#nextButton");
        assertThat(model.pageProperty().get()).isEqualTo(WizardNavigator.Page.CHANGES);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !model.changes().orderProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        java.util.List<ChangesPageModel.Choice> order = model.changes().orderProperty().get();
        // The searched changes first (prices, season, mistakes, gaming in some order), then new customers and a field
        // that stops, which are not searched.
        assertThat(order.subList(order.size() - 2, order.size())).extracting(ChangesPageModel.Choice::kind)
                .containsExactlyInAnyOrder(org.twinbench.sim.whatif.WhatIfChange.Kind.NEW_CUSTOMERS,
                        org.twinbench.sim.whatif.WhatIfChange.Kind.FIELD_STOPS);
        VBox box = robot.lookup("#changesBox").queryAs(VBox.class);
        for (int i = 0; i < order.size(); i++) {
            VBox row = (VBox) box.getChildren().get(i);
            CheckBox tick = (CheckBox) ((javafx.scene.layout.HBox) row.getChildren().get(0)).getChildren().get(0);
            assertThat(tick.getId()).isEqualTo(order.get(i).id());
        }
        Label first = robot.lookup("#" + order.get(0).id() + "-effect").queryAs(Label.class);
        assertThat(first.getText()).containsPattern("(Hurts the model|Does not hurt the model)");
    }
}
