package org.twinbench.ui.presenter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Label;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import org.twinbench.scenario.ScenarioException;
import org.twinbench.scenario.Story;
import org.twinbench.scenario.StoryFormat;
import org.twinbench.ui.fx.FileDialogs;
import org.twinbench.ui.fx.AppExecutor;
import org.twinbench.ui.fx.BackgroundTask;

/**
 * Controller of {@code fxml/PresenterView.fxml}: demo mode for trainers — large type, high contrast,
 * the chapter's narration beside a chart that fills at a watchable pace, all driven by the keyboard.
 */
public final class PresenterView {

    @FXML private BorderPane root;
    @FXML private Label storyTitle;
    @FXML private Label chapterTitle;
    @FXML private MarkedLineChart chart;
    @FXML private javafx.scene.layout.HBox markerKey;
    @FXML private LineChart<Number, Number> costChart;
    @FXML private NumberAxis costStepAxis;
    @FXML private NumberAxis costAxis;
    @FXML private NumberAxis stepAxis;
    @FXML private NumberAxis metricAxis;
    @FXML private Label narration;
    @FXML private Label chapterRecord;
    @FXML private Label statusLabel;
    @FXML private Label speedLabel;

    /** Opens a story in its own window and starts its first chapter. */
    public static PresenterViewModel open(Window owner, AppExecutor executor, Story story) {
        FXMLLoader loader = new FXMLLoader(PresenterView.class.getResource("/fxml/PresenterView.fxml"));
        Parent parent;
        try {
            parent = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("the presenter view is part of the application", e);
        }
        PresenterViewModel model = new PresenterViewModel(story, executor::submit, javafx.application.Platform::runLater);
        PresenterView view = loader.getController();
        view.bind(model);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(story.title() + " — TwinBench demo");
        Scene scene = new Scene(parent, 1280, 800);
        scene.getStylesheets().add(PresenterView.class.getResource("/styles/theme.css").toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (view.handle(event, stage)) {
                event.consume();
            }
        });
        stage.setScene(scene);
        stage.setOnHidden(event -> model.stop());
        // A talk fills the screen. Esc is the presenter's own key (see handle): the platform's exit
        // key would leave full screen and let the same press close the window.
        stage.setFullScreenExitKeyCombination(javafx.scene.input.KeyCombination.NO_MATCH);
        stage.setFullScreenExitHint("Esc leaves full screen; a second Esc closes the demo");
        stage.setFullScreen(true);
        stage.show();
        model.start();
        return model;
    }

    /**
     * Adds one item per bundled demo story to the Demo menu; the stories are read from the samples
     * folder on the executor, and the items arrive once they are read.
     */
    public static void fillMenu(javafx.scene.control.Menu menu, java.nio.file.Path samples,
                         java.util.function.Supplier<Window> owner, AppExecutor executor) {
        javafx.scene.control.MenuItem openStory = new javafx.scene.control.MenuItem("Open story…");
        openStory.setOnAction(event -> FileDialogs.openStory(owner.get(), samples.resolve("demos"))
                .ifPresent(file -> openFile(owner.get(), executor, file)));
        menu.getItems().addAll(openStory, new javafx.scene.control.SeparatorMenuItem());
        new BackgroundTask.Runner(executor::submit, javafx.application.Platform::runLater)
                .task(context -> PresenterViewModel.bundledStories(samples))
                .onSuccess(stories -> stories.forEach(choice -> {
                    javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(choice.label());
                    if (choice.story() == null) {
                        item.setDisable(true);
                    } else {
                        item.setOnAction(event -> open(owner.get(), executor, choice.story()));
                    }
                    menu.getItems().add(item);
                }))
                .onFailure(e -> {
                    javafx.scene.control.MenuItem broken = new javafx.scene.control.MenuItem(
                            "Cannot read the demo stories: " + e.getMessage());
                    broken.setDisable(true);
                    menu.getItems().add(broken);
                })
                .start();
    }

    /**
     * Reads a trainer's own story file on the executor and plays it; a file that cannot be read is
     * named with its problem in a message window, and nothing else opens or closes.
     */
    public static void openFile(Window owner, AppExecutor executor, java.nio.file.Path file) {
        new BackgroundTask.Runner(executor::submit, javafx.application.Platform::runLater)
                .task(context -> StoryFormat.read(file))
                .onSuccess(story -> open(owner, executor, story))
                .onFailure(e -> {
                    Alert alert = new Alert(Alert.AlertType.ERROR, e instanceof ScenarioException ? e.getMessage()
                            : file + ": " + e.getMessage(), ButtonType.OK);
                    alert.setHeaderText("This story cannot be opened");
                    alert.setTitle("Open story");
                    if (owner != null) {
                        alert.initOwner(owner);
                    }
                    alert.show();
                })
                .start();
    }

    void bind(PresenterViewModel model) {
        storyTitle.setText(model.story().title());
        chapterTitle.textProperty().bind(Bindings.createStringBinding(() -> {
            int index = model.chapterProperty().get();
            if (index < 0) {
                return "";
            }
            Story.Chapter chapter = model.story().chapters().get(index);
            return "Chapter " + (index + 1) + " of " + model.story().chapters().size() + "  ·  " + chapter.title()
                    + (model.pausedProperty().get() ? "   (paused)" : "");
        }, model.chapterProperty(), model.pausedProperty()));
        narration.textProperty().bind(Bindings.createStringBinding(
                () -> model.chapterProperty().get() < 0 ? "" : model.currentChapter().narration(), model.chapterProperty()));
        ChapterChart.bind(chart, model);
        Bindings.bindContent(chart.markers(), model.markers());
        CostChart.bindKey(markerKey, model);
        CostChart.bind(costChart, costStepAxis, costAxis, model);
        metricAxis.labelProperty().bind(model.charts().metricProperty());
        metricAxis.lowerBoundProperty().bind(model.metricLowerProperty());
        metricAxis.upperBoundProperty().bind(model.metricUpperProperty());
        metricAxis.tickUnitProperty().bind(Bindings.createDoubleBinding(
                () -> ChapterChart.tick(metricAxis.getLowerBound(), metricAxis.getUpperBound()),
                metricAxis.lowerBoundProperty(), metricAxis.upperBoundProperty()));
        stepAxis.tickUnitProperty().bind(Bindings.createDoubleBinding(
                () -> ChapterChart.tick(0, model.stepsProperty().get()), model.stepsProperty()));
        stepAxis.upperBoundProperty().bind(model.stepsProperty());
        statusLabel.textProperty().bind(model.statusProperty());
        chapterRecord.textProperty().bind(model.recordProperty());
        chapterRecord.visibleProperty().bind(model.recordProperty().isNotEmpty());
        chapterRecord.managedProperty().bind(model.recordProperty().isNotEmpty());
        speedLabel.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "speed ×%.2g", model.speedFactorProperty().get()),
                model.speedFactorProperty()));
        this.model = model;
    }

    private PresenterViewModel model;

    /** The presenter's keys; returns whether the key was one of them. */
    boolean handle(KeyEvent event, Stage stage) {
        switch (event.getCode()) {
            case SPACE -> model.togglePause();
            case RIGHT, PAGE_DOWN -> model.next();
            case LEFT, PAGE_UP -> model.previous();
            case R -> model.restart();
            case PLUS, ADD, EQUALS -> model.faster();
            case MINUS, SUBTRACT -> model.slower();
            case F -> stage.setFullScreen(!stage.isFullScreen());
            case ESCAPE -> {
                if (stage.isFullScreen()) {
                    stage.setFullScreen(false);
                } else {
                    stage.hide();
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }
}
