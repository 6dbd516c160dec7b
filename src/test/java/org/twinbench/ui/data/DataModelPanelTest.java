package org.twinbench.ui.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.twinbench.data.ColumnRole;
import org.twinbench.data.QualityFinding;
import org.twinbench.data.TableLoader;
import org.twinbench.model.BinaryClassifier;
import org.twinbench.model.ModelBundle;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.ui.MainViewModel;
import org.twinbench.ui.MainWindowFixture;
import org.twinbench.ui.TwinBenchApp;

/**
 * Drives the data and model panel of the real main window headless: open a dataset and see its roles,
 * findings and masked preview; cancel a slow load; change a role; open a model and see its card and
 * schema check; drag the dataset onto the canvas and undo; train a model in the window.
 */
@ExtendWith(ApplicationExtension.class)
class DataModelPanelTest {

    @TempDir
    static Path home;
    @TempDir
    Path dir;

    private MainWindowFixture window;
    private MainViewModel main;
    private DataModelPanelViewModel panel;
    private List<Path> toOpen;
    private Path saveTo;

    @Start
    void start(Stage stage) {
        window = MainWindowFixture.show(stage, home, TwinBenchApp.sampleScenario());
        main = window.model();
        panel = main.dataPanel();
        toOpen = ScriptedChoosers.install(stage, name -> Optional.of(saveTo.resolveSibling(name))).toOpen;
    }

    @AfterEach
    void closeExecutor() {
        window.close();
    }

    private Path samples() {
        return home.resolve("samples");
    }

    /** 40 customers with a name, an e-mail, a region, a spend (missing in 4 rows) and a churn label. */
    private Path customers() throws IOException {
        String[] first = {"Jane", "Omar", "Li", "Ana", "Ben"};
        String[] last = {"Doe", "Haddad", "Wei", "Silva", "Okafor", "Novak", "Berg", "Ruiz"};
        StringBuilder text = new StringBuilder("full_name,email,region,spend,churned\n");
        for (int i = 0; i < 40; i++) {
            String name = first[i % 5] + " " + last[i % 8] + (i / 8 == 0 ? "" : "son".repeat(i / 8));
            text.append(name).append(',').append(name.toLowerCase().replace(' ', '.')).append(i).append("@example.com,")
                    .append(i % 3 == 0 ? "north" : i % 3 == 1 ? "south" : "east").append(',')
                    .append(i % 10 == 9 ? "" : Integer.toString(20 + i)).append(',')
                    .append(i % 4 == 0 ? "yes" : "no").append('\n');
        }
        Path file = dir.resolve("customers.csv");
        Files.writeString(file, text);
        return file;
    }

