package org.twinbench.ui.presenter;

import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.twinbench.scenario.Story;
import org.twinbench.ui.fx.AppExecutor;

/**
 * The window presenters open from in the presenter tests: a small shown stage with its own background
 * executor (make it from a {@code @Start} method); {@link #close} hides every other window and ends the
 * background work (call from an {@code @AfterEach} method).
 */
final class PresenterOwner {

    final Stage stage;
    final AppExecutor executor = new AppExecutor();

    PresenterOwner(Stage stage) {
        this.stage = stage;
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.Pane(), 200, 100));
        stage.show();
    }

    /** Opens {@code story} in a presenter, as the Demo menu does. */
    PresenterViewModel open(Story story) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> PresenterView.open(stage, executor, story)).get();
    }

    void close(FxRobot robot) {
        robot.interact(() -> robot.listTargetWindows().stream().filter(w -> w != stage).forEach(w -> w.hide()));
        executor.close();
    }
}
