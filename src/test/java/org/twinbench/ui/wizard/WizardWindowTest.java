package org.twinbench.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.twinbench.ui.fx.AppExecutor;

/**
 * The guided check's window as its TestFX tests open it: the wizard over a plain stage, its file dialogs answered
 * from the test ({@link #toOpen} for "open", the test's folder for "save"), left as the owner would leave it.
 */
abstract class WizardWindowTest {

    @TempDir
    static Path home;

    protected AppExecutor executor;
    protected WizardNavigator model;
    /** What the wizard's next "open" dialog answers. */
    protected volatile Path toOpen;

    /** Opens the wizard on {@code stage}; call from the test's {@code @Start}. */
    protected void open(Stage stage) {
        System.setProperty("twinbench.home", home.toString());
        executor = new AppExecutor();
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.Pane(), 200, 100));
        stage.show();
        model = WizardView.open(stage, executor, path -> { }, new WizardFiles() {
            @Override
            public Optional<Path> open(Window owner, String title, String kind, List<String> patterns) {
                return Optional.ofNullable(toOpen);
            }

            @Override
            public Optional<Path> save(Window owner, String title, String name, String kind, List<String> patterns) {
                return Optional.of(home.resolve(name));
            }
        });
        if (org.twinbench.ui.shots.WindowShots.asked()) {
            // Under Xvfb and openbox the wizard, owned by this 200 × 100 stage, was mapped 200 pixels wide, its Next
            // button outside it; for the screenshots it starts in the screen's corner at 1280 × 720.
            Window.getWindows().stream().filter(WizardWindowTest::isWizard).findFirst().ifPresent(wizard -> {
                wizard.setX(0);
                wizard.setY(0);
                wizard.setWidth(1280);
                wizard.setHeight(720);
            });
        }
    }

    /**
     * Walks the owner's way from {@code data} to the results: opens it, predicts {@code target} (of {@code task}),
     * builds a model, tries {@code kind} a little with {@code groups} chosen (null: the page's own choice) and waits
     * for the result, with no problem shown.
     */
    protected void walkToResults(FxRobot robot, Path data, String target, org.twinbench.data.Task task,
                                 org.twinbench.sim.whatif.WhatIfChange.Kind kind, List<String> groups)
            throws java.util.concurrent.TimeoutException {
        toOpen = data;
        robot.clickOn("#chooseDataButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.data().dataProperty().get() != null
                && data.equals(model.data().dataFileProperty().get()));
        robot.clickOn("#nextButton");
        awaitPage(WizardNavigator.Page.TARGET);
        robot.interact(() -> model.target().targetProperty().set(target));
        assertThat(model.target().taskProperty().get()).isEqualTo(task);
        robot.clickOn("#nextButton");
        awaitPage(WizardNavigator.Page.MODEL);
        robot.clickOn("#buildModelButton");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.busyProperty().get().isEmpty()
                && (model.model().modelReadyProperty().get() || !model.problemProperty().get().isEmpty()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.problemProperty().get()).isEmpty();
        robot.clickOn("#nextButton");
        awaitPage(WizardNavigator.Page.CHANGES);
        robot.interact(() -> {
            for (ChangesPageModel.Choice choice : model.changes().choices()) {
                choice.chosen().set(choice.kind() == kind);
                choice.strength().set(0.0);
            }
        });
        robot.clickOn("#nextButton");
        awaitPage(WizardNavigator.Page.GROUPS);
        if (groups != null) {
            robot.interact(() -> {
                for (String column : model.groups().groupColumns()) {
                    model.groups().groupChosenProperty(column).set(groups.contains(column));
                }
            });
        }
        robot.clickOn("#nextButton");
        awaitPage(WizardNavigator.Page.RESULTS);
        // What the result shows is set before it, on the same FX callback: wait for the result, the last.
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> model.results().resultProperty().get() != null
                || !model.problemProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.problemProperty().get()).isEmpty();
    }

    /** Waits for {@code page} (a click of a real display's robot arrives later than Monocle's). */
    protected void awaitPage(WizardNavigator.Page page) throws java.util.concurrent.TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.pageProperty().get() == page);
    }

    /** scikit-learn's breast cancer table (569 tumours, "diagnosis" M or B), copied to the test's folder. */
    protected static Path breastCancer() throws java.io.IOException {
        Path data = home.resolve("breast-cancer.csv");
        java.nio.file.Files.copy(Path.of("src/test/resources/window/breast-cancer.csv"), data,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return data;
    }

    /** The wizard's window (read on the FX thread). */
    protected static Stage wizardStage() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> (Stage) Window.getWindows().stream().filter(WizardWindowTest::isWizard)
                .findFirst().orElseThrow()).get(30, TimeUnit.SECONDS);
    }

    /** Whether the wizard's window is showing (read on the FX thread). */
    protected static boolean wizardShowing() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream().anyMatch(WizardWindowTest::isWizard))
                .get(30, TimeUnit.SECONDS);
    }

    private static boolean isWizard(Window window) {
        return window instanceof Stage stage && stage.getTitle() != null
                && stage.getTitle().startsWith("Will my model hold up?");
    }

    /** The confirmation dialog showing now, or null (read on the FX thread). */
    protected static DialogPane confirmation(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(".dialog-pane").<DialogPane>tryQuery().orElse(null))
                .get(30, TimeUnit.SECONDS);
    }

    /**
     * Leaves as the owner would: Done on the results, else Cancel, confirming that the entries go; then waits until
     * the wizard's window is gone and its background work has ended, so that nothing of it reaches the next class.
     * The confirmation's Yes is its own button: a table of yes/no answers has "Yes" in its preview cells and in the
     * outcome list, and a lookup by text, made while the dialog was still opening, clicked one of those; the dialog
     * stayed open, TestFX's clean-up then asked the wizard to close, which asked again in a second modal dialog, and
     * the next wizard class never started.
     */
    @AfterEach
    void close(FxRobot robot) throws Exception {
        if (wizardShowing()) {
            if (model.pageProperty().get() == WizardNavigator.Page.RESULTS) {
                robot.clickOn("#doneButton");
            } else {
                robot.clickOn("#cancelButton");
                WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> confirmation(robot) != null);
                robot.clickOn(confirmation(robot).lookupButton(ButtonType.YES));
            }
        }
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !wizardShowing());
        // A search under way cannot stop in the middle: it ends (delivering nothing) before the executor closes.
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> !model.working());
        executor.close();
    }

    /** A number the sentence matched, thousands separators dropped. */
    protected static double number(Matcher matcher, int group) {
        return Double.parseDouble(matcher.group(group).replace(",", ""));
    }
}
