package org.twinbench.ui.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.twinbench.sim.StepResult;
import org.twinbench.stats.MetricSet;
import org.twinbench.stats.SliceMetrics;

/**
 * The results' pickers: the slices a ControlsFX {@code CheckComboBox} (several ticked at once, each tick the
 * curve drawn or not, kept as the run's steps arrive).
 */
@ExtendWith(ApplicationExtension.class)
class ResultsPickersTest {

    private static final List<String> CITIES = List.of("Abilene", "Amarillo", "Arlington", "Austin", "Beaumont");

    private LiveChartsViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        model = LiveChartsWindow.show(stage, 10).model();
    }

    /** Five cities, each of a known accuracy, in steps {@code from} to {@code to} (excluded). */
    private static List<StepResult> steps(int from, int to) {
        List<StepResult> out = new ArrayList<>();
        for (int step = from; step < to; step++) {
            List<SliceMetrics> slices = new ArrayList<>();
            for (int c = 0; c < CITIES.size(); c++) {
                slices.add(new SliceMetrics("city", CITIES.get(c), accuracy(0.5 + 0.1 * c, 20)));
            }
            out.add(new StepResult(0, step, accuracy(0.7, 100), slices, Map.of(), List.of()));
        }
        return out;
    }

    private static MetricSet accuracy(double value, int n) {
        return new MetricSet(n, value, 0.5, 0.5, 0.5, 0.7, 0.4, 0.2, 0.05);
    }

    private List<String> drawn(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup("#metricChart").queryAs(MetricPlot.class).curves()
                .stream().map(ChartCurve::name).toList()).get(30, TimeUnit.SECONDS);
    }

    @Test
    void severalSlicesAreUntickedAtOnceAndStayUntickedAsTheRunGoesOn(FxRobot robot) throws Exception {
        robot.interact(() -> model.accept(steps(0, 4)));
        @SuppressWarnings("unchecked")
        CheckComboBox<String> slices = robot.lookup("#slicePicker").queryAs(CheckComboBox.class);
        assertThat(slices.getItems()).containsExactly("overall", "city=Abilene", "city=Amarillo", "city=Arlington",
                "city=Austin", "city=Beaumont");
        assertThat(slices.getCheckModel().getCheckedItems()).hasSize(6);

        // Untick two cities in the picker, as its check boxes do.
        robot.interact(() -> {
            slices.getCheckModel().clearCheck("city=Amarillo");
            slices.getCheckModel().clearCheck("city=Austin");
        });
        assertThat(drawn(robot)).containsExactly("overall", "city=Abilene", "city=Arlington", "city=Beaumont");
        assertThat(model.shownProperty("city=Amarillo").get()).isFalse();

        // More steps of the run: the choice is kept, in the picker and in the chart.
        robot.interact(() -> model.accept(steps(4, 7)));
        assertThat(slices.getItems()).hasSize(6);
        assertThat(slices.getCheckModel().getCheckedItems()).containsExactlyInAnyOrder("overall", "city=Abilene",
                "city=Arlington", "city=Beaumont");
        assertThat(drawn(robot)).containsExactly("overall", "city=Abilene", "city=Arlington", "city=Beaumont");

        // A slice shown again from elsewhere (the view model) is ticked again in the picker.
        robot.interact(() -> model.shownProperty("city=Austin").set(true));
        assertThat(slices.getCheckModel().isChecked("city=Austin")).isTrue();
    }

    /**
     * The picker as a user drives it: a click opens its popup, the arrow keys go down its list and Space unticks the
     * slice. A robot mouse click on the popup's check box does not reach it under Monocle (tried: the box's centre
     * on screen, the popup showing at it; the box stayed ticked), so the keys drive the popup's own list instead of
     * its check model.
     */
    @Test
    void thePickersPopupUnticksASliceFromTheKeyboard(FxRobot robot) throws Exception {
        robot.interact(() -> model.accept(steps(0, 4)));
        @SuppressWarnings("unchecked")
        CheckComboBox<String> slices = robot.lookup("#slicePicker").queryAs(CheckComboBox.class);
        robot.clickOn(slices);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.ListCell<?> cell
                && "city=Amarillo".equals(cell.getText())).tryQuery()).as("the popup's list is open").isPresent();
        // overall, then Abilene, then Amarillo.
        robot.type(javafx.scene.input.KeyCode.DOWN, 2);
        robot.type(javafx.scene.input.KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> List.copyOf(slices.getCheckModel().getCheckedItems())).get())
                .containsExactlyInAnyOrder("overall", "city=Abilene", "city=Arlington", "city=Austin", "city=Beaumont");
        assertThat(drawn(robot)).containsExactly("overall", "city=Abilene", "city=Arlington", "city=Austin",
                "city=Beaumont");
        assertThat(WaitForAsyncUtils.asyncFx(() -> model.shownProperty("city=Amarillo").get()).get()).isFalse();
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
    }
}
