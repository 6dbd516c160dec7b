package org.twinbench.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.ui.MainViewModel;
import org.twinbench.ui.MainWindowFixture;
import org.twinbench.ui.ScriptedPrompts;
import org.twinbench.ui.TwinBenchApp;

/**
 * The canvas and inspector with the mouse, on the loans sample: rubber-band selection, zoom and
 * fit, the context menus of a node and of the background, the banner of scenario-wide problems,
 * and a parameter slider whose move is one undoable edit.
 */
@ExtendWith(ApplicationExtension.class)
class CanvasInteractionTest {

    @TempDir
    static Path home;

    private MainWindowFixture window;
    private MainViewModel model;

    @Start
    void start(Stage stage) {
        window = MainWindowFixture.show(stage, home, TwinBenchApp.sampleScenario(), new ScriptedPrompts());
        model = window.model();
    }

    @AfterEach
    void closeExecutor() {
        window.close();
    }

    private void awaitSample(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.document().scenario().nodes().size() == 5
                && robot.lookup(".node-card").queryAll().size() == 5);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Where a node's own rectangle is on the screen (without its shadow and the ports on its edges). */
    private static Bounds onScreen(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        return node.localToScreen(node.getLayoutBounds());
    }

    /**
     * Asks for the context menu at a screen point of {@code target}, as the platform does on a
     * right-click; the headless (Monocle) robot's right button does not raise that request itself.
     */
    private static void requestContextMenu(FxRobot robot, Node target, Point2D screen) {
        robot.interact(() -> {
            Point2D scene = target.getScene().getRoot().screenToLocal(screen);
            target.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, scene.getX(), scene.getY(),
                    screen.getX(), screen.getY(), false, null));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aRubberBandSelectsTheCardsItTouches(FxRobot robot) throws Exception {
        awaitSample(robot);
        Bounds top = onScreen(robot, "#node-recession");
        Bounds bottom = onScreen(robot, "#node-new-region");
        // From just above-left of the upper card to just below-right of the lower one, on empty canvas.
        robot.drag(new Point2D(top.getMinX() - 8, top.getMinY() - 8))
                .moveTo(new Point2D(bottom.getMaxX() + 6, bottom.getMaxY() + 8)).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.canvas().selection()).containsExactlyInAnyOrder("recession", "new-region");
        assertThat(robot.lookup(".rubber-band").query().isVisible()).isFalse();
        // Nothing moved: a band is not an edit.
        assertThat(model.document().history().canUndoProperty().get()).isFalse();
    }

