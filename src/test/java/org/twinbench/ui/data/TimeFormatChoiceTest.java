package org.twinbench.ui.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.RadioButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.twinbench.data.DateTimes;
import org.twinbench.data.ValueKind;

/**
 * A table whose slashed dates read month-first and day-first alike: the real data panel says so, never
 * guessing, and reads the column as the user chooses in the time-format dialog.
 */
@ExtendWith(ApplicationExtension.class)
class TimeFormatChoiceTest {

    @TempDir
    static Path home;
    @TempDir
    Path dir;

    private DataPanelFixture window;
    private DataModelPanelViewModel panel;
    private List<Path> toOpen;

    @Start
    void start(Stage stage) {
        window = DataPanelFixture.show(stage, home);
        panel = window.panel;
        toOpen = window.choosers.toOpen;
    }

    @AfterEach
    void close() {
        window.close();
    }

    @Test
    void anAmbiguousDateColumnIsSaidAndReadAsTheUserChooses(FxRobot robot) throws Exception {
        // Clinic visits: every day and month at most 12, so 3/4/2024 could be 4 March or 3 April.
        List<String> lines = new ArrayList<>(List.of("visit_date,clinic,wait_minutes,came_back"));
        for (int i = 0; i < 48; i++) {
            lines.add((3 + i % 10) + "/" + (4 + i % 9) + "/2024," + (i % 2 == 0 ? "Leith" : "Gorgie") + ","
                    + (5 + i * 7 % 40) + "," + (i % 3 == 0 ? "yes" : "no"));
        }
        Path file = dir.resolve("visits.csv");
        Files.write(file, lines);
        toOpen.add(file);
        robot.clickOn("#openDataButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> file.equals(panel.fileProperty().get())
                && !panel.loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(panel.datasetProperty().get().kind("visit_date")).isEqualTo(ValueKind.DATE);
        assertThat(panel.datasetProperty().get().notes()).anyMatch(n -> n.contains("month-first or day-first"));
        Hyperlink link = robot.lookup("#timeFormatLink").queryAs(Hyperlink.class);
        assertThat(link.isVisible()).isTrue();
        assertThat(link.getText()).isEqualTo("Dates in 'visit_date' (e.g. 3/4/2024) can be read month-first or"
                + " day-first: choose…");

        robot.clickOn("#timeFormatLink");
        WaitForAsyncUtils.waitForFxEvents();
        RadioButton dayFirst = robot.lookup("#dayFirst").queryAs(RadioButton.class);
        RadioButton monthFirst = robot.lookup("#monthFirst").queryAs(RadioButton.class);
        assertThat(monthFirst.getText()).isEqualTo("Month first (M/d/yyyy): 3/4/2024 is "
                + LocalDate.of(2024, 3, 4).format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy",
                java.util.Locale.ENGLISH)));
        assertThat(dayFirst.getText()).isEqualTo("Day first (d/M/yyyy): 3/4/2024 is 3 April 2024");
        robot.clickOn("#dayFirst");
        robot.clickOn("OK");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !panel.loadingProperty().get()
                && panel.messageProperty().get().contains("dates in 'visit_date' read d/M/yyyy"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(link.isVisible()).isFalse();
        assertThat(panel.ambiguousDates()).isEmpty();
        assertThat(panel.datasetProperty().get().notes()).noneMatch(n -> n.contains("month-first or day-first"));
        // The chosen reading is the one DateTimes gives under that format: 3/4/2024 is 3 April.
        assertThat(DateTimes.recognise("visit_date", List.of("3/4/2024"), "d/M/yyyy").seconds("3/4/2024"))
                .isEqualTo(LocalDate.of(2024, 4, 3).toEpochDay() * 86_400.0);
    }
}
