package org.twinbench.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.twinbench.data.BundledSamples;
import org.twinbench.scenario.SampleScenarios;
import org.twinbench.ui.fx.AppExecutor;
import org.twinbench.ui.fx.FileDialogs;

/** The workbench window. Opens the scenario given on the command line, or else the bundled sample. */
public final class TwinBenchApp extends Application {

    private AppExecutor executor;

    /** Starts the toolkit and shows the window; returns when the window is closed. */
    public static void launchApp(String[] args) {
        Application.launch(TwinBenchApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        StartupTrace.mark("fx_start");
        executor = new AppExecutor();
        List<String> args = getParameters().getRaw();
        Path scenario = args.isEmpty() ? sampleScenario() : Path.of(args.get(0));
        show(stage, executor, scenario);
    }

    /** Builds the main window on {@code stage}; used by the application and by UI tests. */
    public static MainViewModel show(Stage stage, AppExecutor executor, Path scenario) {
        return show(stage, executor, scenario, FileDialogs.SYSTEM);
    }

    /** As {@link #show(Stage, AppExecutor, Path)}, asking {@code prompts} where to open and save files. */
    public static MainViewModel show(Stage stage, AppExecutor executor, Path scenario, FileDialogs.Prompts prompts) {
        FXMLLoader loader = new FXMLLoader(resource("/fxml/MainView.fxml"));
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("the main view is part of the application", e);
        }
        StartupTrace.mark("fxml_loaded");
        MainViewModel model = new MainViewModel(executor, Platform::runLater);
        MainView view = loader.getController();
        Path sample = sampleScenario();
        view.bind(model, sample);
        view.usePrompts(prompts);
        StartupTrace.mark("bound");
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(resource("/styles/theme.css").toExternalForm());
        stage.titleProperty().bind(model.windowTitleProperty());
        stage.setScene(scene);
        // The stage may have shown another scene before (tests reuse one stage): fit it to this one.
        stage.sizeToScene();
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.setOnCloseRequest(view::closeRequested);
        stage.show();
        StartupTrace.mark("shown");
        // The first run finds the engine's and the chart's code compiled. The engine's warm-up waits for a quiet moment
        // on a thread of its own and gives way to the user; it starts now, so it gets as far before a first run as it
        // did. The chart's runs on the FX thread a batch a pulse, so it waits for the first frame, as do the Demo
        // menu's stories.
        org.twinbench.ui.runs.EngineWarmUp.start(sample, scene);
        FirstFrame.then(scene, List.of(StartupTrace::firstFrame, view::afterFirstFrame,
                view::warmUpResults, RunNotices::prepare));
        model.files().start();
        if (scenario != null) {
            model.open(scenario);
        }
        return model;
    }

    public static Path sampleScenario() {
        try {
            Path samples = BundledSamples.extractTo(BundledSamples.userDirectory().resolve("samples"));
            return samples.resolve(SampleScenarios.LOANS_RECESSION_FILE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the sample data to the user folder: " + e.getMessage(), e);
        }
    }

    private static URL resource(String path) {
        URL url = TwinBenchApp.class.getResource(path);
        if (url == null) {
            throw new IllegalStateException(path + " is missing from the application");
        }
        return url;
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.close();
        }
    }
}
