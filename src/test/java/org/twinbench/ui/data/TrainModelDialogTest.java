package org.twinbench.ui.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.twinbench.ui.MainWindowFixture;
import org.twinbench.ui.TwinBenchApp;

/**
 * The training form names the task its target calls for and the linear model as it is for that task, on
 * scikit-learn's public sets: wine's cultivar (3 classes: multinomial logistic regression; its alcohol, an
 * amount: ridge regression) and diabetes' disease progression (an amount; its sex, two values 1 and 2: logistic
 * regression). The algorithm chosen stays chosen when the target changes.
 */
@ExtendWith(ApplicationExtension.class)
class TrainModelDialogTest {

    @TempDir
    static Path home;

    private MainWindowFixture window;
    private DataModelPanelViewModel panel;
    private List<Path> toOpen;

    @Start
    void start(Stage stage) {
        window = MainWindowFixture.show(stage, home, TwinBenchApp.sampleScenario());
        panel = window.model().dataPanel();
        toOpen = ScriptedChoosers.install(stage, name -> Optional.empty()).toOpen;
    }

    @AfterEach
    void close() {
        window.close();
    }

    private void openDialog(FxRobot robot, String file) throws Exception {
        Path data = Path.of("sample-data/public", file).toAbsolutePath();
        toOpen.add(data);
        robot.clickOn("#openDataButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !panel.loadingProperty().get()
                && data.equals(panel.fileProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#trainButton");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String algorithm(FxRobot robot) {
        ComboBox<AlgorithmChoice> algorithm = robot.lookup("#trainAlgorithm").queryComboBox();
        return algorithm.getValue().label();
    }

    private static void target(FxRobot robot, String column) {
        ComboBox<String> target = robot.lookup("#trainTarget").queryComboBox();
        robot.interact(() -> target.setValue(column));
    }

    private static String task(FxRobot robot) {
        return robot.lookup("#trainTask").queryLabeled().getText();
    }

    @Test
    void wineCultivarsAreAMultinomialModelAndItsAlcoholARidgeRegression(FxRobot robot) throws Exception {
        openDialog(robot, "wine.csv");
        target(robot, "cultivar");
        assertThat(task(robot)).isEqualTo("3 classes: a multiclass classification");
        assertThat(algorithm(robot)).isEqualTo("Multinomial logistic regression");
        target(robot, "alcohol");
        assertThat(task(robot)).isEqualTo("an amount: a regression");
        assertThat(algorithm(robot)).isEqualTo("Linear (ridge) regression");
        ComboBox<AlgorithmChoice> algorithm = robot.lookup("#trainAlgorithm").queryComboBox();
        assertThat(algorithm.getItems()).extracting(AlgorithmChoice::label).containsExactly(
                "Linear (ridge) regression", "Random forest (100 trees)", "Gradient boosting (300 trees)");
        robot.interact(() -> algorithm.setValue(algorithm.getItems().get(2)));
        target(robot, "cultivar");
        assertThat(algorithm(robot)).isEqualTo("Gradient boosting (300 trees)");
        ScriptedChoosers.clickDialogButton(robot, "Cancel");
    }

    @Test
    void diabetesProgressionIsARegressionAndItsSexTwoValues(FxRobot robot) throws Exception {
        openDialog(robot, "diabetes.csv");
        target(robot, "target");
        assertThat(task(robot)).isEqualTo("an amount: a regression");
        assertThat(algorithm(robot)).isEqualTo("Linear (ridge) regression");
        assertThat(robot.lookup("#trainAlgorithm").queryComboBox().getTooltip().getText())
                .startsWith("Linear (ridge) regression is fast");
        target(robot, "sex");
        assertThat(task(robot)).isEqualTo("two values ('1', '2'): a yes/no classification");
        assertThat(algorithm(robot)).isEqualTo("Logistic regression");
        ScriptedChoosers.clickDialogButton(robot, "Cancel");
    }
}
