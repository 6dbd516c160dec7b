package org.twinbench.ui.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Screen;
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

/**
 * The train dialog on a table too wide for the screen's height: a production-line table the test writes, 24 quality
 * checks that each record whether the unit failed, two units aside (so each gives the outcome away and the form lists them all) and
 * 80 sensor readings the model reads (the note under the form names them all). The form is taller than the screen
 * (the headless screen's 800 px): ScreenFit caps the dialog to the screen, the form scrolls, Train and Cancel stay on
 * the screen, and the last field — "Keep among the features anyway", below the leak words — is reached by the keyboard
 * (Tab from the Rows choice scrolls it into view); the wheel scrolls the form; the fields' names stay whole.
 */
@ExtendWith(ApplicationExtension.class)
class TrainFormScrollTest {

    @TempDir
    static Path home;

    private DataPanelFixture window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = DataPanelFixture.show(stage, home);
    }

    @AfterEach
    void close() throws Exception {
        DataPanelFixture.hideDialogs(stage);
        window.close();
    }

    /** 400 units: 80 sensors (amounts), 24 checks that copy the outcome (two units in 400 disagree: ROC AUC 0.99 or more, the leak rule), the outcome last. */
    private static Path productionLine(Path dir) throws Exception {
        List<String> header = new ArrayList<>();
        for (int s = 1; s <= 80; s++) {
            header.add(String.format("sensor_%02d_vibration_rms", s));
        }
        for (int q = 1; q <= 24; q++) {
            header.add(String.format("qc_stage_%02d_outcome", q));
        }
        header.add("failed");
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", header));
        java.util.Random random = new java.util.Random(22);
        for (int row = 0; row < 400; row++) {
            boolean failed = random.nextDouble() < 0.3;
            List<String> cells = new ArrayList<>();
            for (int s = 1; s <= 80; s++) {
                cells.add(String.format(java.util.Locale.ROOT, "%.3f", random.nextGaussian() + (failed ? 0.2 : 0)));
            }
            for (int q = 1; q <= 24; q++) {
                boolean says = (row + q) % 200 == 0 ? !failed : failed;
                cells.add(says ? "reject" : "pass");
            }
            cells.add(failed ? "yes" : "no");
            lines.add(String.join(",", cells));
        }
        return Files.write(dir.resolve("production-line.csv"), lines);
    }

    private static Bounds onScreen(Node node) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> node.localToScreen(node.getBoundsInLocal())).get();
    }

    /** Whether {@code node} lies wholly inside the scroll pane's visible part. */
    private static boolean inView(ScrollPane form, Node node) throws Exception {
        Bounds view = onScreen(form);
        Bounds shown = onScreen(node);
        return shown.getMinY() >= view.getMinY() - 0.5 && shown.getMaxY() <= view.getMaxY() + 0.5;
    }

    @Test
    void aFormTallerThanTheScreenScrollsWithItsButtonsInView(FxRobot robot, @TempDir Path dir) throws Exception {
        window.openData(robot, productionLine(dir));
        Rectangle2D screen = WaitForAsyncUtils.asyncFx(() -> Screen.getPrimary().getVisualBounds()).get();
        Button train = robot.lookup("#trainButton").queryButton();
        Platform.runLater(train::fire);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#trainForm").tryQuery().isPresent());
        // Many columns hold two values, so none is proposed as the outcome: the user picks 'failed'.
        robot.interact(() -> robot.lookup("#trainTarget").queryComboBox().getSelectionModel().select("failed"));
        // Every quality check is left out (the leak check's words), so the box to keep them shows.
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                    robot.lookup("#trainKeepLeaky").query().isVisible()).get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("nothing left out: " + WaitForAsyncUtils.asyncFx(() -> robot.lookup("#trainTarget")
                    .queryComboBox().getValue() + " / " + robot.lookup("#trainTask").queryLabeled().getText() + " / "
                    + robot.lookup("#trainLeaks").queryLabeled().getText()).get(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        String leaks = WaitForAsyncUtils.asyncFx(() -> robot.lookup("#trainLeaks").queryLabeled().getText()).get();
        for (int q = 1; q <= 24; q++) {
            assertThat(leaks).contains(String.format("'qc_stage_%02d_outcome'", q));
        }
        ScrollPane form = robot.lookup("#trainForm").queryAs(ScrollPane.class);
        Window dialog = WaitForAsyncUtils.asyncFx(() -> form.getScene().getWindow()).get();
        // Capped to the screen: the dialog inside it, its form showing less than it holds.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                dialog.getHeight() <= screen.getHeight() + 0.5 && dialog.getY() >= screen.getMinY() - 0.5
                        && dialog.getY() + dialog.getHeight() <= screen.getMaxY() + 0.5).get());
        WaitForAsyncUtils.waitForFxEvents();
        double[] heights = WaitForAsyncUtils.asyncFx(() -> new double[] {form.getViewportBounds().getHeight(),
                form.getContent().getLayoutBounds().getHeight()}).get();
        assertThat(heights[1]).as("the form is taller than the screen").isGreaterThan(screen.getHeight());
        assertThat(heights[0]).as("so it scrolls").isLessThan(heights[1]);
        for (String text : List.of("Train and save", "Cancel")) {
            Button button = robot.lookup(".dialog-pane .button").match((Node n) -> n instanceof Button b
                    && b.getText().startsWith(text)).queryButton();
            Bounds at = onScreen(button);
            assertThat(at.getMinY()).as(text).isGreaterThanOrEqualTo(screen.getMinY());
            assertThat(at.getMaxY()).as(text).isLessThanOrEqualTo(Math.min(screen.getMaxY(),
                    dialog.getY() + dialog.getHeight()));
            assertThat(WaitForAsyncUtils.asyncFx(button::isVisible).get()).isTrue();
        }

        // The names of the fields keep their words beside the scroll bar ("Holdout s…" once, on this table).
        for (String name : List.of("Target", "Task", "Algorithm", "Seed", "Holdout share", "Rows")) {
            javafx.scene.control.Label label = robot.from(form).lookup(".label").match((Node n) ->
                    n instanceof javafx.scene.control.Label l && name.equals(l.getText())).query();
            assertThat(WaitForAsyncUtils.asyncFx(() -> label.getWidth() + 0.5 >= label.prefWidth(-1)).get())
                    .as(name + " shown whole").isTrue();
        }

        // The 24 leaking checks are said in one sentence (it was one per column, 24 of them, pushing the last field
        // below the fold); the last field stays reachable from the keyboard: Tab from Rows.
        assertThat(leaks.split("almost perfectly", -1)).as("one sentence").hasSize(2);
        CheckBox keep = robot.lookup("#trainKeepLeaky").queryAs(CheckBox.class);
        robot.interact(() -> robot.lookup("#trainRows").query().requestFocus());
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(keep::isFocused).get());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> inView(form, keep));
        // For the docs (-Dtwinbench.shots under a 1280 × 720 Xvfb screen): the form, its leaks in one sentence.
        org.twinbench.ui.shots.WindowShots.takeScreen("train-dialog-scrolls-production-line");

        // Back at the top, the wheel over the form moves it on.
        robot.interact(() -> form.setVvalue(form.getVmin()));
        robot.moveTo(form);
        // The robot's wheel 'down' goes up under some platforms (Monocle): then 'up' is the way on.
        robot.scroll(5, VerticalDirection.DOWN);
        if (WaitForAsyncUtils.asyncFx(() -> form.getVvalue() <= form.getVmin()).get()) {
            robot.scroll(5, VerticalDirection.UP);
        }
        assertThat(WaitForAsyncUtils.asyncFx(() -> form.getVvalue()).get()).as("the wheel scrolls the form")
                .isGreaterThan(form.getVmin());
    }
}
