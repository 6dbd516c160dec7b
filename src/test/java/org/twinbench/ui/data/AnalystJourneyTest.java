package org.twinbench.ui.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.twinbench.data.ColumnRole;
import org.twinbench.data.ValueKind;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.ui.MainViewModel;
import org.twinbench.ui.MainWindowFixture;
import org.twinbench.ui.TwinBenchApp;
import org.twinbench.ui.editor.GraphEdits;
import org.twinbench.ui.results.SliceRow;

/**
 * The analyst's way through the real window on real data no sample resembles: scikit-learn's breast
 * cancer set (569 rows, 30 measurements, a diagnosis malignant/benign), from opening the file to a
 * finished run, then a model trained in the panel put in place of the scenario's, then the same table
 * with scikit-learn's own column names matched in the remap dialog. What the window shows is checked
 * against pandas and scikit-learn ({@code sample-data/scripts/window_journey_reference.py}).
 */
@ExtendWith(ApplicationExtension.class)
class AnalystJourneyTest {

    private static final Path RESOURCES = Path.of("src/test/resources/window");

    @TempDir
    static Path home;
    @TempDir
    Path dir;

    private MainWindowFixture window;
    private MainViewModel main;
    private DataModelPanelViewModel panel;
    private ScriptedChoosers choosers;
    private Path savedModel;
    private JsonNode expected;
    private Path data;

    @Start
    void start(Stage stage) {
        window = MainWindowFixture.show(stage, home, TwinBenchApp.sampleScenario());
        main = window.model();
        panel = main.dataPanel();
        choosers = ScriptedChoosers.install(stage, name -> Optional.of(savedModel = dir.resolve(name)));
    }

    @BeforeEach
    void copyData() throws Exception {
        expected = new ObjectMapper().readTree(RESOURCES.resolve("expected.json").toFile());
        data = Files.copy(RESOURCES.resolve("breast-cancer.csv"), dir.resolve("breast-cancer.csv"));
    }

    @AfterEach
    void close() {
        window.close();
    }


