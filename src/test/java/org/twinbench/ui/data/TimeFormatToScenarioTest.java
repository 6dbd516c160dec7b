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
        Path file = home.resolve("visits.csv");
        toOpen.add(file);
        robot.clickOn("#openDataButton");
        DataModelPanelViewModel panel = main.dataPanel();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> file.equals(panel.fileProperty().get())
                && !panel.loadingProperty().get() && !panel.ambiguousDates().isEmpty());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#timeFormatLink").query().isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(panel.ambiguousDates()).extracting(DateFormats.Ambiguous::column).containsExactly("visit_date");
        robot.clickOn("#timeFormatLink");
        robot.clickOn("#dayFirst");
        robot.clickOn("OK");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !panel.loadingProperty().get()
                && panel.messageProperty().get().contains("dates in 'visit_date' read d/M/yyyy"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(source().string("time_format")).isEqualTo("d/M/yyyy");
        assertThat(main.document().history().undoDescriptionProperty().get()).contains("Read dates in 'visit_date' as d/M/yyyy");

        robot.interact(() -> main.runs().setSpeed(0));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> !robot.lookup("#runButton").queryAs(Button.class).isDisabled());
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> main.runs().lastRunIdProperty().get() > 0
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
        assertThat(replayed).isEqualTo(dayFirstMonths);
        assertThat(replayed).hasSizeGreaterThan(2);
    }
}
