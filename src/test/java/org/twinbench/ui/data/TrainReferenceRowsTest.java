package org.twinbench.ui.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
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
import org.twinbench.data.ColumnRole;
import org.twinbench.data.Dataset;
import org.twinbench.data.TableLoader;
import org.twinbench.data.Task;
import org.twinbench.model.ModelBundle;
import org.twinbench.model.ModelCard;

/**
 * The train dialog trains on a dated table's reference rows only when asked: on ggplot2's Texas housing sales
 * (8,602 rows, month_start written 7/1/2008) the rows before 2007-10-01 — pandas: the month holding the middle row
 * in time starts then, and 4,278 rows are dated before it. The saved card says which rows, and its holdout
 * figures are those of the same model trained on a file holding only those rows (filtered here with java.time).
 */
@ExtendWith(ApplicationExtension.class)
class TrainReferenceRowsTest {

    private static final String CHOSEN = "4,278 rows before 2007-10-01 by month_start (the reference of a replay a "
            + "month, a quarter, a week or a day a step)";

    @TempDir
    static Path home;
    @TempDir
    Path dir;

    private DataPanelFixture window;
    private DataModelPanelViewModel panel;

    @Start
    void start(Stage stage) {
        window = DataPanelFixture.show(stage, home);
        panel = window.panel;
    }

    @AfterEach
    void close() {
        window.close();
    }

    /** The file's header and its rows dated before 2007-10-01. */
    private Path referenceRowsOnly(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        List<String> out = new ArrayList<>(List.of(lines.get(0)));
        DateTimeFormatter monthFirst = DateTimeFormatter.ofPattern("M/d/yyyy");
        for (String line : lines.subList(1, lines.size())) {
            String date = line.substring(line.lastIndexOf(',') + 1).replace("\"", "");
            if (LocalDate.parse(date, monthFirst).isBefore(LocalDate.of(2007, 10, 1))) {
                out.add(line);
            }
        }
        return Files.write(dir.resolve("txhousing-reference.csv"), out);
    }

    @Test
    void texasHousingsReferenceRowsTrainTheModelAndItsCardSaysSo(FxRobot robot) throws Exception {
        Path file = Files.copy(Path.of("src/test/resources/rdata/txhousing.csv"), dir.resolve("txhousing.csv"));
        window.openData(robot, file);
        ScriptedChoosers.answerMonthFirst(robot, panel);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#role-median").tryQuery().isPresent());
        ComboBox<ColumnRole> role = robot.lookup("#role-median").queryComboBox();
        robot.interact(() -> role.setValue(ColumnRole.TARGET));

        robot.clickOn("#trainButton");
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<TrainingRows> rows = robot.lookup("#trainRows").queryComboBox();
        assertThat(WaitForAsyncUtils.asyncFx(() -> rows.getItems().stream().map(TrainingRows::label).toList()).get())
                .containsExactly("All 8,602 rows", "The reference rows only: 4,278 rows before 2007-10-01 by "
                        + "month_start (a month, a quarter, a week or a day a step)", "The reference rows only: 4,278"
                        + " rows before 2007-10-01 by year and month (a month or a quarter a step)");
        robot.interact(() -> rows.setValue(rows.getItems().get(1)));
        ModelCard card = window.trainAndSave(robot, dir.resolve("reference.twinmodel"));

        assertThat(card.rowsChosen()).isEqualTo(CHOSEN);
        assertThat(ModelBundle.readModel(dir.resolve("reference.twinmodel")).card().rowsChosen()).isEqualTo(CHOSEN);
        assertThat(WaitForAsyncUtils.asyncFx(() -> panel.model().cardProperty().get()).get())
                .contains(", of its " + CHOSEN);
        Dataset reference = TableLoader.load(referenceRowsOnly(file));
        assertThat(reference.frame().rowCount()).isEqualTo(4278);
        DataPanelFixture.assertTrainedAsAlone(card, reference, "median", Task.REGRESSION);
    }
}
