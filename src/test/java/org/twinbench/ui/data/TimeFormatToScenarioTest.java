package org.twinbench.ui.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.sim.store.RunStore;
import org.twinbench.ui.MainViewModel;
import org.twinbench.ui.MainWindowFixture;

/**
 * The time format chosen in the data panel for an ambiguous date column reaches the scenario: the source
 * that replays the file by that column takes it as its {@code time_format} (one undoable edit), and the
 * window's run replays the months of that reading, whose rows are counted here with java.time.
 */
@ExtendWith(ApplicationExtension.class)
class TimeFormatToScenarioTest {

    @TempDir
    static Path home;

    private MainWindowFixture window;
    private MainViewModel main;
    private List<Path> toOpen;
    /** Rows per month under the day-first reading (March to December 2024), counted with LocalDate. */
    private final Map<String, Integer> dayFirstMonths = new TreeMap<>();

    @Start
    void start(Stage stage) throws Exception {
        // Clinic visits written a/b/2024 with a and b at most 12: 3/4/2024 is 4 March or 3 April.
        List<String> lines = new ArrayList<>(List.of("visit_date,clinic,p_back,came_back"));
        for (int i = 0; i < 240; i++) {
            // Days 1 to 4, months unevenly: month-first would replay March and April only.
            int a = 1 + i % 4;
            int b = 1 + (i * i + i / 7) % 12;
            lines.add(a + "/" + b + "/2024," + (i % 2 == 0 ? "Leith" : "Gorgie") + ",0." + (i * 3 % 10) + ","
                    + (i % 3 == 0 ? "yes" : "no"));
            LocalDate dayFirst = LocalDate.of(2024, b, a);
            if (!dayFirst.isBefore(LocalDate.of(2024, 3, 1))) {
                dayFirstMonths.merge(dayFirst.withDayOfMonth(1).toString(), 1, Integer::sum);
            }
        }
        Files.write(home.resolve("visits.csv"), lines);
        Path scenario = home.resolve("visits.twin.json");
        Files.writeString(scenario, """
                {"format": "twinbench.scenario", "version": 1, "name": "Visits", "seed": 2, "nodes": [
                 {"id": "visits", "type": "source.dataset", "params": {"path": "visits.csv",
                  "time_column": "visit_date", "window": "month", "reference_until": "2024-03-01"}},
                 {"id": "m", "type": "model.logged", "params": {"score_column": "p_back", "target": "came_back",
                  "positive": "yes"}}],
                 "edges": [{"from": "visits", "to": "m"}]}
                """);
        window = MainWindowFixture.show(stage, home, scenario);
        main = window.model();
        toOpen = ScriptedChoosers.install(stage, name -> Optional.empty()).toOpen;
    }

    @AfterEach
    void close() {
        window.close();
    }

    private ScenarioNode source() {
        return main.document().scenario().nodes().stream().filter(n -> n.id().equals("visits")).findFirst()
                .orElseThrow();
    }

    @Test
    void theChosenReadingBecomesTheSourcesTimeFormatAndTheRunReplaysItsMonths(FxRobot robot) throws Exception {
        assertThat(source().string("time_format")).isNull();
        DataModelPanelViewModel panel = chooseDayFirst(robot);
        assertThat(panel.ambiguousDates()).isEmpty();
        assertThat(source().string("time_format")).isEqualTo("d/M/yyyy");
        assertThat(main.document().history().undoDescriptionProperty().get()).contains("Read dates in 'visit_date' as d/M/yyyy");

        assertThat(replayedMonths(robot)).isEqualTo(dayFirstMonths).hasSizeGreaterThan(2);
    }

    /** Chooses day-first for visit_date in the data panel (the file opened there first). */
    private DataModelPanelViewModel chooseDayFirst(FxRobot robot) throws Exception {
        Path file = home.resolve("visits.csv");
        toOpen.add(file);
        robot.clickOn("#openDataButton");
        DataModelPanelViewModel panel = main.dataPanel();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> file.equals(panel.fileProperty().get())
                && !panel.loadingProperty().get() && !panel.ambiguousDates().isEmpty());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#timeFormatLink").query().isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#timeFormatLink");
        robot.clickOn("#dayFirst");
        robot.clickOn("OK");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !panel.loadingProperty().get()
                && panel.messageProperty().get().contains("dates in 'visit_date' read d/M/yyyy"));
        WaitForAsyncUtils.waitForFxEvents();
        return panel;
    }

    @Test
    void aReadingChosenBeforeTheSourceUsesTheColumnReachesItWhenItDoes(FxRobot robot) throws Exception {
        // The source replays by rows at first: no time column, so no source to give the reading to yet.
        robot.interact(() -> main.document().change("Replay by rows", s -> org.twinbench.ui.editor.GraphEdits
                .setParam(org.twinbench.ui.editor.GraphEdits.setParam(org.twinbench.ui.editor.GraphEdits
                        .setParam(s, "visits", "time_column", null), "visits", "window", null), "visits",
                        "reference_until", null)));
        chooseDayFirst(robot);
        assertThat(source().string("time_format")).isNull();

        // Later the inspector sets the time column: the reading chosen then follows, as an edit of its own.
        robot.interact(() -> main.document().change("Set time_column", s -> org.twinbench.ui.editor.GraphEdits
                .setParam(org.twinbench.ui.editor.GraphEdits.setParam(org.twinbench.ui.editor.GraphEdits
                        .setParam(s, "visits", "time_column", "visit_date"), "visits", "window", "month"),
                        "visits", "reference_until", "2024-03-01")));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "d/M/yyyy".equals(source().string("time_format")));
        // The edit's description follows its scenario in the same FX callback: let it finish.
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(main.document().history().undoDescriptionProperty().get())
                .contains("Read dates in 'visit_date' as d/M/yyyy");
        assertThat(replayedMonths(robot)).isEqualTo(dayFirstMonths).hasSizeGreaterThan(2);

        // Undone, it stays undone: the time column did not change again.
        robot.interact(() -> main.document().history().undo());
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(source().string("time_format")).isNull();
        assertThat(source().string("time_column")).isEqualTo("visit_date");
    }

    /** Runs the window's scenario; the rows of each replayed window, by its start, read from the run store. */
    private Map<String, Integer> replayedMonths(FxRobot robot) throws Exception {
        long before = main.runs().lastRunIdProperty().get();
        robot.interact(() -> main.runs().setSpeed(0));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> !robot.lookup("#runButton").queryAs(Button.class).isDisabled());
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> main.runs().lastRunIdProperty().get() > before
                && !main.runs().runningProperty().get());
        Map<Integer, String> starts = new TreeMap<>();
        Map<Integer, Integer> rows = new TreeMap<>();
        try (RunStore store = RunStore.openReadOnly(main.runStore())) {
            store.forEachStepRow(main.runs().lastRunIdProperty().get(), (replicate, step, slice, metric, value) -> {
                if (slice.equals("overall") && metric.equals("window_start")) {
                    starts.put(step, value);
                } else if (slice.equals("overall") && metric.equals("n")) {
                    rows.put(step, (int) Double.parseDouble(value));
                }
            });
        }
        Map<String, Integer> replayed = new TreeMap<>();
        starts.forEach((step, start) -> replayed.put(start, rows.get(step)));
        return replayed;
    }
}
