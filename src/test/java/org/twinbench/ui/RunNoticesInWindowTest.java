package org.twinbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
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
 * toolbar, shows its first alarm at once and, when it ends, a "Run ended" notice with the status line's words and the
 * counts of the run's alarms and retrainings — the counts the engine gives for the same scenario and seed run on its
 * own, without the window.
 */
@ExtendWith(ApplicationExtension.class)
class RunNoticesInWindowTest {

    @TempDir
    static Path home;

    private MainWindowFixture window;
    private MainViewModel model;
    private Path scenario;

    @Start
    void start(Stage stage) throws Exception {
        Path samples = BundledSamples.extractTo(Files.createTempDirectory(home, "samples"));
        scenario = samples.resolve("loans-recession-retrain.twin.json");
        window = MainWindowFixture.show(stage, home, scenario, new ScriptedPrompts());
        model = window.model();
    }

    @AfterEach
    void close() {
        window.close();
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

    /** The words of every notice on the screen now: the labels of the showing pop-ups (read on the FX thread). */
    private static List<String> noticeWords() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            List<String> words = new ArrayList<>();
            for (Window shown : List.copyOf(Window.getWindows())) {
                if (shown instanceof PopupWindow && shown.isShowing() && shown.getScene() != null) {
                    collect(shown.getScene().getRoot(), words);
                }
            }
            return words;
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

    /** Waits until a notice's words include one that passes {@code test}; that one. */
    private static String awaitNotice(java.util.function.Predicate<String> test) throws Exception {
        AtomicReference<String> found = new AtomicReference<>();
        AtomicReference<List<String>> seen = new AtomicReference<>(List.of());
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
                seen.set(noticeWords());
                seen.get().stream().filter(test).findFirst().ifPresent(found::set);
                return found.get() != null;
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no such notice; the notices said " + seen.get(), e);
        }
        return found.get();
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

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                !robot.lookup("#runButton").queryAs(Button.class).isDisabled()).get());
        robot.interact(() -> model.runs().setSpeed(0));
        robot.clickOn("#runButton");

        // The first alarm at once: its step, node and detail (ControlsFX draws the text as given, broken into lines).
        String alarm = awaitNotice(words -> words.replace('\n', ' ').startsWith("step " + first.step() + " · "));
        assertThat(alarm.replace('\n', ' ')).startsWith("step " + first.step() + " · " + first.nodeId() + ": ");

        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                !model.runs().runningProperty().get() && model.statusProperty().get().startsWith("Finished")).get());
        String status = WaitForAsyncUtils.asyncFx(() -> model.statusProperty().get()).get();
        String counts = monitorAlarms + " alarms, " + retrainings + (retrainings == 1 ? " retraining" : " retrainings");
        String end = awaitNotice(words -> words.replace('\n', ' ').startsWith(status));
        assertThat(end.replace('\n', ' ')).startsWith(status + " · " + counts);
        assertThat(noticeWords()).contains("Run ended");
        assertThat(status).startsWith("Finished: 60 steps");
    }
}
