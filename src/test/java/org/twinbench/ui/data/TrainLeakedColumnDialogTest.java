package org.twinbench.ui.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
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
import org.twinbench.data.Dataset;
import org.twinbench.data.TableLoader;
import org.twinbench.data.Task;
import org.twinbench.model.Algorithm;
import org.twinbench.model.ModelCard;
import org.twinbench.model.TaskTrainer;
import org.twinbench.model.TrainingOptions;
import org.twinbench.model.TrainingProgress;

/**
 * The window's train dialog leaves out a column that gives the target away, as {@code train} does, says which and
 * why, and keeps it when asked. Real data: scikit-learn's wine (178 rows, 3 cultivars) with a planted copy of the
 * cultivar as a number — a tree on it alone is right on every row (scikit-learn's DecisionTreeClassifier, depth 3,
 * 5 rows a leaf: 1.0) against 39.9% always answering 'class_1'. Without the copy the holdout figures equal a
 * model of the same algorithm, seed and holdout trained on the file that never had it.
 */
@ExtendWith(ApplicationExtension.class)
class TrainLeakedColumnDialogTest {

    @TempDir
    static Path home;
    @TempDir
    Path dir;

    private DataPanelFixture window;
    private DataModelPanelViewModel panel;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = DataPanelFixture.show(stage, home);
        panel = window.panel;
    }

    @AfterEach
    void close() {
        window.close();
    }

    /** wine.csv with a last column cultivar_code: class_0 -> 0, class_1 -> 1, class_2 -> 2. */
    private Path wineWithACopyOfTheCultivar() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("sample-data/public/wine.csv"));
        List<String> out = new ArrayList<>(List.of(lines.get(0) + ",cultivar_code"));
        for (String line : lines.subList(1, lines.size())) {
            out.add(line + "," + line.substring(line.lastIndexOf(",class_") + ",class_".length()));
        }
        return Files.write(dir.resolve("wine-leaked.csv"), out);
    }

    /** wine.csv with two copies of the cultivar as numbers: cultivar_code (0, 1, 2) and cultivar_score (5, 15, 25). */
    private Path wineWithTwoCopiesOfTheCultivar() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("sample-data/public/wine.csv"));
        List<String> out = new ArrayList<>(List.of(lines.get(0) + ",cultivar_code,cultivar_score"));
        for (String line : lines.subList(1, lines.size())) {
            String code = line.substring(line.lastIndexOf(",class_") + ",class_".length());
            out.add(line + "," + code + "," + (10 * Integer.parseInt(code) + 5));
        }
        return Files.write(dir.resolve("wine-leaked-twice.csv"), out);
    }

    private String leaks(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup("#trainLeaks").queryLabeled().getText()).get();
    }

    /** Opens the dialog on the cultivar and waits for its leak check. */
    private void askForTheCultivar(FxRobot robot) throws Exception {
        robot.clickOn("#trainButton");
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<String> target = robot.lookup("#trainTarget").queryComboBox();
        robot.interact(() -> target.setValue("cultivar"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> leaks(robot).startsWith("Leaves out"));
    }

    /**
     * Two columns that give the cultivar away: the sentence is said once, naming both (it was said once per column);
     * how each does is in the line's tooltip, each column's finding once.
     */
    @Test
    void twoLeakingColumnsAreNamedInOneSentence(FxRobot robot) throws Exception {
        // For the docs (-Dtwinbench.shots under Xvfb): the dialog over a 1280 × 720 window.
        org.twinbench.ui.shots.WindowShots.place(robot, stage, 1280, 720);
        window.openData(robot, wineWithTwoCopiesOfTheCultivar());
        askForTheCultivar(robot);
        org.twinbench.ui.shots.WindowShots.takeAsIs(stage, "train-dialog-two-leaks");
        assertThat(leaks(robot)).isEqualTo("Leaves out 'cultivar_code' and 'cultivar_score': each alone predicts "
                + "'cultivar' almost perfectly, so each is probably recorded after the outcome (point at this line for "
                + "how). The train command leaves them out too.");
        String tip = WaitForAsyncUtils.asyncFx(() -> robot.lookup("#trainLeaks").queryLabeled().getTooltip().getText())
                .get();
        assertThat(tip.lines().toList()).hasSize(2).satisfiesExactly(
                line -> assertThat(line).startsWith("feature 'cultivar_code' alone predicts 'cultivar' almost "
                        + "perfectly (a tree on it alone gives it with 100.0% accuracy"),
                line -> assertThat(line).startsWith("feature 'cultivar_score' alone predicts 'cultivar' almost "
                        + "perfectly ("));
        assertThat(WaitForAsyncUtils.asyncFx(() -> robot.lookup(".dialog-pane .label").queryAll().stream()
                .map(n -> ((javafx.scene.control.Label) n).getText()).filter(t -> t.startsWith("Reads the"))
                .findFirst().orElse("")).get()).startsWith("Reads the 13 columns").doesNotContain("cultivar_");
        robot.interact(() -> robot.lookup("#trainForm").query().getScene().getWindow().hide());
    }

    @Test
    void aCopyOfTheCultivarIsLeftOutSaidWhyAndKeptOnlyWhenTicked(FxRobot robot) throws Exception {
        Path data = wineWithACopyOfTheCultivar();
        window.openData(robot, data);
        askForTheCultivar(robot);
        assertThat(leaks(robot)).isEqualTo("Leaves out 'cultivar_code': feature 'cultivar_code' alone predicts "
                + "'cultivar' almost perfectly (a tree on it alone gives it with 100.0% accuracy, against 39.9% always "
                + "answering 'class_1'); it is probably recorded after the outcome. The train command leaves it out too.");
        CheckBox keep = robot.lookup("#trainKeepLeaky").queryAs(CheckBox.class);
        assertThat(WaitForAsyncUtils.asyncFx(() -> keep.isVisible() && !keep.isSelected()).get()).isTrue();
        assertThat(WaitForAsyncUtils.asyncFx(() -> robot.lookup(".dialog-pane .label").queryAll().stream()
                .map(n -> ((javafx.scene.control.Label) n).getText()).filter(t -> t.startsWith("Reads the"))
                .findFirst().orElse("")).get()).startsWith("Reads the 13 columns").doesNotContain("cultivar_code");

        ModelCard card = window.trainAndSave(robot, dir.resolve("left-out.twinmodel"));
        assertThat(card.features()).hasSize(13).doesNotContain("cultivar_code");
        assertThat(window.modelMessage())
                .isEqualTo("Trained and saved left-out.twinmodel; left out 'cultivar_code': it gives the target away "
                        + "(data quality: leakage)");
        // The same model as one trained on the file that never had the copy.
        Dataset fair = TableLoader.load(Path.of("sample-data/public/wine.csv"));
        ModelCard expected = TaskTrainer.train(fair.frame(), new TrainingOptions(Algorithm.LOGISTIC, "cultivar",
                card.features(), null, 1, 0, fair.provenance().sha256(), ModelPanelViewModel.DEFAULT_HOLDOUT_SHARE),
                Task.MULTICLASS, TrainingProgress.NONE).model().card();
        assertThat(card.holdoutMetrics()).isNotEmpty().isEqualTo(expected.holdoutMetrics());

        // Ticked, the copy is read: the holdout is then perfect, as the leak says.
        askForTheCultivar(robot);
        robot.clickOn("#trainKeepLeaky");
        ModelCard kept = window.trainAndSave(robot, dir.resolve("kept.twinmodel"));
        assertThat(kept.features()).hasSize(14).contains("cultivar_code");
        assertThat(kept.holdoutMetrics()).containsEntry("accuracy", 1.0);
        assertThat(window.modelMessage())
                .isEqualTo("Trained and saved kept.twinmodel");
    }
}
