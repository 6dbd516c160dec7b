package org.twinbench.ui.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.sim.store.RunStore;
import org.twinbench.scenario.Scenario;
import org.twinbench.ui.MainViewModel;
import org.twinbench.ui.MainWindowFixture;

/**
 * "What-if from here" in the run history: a recorded mirror of a prediction log is picked at a step and
 * continued, in the main window, with every label reversed from there — by the scenario open in the window
 * as it is now (the label noise added but not saved), with the window's replicates, and stopped by the
 * window's Stop; the branch is recorded and overlaid on the run it starts from.
 */
@ExtendWith(ApplicationExtension.class)
class RunHistoryWhatIfTest {

    @TempDir
    static Path home;

    private MainWindowFixture window;
    private MainViewModel main;
    private RunHistoryViewModel model;
    private Stage owner;
    /** Accuracy per month (Feb to Jun 2025) of the generated log, counted here. */
    private static double[] expected;

    private static final String NODES = """
            {"format": "twinbench.scenario", "version": 1, "name": "%s", "seed": 3, "nodes": [
             {"id": "log", "type": "source.dataset", "params": {"path": "log.csv", "time_column": "day",
              "window": "month", "reference_until": "2025-02-01"}},%s
             {"id": "m", "type": "model.logged", "params": {"score_column": "%s", "target": "outcome",
              "positive": "yes"}}],
             "edges": [%s{"from": "%s", "to": "m"}]}
            """;

    /** The log, the mirror scenario and a store holding its recorded run, made once (off the FX thread). */
    @BeforeAll
    static void recordTheMirror() throws Exception {
        // Three rows a day, January to June 2025, written newest first: the replay sorts them by day.
        List<String> lines = new ArrayList<>();
        int[] right = new int[5];
        int[] count = new int[5];
        for (LocalDate day = LocalDate.of(2025, 6, 30); !day.isBefore(LocalDate.of(2025, 1, 1)); day = day.minusDays(1)) {
            for (int k = 0; k < 3; k++) {
                int code = (day.getDayOfYear() * 7 + k * 3) % 10;
                double p = code / 10.0 + 0.05;
                boolean yes = (day.getDayOfMonth() + k) % 3 != 0 ? p > 0.5 : p < 0.5;
                lines.add(day + "," + String.format(Locale.ROOT, "%.2f", p) + "," + (yes ? "yes" : "no") + ",0.5");
                if (day.getMonthValue() > 1) {
                    count[day.getMonthValue() - 2]++;
                    right[day.getMonthValue() - 2] += (p > 0.5) == yes ? 1 : 0;
                }
            }
        }
        lines.add(0, "day,p,outcome,flat");
        Files.write(home.resolve("log.csv"), lines);
        expected = new double[5];
        for (int m = 0; m < 5; m++) {
            expected[m] = (double) right[m] / count[m];
        }
        Path mirror = home.resolve("mirror.twin.json");
        Files.writeString(mirror, NODES.formatted("Mirror", "", "p", "", "log"));
        RecordedRuns.record(home.resolve("recorded.sqlite"), ScenarioFormat.read(mirror), mirror, home);
    }

