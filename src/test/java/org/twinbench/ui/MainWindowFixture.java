package org.twinbench.ui;

import java.nio.file.Path;
import javafx.stage.Stage;
import org.twinbench.ui.fx.AppExecutor;
import org.twinbench.ui.fx.FileDialogs;

/**
 * The main window as the UI tests use it: shown on TestFX's stage (call from a {@code @Start}
 * method), with its own background executor and the test's TwinBench home folder, and closed after
 * each test. One set-up for every test that drives the real window.
 */
public final class MainWindowFixture implements AutoCloseable {

    private final AppExecutor executor;
    private final MainViewModel model;

    private MainWindowFixture(AppExecutor executor, MainViewModel model) {
        this.executor = executor;
        this.model = model;
    }

    /** Shows the window on {@code stage} with {@code scenario} open (null: none), the system's file dialogs. */
    public static MainWindowFixture show(Stage stage, Path home, Path scenario) {
        return show(stage, home, scenario, FileDialogs.SYSTEM);
    }

    /** As {@link #show(Stage, Path, Path)}, answering the window's file questions with {@code prompts}. */
    public static MainWindowFixture show(Stage stage, Path home, Path scenario, FileDialogs.Prompts prompts) {
        System.setProperty("twinbench.home", home.toString());
        AppExecutor executor = new AppExecutor();
        return new MainWindowFixture(executor, TwinBenchApp.show(stage, executor, scenario, prompts));
    }

    public MainViewModel model() {
        return model;
    }

    public AppExecutor executor() {
        return executor;
    }

    /** Ends the window's background work (call from an {@code @AfterEach} method). */
    @Override
    public void close() {
        executor.close();
    }
}
