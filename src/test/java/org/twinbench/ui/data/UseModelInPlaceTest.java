package org.twinbench.ui.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
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
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.sim.ScenarioCheck;
import org.twinbench.ui.MainViewModel;
import org.twinbench.ui.MainWindowFixture;
import org.twinbench.ui.ScriptedPrompts;

/**
 * "Use the model in the scenario" (the Data menu) in the real window: a scenario on scikit-learn's wine set whose
 * model — a logistic regression the run trains — feeds three monitors takes a saved multinomial bundle of the same
 * features in its place. One model node stays, with the same id, place and edges; the scenario check against the
 * data and the bundle finds nothing, and Run runs it to its end. (Before issue 22 the model was added as a second
 * node and Run was refused until the user deleted and rewired by hand.)
 */
@ExtendWith(ApplicationExtension.class)
class UseModelInPlaceTest {

    private static final Path ENGINE = Path.of("src/test/resources/tasks/engine");
    /** wine-replay.csv's 13 measurements, the features the bundle was trained on (its model.json). */
    private static final List<String> FEATURES = List.of("alcohol", "malic_acid", "ash", "alcalinity_of_ash",
            "magnesium", "total_phenols", "flavanoids", "nonflavanoid_phenols", "proanthocyanins", "color_intensity",
            "hue", "od280_od315", "proline");

    @TempDir
    static Path home;

    private MainWindowFixture window;
    private MainViewModel main;
    private ScriptedChoosers choosers;
    private Path folder;

    @Start
    void start(Stage stage) throws Exception {
        folder = Files.createTempDirectory(home, "wine");
        Files.copy(ENGINE.resolve("wine-replay.csv"), folder.resolve("wine-replay.csv"));
        Path scenario = Files.writeString(folder.resolve("wine-watch.twin.json"), """
                {"format":"twinbench.scenario","version":1,"name":"wine watch","seed":7,
                 "nodes":[
                  {"id":"wine","type":"source.dataset","params":{"path":"wine-replay.csv","batch_size":20,"steps":4},
                   "x":40,"y":160},
                  {"id":"deployed","type":"model.logistic","params":{"target":"cultivar","features":%s},
                   "x":300,"y":170},
                  {"id":"accuracy","type":"monitor.performance","params":{},"x":560,"y":40},
                  {"id":"drift","type":"monitor.feature-drift","params":{"features":["proline","flavanoids"]},
                   "x":560,"y":170},
                  {"id":"by-level","type":"monitor.slice-metrics","params":{"slices":["alcohol_level"]},
                   "x":560,"y":300}
                 ],
                 "edges":[{"from":"wine","to":"deployed"},{"from":"deployed","to":"accuracy"},
                  {"from":"deployed","to":"drift"},{"from":"deployed","to":"by-level"}]}
                """.formatted(FEATURES.stream().map(f -> "\"" + f + "\"").toList()));
        window = MainWindowFixture.show(stage, home, scenario, new ScriptedPrompts());
        main = window.model();
        choosers = ScriptedChoosers.install(stage, name -> java.util.Optional.empty());
    }

    @AfterEach
    void close() {
        window.close();
    }

    /** The Data menu's item whose text (without its mnemonic mark) starts with {@code text}. */
    private static MenuItem dataMenuItem(FxRobot robot, String text) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> i.getText() != null && i.getText().replace("_", "").startsWith(text))
                .findFirst().orElseThrow();
    }

    @Test
    void anotherModelTakesTheModelNodesPlaceWithItsEdges(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> main.document().scenario().name().equals("wine watch")
                && robot.lookup(".node-card").queryAll().size() == 5);
        WaitForAsyncUtils.waitForFxEvents();
        Scenario before = main.document().scenario();
        ScenarioNode oldModel = before.node("deployed").orElseThrow();
        List<ScenarioEdge> edges = List.copyOf(before.edges());
        assertThat(ScenarioCheck.check(before, folder).problems()).as("runnable before the switch").isEmpty();

        Path bundle = Files.copy(ENGINE.resolve("wine-logistic.twinmodel"), folder.resolve("wine-logistic.twinmodel"));
        choosers.toOpen.add(bundle);
        robot.clickOn("#openModelButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                bundle.equals(main.dataPanel().model().fileProperty().get())
                        && !main.dataPanel().model().busyProperty().get()).get());
        WaitForAsyncUtils.waitForFxEvents();
        MenuItem use = dataMenuItem(robot, "Use the model in the scenario");
        assertThat(use.isDisable()).isFalse();
        robot.interact(use::fire);

        Scenario after = WaitForAsyncUtils.asyncFx(() -> main.document().scenario()).get();
        assertThat(after.nodes()).hasSize(before.nodes().size());
        assertThat(after.nodes()).filteredOn(n -> NodeCatalog.MODELS.contains(n.type())).singleElement()
                .satisfies(n -> {
                    assertThat(n.id()).isEqualTo("deployed");
                    assertThat(n.type()).isEqualTo(NodeCatalog.MODEL_BUNDLE);
                    assertThat(n.params()).containsEntry("path", "wine-logistic.twinmodel");
                    assertThat(n.x()).isEqualTo(oldModel.x());
                    assertThat(n.y()).isEqualTo(oldModel.y());
                });
        assertThat(after.edges()).containsExactlyElementsOf(edges);
        assertThat(main.document().history().undoDescriptionProperty().get())
                .isEqualTo("Use wine-logistic.twinmodel as deployed");
        assertThat(ScenarioCheck.check(after, folder).problems()).as("the bundle reads wine's columns").isEmpty();

        // Run is not refused: the window's own check agrees, and the scenario runs to its last step.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                main.runBlockedReasonProperty().get().isEmpty()
                        && !robot.lookup("#runButton").queryAs(Button.class).isDisabled()).get());
        robot.interact(() -> main.runs().setSpeed(0));
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                !main.runs().runningProperty().get() && main.statusProperty().get().startsWith("Finished")).get());
        assertThat(WaitForAsyncUtils.asyncFx(() -> main.statusProperty().get()).get()).startsWith("Finished: 4 steps");
    }
}
