package org.twinbench.ui.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
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
 * The train dialog opens inside the visible bounds of its owner's screen wherever the owner stands, is never taller
 * than the screen (its form scrolls instead, the buttons stay in view), and shows no empty gap when nothing leaks.
 * Once under openbox at 1280x720 its second opening had its title bar above the screen.
 */
@ExtendWith(ApplicationExtension.class)
class TrainDialogOnScreenTest {

    @TempDir
    static Path home;

    private DataPanelFixture window;
    private Stage stage;

    private double[] where;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        where = new double[] {stage.getX(), stage.getY()};
        window = DataPanelFixture.show(stage, home);
    }

    @AfterEach
    void close() throws Exception {
        DataPanelFixture.hideDialogs(stage);
        // TestFX shows every test class on the same stage: put it back where the robot's clicks reach it.
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setX(where[0]);
            stage.setY(where[1]);
        }).get();
        window.close();
    }

    @Test
    void aWindowIsShrunkToTheScreenAndMovedInsideIt() {
        // Worked by hand on a 1280x720 screen: a 520x900 dialog at (380, -90) is cut to 720 high and moved down
        // to y 0; one at (1000, 300) of 520x200 is moved left to x 1280 - 520 = 760 and stays at y 300.
        Rectangle2D screen = new Rectangle2D(0, 0, 1280, 720);
        assertThat(ScreenFit.inside(screen, 380, -90, 520, 900)).isEqualTo(new Rectangle2D(380, 0, 520, 720));
        assertThat(ScreenFit.inside(screen, 1000, 300, 520, 200)).isEqualTo(new Rectangle2D(760, 300, 520, 200));
        // A second screen to the right, its task bar on top: the visible bounds start at y 30.
        Rectangle2D right = new Rectangle2D(1280, 30, 1920, 1050);
        assertThat(ScreenFit.inside(right, 1200, 0, 600, 400)).isEqualTo(new Rectangle2D(1280, 30, 600, 400));
    }

    /** The train dialog's window once shown (opened without waiting: showAndWait holds the FX thread's caller). */
    private Window openTrainDialog(FxRobot robot) throws Exception {
        Button train = robot.lookup("#trainButton").queryButton();
        Platform.runLater(train::fire);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#trainForm").tryQuery().isPresent());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                robot.lookup("#trainForm").query().getScene().getWindow().isShowing()).get());
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup("#trainForm").query().getScene().getWindow()).get();
    }

    private static boolean inside(Rectangle2D screen, double x, double y, double width, double height) {
        return x >= screen.getMinX() && y >= screen.getMinY() && x + width <= screen.getMaxX() + 0.5
                && y + height <= screen.getMaxY() + 0.5;
    }

    @Test
    void theDialogOpensInsideTheScreenWhereverItsOwnerStandsAndScrollsWhenCapped(FxRobot robot) throws Exception {
        window.openData(robot, Path.of("sample-data/public/wine.csv"));
        Rectangle2D screen = WaitForAsyncUtils.asyncFx(() -> Screen.getPrimary().getVisualBounds()).get();
        // The main window mostly above and left of the screen: centred on it, the dialog would open above it too.
        robot.interact(() -> {
            stage.setX(screen.getMinX() - 400);
            stage.setY(screen.getMinY() - 500);
        });
        Window dialog = openTrainDialog(robot);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                inside(screen, dialog.getX(), dialog.getY(), dialog.getWidth(), dialog.getHeight())).get());
        // Made taller than the screen (as long leak words on a small screen would), it is capped to the screen's
        // height, and its form scrolls with the Train button still on the screen.
        robot.interact(() -> dialog.setHeight(screen.getHeight() + 300));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                dialog.getHeight() <= screen.getHeight() && inside(screen, dialog.getX(), dialog.getY(),
                        dialog.getWidth(), dialog.getHeight())).get());
        WaitForAsyncUtils.waitForFxEvents();
        Button trainButton = robot.lookup(".dialog-pane .button").match((Node n) -> n instanceof Button b
                && b.getText().startsWith("Train and save")).queryButton();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> {
            Bounds button = trainButton.localToScreen(trainButton.getBoundsInLocal());
            return button != null && inside(screen, button.getMinX(), button.getMinY(), button.getWidth(),
                    button.getHeight()) && button.getMaxY() <= dialog.getY() + dialog.getHeight();
        }).get());
        // The form never asks for more height than the screen leaves it, so a window manager keeping a dialog at
        // its minimum size cannot push the buttons off: its minimum is the form's height, or the room left.
        ScrollPane form = robot.lookup("#trainForm").queryAs(ScrollPane.class);
        double[] heights = WaitForAsyncUtils.asyncFx(() -> new double[] {form.minHeight(-1), form.prefHeight(-1),
                form.getContent().prefHeight(-1)}).get();
        assertThat(heights[0]).isLessThanOrEqualTo(heights[1]).isLessThan(screen.getHeight());
        assertThat(heights[1]).isGreaterThanOrEqualTo(heights[2]);
    }

    @Test
    void nothingLeakingLeavesNoGapUnderTheForm(FxRobot robot) throws Exception {
        window.openData(robot, Path.of("sample-data/public/wine.csv"));
        Window dialog = openTrainDialog(robot);
        // Wine's cultivar: no column gives it away, so the leak words go once checked and only the note stays.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                robot.lookup("#trainLeaks").queryLabeled().getText().isEmpty()).get());
        WaitForAsyncUtils.waitForFxEvents();
        double[] gap = WaitForAsyncUtils.asyncFx(() -> {
            Node rows = robot.lookup("#trainRows").query();
            Node note = robot.lookup(".dialog-pane .label").match((Node n) -> n instanceof javafx.scene.control.Label l
                    && l.getText().startsWith("Reads the")).query();
            Bounds above = rows.localToScene(rows.getBoundsInLocal());
            Bounds below = note.localToScene(note.getBoundsInLocal());
            return new double[] {below.getMinY() - above.getMaxY()};
        }).get();
        // The form's vertical gap is 8 px: the note follows the Rows choice after one gap (7 to 8 px as the combo
        // box's edge is drawn), not after three for the hidden leak words and box (24 px or more, as it was).
        assertThat(gap[0]).isBetween(6.0, 9.0);
        assertThat(dialog.isShowing()).isTrue();
    }
}