    private void runToTheEnd(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> !robot.lookup("#runButton").queryAs(Button.class).isDisabled());
        robot.interact(() -> main.runs().setSpeed(0));
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> main.runs().runningProperty().get()
                || main.statusProperty().get().startsWith("Finished"));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !main.runs().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aRealTableBecomesARunWhoseAccuracyIsScikitLearns(FxRobot robot) throws Exception {
        choosers.openData(robot, panel, data);
        // Column kinds as pandas reads them: 30 numbers and the diagnosis, text and the outcome.
        Map<String, String> kinds = new LinkedHashMap<>();
        panel.columns().forEach(row -> kinds.put(row.name(), row.kind() == ValueKind.NUMBER ? "number" : "text"));
        Map<String, String> pandas = new LinkedHashMap<>();
        expected.get("kinds").fields().forEachRemaining(e -> pandas.put(e.getKey(), e.getValue().asText()));
        assertThat(kinds).containsExactlyEntriesOf(pandas);
        assertThat(((ComboBox<?>) robot.lookup("#kind-mean_radius").query()).getValue()).isEqualTo(ValueKind.NUMBER);
        assertThat(panel.columns()).filteredOn(row -> row.role() == ColumnRole.TARGET)
                .extracting(DataModelPanelViewModel.ColumnRow::name).containsExactly("diagnosis");

        robot.clickOn("#newScenarioButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#newScenarioOutcome").queryComboBox().getValue()).isEqualTo("diagnosis");
        // Measurements only: no column groups the rows, so no group is proposed or offered.
        CheckComboBox<?> groups = robot.lookup("#newScenarioSlices").queryAs(CheckComboBox.class);
        assertThat(groups.getItems()).isEmpty();
        List<String> offered = new ArrayList<>();
        robot.lookup("#newScenarioChanges .check-box").queryAll().forEach(n -> offered.add(((CheckBox) n).getText()));
        List<String> reference = new ArrayList<>();
        expected.get("offered").forEach(n -> reference.add(n.asText()));
        assertThat(offered).containsExactlyElementsOf(reference);
        ScriptedChoosers.clickDialogButton(robot, "Create the scenario");

        Scenario made = main.document().scenario();
        assertThat(made.name()).isEqualTo("breast-cancer");
        String source = made.nodesOfKind("source.").get(0).id();
        // One step that replays every production row once: the run's accuracy is the model's on those rows.
        int production = expected.get("production_rows").asInt();
        robot.interact(() -> main.document().change("Replay every production row once", s -> GraphEdits.setParam(
                GraphEdits.setParam(GraphEdits.setParam(s, source, "steps", 1), source, "batch_size", production),
                source, "sampling", "epochs")));
        runToTheEnd(robot);
        assertThat(main.statusProperty().get()).startsWith("Finished: 1 steps");
        TableView<?> table = robot.lookup("#sliceTable").queryAs(TableView.class);
        SliceRow overall = table.getItems().stream().map(line -> ((org.twinbench.ui.results.SliceRowCells) line).row())
                .filter(r -> r.slice().equals("overall")).findFirst().orElseThrow();
        assertThat(overall.n()).isEqualTo(production);
        // scikit-learn, same penalty, same reference rows; its solver stops elsewhere than Smile's, so a
        // row it is unsure of (|p - 0.5| < 0.05) may fall on the other side.
        double tolerance = (expected.get("unsure_rows").asInt() + 1e-9) / production;
        assertThat(overall.latest()).isCloseTo(expected.get("accuracy").asDouble(), within(tolerance));

        // A model trained in the panel takes the scenario model's place: same id, same edges.
        List<ScenarioEdge> edgesBefore = main.document().scenario().edges();
        robot.clickOn("#trainButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#trainTarget").queryComboBox().getValue()).isEqualTo("diagnosis");
        ScriptedChoosers.clickDialogButton(robot, "Train and save");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> savedModel != null
                && savedModel.equals(panel.model().fileProperty().get()) && !panel.model().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#modelChip");
        WaitForAsyncUtils.waitForFxEvents();
        Scenario replaced = main.document().scenario();
        assertThat(replaced.nodes()).filteredOn(n -> NodeCatalog.MODELS.contains(n.type())).singleElement()
                .satisfies(n -> {
                    assertThat(n.id()).isEqualTo("model");
                    assertThat(n.type()).isEqualTo(NodeCatalog.MODEL_BUNDLE);
                    assertThat(n.params().get("path").toString()).endsWith(savedModel.getFileName().toString());
                });
        assertThat(replaced.edges()).containsExactlyInAnyOrderElementsOf(edgesBefore);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> main.runBlockedReasonProperty().get().isEmpty());
    }

    @Test
    void scikitLearnsOwnColumnNamesAreMatchedToTheScenarios(FxRobot robot) throws Exception {
        choosers.openData(robot, panel, data);
        robot.clickOn("#newScenarioButton");
        WaitForAsyncUtils.waitForFxEvents();
        ScriptedChoosers.clickDialogButton(robot, "Create the scenario");
        // The same rows as scikit-learn names the columns ("mean radius"): every name the scenario uses differs.
        List<String> names = new ArrayList<>();
        expected.get("sklearn_names").forEach(n -> names.add(n.asText()));
        List<String> lines = new ArrayList<>(Files.readAllLines(data));
        lines.set(0, String.join(",", names));
        Path renamed = Files.write(dir.resolve("breast-cancer-sklearn.csv"), lines);
        choosers.openData(robot, panel, renamed);
        robot.clickOn("#datasetChip");
        WaitForAsyncUtils.waitForFxEvents();
        // The first column of the grid, below its heading: the scenario's columns the new file lacks.
        Map<Integer, String> asked = new java.util.TreeMap<>();
        robot.lookup("#remapGrid .label").queryAll().forEach(n -> {
            Integer row = GridPane.getRowIndex(n);
            Integer column = GridPane.getColumnIndex(n);
            if (row != null && row > 0 && (column == null || column == 0)) {
                asked.put(row, ((Label) n).getText());
            }
        });
        // Every column the model reads (all 30 measurements); the outcome keeps its name.
        assertThat(asked.values()).contains("mean_radius", "mean_texture", "mean_perimeter")
                .doesNotContain("diagnosis").hasSize(30);
        for (var row : asked.entrySet()) {
            Object proposed = robot.lookup("#remap-" + (row.getKey() - 1)).queryComboBox().getValue();
            assertThat(proposed).as(row.getValue()).isEqualTo(row.getValue().replace('_', ' '));
        }
        ScriptedChoosers.clickDialogButton(robot, "Use the data");
        Scenario switched = main.document().scenario();
        assertThat(switched.node("model").orElseThrow().params().get("features").toString())
                .contains("mean radius", "worst fractal dimension").doesNotContain("mean_radius");
        assertThat(switched.node("mean-radius-higher").orElseThrow().params()).containsEntry("column", "mean radius");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> main.runBlockedReasonProperty().get().isEmpty());
    }
    @Test
    void aTableOfSeveralClassesMakesAScenarioThatTrainsAMultinomialModel(FxRobot robot) throws Exception {
        // scikit-learn's wine set: 13 measurements and the cultivar, 3 classes (pandas: nunique() == 3). It used to be
        // refused ("the logistic regression trained when the scenario runs predicts a yes/no outcome"); the run's
        // logistic regression now models every class (multinomial), as `train` does.
        Path wine = Files.copy(Path.of("sample-data/public/wine.csv"), dir.resolve("wine.csv"));
        choosers.openData(robot, panel, wine);
        robot.clickOn("#newScenarioButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#newScenarioOutcome").queryComboBox().getValue()).isEqualTo("cultivar");
        assertThat(robot.lookup("#newScenarioProblem").queryLabeled().isVisible()).isFalse();
        assertThat(robot.lookup(".dialog-pane .button").match(
                (javafx.scene.Node n) -> n instanceof Button b && b.getText().startsWith("Create")).queryButton()
                .isDisabled()).isFalse();
        ScriptedChoosers.clickDialogButton(robot, "Create the scenario");
        WaitForAsyncUtils.waitForFxEvents();
        Scenario made = main.document().scenario();
        assertThat(made.node("model").orElseThrow().type()).isEqualTo(org.twinbench.scenario.NodeCatalog.LOGISTIC_MODEL);
        assertThat(made.node("model").orElseThrow().params()).containsEntry("target", "cultivar");
        assertThat(org.twinbench.scenario.ScenarioValidator.problems(made)).isEmpty();
    }
}
