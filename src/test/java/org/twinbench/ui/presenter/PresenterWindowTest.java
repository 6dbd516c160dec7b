package org.twinbench.ui.presenter;

import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * A presenter TestFX class's frame: the samples' folder, and the owner window presenters open from ({@link
 * PresenterOwner}), made on start ({@link #open}) and left with every presenter hidden and the background work ended.
 */
abstract class PresenterWindowTest {

    @TempDir
    static Path home;

    protected PresenterOwner presenters;

    /** Makes the owner window on {@code stage}; call from the class's own {@code @Start} (TestFX reads only its). */
    protected void open(Stage stage) {
        presenters = new PresenterOwner(stage);
    }

    @AfterEach
    void close(FxRobot robot) {
        presenters.close(robot);
    }
}
