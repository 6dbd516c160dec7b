package org.twinbench.ui.fx;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The main window's dialogs: choosing scenario, data and model files, and asking about unsaved changes. */
public final class FileDialogs {

    private FileDialogs() {
    }

    /** The answer to "save the changes first?". */
    public enum Unsaved { SAVE, DISCARD, CANCEL }

    /**
     * The questions the main window asks about scenario files. {@link #SYSTEM} shows the platform's
     * dialogs; a UI test passes scripted answers, since a native file chooser cannot be driven headless.
     */
    public interface Prompts {
        Optional<Path> openScenario(Window owner, Path folder);

        Optional<Path> saveScenario(Window owner, Path folder);

        Unsaved askUnsaved(Window owner, String scenarioName);
    }

    public static final Prompts SYSTEM = new Prompts() {
        @Override
        public Optional<Path> openScenario(Window owner, Path folder) {
            return FileDialogs.openScenario(owner, folder);
        }

        @Override
        public Optional<Path> saveScenario(Window owner, Path folder) {
            return FileDialogs.saveScenario(owner, folder);
        }

        @Override
        public Unsaved askUnsaved(Window owner, String scenarioName) {
            return FileDialogs.askUnsaved(owner, scenarioName);
        }
    };

    /** Asks whether to save unsaved changes first: Save, Don't save, or Cancel (also closing the dialog). */
    static Unsaved askUnsaved(Window owner, String scenarioName) {
        ButtonType saveButton = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "Save the changes to \""
                + scenarioName + "\" first?", saveButton, discard, ButtonType.CANCEL);
        alert.setHeaderText("There are unsaved changes");
        alert.initOwner(owner);
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isEmpty() || answer.get() == ButtonType.CANCEL) {
            return Unsaved.CANCEL;
        }
        return answer.get() == saveButton ? Unsaved.SAVE : Unsaved.DISCARD;
    }

    static Optional<Path> openScenario(Window owner, Path folder) {
        return Optional.ofNullable(scenarioChooser("Open scenario", folder).showOpenDialog(owner)).map(File::toPath);
    }

    /** Where to save; the {@code .twin.json} ending is added when the name lacks it. */
    static Optional<Path> saveScenario(Window owner, Path folder) {
        FileChooser chooser = scenarioChooser("Save scenario as", folder);
        chooser.setInitialFileName("scenario.twin.json");
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath).map(path ->
                path.getFileName().toString().endsWith(".twin.json") ? path
                        : path.resolveSibling(path.getFileName() + ".twin.json"));
    }

    public static Optional<Path> openData(Window owner, Path folder) {
        FileChooser chooser = chooser("Open data file", folder);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Data files", "*.csv", "*.tsv", "*.txt", "*.xlsx"));
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
    }

    public static Optional<Path> openModel(Window owner, Path folder) {
        FileChooser chooser = chooser("Open model", folder);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Models", "*.twinmodel", "*.onnx"));
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
    }

    /** Chooses a trainer's demo story ({@code *.story.json}, see docs/stories.md). */
    public static Optional<Path> openStory(Window owner, Path folder) {
        FileChooser chooser = chooser("Open story", folder);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("TwinBench stories", "*.story.json"));
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
    }

    /** Where to save a trained model; the {@code .twinmodel} ending is added when the name lacks it. */
    public static Optional<Path> saveModel(Window owner, Path folder, String suggested) {
        FileChooser chooser = chooser("Save the trained model as", folder);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("TwinBench models", "*.twinmodel"));
        chooser.setInitialFileName(suggested);
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath).map(path ->
                path.getFileName().toString().endsWith(".twinmodel") ? path
                        : path.resolveSibling(path.getFileName() + ".twinmodel"));
    }

    /** Where to write the ONNX export of {@code bundle}; the {@code .onnx} ending is added when the name lacks it. */
    public static Optional<Path> saveOnnx(Window owner, Path bundle) {
        FileChooser chooser = chooser("Export the model as ONNX", bundle.toAbsolutePath().getParent());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("ONNX models", "*.onnx"));
        chooser.setInitialFileName(bundle.getFileName().toString().replaceFirst("\\.twinmodel$", "") + ".onnx");
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath).map(path ->
                path.getFileName().toString().endsWith(".onnx") ? path : path.resolveSibling(path.getFileName() + ".onnx"));
    }

    private static FileChooser scenarioChooser(String title, Path folder) {
        FileChooser chooser = chooser(title, folder);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("TwinBench scenarios", "*.twin.json"));
        return chooser;
    }

    private static FileChooser chooser(String title, Path folder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (folder != null && folder.toFile().isDirectory()) {
            chooser.setInitialDirectory(folder.toFile());
        }
        return chooser;
    }
}
