package org.twinbench.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Queue;
import org.junit.jupiter.api.Test;
import org.twinbench.data.Task;

/**
 * Cancel stops all of the wizard's background work, not only the trial of the changes: a model being built (with its
 * search for the groups it serves worst) and the ranking of the changes, still running after Cancel on the groups page,
 * used to fill the closed wizard's pages when they finished. Here the background work waits in a queue until the test
 * runs it, so what it delivers after Cancel is seen directly; on scikit-learn's breast cancer table (569 tumours).
 */
class WizardCancelTest {

    private final Queue<Runnable> queued = new ArrayDeque<>();
    private final WizardNavigator wizard = new WizardNavigator(queued::add, Runnable::run);

    private void runQueued() {
        while (!queued.isEmpty()) {
            queued.poll().run();
        }
    }

    /** The data read, "diagnosis" to predict, on the model page. */
    private void toModelPage() {
        wizard.data().loadData(Path.of("src/test/resources/window/breast-cancer.csv"));
        runQueued();
        wizard.target().targetProperty().set("diagnosis");
        assertThat(wizard.target().taskProperty().get()).isEqualTo(Task.BINARY);
        wizard.next();
        wizard.next();
        assertThat(wizard.pageProperty().get()).isEqualTo(WizardNavigator.Page.MODEL);
    }

    @Test
    void aModelFinishedAfterCancelDeliversNothing() {
        toModelPage();
        wizard.model().buildModel();
        assertThat(wizard.busyProperty().get()).isEqualTo("Building a model from your data …");
        assertThat(wizard.working()).as("the build waits in the queue").isTrue();

        wizard.cancelWork();
        assertThat(wizard.busyProperty().get()).isEmpty();
        runQueued();

        assertThat(wizard.working()).isFalse();
        assertThat(wizard.model().modelReadyProperty().get()).as("the build ran, and delivered nothing").isFalse();
        assertThat(wizard.model().modelSummaryProperty().get()).isEmpty();
        assertThat(wizard.groups().foundNoteProperty().get()).isEmpty();
        assertThat(wizard.busyProperty().get()).isEmpty();

        // The same build, not cancelled, delivers: the model, and the note of the groups searched.
        wizard.model().buildModel();
        runQueued();
        assertThat(wizard.model().modelReadyProperty().get()).isTrue();
        assertThat(wizard.groups().foundNoteProperty().get()).isNotEmpty();
    }

    @Test
    void aRankingFinishedAfterCancelDeliversNothing() {
        toModelPage();
        wizard.model().buildModel();
        runQueued();
        wizard.next();
        assertThat(wizard.pageProperty().get()).isEqualTo(WizardNavigator.Page.CHANGES);
        assertThat(wizard.working()).as("the ranking waits in the queue").isTrue();

        wizard.cancelWork();
        runQueued();
        assertThat(wizard.changes().orderProperty().get()).as("the ranking ran, and delivered nothing").isEmpty();

        // Back and on again: the page ranks afresh, and that ranking, not cancelled, delivers all six changes.
        wizard.back();
        wizard.next();
        runQueued();
        assertThat(wizard.changes().orderProperty().get()).hasSameSizeAs(wizard.changes().choices());
    }
}
