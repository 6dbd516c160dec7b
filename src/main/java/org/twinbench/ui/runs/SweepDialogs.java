package org.twinbench.ui.runs;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.twinbench.scenario.Scenario;
import org.twinbench.sim.sweep.SweepGrid;
import org.twinbench.ui.editor.ScenarioDocument;
import org.twinbench.ui.fx.AppExecutor;

/**
 * The Run menu's cluster entries: "Export sweep for a cluster…" (a small dialog: one parameter and its
 * values, or a grid.json, and the replicates; then the bundle folder) and "Import sweep results…" (a
 * results folder, then the run history showing the imported runs). The work is {@link SweepActions}'.
 */
public final class SweepDialogs {

    private SweepDialogs() {
    }

    /** Asks for the grid and the folder, then writes the bundle on the executor. */
    public static void exportSweep(Window owner, ScenarioDocument document, SweepActions sweeps) {
        Scenario scenario = document.scenario();
        Path scenarioFile = document.fileProperty().get();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Export sweep for a cluster");
        dialog.setHeaderText("Run \"" + scenario.name() + "\" over a grid of values with spark-submit");
        ComboBox<String> parameter = new ComboBox<>();
        parameter.setId("sweepParameter");
        parameter.setEditable(true);
        parameter.getItems().setAll(SweepActions.parameters(scenario));
        parameter.setTooltip(new Tooltip("node.param, e.g. recession.scale (node.param.key inside a schedule)"));
        TextField values = new TextField();
        values.setId("sweepValues");
        values.setPromptText("0.9, 0.7, 0.5");
        values.setTooltip(new Tooltip("The values to try, separated by commas"));
        Label gridLabel = new Label("or");
        Path[] gridFile = new Path[1];
        Button chooseGrid = new Button("Use a grid.json…");
        chooseGrid.setTooltip(new Tooltip("A JSON object of parameters to value lists, as for 'twinbench sweep --grid'"));
        chooseGrid.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Grid (JSON)", "*.json"));
            File chosen = chooser.showOpenDialog(dialog.getDialogPane().getScene().getWindow());
            if (chosen != null) {
                gridFile[0] = chosen.toPath();
                gridLabel.setText("grid: " + chosen.getName());
            }
        });
        Spinner<Integer> replicates = new Spinner<>(1, 100_000, 10);
        replicates.setEditable(true);
        replicates.setTooltip(new Tooltip("Monte Carlo replicates per point; each point x replicate is one Spark task"));
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("Parameter"), parameter);
        form.addRow(1, new Label("Values"), values);
        form.addRow(2, gridLabel, chooseGrid);
        form.addRow(3, new Label("Replicates"), replicates);
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        if (dialog.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
            return;
        }
        SweepActions.Grid axes;
        Path grid = gridFile[0];
        if (grid != null) {
            // A grid file is read with the bundle's writing, on the executor.
            axes = () -> SweepGrid.read(grid).axes();
        } else {
            try {
                Map<String, List<Object>> typed = SweepGrid.ofParameter(parameter.getValue(), values.getText()).axes();
                axes = () -> typed;
            } catch (RuntimeException e) {
                sweeps.report("Cannot export the sweep: " + e.getMessage());
                return;
            }
        }
        FileChooser where = new FileChooser();
        where.setTitle("Bundle folder (a new folder)");
        where.setInitialFileName(scenario.name().replaceAll("[^A-Za-z0-9._-]+", "-") + "-sweep");
        File folder = where.showSaveDialog(owner);
        if (folder != null) {
            Path base = scenarioFile != null ? scenarioFile.toAbsolutePath().getParent() : document.baseDirectory();
            sweeps.exportBundle(folder.toPath(), scenario, base, axes, replicates.getValue(), written -> { });
        }
    }

    /** Asks for a sweep's results folder and imports it. */
    public static void importSweep(Window owner, SweepActions sweeps, AppExecutor executor) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Sweep results (the folder 'twinbench sweep --out' wrote)");
        File folder = chooser.showDialog(owner);
        if (folder != null) {
            importFolder(owner, sweeps, executor, folder.toPath());
        }
    }

    /** Imports the folder, then opens the run history, where the imported runs are listed. */
    static void importFolder(Window owner, SweepActions sweeps, AppExecutor executor, Path folder) {
        sweeps.importResults(folder, runs -> RunHistoryView.open(owner, executor, sweeps.runStore()));
    }
}
