package org.twinbench.ui.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * File choosers for UI tests of the data panel: files to open are answered in the order queued;
 * where to save a model is asked of a function of the suggested name.
 */
final class ScriptedChoosers implements DataModelPanel.Choosers {

    final List<Path> toOpen = new ArrayList<>();
    private final Function<String, Optional<Path>> saveModel;

    private ScriptedChoosers(Function<String, Optional<Path>> saveModel) {
        this.saveModel = saveModel;
    }

    /** Puts scripted choosers into the data panel of the window on {@code stage}. */
    static ScriptedChoosers install(Stage stage, Function<String, Optional<Path>> saveModel) {
        Node root = stage.getScene().getRoot().lookup(".data-model-panel");
        DataModelPanel view = (DataModelPanel) root.getProperties().get(DataModelPanel.class);
        ScriptedChoosers choosers = new ScriptedChoosers(saveModel);
        view.setChoosers(choosers);
        return choosers;
    }

    @Override
    public Optional<Path> openDataset(Window owner, Path folder) {
        return Optional.of(toOpen.remove(0));
    }

    @Override
    public Optional<Path> openModel(Window owner, Path folder) {
        return Optional.of(toOpen.remove(0));
    }

    @Override
    public Optional<Path> saveModel(Window owner, Path folder, String suggestedName) {
        return saveModel.apply(suggestedName);
    }
}
