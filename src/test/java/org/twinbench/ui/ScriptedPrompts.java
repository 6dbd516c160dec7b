package org.twinbench.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.stage.Window;
import org.twinbench.ui.fx.FileDialogs;

/** Answers the main window's file questions as a test scripts them, and records what was asked. */
public final class ScriptedPrompts implements FileDialogs.Prompts {

    Path openAnswer;
    Path saveAnswer;
    FileDialogs.Unsaved unsavedAnswer = FileDialogs.Unsaved.CANCEL;
    final List<String> asked = new ArrayList<>();

    @Override
    public Optional<Path> openScenario(Window owner, Path folder) {
        asked.add("open");
        return Optional.ofNullable(openAnswer);
    }

    @Override
    public Optional<Path> saveScenario(Window owner, Path folder) {
        asked.add("save as");
        return Optional.ofNullable(saveAnswer);
    }

    @Override
    public FileDialogs.Unsaved askUnsaved(Window owner, String scenarioName) {
        asked.add("unsaved changes to " + scenarioName);
        return unsavedAnswer;
    }
}
