package org.twinbench.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.twinbench.data.BundledSamples;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.ui.MainViewModel;
import org.twinbench.ui.MainWindowFixture;
import org.twinbench.ui.ScriptedPrompts;
import org.twinbench.ui.TwinBenchApp;

/**
 * Opening every bundled sample and demo scenario in the editor shows a tidy, readable graph: no two
 * node cards overlap and no card cuts off its text, both with the file's positions and, for the same
 * graph without positions, after the automatic layout.
 */
@ExtendWith(ApplicationExtension.class)
class SampleGraphsTest {

    @TempDir
    static Path home;

    private MainWindowFixture window;
    private MainViewModel model;

    @Start
    void start(Stage stage) {
        window = MainWindowFixture.show(stage, home, null, new ScriptedPrompts());
        model = window.model();
    }

    @AfterEach
    void closeExecutor() {
        window.close();
    }

    @Test
    void everySampleScenarioOpensAsATidyReadableGraph(FxRobot robot) throws Exception {
        Path samples = TwinBenchApp.sampleScenario().getParent();
        List<String> scenarios = BundledSamples.FILES.stream().filter(f -> f.endsWith(".twin.json")).toList();
        assertThat(scenarios).hasSizeGreaterThanOrEqualTo(6);
        for (String name : scenarios) {
            Path file = samples.resolve(name);
            Scenario read = ScenarioFormat.read(file);
            checkOpened(robot, file, read.nodes().size());
            // The same graph as a hand-written file without positions: laid out automatically.
            Path bare = file.resolveSibling("unplaced-" + file.getFileName());
            Files.writeString(bare, ScenarioFormat.toJson(withoutPositions(read)));
            checkOpened(robot, bare, read.nodes().size());
        }
    }

    @Test
    void everyNodeTypesCardShowsItsWholeTitle(FxRobot robot) throws Exception {
        List<org.twinbench.scenario.NodeType> types = org.twinbench.scenario.NodeCatalog.all();
        robot.interact(() -> {
            model.files().newScenario();
            double y = 0;
            for (org.twinbench.scenario.NodeType type : types) {
                model.canvas().addNode(type, 0, y, false);
                y += 150;
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".node-card").queryAll()).hasSize(types.size());
        for (Node card : robot.lookup(".node-card").queryAll()) {
            checkText(card, "the catalog");
        }
    }

    private static void checkText(Node card, String where) {
        for (Node node : card.lookupAll(".label")) {
            Label label = (Label) node;
            // A label too narrow (or too low) for its text shows it shortened, with an ellipsis.
            Text shown = (Text) label.lookup(".text");
            assertThat(shown.getText()).as(where + ": text shown on " + card.getId()).isEqualTo(label.getText());
            assertThat(label.getHeight()).as(where + ": height of '" + label.getText() + "'")
                    .isGreaterThanOrEqualTo(shown.getLayoutBounds().getHeight());
        }
    }

    private void checkOpened(FxRobot robot, Path file, int nodes) throws Exception {
        robot.interact(() -> model.open(file));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> file.equals(model.document().fileProperty().get())
                && robot.lookup(".node-card").queryAll().size() == nodes);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.document().scenario().nodes()).as(file + " placed")
                .allSatisfy(n -> assertThat(Double.isNaN(n.x()) || Double.isNaN(n.y())).isFalse());
        List<Node> cards = new ArrayList<>(robot.lookup(".node-card").queryAll());
        for (int i = 0; i < cards.size(); i++) {
            Bounds a = cards.get(i).localToParent(cards.get(i).getLayoutBounds());
            for (int j = i + 1; j < cards.size(); j++) {
                Bounds b = cards.get(j).localToParent(cards.get(j).getLayoutBounds());
                assertThat(a.intersects(b)).as(file.getFileName() + ": " + cards.get(i).getId() + " overlaps "
                        + cards.get(j).getId()).isFalse();
            }
            checkText(cards.get(i), file.getFileName().toString());
        }
    }

    private static Scenario withoutPositions(Scenario s) {
        return new Scenario(s.name(), s.description(), s.seed(), s.nodes().stream()
                .map(n -> new ScenarioNode(n.id(), n.type(), n.params(), Double.NaN, Double.NaN)).toList(), s.edges());
    }
}
