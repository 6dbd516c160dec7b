package org.twinbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.twinbench.data.BundledSamples;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.sim.Alarm;
import org.twinbench.sim.RunControl;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.ScenarioCompiler;
import org.twinbench.sim.SimulationEngine;
import org.twinbench.sim.StepResult;

/**
 * The ControlsFX notices of a run in the real window: the loans sample with its retraining policy, run from the
 * window's Run button, shows its first alarm ("step N · node: detail") and, when it ends, a "Run ended" notice of one
 * short line with the counts of the run's alarms and retrainings — the counts the engine gives for the same scenario
 * and seed run on its own, without the window.
 *
 * <p>Why the first version of this test saw no notice in a full suite run while it passed alone: it pressed Run with
 * the robot's pointer ({@code clickOn("#runButton")}), which clicks whatever window is on top at that point of the
 * screen — a stage an earlier test class left showing (every TestFX class shares one screen, and under Monocle every
 * window opens at its top left) takes the click, so no run started and no notice came — and it then sampled the
 * pop-ups showing at each poll, so a notice that had come and gone (8 s) would not have been seen either. This test
 * fires this window's own Run button (looked up in its own scene, not on the screen), checks that the run started,
 * and records every notice as its pop-up opens, owned by this window (ControlsFX shows each in a {@code Popup} owned by
 * the window given as {@code owner}, {@code RunNotices.desktop}), so it waits on the notice having been shown, not on
 * its still showing.
 */
@ExtendWith(ApplicationExtension.class)
class RunNoticesInWindowTest {

    @TempDir
    static Path home;

    private MainWindowFixture window;
    private MainViewModel model;
    private Path scenario;
    private Stage stage;
    /** The notices' pop-ups owned by this window, as they opened (FX thread only). */
    private final List<PopupWindow> opened = new ArrayList<>();
    private final ListChangeListener<Window> popups = change -> {
        while (change.next()) {
            for (Window added : change.getAddedSubList()) {
                if (added instanceof PopupWindow popup && ownedByThisWindow(popup)) {
                    opened.add(popup);
                }
            }
        }
    };

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path samples = BundledSamples.extractTo(Files.createTempDirectory(home, "samples"));
        scenario = samples.resolve("loans-recession-retrain.twin.json");
        window = MainWindowFixture.show(stage, home, scenario, new ScriptedPrompts());
        model = window.model();
        Window.getWindows().addListener(popups);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> Window.getWindows().removeListener(popups)).get();
        window.close();
    }

    private boolean ownedByThisWindow(PopupWindow popup) {
        Window owner = popup.getOwnerWindow();
        while (owner instanceof PopupWindow parent) {
            owner = parent.getOwnerWindow();
        }
        return owner == stage;
    }

    /** The alarms of the scenario's one run as the engine raises them outside the window. */
    private List<Alarm> engineAlarms() throws Exception {
        List<Alarm> alarms = new ArrayList<>();
        SimulationEngine.run(ScenarioCompiler.compile(ScenarioFormat.read(scenario), scenario.getParent(),
                new RunListener() { }), 0, new RunListener() {
                    @Override
                    public void onStep(StepResult result, int totalSteps) {
                        alarms.addAll(result.alarms());
                    }
                }, new RunControl());
        return alarms;
    }

    /** Each opened notice's words (its title, then its text with its lines joined), read on the FX thread. */
    private List<List<String>> notices() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            List<List<String>> all = new ArrayList<>();
            for (PopupWindow popup : opened) {
                List<String> words = new ArrayList<>();
                if (popup.getScene() != null) {
                    collect(popup.getScene().getRoot(), words);
                }
                all.add(words);
            }
            return all;
        }).get();
    }

    private static void collect(Node node, List<String> words) {
        if (node instanceof Label label && label.getText() != null && !label.getText().isBlank()) {
            words.add(label.getText());
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, words));
        }
    }

    /** Waits until a notice whose words pass {@code test} has opened; the last such notice's words. */
    private List<String> awaitNotice(java.util.function.Predicate<List<String>> test, String what) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> notices().stream().anyMatch(test));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no notice of " + what + "; the notices opened said " + notices()
                    + "; the status line: " + WaitForAsyncUtils.asyncFx(() -> model.statusProperty().get()).get(), e);
        }
        List<List<String>> all = notices();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (test.test(all.get(i))) {
                return all.get(i);
            }
        }
        throw new AssertionError("a notice of " + what + " was there and is gone: " + all);
    }

    @Test
    void aRunsFirstAlarmAndItsEndAreAnnouncedWithTheEnginesCounts(FxRobot robot) throws Exception {
        List<Alarm> alarms = engineAlarms();
        long monitorAlarms = alarms.stream().filter(a -> Alarm.ALARM.equals(a.kind())).count();
        long retrainings = alarms.stream().filter(a -> Alarm.RETRAIN.equals(a.kind())).count();
        assertThat(monitorAlarms).as("the sample raises alarms").isGreaterThan(1);
        assertThat(retrainings).as("and retrains").isGreaterThan(0);
        assertThat(alarms.stream().map(Alarm::kind).distinct()).containsOnly(Alarm.ALARM, Alarm.RETRAIN);
        Alarm first = alarms.get(0);

        // For the docs (-Dtwinbench.shots under Xvfb): the notices over a 1280 × 720 window.
        org.twinbench.ui.shots.WindowShots.place(robot, stage, 1280, 720);
        Button run = WaitForAsyncUtils.asyncFx(() -> (Button) stage.getScene().lookup("#runButton")).get();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> !run.isDisabled()).get());
        robot.interact(() -> {
            model.runs().setSpeed(0);
            run.fire();
        });
        // The run started in this window: it is running, or has already ended with its steps.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                model.runs().runningProperty().get() || model.statusProperty().get().startsWith("Finished")).get());

        // The first alarm at once: its step, node and detail (ControlsFX draws the text as given, broken into lines;
        // alarms of the same step that reach the window a moment later are held for the next notice).
        String opening = "step " + first.step() + " · " + first.nodeId() + ": ";
        List<String> alarm = awaitNotice(n -> n.size() == 2 && n.get(1).replace('\n', ' ').startsWith(opening),
                "the first alarm");
        assertThat(alarm.get(0)).matches("\\d+ alarms?");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                !model.runs().runningProperty().get() && model.statusProperty().get().startsWith("Finished")).get());
        // One short line, then the counts: the status line keeps the verdict and the notes.
        List<String> end = awaitNotice(n -> n.contains("Run ended"), "the run's end");
        String counts = monitorAlarms + " alarms, " + retrainings + (retrainings == 1 ? " retraining" : " retrainings");
        assertThat(end).containsExactly("Run ended", "Finished: 60 steps · " + counts);
        org.twinbench.ui.shots.WindowShots.takeAsIs(stage, "run-notices-short-end");
        // The verdict reaches the status line last (once the run is recorded); the notice never carries it.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> model.statusProperty()
                .get().startsWith("Finished: 60 steps. Verdict: ")).get());
        assertThat(notices().stream().filter(n -> n.contains("Run ended"))).as("one end notice").hasSize(1);
    }
}
