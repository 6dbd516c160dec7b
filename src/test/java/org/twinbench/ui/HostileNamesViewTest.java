package org.twinbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.twinbench.sim.StepResult;
import org.twinbench.stats.MetricSet;
import org.twinbench.stats.SliceMetrics;
import org.twinbench.ui.results.ChartCurve;
import org.twinbench.ui.results.LiveChartsView;
import org.twinbench.ui.results.LiveChartsViewModel;
import org.twinbench.ui.results.MetricPlot;

/**
 * Column names and category values carrying markup, quotes and underscores are shown exactly as
 * written in the live results: in the slice table, in the chart legend and in the slice menu. The
 * text actually drawn ({@link Text} nodes) is compared, so that markup being interpreted, or an
 * underscore swallowed as a keyboard mnemonic, would show.
 */
@ExtendWith(ApplicationExtension.class)
class HostileNamesViewTest {

    private static final String COLUMN = "<script>alert(\"col_1\")</script>";
    private static final String VALUE = "</td><img src=x onerror='alert(1)'>&amp;_x";
    private static final String SLICE = COLUMN + "=" + VALUE;

    private LiveChartsViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        FXMLLoader loader = new FXMLLoader(HostileNamesViewTest.class.getResource("/fxml/LiveChartsView.fxml"));
        Parent root = loader.load();
        model = new LiveChartsViewModel(Runnable::run, Runnable::run, 0);
        ((LiveChartsView) loader.getController()).bind(model);
        stage.setScene(new Scene(root, 900, 700));
        stage.show();
    }

    private static List<StepResult> steps() {
        List<StepResult> out = new ArrayList<>();
        for (int step = 0; step < 10; step++) {
            MetricSet metrics = new MetricSet(50, 0.8, 0.5, 0.5, 0.5, 0.7, 0.4, 0.2, 0.05);
            out.add(new StepResult(0, step, metrics, List.of(new SliceMetrics(COLUMN, VALUE, metrics))));
        }
        return out;
    }

    private static Set<String> drawnTexts(Node root) {
        return root.lookupAll(".text").stream().filter(Text.class::isInstance).map(n -> ((Text) n).getText())
                .collect(Collectors.toSet());
    }

    @Test
    void markupQuotesAndUnderscoresAreShownAsWritten(FxRobot robot) throws Exception {
        robot.interact(() -> {
            model.accept(steps());
            model.flush();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Node table = robot.lookup("#sliceTable").query();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.lookupAll(".table-cell").stream()
                .anyMatch(n -> SLICE.equals(((javafx.scene.control.Labeled) n).getText())));
        // The slice table's cell holds the very text; what it draws is that text, cut with an
        // ellipsis where the column is narrow, never markup turned into something else.
        // Read on the FX thread: the table lays its cells out there.
        assertThat(WaitForAsyncUtils.asyncFx(() -> robot.lookup("#sliceTable").query().lookupAll(".table-cell").stream()
                .map(n -> ((javafx.scene.control.Labeled) n).getText()).toList()).get()).contains(SLICE);
        assertThat(WaitForAsyncUtils.asyncFx(() -> robot.lookup("#sliceTable").query().lookupAll(".table-cell .text")
                .stream().map(n -> ((Text) n).getText()).filter(t -> t.startsWith("<script>")).toList()).get())
                .singleElement().satisfies(drawn -> assertThat(SLICE).startsWith(drawn.replace("...", "")));
        // The chart (a canvas: text is drawn with fillText, never parsed) names the curve with it whole.
        assertThat(robot.lookup("#metricChart").queryAs(MetricPlot.class).curves().stream()
                .map(ChartCurve::name)).contains(SLICE);

        // The slice menu: its item is drawn in a popup window once the menu opens.
        org.controlsfx.control.CheckComboBox<?> menu = robot.lookup("#slicePicker").queryAs(org.controlsfx.control.CheckComboBox.class);
        robot.interact(menu::show);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> popupTexts = new ArrayList<>();
        robot.interact(() -> robot.listTargetWindows().stream()
                .filter(w -> w instanceof javafx.stage.PopupWindow && w.isShowing() && w.getScene() != null)
                .forEach(w -> popupTexts.addAll(drawnTexts(w.getScene().getRoot()))));
        robot.interact(menu::hide);
        assertThat(popupTexts).as("text drawn in the slice menu").contains("overall", SLICE);
    }
}