    private void open(FxRobot robot, String button, Path file) throws Exception {
        toOpen.add(file);
        robot.clickOn(button);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !panel.loadingProperty().get()
                && !panel.model().busyProperty().get() && (file.equals(panel.fileProperty().get())
                || file.equals(panel.model().fileProperty().get()) || !panel.errorProperty().get().isEmpty()
                || !panel.model().errorProperty().get().isEmpty()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Opens {@code data} and the training dialog; the model is saved beside {@code dir}'s files. */
    private void openTrainingDialog(FxRobot robot, Path data) throws Exception {
        open(robot, "#openDataButton", data);
        saveTo = dir.resolve("unused");
        robot.clickOn("#trainButton");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void clickTrainAndSave(FxRobot robot) {
        robot.clickOn(robot.lookup(".dialog-pane .button").match(
                (Node n) -> n instanceof Button b && b.getText().startsWith("Train and save")).queryButton());
    }

    private static void selectTab(FxRobot robot, String title) {
        robot.clickOn(robot.lookup(".panel-tabs .tab-label").match(
                (Node n) -> ((Labeled) n).getText().startsWith(title)).queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Every text the panel shows: labels, buttons, table and list cells. */
    private static List<String> texts(FxRobot robot) {
        List<String> out = new ArrayList<>();
        Node panel = robot.lookup(".data-model-panel").query();
        robot.from(panel).lookup((Node n) -> n instanceof Labeled).queryAll().forEach(node -> {
            if (node instanceof Labeled labeled && labeled.getText() != null) {
                out.add(labeled.getText());
            }
        });
        return out;
    }

    @Test
    void aLoadedCsvShowsItsRolesAndFindingsWithPersonalDataMasked(FxRobot robot) throws Exception {
        Path file = customers();
        open(robot, "#openDataButton", file);
        assertThat(panel.errorProperty().get()).isEmpty();
        assertThat(panel.columns()).extracting(DataModelPanelViewModel.ColumnRow::role).containsExactly(
                ColumnRole.PII, ColumnRole.PII, ColumnRole.SLICE, ColumnRole.FEATURE, ColumnRole.TARGET);
        ComboBox<?> role = robot.lookup("#role-email").query();
        assertThat(role.getValue()).isEqualTo(ColumnRole.PII);
        assertThat(((ComboBox<?>) robot.lookup("#role-churned").query()).getValue()).isEqualTo(ColumnRole.TARGET);
        // 4 of 40 spends are missing (rows 10, 20, 30, 40): an INFO finding naming the column and rows.
        QualityFinding missing = panel.findings().stream().filter(f -> f.check().equals("missing")).findFirst()
                .orElseThrow();
        assertThat(missing.columns()).containsExactly("spend");
        assertThat(missing.rows()).containsExactly(9, 19, 29, 39);
        assertThat(missing.severity()).isEqualTo(QualityFinding.Severity.WARNING);
        selectTab(robot, "Quality");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(texts(robot)).anyMatch(t -> t.contains("column 'spend' is missing in 4 of 40 rows"))
                .contains("column spend  ·  rows 10, 20, 30, 40");
        selectTab(robot, "Rows");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cells = new ArrayList<>();
        robot.lookup(".preview-table .table-cell").queryAll().forEach(cell -> {
            if (cell instanceof TableCell<?, ?> tableCell && tableCell.getText() != null) {
                cells.add(tableCell.getText());
            }
        });
        assertThat(cells).contains("J. D.", "j***@example.com", "north", "yes");
        List<String> everything = new ArrayList<>(cells);
        everything.addAll(texts(robot));
        assertThat(everything).noneMatch(t -> t.contains("jane.doe0@example.com") || t.contains("Jane Doe"));
    }

    @Test
    void newDataIsComparedWithTheOpenTableWithoutEchoingPersonalData(FxRobot robot) throws Exception {
        open(robot, "#openDataButton", customers());
        selectTab(robot, "Quality");
        // Five new customers: two in a region the open table never had (west), one spend above its
        // range [20, 58] of the four present.
        Path march = dir.resolve("march.csv");
        Files.writeString(march, """
                full_name,email,region,spend,churned
                Zoe Kim,zoe.kim@example.net,west,30,no
                Max Roe,max.roe@example.net,west,31,yes
                Ida Lund,ida.lund@example.net,north,99,no
                Raj Rao,raj.rao@example.net,south,40,no
                Eve Ash,eve.ash@example.net,east,,yes
                """);
        toOpen.add(march);
        robot.clickOn("#compareButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !panel.coverage().findings().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(panel.coverage().findings()).extracting(QualityFinding::message).containsExactly(
                "column 'region': 40.0% of current rows hold categories the reference never had: [west]",
                "column 'spend': 25.0% of current rows lie outside the reference range [20, 58]");
        assertThat(robot.lookup("#coverageMessage").queryLabeled().getText())
                .isEqualTo("march.csv (5 rows) against customers.csv, 3 columns compared: 2 findings.");
        Node window = robot.lookup(".coverage-window").query();
        List<String> shown = new ArrayList<>();
        robot.from(window).lookup((Node n) -> n instanceof Labeled).queryAll()
                .forEach(n -> shown.add(((Labeled) n).getText()));
        assertThat(shown).contains(panel.coverage().findings().get(0).message(),
                        panel.coverage().findings().get(1).message(), "column spend  ·  row 3")
                .noneMatch(t -> t != null && (t.contains("example.net") || t.contains("Zoe")));
        // Opening another table forgets the comparison.
        open(robot, "#openDataButton", customers());
        assertThat(panel.coverage().findings()).isEmpty();
        assertThat(robot.lookup("#coverageList").queryListView().getItems()).isEmpty();
    }

    @Test
    void aSlowLoadShowsProgressAndCanBeCancelled(FxRobot robot) throws Exception {
        Path big = dir.resolve("big.csv");
        try (BufferedWriter out = Files.newBufferedWriter(big)) {
            StringBuilder header = new StringBuilder("c0");
            for (int c = 1; c < 20; c++) {
                header.append(",c").append(c);
            }
            out.write(header.append('\n').toString());
            StringBuilder row = new StringBuilder();
            for (int r = 0; r < 1_000_000; r++) {
                row.setLength(0);
                for (int c = 0; c < 20; c++) {
                    row.append(c == 0 ? "" : ",").append((r * 31 + c * 7) % 1000);
                }
                out.write(row.append('\n').toString());
            }
        }
        toOpen.add(big);
        robot.clickOn("#openDataButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> panel.progressProperty().get() > 0);
        // The FX callback that reports the progress says it in words next: let it finish.
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#loadingBar").query().isVisible()).isTrue();
        assertThat(panel.messageProperty().get()).startsWith("Reading big.csv: ");
        robot.clickOn("#cancelLoadButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(panel.loadingProperty().get()).isFalse();
        assertThat(panel.messageProperty().get()).isEqualTo("Reading was cancelled; nothing was loaded.");
        assertThat(robot.lookup("#loadingBar").query().isVisible()).isFalse();
        Thread.sleep(500);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(panel.datasetProperty().get()).isNull();
        assertThat(panel.errorProperty().get()).isEmpty();
    }

    @Test
    void theScenariosOwnDataCanBeInspectedWithOneClick(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> main.datasetProperty().get() != null
                && main.datasetProperty().get().rows() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#scenarioLabel").queryLabeled().getText())
                .isEqualTo("The scenario reads loans.csv (20,000 rows, 11 columns).");
        robot.clickOn("#inspectScenarioData");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> panel.datasetProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(panel.fileProperty().get()).isEqualTo(samples().resolve("loans.csv").toAbsolutePath().normalize());
        assertThat(robot.lookup("#inspectScenarioData").query().isVisible()).as("nothing more to inspect").isFalse();
    }

    @Test
    void aBadFileSaysWhichLineAndKeepsTheDataset(FxRobot robot) throws Exception {
        open(robot, "#openDataButton", customers());
        Path ragged = dir.resolve("ragged.csv");
        Files.writeString(ragged, "a,b,c\n1,2,3\n4,5\n");
        open(robot, "#openDataButton", ragged);
        assertThat(panel.errorProperty().get()).contains("ragged.csv").contains("line 3");
        assertThat(robot.lookup("#dataError").queryLabeled().getText()).isEqualTo(panel.errorProperty().get());
        assertThat(panel.fileProperty().get().getFileName().toString()).isEqualTo("customers.csv");
        assertThat(panel.columns()).hasSize(5);
    }

    @Test
    void changingARoleReachesTheSchemaAndTheFindings(FxRobot robot) throws Exception {
        open(robot, "#openDataButton", customers());
        ComboBox<ColumnRole> region = robot.lookup("#role-region").query();
        robot.clickOn(region);
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell").match(
                (Node n) -> n instanceof Labeled l && "ignore".equals(l.getText())).queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(panel.schemaProperty().get().role("region")).isEqualTo(ColumnRole.IGNORE);
        assertThat(panel.features("churned")).containsExactly("spend");
        robot.interact(() -> ((ComboBox<ColumnRole>) robot.lookup("#role-spend").query()).setValue(ColumnRole.TARGET));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(panel.schemaProperty().get().target()).contains("spend");
        assertThat(panel.schemaProperty().get().role("churned")).isEqualTo(ColumnRole.FEATURE);
        assertThat(((ComboBox<?>) robot.lookup("#role-churned").query()).getValue()).isEqualTo(ColumnRole.FEATURE);
    }

    @Test
    void anOpenedModelShowsItsCardAndWhetherItFitsTheData(FxRobot robot) throws Exception {
        open(robot, "#openDataButton", samples().resolve("loans.csv"));
        open(robot, "#openModelButton", samples().resolve("loans-logistic.onnx"));
        awaitFitChecked();
        String card = robot.lookup("#cardLabel").queryLabeled().getText();
        assertThat(card).contains("Predicts: defaulted = yes").contains("income").contains("Trained on");
        assertThat(robot.lookup("#fitLabel").queryLabeled().getText())
                .isEqualTo("Fits loans.csv: every column the model reads is there.");
        // A dataset without the model's columns: each one named on its own line.
        open(robot, "#openDataButton", customers());
        awaitFitChecked();
        // Opening data shows the Columns tab; only the chosen tab's content is in the scene.
        selectTab(robot, "Model");
        assertThat(robot.lookup("#fitLabel").queryLabeled().getText()).startsWith("Does not fit customers.csv (");
        assertThat(panel.model().problems()).contains("missing column 'income'", "missing column 'age'");
        List<String> lines = new ArrayList<>();
        robot.lookup(".model-problem").queryAll().forEach(n -> lines.add(((Label) n).getText()));
        assertThat(lines).contains("•  missing column 'income'");
    }

    /** The schema check runs on the executor: wait for its answer. */
    private void awaitFitChecked() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> panel.model().fitProperty().get().startsWith("Fits")
                || panel.model().fitProperty().get().startsWith("Does not fit"));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Point2D canvasPoint(FxRobot robot, double fx, double fy) {
        Node viewport = robot.lookup(".graph-viewport").query();
        Bounds b = viewport.localToScreen(viewport.getLayoutBounds());
        return new Point2D(b.getMinX() + b.getWidth() * fx, b.getMinY() + b.getHeight() * fy);
    }

    @Test
    void draggingTheDatasetOntoTheCanvasAddsASourceNodeAndUndoRemovesIt(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !main.document().scenario().nodes().isEmpty());
        Path file = customers();
        open(robot, "#openDataButton", file);
        int before = main.document().scenario().nodes().size();
        robot.drag("#datasetChip").moveTo(canvasPoint(robot, 0.2, 0.9)).drop();
        WaitForAsyncUtils.waitForFxEvents();
        List<ScenarioNode> nodes = main.document().scenario().nodes();
        assertThat(nodes).hasSize(before + 1);
        ScenarioNode added = nodes.get(nodes.size() - 1);
        assertThat(added.type()).isEqualTo(NodeCatalog.DATASET_SOURCE);
        assertThat(Path.of(added.string("path", ""))).isEqualTo(file.toAbsolutePath());
        assertThat(main.document().history().undoDescriptionProperty().get()).isEqualTo("Add Dataset customers.csv");
        robot.clickOn("#undoButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(main.document().scenario().nodes()).hasSize(before);

        // Dropped onto the scenario's own Dataset node: that node now reads the file, in one edit.
        ScenarioNode loans = main.document().scenario().nodesOfKind("source.").get(0);
        robot.drag("#datasetChip").moveTo("#node-" + loans.id()).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(main.document().scenario().nodes()).hasSize(before);
        assertThat(main.document().scenario().node(loans.id()).orElseThrow().string("path", ""))
                .isEqualTo(file.toAbsolutePath().toString());
        robot.clickOn("#undoButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(main.document().scenario().node(loans.id()).orElseThrow()).isEqualTo(loans);
    }

    @Test
    void trainingInTheWindowWritesABundleThatLoads(FxRobot robot) throws Exception {
        Path loans = samples().resolve("loans.csv");
        openTrainingDialog(robot, loans);
        Spinner<Integer> seed = robot.lookup("#trainSeed").query();
        Spinner<Double> holdout = robot.lookup("#trainHoldout").query();
        robot.interact(() -> {
            seed.getValueFactory().setValue(7);
            holdout.getValueFactory().setValue(0.25);
        });
        assertThat(((ComboBox<?>) robot.lookup("#trainTarget").query()).getValue()).isEqualTo("defaulted");
        clickTrainAndSave(robot);
        Path bundle = dir.resolve("loans-logistic.twinmodel");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> bundle.equals(panel.model().fileProperty().get())
                || !panel.model().errorProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(panel.model().errorProperty().get()).isEmpty();
        BinaryClassifier read = ModelBundle.read(bundle);
        // Every loans row has a label: a quarter of them is held out.
        int rows = TableLoader.load(loans).frame().rowCount();
        assertThat(read.card().trainingRows()).isEqualTo(rows - (int) Math.round(rows * 0.25));
        assertThat(read.card().target()).isEqualTo("defaulted");
        assertThat(read.card().features()).doesNotContain("application_id", "applied_on", "region", "defaulted")
                .contains("income", "employment_type");
        assertThat(read.card().holdoutMetrics()).containsKeys("accuracy", "roc_auc");
        assertThat(robot.lookup("#cardLabel").queryLabeled().getText()).contains("Holdout metrics (5000 rows):")
                .contains("roc_auc").contains("(the dataset open here)");
        try (var left = Files.list(dir)) {
            assertThat(left.filter(p -> p.toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void aForestShowsItsTreesGrowingAndCanBeStopped(FxRobot robot) throws Exception {
        openTrainingDialog(robot, samples().resolve("loans.csv"));
        robot.interact(() -> robot.lookup("#trainAlgorithm").<ComboBox<AlgorithmChoice>>query()
                .setValue(AlgorithmChoice.of(org.twinbench.model.Algorithm.RANDOM_FOREST)));
        clickTrainAndSave(robot);
        // The first group of trees is reported as a share and in words, with Cancel on offer.
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> panel.model().progressProperty().get() > 0
                || !panel.model().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(panel.model().busyProperty().get()).as("still training; %s", panel.model().errorProperty().get())
                .isTrue();
        assertThat(panel.model().messageProperty().get()).matches("Training a random forest: \\d+ of 100 trees \\.\\.\\.");
        assertThat(robot.lookup("#cancelLoadButton").query().isVisible()).isTrue();
        robot.clickOn("#cancelLoadButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(panel.model().busyProperty().get()).isFalse();
        assertThat(panel.model().messageProperty().get()).startsWith("Training was stopped");
        // Nothing is written, even once the group being grown is done.
        Thread.sleep(1500);
        try (var left = Files.list(dir)) {
            assertThat(left.filter(p -> p.toString().endsWith(".twinmodel") || p.toString().endsWith(".tmp")))
                    .isEmpty();
        }
        assertThat(panel.model().fileProperty().get()).isNull();
    }
}