    @Test
    void zoomKeepsTheCentreAndFitShowsEveryCard(FxRobot robot) throws Exception {
        awaitSample(robot);
        Bounds view = onScreen(robot, ".graph-viewport");
        Point2D centre = new Point2D(view.getCenterX(), view.getCenterY());
        String fitted = robot.lookup("#zoomLabel").queryLabeled().getText();
        Bounds before = onScreen(robot, "#node-credit-model");
        robot.clickOn("#zoomInButton");
        WaitForAsyncUtils.waitForFxEvents();
        Bounds after = onScreen(robot, "#node-credit-model");
        // Zooming in by 25% about the centre: sizes and distances from the centre grow by 1.25.
        assertThat(after.getWidth() / before.getWidth()).isCloseTo(1.25, within(0.01));
        assertThat((after.getMinX() - centre.getX()) / (before.getMinX() - centre.getX())).isCloseTo(1.25, within(0.02));
        assertThat((after.getMinY() - centre.getY()) / (before.getMinY() - centre.getY())).isCloseTo(1.25, within(0.02));
        robot.clickOn("#zoomOutButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onScreen(robot, "#node-credit-model").getWidth()).isCloseTo(before.getWidth(), within(0.5));
        for (int i = 0; i < 4; i++) {
            robot.clickOn("#zoomInButton");
        }
        WaitForAsyncUtils.waitForFxEvents();
        double zoomedIn = Double.parseDouble(robot.lookup("#zoomLabel").queryLabeled().getText().replace("%", ""));
        assertThat(zoomedIn).isGreaterThan(Double.parseDouble(fitted.replace("%", "")) * 2);
        robot.clickOn("#fitButton");
        WaitForAsyncUtils.waitForFxEvents();
        for (Node card : robot.lookup(".node-card").queryAll()) {
            Bounds b = card.localToScreen(card.getBoundsInLocal());
            assertThat(view.contains(b.getMinX(), b.getMinY()) && view.contains(b.getMaxX(), b.getMaxY()))
                    .as(card.getId() + " inside " + view).isTrue();
        }
        // The window did not change, so fitting gives the zoom the graph was opened with.
        assertThat(robot.lookup("#zoomLabel").queryLabeled().getText()).isEqualTo(fitted);
    }

    @Test
    void aNodesContextMenuDuplicatesAndDeletes(FxRobot robot) throws Exception {
        awaitSample(robot);
        robot.clickOn("#node-recession");
        requestContextMenu(robot, robot.lookup("#node-recession").query(), robot.point("#node-recession").query());
        robot.clickOn("Duplicate");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.document().scenario().nodes()).hasSize(6);
        assertThat(model.document().history().undoDescriptionProperty().get()).isEqualTo("Duplicate 1 node");
        String copy = model.canvas().singleSelection().orElseThrow();
        ScenarioNode duplicate = model.document().scenario().node(copy).orElseThrow();
        assertThat(duplicate.type()).isEqualTo(NodeCatalog.COVARIATE_SHIFT);
        assertThat(duplicate.params()).isEqualTo(model.document().scenario().node("recession").orElseThrow().params());

        requestContextMenu(robot, robot.lookup("#node-" + copy).query(), robot.point("#node-" + copy).query());
        robot.clickOn("Delete");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.document().scenario().nodes()).extracting(ScenarioNode::id)
                .containsExactly("loans", "recession", "new-region", "credit-model", "accuracy-by-region");
    }

    @Test
    void theBackgroundsContextMenuSelectsAllAndTidiesUp(FxRobot robot) throws Exception {
        awaitSample(robot);
        Bounds loans = onScreen(robot, "#node-loans");
        Point2D empty = new Point2D(loans.getCenterX(), loans.getMaxY() + 40);
        Node viewport = robot.lookup(".graph-viewport").query();
        robot.clickOn(empty);
        requestContextMenu(robot, viewport, empty);
        robot.clickOn("Select all");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.canvas().selection()).hasSize(5);
        requestContextMenu(robot, viewport, empty);
        robot.clickOn("Tidy up layout");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.document().history().undoDescriptionProperty().get()).isEqualTo("Tidy up layout");
        assertThat(model.document().scenario().node("recession").orElseThrow().x())
                .isEqualTo(org.twinbench.ui.editor.AutoLayout.MARGIN + org.twinbench.ui.editor.AutoLayout.COLUMN_WIDTH);
    }

    @Test
    void theBannerListsProblemsOfTheWholeGraphAndSelectsTheirNodes(FxRobot robot) throws Exception {
        awaitSample(robot);
        assertThat(robot.lookup(".problem-banner").query().isVisible()).isFalse();
        robot.interact(() -> model.canvas().addNode(NodeCatalog.find(NodeCatalog.DATASET_SOURCE).orElseThrow(),
                40, 400, false));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".problem-banner").query().isVisible()).isTrue();
        Hyperlink line = robot.lookup("#scenario-problem-0").queryAs(Hyperlink.class);
        assertThat(line.getText()).isEqualTo("⚠ needs exactly one source node, found 2");
        robot.clickOn(line);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.canvas().selection()).containsExactlyInAnyOrder("loans", "dataset");
        robot.interact(() -> model.document().history().undo());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".problem-banner").query().isVisible()).isFalse();
    }

    @Test
    void movingASliderSetsTheParameterAndUndoRestoresIt(FxRobot robot) throws Exception {
        awaitSample(robot);
        robot.clickOn("#node-loans");
        WaitForAsyncUtils.waitForFxEvents();
        Slider slider = robot.lookup("#slider-reference_share").queryAs(Slider.class);
        TextField field = robot.lookup("#param-reference_share").queryAs(TextField.class);
        assertThat(slider.getValue()).isEqualTo(0.5);
        assertThat(field.getText()).isEqualTo("0.5");
        robot.interact(() -> robot.lookup("#slider-reference_share").query().requestFocus());
        robot.type(KeyCode.RIGHT, 3);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.document().scenario().node("loans").orElseThrow().params()).containsEntry("reference_share", 0.53);
        assertThat(field.getText()).isEqualTo("0.53");
        Node thumb = slider.lookup(".thumb");
        robot.drag(thumb).moveBy(slider.getWidth() / 4, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        Object dragged = model.document().scenario().node("loans").orElseThrow().params().get("reference_share");
        assertThat((Double) dragged).isGreaterThan(0.6);
        assertThat(field.getText()).isEqualTo(String.valueOf(dragged));
        assertThat(model.document().history().undoDescriptionProperty().get()).isEqualTo("Set reference_share of loans");

        // Typed entry: out of range is reported and the thumb stops at the end.
        robot.clickOn(field);
        robot.interact(field::selectAll);
        robot.write("1.5", 0);
        WaitForAsyncUtils.waitForFxEvents();
        Label problem = robot.lookup("#error-reference_share").queryAs(Label.class);
        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getText()).isEqualTo("reference_share must be between 0 and 1, not 1.5");
        assertThat(slider.getValue()).isEqualTo(1.0);

        // Every change of this one parameter folded into one edit: one undo restores the file's value.
        robot.interact(() -> model.document().history().undo());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.document().scenario().node("loans").orElseThrow().params()).containsEntry("reference_share", 0.5);
        assertThat(slider.getValue()).isEqualTo(0.5);
        assertThat(field.getText()).isEqualTo("0.5");
        assertThat(problem.isVisible()).isFalse();
        assertThat(model.document().history().canUndoProperty().get()).isFalse();
    }

    @Test
    void anEnumeratedParameterIsPickedFromAListAndUndoable(FxRobot robot) throws Exception {
        awaitSample(robot);
        robot.interact(() -> model.canvas().addNode(NodeCatalog.find(NodeCatalog.ERROR_DETECTOR).orElseThrow(),
                700, 300, false));
        WaitForAsyncUtils.waitForFxEvents();
        String id = model.canvas().singleSelection().orElseThrow();
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> detector =
                robot.lookup("#param-detector").queryAs(javafx.scene.control.ComboBox.class);
        assertThat(detector.isEditable()).isFalse();
        assertThat(detector.getItems()).contains("adwin", "ddm", "page-hinkley");
        assertThat(detector.getValue()).isEqualTo("adwin");
        robot.clickOn(detector);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("page-hinkley").tryQuery().isPresent());
        robot.clickOn("page-hinkley");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.document().scenario().node(id).orElseThrow().params()).containsEntry("detector", "page-hinkley");
        assertThat(model.document().history().undoDescriptionProperty().get()).isEqualTo("Set detector of " + id);
        robot.interact(() -> model.document().history().undo());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.document().scenario().node(id).orElseThrow().params()).containsEntry("detector", "adwin");
        assertThat(detector.getValue()).isEqualTo("adwin");
        // The optional parameter can be taken out again: the engine then uses its default.
        assertThat(detector.getItems().get(0)).isEqualTo("(default adwin)");
        robot.clickOn(detector);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("(default adwin)").tryQuery().isPresent());
        robot.clickOn("(default adwin)");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.document().scenario().node(id).orElseThrow().params()).doesNotContainKey("detector");
        assertThat(detector.getValue()).isEqualTo("(default adwin)");
        robot.interact(() -> model.document().history().undo());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(detector.getValue()).isEqualTo("adwin");
    }

    @Test
    void everyPaletteGroupHasItsOwnDrawnIcon(FxRobot robot) throws Exception {
        awaitSample(robot);
        java.util.Set<String> groups = new java.util.TreeSet<>();
        NodeCatalog.all().forEach(type -> groups.add(type.group()));
        assertThat(GroupIcons.GLYPHS).containsOnlyKeys(groups.toArray(String[]::new));
        assertThat(new java.util.HashSet<>(GroupIcons.GLYPHS.values())).hasSize(groups.size());
        for (String group : groups) {
            javafx.scene.shape.SVGPath glyph = (javafx.scene.shape.SVGPath)
                    ((javafx.scene.layout.StackPane) GroupIcons.of(group)).getChildren().get(0);
            // A path that does not parse draws nothing; each glyph fills most of its 12 x 12 grid.
            assertThat(glyph.getLayoutBounds().getWidth()).as(group).isBetween(7.0, 13.0);
            assertThat(glyph.getLayoutBounds().getHeight()).as(group).isBetween(7.0, 14.0);
        }
        for (Node cell : robot.lookup(".palette-type").queryAll()) {
            if (cell.isVisible()) {
                assertThat(cell.lookup(".type-icon .type-glyph")).as(cell.getId()).isNotNull();
            }
        }
        assertThat(robot.lookup(".palette-type").queryAll()).isNotEmpty();
    }
}
