package org.twinbench.ui.wizard;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * How the wizard asks for a file to open or a place to save. The app shows the system's file
 * dialogs; a test answers with files of its own, since a native dialog cannot be driven headless.
 */
public interface WizardFiles {

    /** A file to open, of one of the {@code patterns} (e.g. {@code *.onnx}), or empty when the user cancels. */
    Optional<Path> open(Window owner, String title, String kind, List<String> patterns);

    /** Where to save, suggesting {@code initialName}, or empty when the user cancels. */
    Optional<Path> save(Window owner, String title, String initialName, String kind, List<String> patterns);

    /** The system's file dialogs. */
    static WizardFiles dialogs() {
        return new WizardFiles() {
            @Override
            public Optional<Path> open(Window owner, String title, String kind, List<String> patterns) {
                return Optional.ofNullable(chooser(title, kind, patterns).showOpenDialog(owner)).map(File::toPath);
            }

            @Override
            public Optional<Path> save(Window owner, String title, String initialName, String kind,
                                       List<String> patterns) {
                FileChooser chooser = chooser(title, kind, patterns);
                chooser.setInitialFileName(initialName);
                return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
            }

            private FileChooser chooser(String title, String kind, List<String> patterns) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, patterns));
                return chooser;
            }
        };
    }
}
