package org.twinbench.ui.wizard;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.twinbench.ui.fx.AppExecutor;

/**
 * The guided check's window as its TestFX tests open it: the wizard over a plain stage, its file dialogs answered
 * from the test ({@link #toOpen} for "open", the test's folder for "save"), left as the owner would leave it.
 */
abstract class WizardWindowTest {

    @TempDir
    static Path home;

    protected AppExecutor executor;
    protected WizardNavigator model;
    /** What the wizard's next "open" dialog answers. */
    protected volatile Path toOpen;

    /** Opens the wizard on {@code stage}; call from the test's {@code @Start}. */
    protected void open(Stage stage) {
        System.setProperty("twinbench.home", home.toString());
        executor = new AppExecutor();
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.Pane(), 200, 100));
        stage.show();
        model = WizardView.open(stage, executor, path -> { }, new WizardFiles() {
            @Override
            public Optional<Path> open(Window owner, String title, String kind, List<String> patterns) {
                return Optional.ofNullable(toOpen);
            }

            @Override
            public Optional<Path> save(Window owner, String title, String name, String kind, List<String> patterns) {
                return Optional.of(home.resolve(name));
            }
        });
    }

    @AfterEach
    void close(FxRobot robot) {
        // Leave as the owner would: Done on the results, else Cancel, confirming that the entries go.
        if (model.pageProperty().get() == WizardNavigator.Page.RESULTS) {
            robot.clickOn("#doneButton");
        } else {
            robot.clickOn("#cancelButton");
            WaitForAsyncUtils.waitForFxEvents();
            robot.clickOn("Yes");
        }
        executor.close();
    }

    /** A number the sentence matched, thousands separators dropped. */
    protected static double number(Matcher matcher, int group) {
        return Double.parseDouble(matcher.group(group).replace(",", ""));
    }
}
