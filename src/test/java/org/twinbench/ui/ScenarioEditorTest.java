package org.twinbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
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
import org.twinbench.scenario.SampleScenarios;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.ui.editor.ScenarioDocument;
import org.twinbench.ui.fx.AppExecutor;

/**
 * Drives the scenario editor headless as a user would: drag node types from the palette, connect
 * ports, type parameters into the inspector, undo and redo, recover after a crash, and build a graph
 * with the keyboard alone.
 */
@ExtendWith(ApplicationExtension.class)
class ScenarioEditorTest {

    @TempDir
    static Path home;

    private MainWindowFixture window;
    private MainViewModel model;

    /** Initialises the data reader on this thread, not on a worker that a test's end interrupts. */
    @BeforeAll
    static void initialiseTheReader(@TempDir Path samples) throws Exception {
        org.twinbench.data.TableLoader.load(org.twinbench.data.BundledSamples.extractTo(samples).resolve("loans.csv"));
    }

    @Start
    void start(Stage stage) throws Exception {
        Files.deleteIfExists(home.resolve("recovery").resolve("autosave.twin.json"));
        window = MainWindowFixture.show(stage, home, null);
        model = window.model();
    }

    @AfterEach
    void closeExecutor() {
        window.close();
    }

    private Scenario scenario() {
        return model.document().scenario();
    }

    /** A point of the canvas, (fx, fy) as fractions of its width and height. */
    private static Point2D canvasPoint(FxRobot robot, double fx, double fy) {
        Node viewport = robot.lookup(".graph-viewport").query();
        Bounds b = viewport.localToScreen(viewport.getLayoutBounds());
        return new Point2D(b.getMinX() + b.getWidth() * fx, b.getMinY() + b.getHeight() * fy);
    }

