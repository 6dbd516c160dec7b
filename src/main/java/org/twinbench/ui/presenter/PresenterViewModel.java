package org.twinbench.ui.presenter;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.twinbench.data.DataException;
import org.twinbench.scenario.ScenarioException;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.scenario.Story;
import org.twinbench.sim.RunControl;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.RunStatus;
import org.twinbench.sim.ScenarioCompiler;
import org.twinbench.sim.SimulationEngine;
import org.twinbench.sim.SimulationPlan;
import org.twinbench.sim.StepResult;
import org.twinbench.ui.FxCoalescer;
import org.twinbench.ui.results.LiveChartsViewModel;

/**
 * Plays a demo story chapter by chapter for a trainer: runs each chapter's scenario at a watchable
 * pace into a live chart, with pause, chapter navigation, restart and speed control.
 */
public final class PresenterViewModel {

    /** Each + or − press multiplies or divides the pace by this. */
    static final double SPEED_STEP = 1.5;

    private final Story story;
    private final Executor background;
    private final Executor fxThread;
    private final LiveChartsViewModel charts;
    private final ReadOnlyIntegerWrapper chapter = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper chapterDone = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper speedFactor = new ReadOnlyDoubleWrapper(1);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper steps = new ReadOnlyIntegerWrapper(60);
    private final AtomicLong generation = new AtomicLong();
    private volatile RunControl control;

    public PresenterViewModel(Story story, Executor background, Executor fxThread) {
        this.story = story;
        this.background = background;
        this.fxThread = fxThread;
        this.charts = new LiveChartsViewModel(background, fxThread);
    }

    public void start() {
        play(0);
    }

    public void next() {
        if (chapter.get() < story.chapters().size() - 1) {
            play(chapter.get() + 1);
        }
    }

    public void previous() {
        play(Math.max(0, chapter.get() - 1));
    }

    /** Plays the current chapter again from its first step. */
    public void restart() {
        play(Math.max(0, chapter.get()));
    }

    public void togglePause() {
        RunControl current = control;
        if (current == null || chapterDone.get()) {
            return;
        }
        if (current.isPaused()) {
            current.resume();
            paused.set(false);
        } else {
            current.pause();
            paused.set(true);
        }
    }

    public void faster() {
        setSpeedFactor(speedFactor.get() * SPEED_STEP);
    }

    public void slower() {
        setSpeedFactor(speedFactor.get() / SPEED_STEP);
    }

    private void setSpeedFactor(double factor) {
        speedFactor.set(Math.max(1 / 8.0, Math.min(16, factor)));
        RunControl current = control;
        if (current != null && chapter.get() >= 0) {
            current.setStepsPerSecond(pace());
        }
    }

    private double pace() {
        return story.chapters().get(chapter.get()).stepsPerSecond() * speedFactor.get();
    }

    /** Stops what plays, if anything. */
    public void stop() {
        generation.incrementAndGet();
        RunControl current = control;
        if (current != null) {
            current.cancel();
        }
    }

    private void play(int index) {
        stop();
        long run = generation.get();
        Story.Chapter current = story.chapters().get(index);
        chapter.set(index);
        chapterDone.set(false);
        paused.set(false);
        charts.clear();
        charts.metricProperty().set(current.metric());
        RunControl runControl = new RunControl();
        control = runControl;
        runControl.setStepsPerSecond(pace());
        status.set("Preparing the chapter …");
        FxCoalescer<StepResult> coalescer = new FxCoalescer<>(fxThread, results -> {
            if (generation.get() == run) {
                charts.accept(results);
                showOnly(current.slices());
                if (!chapterDone.get()) {
                    status.set(String.format(Locale.ROOT, "Step %d of %d", results.get(results.size() - 1).step() + 1,
                            steps.get()));
                }
            }
        });
        background.execute(() -> {
            try {
                SimulationPlan plan = ScenarioCompiler.compile(ScenarioFormat.read(current.scenario()),
                        current.scenario().getParent(), new RunListener() { });
                fxThread.execute(() -> {
                    if (generation.get() == run) {
                        steps.set(plan.steps());
                        status.set("");
                    }
                });
                RunStatus outcome = SimulationEngine.run(plan, 0, new RunListener() {
                    @Override
                    public void onStep(StepResult result, int totalSteps) {
                        coalescer.offer(result);
                    }
                }, runControl);
                if (outcome == RunStatus.COMPLETED) {
                    fxThread.execute(() -> {
                        if (generation.get() == run) {
                            charts.flush();
                            chapterDone.set(true);
                            status.set(index == story.chapters().size() - 1 ? "The end — Esc to leave, R to replay"
                                    : "Press → for the next chapter");
                        }
                    });
                }
            } catch (ScenarioException | DataException e) {
                fxThread.execute(() -> status.set("This chapter cannot play: " + e.getMessage()));
            }
        });
    }

    private void showOnly(List<String> slices) {
        if (slices.isEmpty()) {
            return;
        }
        for (String slice : charts.slices()) {
            charts.shownProperty(slice).set(slices.contains(slice));
        }
    }

    public Story story() {
        return story;
    }

    public Story.Chapter currentChapter() {
        return story.chapters().get(Math.max(0, chapter.get()));
    }

    public LiveChartsViewModel charts() {
        return charts;
    }

    public ReadOnlyIntegerProperty chapterProperty() {
        return chapter.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty chapterDoneProperty() {
        return chapterDone.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty speedFactorProperty() {
        return speedFactor.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty stepsProperty() {
        return steps.getReadOnlyProperty();
    }
}
