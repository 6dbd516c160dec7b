package org.twinbench.ui.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Reliability tab's window control, driven like a user: the diagram re-pools at once. */
@ExtendWith(ApplicationExtension.class)
class ReliabilityWindowViewTest {

    private LiveChartsViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        model = LiveChartsWindow.show(stage, 60).model();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }

    @Test
    void choosingTheWholeRunOrTheLast25StepsRepoolsTheDiagram(FxRobot robot) throws Exception {
        robot.interact(() -> model.accept(ReliabilityWindowTest.alternating(60)));
        robot.clickOn("Reliability");
        ReliabilityPlot plot = robot.lookup(".reliability-plot").queryAs(ReliabilityPlot.class);
        @SuppressWarnings("unchecked")
        ComboBox<Integer> box = robot.lookup("#reliabilityWindowBox").queryAs(ComboBox.class);
        assertThat(onFx(() -> box.getItems().stream().map(w -> box.getConverter().toString(w)).toList()))
                .containsExactly("last 10 steps", "last 25 steps", "last 50 steps", "whole run");
        // By default the last 10 steps (50–59): bin 6 holds five positives of ten.
        assertThat(onFx(() -> box.getConverter().toString(box.getValue()))).isEqualTo("last 10 steps");
        assertThat(onFx(() -> plot.diagram().bins().positives(6))).isEqualTo(5);

        robot.clickOn(box);
        robot.clickOn("whole run");
        assertThat(model.reliabilityWindowProperty().get()).isEqualTo(ReliabilityDiagram.WHOLE_RUN);
        ReliabilityDiagram whole = onFx(plot::diagram);
        assertThat(whole.firstStep()).isZero();
        assertThat(whole.lastStep()).isEqualTo(59);
        assertThat(whole.bins().count(2)).isEqualTo(60);
        assertThat(whole.bins().observed(2)).isCloseTo(4 / 60.0, within(1e-12));
        assertThat(whole.bins().observed(6)).isEqualTo(0.5);
        assertThat(onFx(plot::title)).startsWith("Whole run (steps 0–59) · 120 labelled rows");

        robot.clickOn(box);
        robot.clickOn("last 25 steps");
        ReliabilityDiagram last25 = onFx(plot::diagram);
        assertThat(last25.firstStep()).isEqualTo(35);
        assertThat(last25.bins().count(6)).isEqualTo(25);
        assertThat(last25.bins().observed(6)).isCloseTo(0.48, within(1e-12));
        assertThat(last25.bins().observed(2)).isEqualTo(0.0);

        // The view model's window shows in the control too.
        robot.interact(() -> model.reliabilityWindowProperty().set(50));
        assertThat(onFx(() -> box.getConverter().toString(box.getValue()))).isEqualTo("last 50 steps");
        assertThat(onFx(() -> plot.diagram().firstStep())).isEqualTo(10);
    }
}