    @Start
    void start(Stage stage) throws Exception {
        owner = stage;
        // Every test starts from the store with the mirror's run alone (#1).
        Files.copy(home.resolve("recorded.sqlite"), home.resolve("runs.sqlite"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        window = MainWindowFixture.show(stage, home, home.resolve("mirror.twin.json"));
        main = window.model();
        model = RunHistoryView.open(stage, main.executor(), main.runStore(), null, List.of(), main.whatIfs());
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> robot.listTargetWindows().stream().filter(w -> w != owner).forEach(w -> w.hide()));
        window.close();
    }

    /** The window's scenario becomes {@code json} as an edit, not saved: the file on disk stays the mirror. */
    private void edit(FxRobot robot, String json) {
        Scenario edited = ScenarioFormat.parse(json, "the test's edit");
        robot.interact(() -> main.document().change("Edit for the what-if", s -> edited));
    }

    private void reverseLabels(FxRobot robot) {
        edit(robot, NODES.formatted("Reversed labels", """

                 {"id": "annotators", "type": "perturbation.label-noise", "params": {"rate": 1.0}},""", "p",
                "{\"from\": \"log\", \"to\": \"annotators\"}, ", "annotators"));
    }

    private static double[] curve(XYChart.Series<Number, Number> series) {
        return series.getData().stream().mapToDouble(d -> d.getYValue().doubleValue()).toArray();
    }

    private void pickTheRunAndStep(FxRobot robot, String step) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.runs().size() >= 1);
        @SuppressWarnings("unchecked")
        TableView<RunStore.StoredRun> table = robot.lookup("#runTable").queryAs(TableView.class);
        robot.interact(() -> table.getSelectionModel().clearAndSelect(0));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.branchSteps().size() == 5);
        assertThat(robot.lookup("#whatIfButton").queryAs(Button.class).isDisabled()).isTrue();
        robot.clickOn("#branchStepBox");
        robot.clickOn(step);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#whatIfButton").queryAs(Button.class).isDisabled()).isFalse();
    }

    /** The runs listed and the curves drawn, as the FX thread had them at one moment. */
    private record Shown(List<RunStore.StoredRun> runs, List<XYChart.Series<Number, Number>> series) {
    }

    /**
     * Waits until the history lists two runs and draws two curves, and copies both lists on the FX thread in one go:
     * the history redraws (list cleared, then refilled) as the finished branch is listed and selected, so reading
     * the lists from the test's thread could catch one half-refilled.
     */
    private Shown twoRunsShown() throws Exception {
        java.util.concurrent.atomic.AtomicReference<Shown> seen = new java.util.concurrent.atomic.AtomicReference<>();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> {
            if (model.runs().size() == 2 && model.series().size() == 2) {
                seen.set(new Shown(List.copyOf(model.runs()), List.copyOf(model.series())));
                return true;
            }
            return false;
        }).get());
        return seen.get();
    }

    /** The history's status line (the main window has a label of the same id). */
    private String message(FxRobot robot) {
        return robot.lookup("#messageLabel").match(n -> n.getScene().getWindow() != owner).queryAs(Label.class)
                .getText();
    }

    @Test
    void aWhatIfRunsTheWindowsUnsavedScenarioFromThePickedStepWithItsReplicates(FxRobot robot) throws Exception {
        reverseLabels(robot);
        robot.interact(() -> {
            main.runs().setSpeed(0);
            main.runs().replicatesProperty().set(3);
        });
        pickTheRunAndStep(robot, "step 2 · 2025-04-01");
        // The mirror, as recorded, is the log's accuracy per month counted here.
        double[] base = WaitForAsyncUtils.asyncFx(() -> curve(model.series().get(0))).get();
        assertThat(base).hasSize(5);
        for (int m = 0; m < 5; m++) {
            assertThat(base[m]).as("month " + (m + 2)).isCloseTo(expected[m], within(1e-12));
        }

        robot.clickOn("#whatIfButton");
        Shown shown = twoRunsShown();
        assertThat(message(robot)).isEqualTo("What-if from step 2 · 2025-04-01 of run #1 recorded as run #2; shown over"
                + " the run it starts from");
        double[] branch = curve(shown.series().get(1));
        assertThat(shown.series().get(1).getName()).isEqualTo("#2 Reversed labels (mean of 3 replicates)");
        for (int m = 0; m < 5; m++) {
            double want = m < 2 ? expected[m] : 1 - expected[m];
            assertThat(branch[m]).as("branch, month " + (m + 2)).isCloseTo(want, within(1e-12));
        }
        assertThat(shown.runs().get(1).headline()).startsWith("What-if from step 2 (window 2025-04-01) of run 1. ");
        // The scenario file on disk is still the mirror: the branch ran the window's edit.
        assertThat(Files.readString(home.resolve("mirror.twin.json"))).doesNotContain("label-noise");
        java.util.Set<Integer> replicates = new java.util.TreeSet<>();
        try (RunStore store = RunStore.openReadOnly(main.runStore())) {
            store.forEachStepRow(2, (replicate, step, slice, metric, value) -> replicates.add(replicate));
        }
        assertThat(replicates).containsExactly(0, 1, 2);
    }

    @Test
    void aWhatIfRunsANewScenarioNeverSaved(FxRobot robot) throws Exception {
        // File ▸ New, then the mirror's nodes with the label noise put in by hand: no file at all.
        Scenario fresh = ScenarioFormat.parse(NODES.formatted("Never saved", """

                 {"id": "annotators", "type": "perturbation.label-noise", "params": {"rate": 1.0}},""", "p",
                "{\"from\": \"log\", \"to\": \"annotators\"}, ", "annotators"), "the test's scenario");
        robot.interact(() -> {
            main.document().reset(fresh, null);
            main.runs().setSpeed(0);
        });
        assertThat(main.document().fileProperty().get()).isNull();
        pickTheRunAndStep(robot, "step 2 · 2025-04-01");
        robot.clickOn("#whatIfButton");
        Shown shown = twoRunsShown();
        assertThat(message(robot)).isEqualTo("What-if from step 2 · 2025-04-01 of run #1 recorded as run #2; shown over"
                + " the run it starts from");
        double[] branch = curve(shown.series().get(1));
        for (int m = 0; m < 5; m++) {
            double want = m < 2 ? expected[m] : 1 - expected[m];
            assertThat(branch[m]).as("branch, month " + (m + 2)).isCloseTo(want, within(1e-12));
        }
        RunStore.StoredRun recorded = shown.runs().get(1);
        assertThat(recorded.scenarioName()).isEqualTo("Never saved");
        assertThat(recorded.scenarioFile()).isEqualTo(org.twinbench.sim.store.RunProvenance.UNSAVED);
        try (RunStore store = RunStore.openReadOnly(main.runStore())) {
            String json = store.text(2, "scenario_json").orElseThrow();
            assertThat(ScenarioFormat.parse(json, "run 2").node("annotators")).isPresent();
            assertThat(store.text(2, "run_json").orElseThrow()).contains(org.twinbench.data.Sha256.of(json));
        }
    }

    @Test
    void aScenarioThatIsNotTheRecordedSystemIsRefusedInTheStatusLine(FxRobot robot) throws Exception {
        edit(robot, NODES.formatted("Other", "", "flat", "", "log"));
        pickTheRunAndStep(robot, "step 3 · 2025-05-01");
        robot.clickOn("#whatIfButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !model.branchingProperty().get()
                && message(robot).startsWith("Cannot"));
        assertThat(message(robot)).isEqualTo(
                "Cannot branch a what-if from run #1: node 'm' has score_column = flat, but p in run 1");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.runs()).hasSize(1);
    }

    @Test
    void theWindowsStopEndsAWhatIfAndItIsNotKeptAsFinished(FxRobot robot) throws Exception {
        reverseLabels(robot);
        robot.interact(() -> main.runs().setSpeed(1));
        pickTheRunAndStep(robot, "step 1 · 2025-03-01");
        robot.clickOn("#whatIfButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> main.runs().runningProperty().get()
                && main.runs().progressProperty().get() > 0);
        assertThat(model.branchingProperty().get()).isTrue();
        robot.interact(() -> main.runs().stop());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !model.branchingProperty().get());
        // The same FX callback clears the flag, then says why: let it finish before reading the message.
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(message(robot)).startsWith("The what-if from step 1 · 2025-03-01 of run #1 was stopped after ")
                .endsWith(" steps; it is not kept as a finished run");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            try (RunStore store = RunStore.openReadOnly(main.runStore())) {
                return store.find(2).map(r -> r.headline() != null && r.headline().startsWith("Cancelled")).orElse(false);
            }
        });
        try (RunStore store = RunStore.openReadOnly(main.runStore())) {
            assertThat(store.find(2).orElseThrow().completed()).isFalse();
        }
    }
}