    private void dragType(FxRobot robot, String type, double fx, double fy) {
        int before = scenario().nodes().size();
        // The catalog is longer than the palette: scroll the type into view first, as a user would.
        javafx.scene.control.TreeView<Object> tree = robot.lookup("#typeTree").query();
        robot.interact(() -> {
            for (int row = 0; row < tree.getExpandedItemCount(); row++) {
                Object value = tree.getTreeItem(row).getValue();
                if (value instanceof org.twinbench.scenario.NodeType nodeType && nodeType.type().equals(type)) {
                    tree.scrollTo(Math.max(0, row - 1));
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.drag("#palette-" + type.replace('.', '-')).moveTo(canvasPoint(robot, fx, fy)).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scenario().nodes()).hasSize(before + 1);
    }

    /** Replaces the text of a field of the inspector by typing. */
    private static void type(FxRobot robot, String id, String text) {
        Node node = robot.lookup(id).query();
        TextInputControl field = node instanceof ComboBox<?> box ? box.getEditor() : (TextInputControl) node;
        robot.clickOn(field);
        robot.interact(field::selectAll);
        robot.write(text, 0);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void rename(FxRobot robot, String id) {
        type(robot, "#inspector-id", id);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void schedule(FxRobot robot, String start, String end) {
        ComboBox<String> kind = robot.lookup("#param-schedule-kind").query();
        robot.clickOn(kind);
        try {
            if (!dropsDown(robot, 3)) {
                // Under heavy load a click can land while the inspector is still laying out: open it again.
                robot.interact(kind::show);
                if (!dropsDown(robot, 15)) {
                    throw new AssertionError("the schedule kinds did not drop down");
                }
            }
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the schedule kinds did not drop down", e);
        }
        robot.clickOn("incremental");
        type(robot, "#param-schedule-start", start);
        type(robot, "#param-schedule-end", end);
    }

    private static boolean dropsDown(FxRobot robot, int seconds) throws java.util.concurrent.TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(seconds, java.util.concurrent.TimeUnit.SECONDS,
                    () -> robot.lookup("incremental").tryQuery().isPresent());
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    private void connect(FxRobot robot, String fromPort, String toNode) {
        int before = scenario().edges().size();
        robot.drag(fromPort).moveTo(toNode).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scenario().edges()).as(model.canvas().messageProperty().get()).hasSize(before + 1);
    }

    /** The scenario without positions and without parameters that merely spell out their default. */
    private static Scenario withoutPositions(Scenario s) {
        return new Scenario(s.name(), s.description(), s.seed(),
                s.nodes().stream().map(n -> new ScenarioNode(n.id(), n.type(), withoutDefaults(n), 0, 0)).toList(),
                s.edges());
    }

    private static java.util.Map<String, Object> withoutDefaults(ScenarioNode node) {
        java.util.Map<String, Object> params = new java.util.LinkedHashMap<>(node.params());
        org.twinbench.scenario.NodeCatalog.find(node.type()).ifPresent(type -> type.params().forEach(spec -> {
            if (spec.defaultValue() != null && spec.defaultValue().equals(params.get(spec.name()))
                    && !spec.required()) {
                params.remove(spec.name());
            }
        }));
        return params;
    }

    @Test
    void buildingLoansRecessionByHandSavesTheSampleScenario(FxRobot robot) throws Exception {
        dragType(robot, "source.dataset", 0.12, 0.3);
        rename(robot, "loans");
        type(robot, "#param-path", "loans.csv");

        dragType(robot, "perturbation.covariate-shift", 0.4, 0.1);
        rename(robot, "recession");
        type(robot, "#param-column", "income");
        type(robot, "#param-scale", "0.7");
        schedule(robot, "10", "50");

        dragType(robot, "perturbation.category-mix", 0.4, 0.8);
        rename(robot, "new-region");
        type(robot, "#param-column", "region");
        type(robot, "#param-category", "central");
        schedule(robot, "20", "59");

        dragType(robot, "model.logistic", 0.65, 0.35);
        rename(robot, "credit-model");
        type(robot, "#param-target", "defaulted");
        type(robot, "#param-features", "income, debt_to_income, age, employment_type, region, "
                + "credit_history_years, loan_amount, term_months");
        type(robot, "#param-positive", "yes");

        dragType(robot, "monitor.slice-metrics", 0.88, 0.6);
        rename(robot, "accuracy-by-region");
        type(robot, "#param-slices", "region");

        connect(robot, "#out-loans-batch", "#node-recession");
        connect(robot, "#out-recession-batch", "#node-new-region");
        connect(robot, "#out-new-region-batch", "#node-credit-model");
        connect(robot, "#out-credit-model-scored", "#node-accuracy-by-region");

        robot.clickOn(canvasPoint(robot, 0.22, 0.97));
        type(robot, "#scenario-name", "Loans: recession and a new region");
        type(robot, "#scenario-description",
                "Incomes fall step by step and applicants from a region the model never saw arrive.");
        type(robot, "#scenario-seed", "20261127");

        assertThat(model.runBlockedReasonProperty().get()).isEmpty();
        assertThat(robot.lookup("#runButton").queryButton().isDisabled()).isFalse();
        Path saved = home.resolve("built.twin.json");
        robot.interact(() -> model.files().saveAs(saved));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !model.document().history().dirtyProperty().get());
        Scenario written = ScenarioFormat.read(saved);
        assertThat(withoutPositions(written)).isEqualTo(withoutPositions(SampleScenarios.loansRecession(20261127)));

        // Undo every edit back to the empty scenario, then redo them all.
        robot.clickOn(canvasPoint(robot, 0.5, 0.97));
        int undone = 0;
        while (model.document().history().canUndoProperty().get() && undone < 300) {
            robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
            undone++;
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scenario()).isEqualTo(ScenarioDocument.EMPTY);
        assertThat(robot.lookup(".node-card").queryAll()).isEmpty();
        for (int i = 0; i < undone; i++) {
            robot.press(KeyCode.CONTROL, KeyCode.Y).release(KeyCode.Y, KeyCode.CONTROL);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scenario()).isEqualTo(written);
        assertThat(robot.lookup(".node-card").queryAll()).hasSize(5);
        assertThat(model.document().history().dirtyProperty().get()).isFalse();
    }

    @Test
    void incompatibleConnectionIsRefusedWithTheReason(FxRobot robot) throws Exception {
        robot.interact(() -> model.open(TwinBenchApp.sampleScenario()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> scenario().nodes().size() == 5);
        WaitForAsyncUtils.waitForFxEvents();
        List<ScenarioEdge> before = scenario().edges();
        // Showing a node in the inspector is not an edit.
        robot.clickOn("#node-recession");
        robot.clickOn("#node-credit-model");
        assertThat(model.inspector().subjectProperty().get()).isEqualTo("credit-model");
        robot.drag("#out-credit-model-scored").moveTo("#node-recession").drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scenario().edges()).isEqualTo(before);
        assertThat(model.document().history().canUndoProperty().get()).isFalse();
        Label message = robot.lookup(".canvas-message").query();
        assertThat(message.isVisible()).isTrue();
        assertThat(message.getText()).isEqualTo("Cannot connect credit-model to recession: "
                + "Logistic regression gives scored but Covariate shift takes batch");
    }

    @Test
    void unsavedWorkOfACrashedSessionIsRecovered(FxRobot robot) throws Exception {
        dragType(robot, "source.dataset", 0.3, 0.3);
        rename(robot, "before-crash");
        Scenario edited = scenario();
        robot.interact(() -> model.files().autosave());
        Path recovery = model.files().files().recoveryFile();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(recovery));

        // The process dies: no clean close. The next start finds the recovery file and offers it.
        AppExecutor second = new AppExecutor();
        try {
            MainViewModel[] restarted = new MainViewModel[1];
            Stage[] window = new Stage[1];
            robot.interact(() -> {
                window[0] = new Stage();
                restarted[0] = TwinBenchApp.show(window[0], second, null);
            });
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                    () -> restarted[0].files().recoveryProperty().get() != null);
            WaitForAsyncUtils.waitForFxEvents();
            Node recoverButton = window[0].getScene().lookup("#recoverButton");
            assertThat(recoverButton.isVisible()).isTrue();
            robot.clickOn(recoverButton);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(restarted[0].document().scenario()).isEqualTo(edited);
            assertThat(restarted[0].document().history().dirtyProperty().get()).isTrue();
            assertThat(restarted[0].windowTitleProperty().get()).startsWith("• ");
            robot.interact(window[0]::close);
        } finally {
            second.close();
        }
    }

    @Test
    void aTwoNodeGraphCanBeBuiltWithTheKeyboardAlone(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        robot.write("dataset", 0);
        robot.type(KeyCode.ENTER);
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        robot.write("logistic", 0);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scenario().nodes()).extracting(ScenarioNode::type)
                .containsExactly("source.dataset", "model.logistic");
        assertThat(scenario().edges()).containsExactly(new ScenarioEdge("dataset", "logistic-regression"));
        // The new node is selected on the canvas: the arrow keys move it, Delete removes it.
        double x = scenario().node("logistic-regression").orElseThrow().x();
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scenario().node("logistic-regression").orElseThrow().x()).isEqualTo(x + 10);
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scenario().nodes()).extracting(ScenarioNode::id).containsExactly("dataset");
        assertThat(scenario().edges()).isEmpty();
    }
}
