package org.twinbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.twinbench.ui.runs.WindowRun;

/**
 * The main window's replicates spinner and the window's replicates are one value: set in code (a what-if,
 * a script) the spinner shows it, even after a garbage collection; stepped with the spinner, the runs take it;
 * out of range in code, both end at the spinner's bound.
 */
@ExtendWith(ApplicationExtension.class)
class ReplicateSpinnerTest {

    @TempDir
    static Path home;

    private MainWindowFixture window;
    private MainViewModel main;

    @Start
    void start(Stage stage) {
        window = MainWindowFixture.show(stage, home, TwinBenchApp.sampleScenario());
        main = window.model();
    }

    @AfterEach
    void close() {
        window.close();
    }

    @SuppressWarnings("unchecked")
    private Spinner<Integer> spinner(FxRobot robot) {
        return robot.lookup("#replicateSpinner").queryAs(Spinner.class);
    }

    @Test
    void theSpinnerFollowsTheReplicatesSetInCodeAndTheOtherWayRound(FxRobot robot) {
        Spinner<Integer> spinner = spinner(robot);
        assertThat(spinner.getValue()).isEqualTo(main.runs().replicatesProperty().get());

        robot.interact(() -> main.runs().replicatesProperty().set(4));
        assertThat(spinner.getValue()).isEqualTo(4);
        assertThat(spinner.getEditor().getText()).isEqualTo("4");

        // The binding's ends are held weakly: it must outlive a collection.
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> main.runs().replicatesProperty().set(7));
        assertThat(spinner.getValue()).isEqualTo(7);

        robot.interact(() -> spinner.increment());
        assertThat(main.runs().replicatesProperty().get()).isEqualTo(8);
        robot.interact(() -> spinner.decrement(3));
        assertThat(main.runs().replicatesProperty().get()).isEqualTo(5);

        robot.interact(() -> main.runs().replicatesProperty().set(WindowRun.MAX_REPLICATES + 10));
        assertThat(spinner.getValue()).isEqualTo(WindowRun.MAX_REPLICATES);
        assertThat(main.runs().replicatesProperty().get()).isEqualTo(WindowRun.MAX_REPLICATES);
    }
}
