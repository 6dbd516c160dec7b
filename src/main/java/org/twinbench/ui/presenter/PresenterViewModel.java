package org.twinbench.ui.presenter;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
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
import org.twinbench.ui.fx.BackgroundTask;
import org.twinbench.ui.fx.FxCoalescer;
import org.twinbench.stats.MetricSet;
import org.twinbench.ui.results.ChartCurve;
import org.twinbench.ui.results.LiveChartsViewModel;

/**
 * Plays a demo story chapter by chapter for a trainer: runs each chapter's scenario at a watchable
 * pace into a live chart, with pause, chapter navigation, restart and speed control.
 */
public final class PresenterViewModel {

    /** Each + or − press multiplies or divides the pace by this. */
    static final double SPEED_STEP = 1.5;

    private final Story story;
    private final BackgroundTask.Runner background;
    private final LiveChartsViewModel charts;
    private final ReadOnlyIntegerWrapper chapter = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper chapterDone = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper speedFactor = new ReadOnlyDoubleWrapper(1);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper record = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper steps = new ReadOnlyIntegerWrapper(60);
    private final ReadOnlyDoubleWrapper metricLower = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyDoubleWrapper metricUpper = new ReadOnlyDoubleWrapper(1);
    private final javafx.beans.property.ReadOnlyObjectWrapper<ChartCurve> previousCurve =
            new javafx.beans.property.ReadOnlyObjectWrapper<>();
    /** The overall curve each chapter drew last, by chapter index, for the next chapter to overlay. */
    private final java.util.Map<Integer, ChartCurve> drawn = new java.util.HashMap<>();
    /** The story's range of a metric that is not a share: it only grows, so chapters share it. */
    private final java.util.Map<String, Double> highest = new java.util.HashMap<>();
    /** The chapter playing; steps of one left behind are dropped. */
    private final BackgroundTask.Key playing = new BackgroundTask.Key();
    private volatile RunControl control;
    /** The alarms and policy actions the chapter's chart marks (see {@link ChapterMarkers}). */
    private final javafx.collections.ObservableList<ChapterMarkers.Marker> markers =
            javafx.collections.FXCollections.observableArrayList();
    /** One read-only view of the markers, kept: listeners on a view made per call would be lost with it. */
    private final javafx.collections.ObservableList<ChapterMarkers.Marker> markersView =
            javafx.collections.FXCollections.unmodifiableObservableList(markers);
    private final DeploymentCosts costs = new DeploymentCosts();
    private final javafx.beans.property.ReadOnlyObjectWrapper<java.util.Map<String, double[]>> costCurves =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(java.util.Map.of());
    private final ReadOnlyBooleanWrapper costShown = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper costUpper = new ReadOnlyDoubleWrapper(1);

    public PresenterViewModel(Story story, Executor background, Executor fxThread) {
        this.story = story;
        this.background = new BackgroundTask.Runner(background, fxThread);
        this.charts = new LiveChartsViewModel(background, fxThread);
        // A chapter draws the curves its story names; its dashed grey line is the previous chapter's.
        charts.baselineShownProperty().set(false);
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
        playing.invalidate();
        RunControl current = control;
        if (current != null) {
            current.cancel();
        }
    }

    private void play(int index) {
        stop();
        BackgroundTask.Ticket run = playing.next();
        Story.Chapter current = story.chapters().get(index);
        chapter.set(index);
        chapterDone.set(false);
        paused.set(false);
        charts.clear();
        charts.metricProperty().set(current.metric());
        Story.Chapter before = index > 0 ? story.chapters().get(index - 1) : null;
        previousCurve.set(before != null && before.metric().equals(current.metric()) ? drawn.get(index - 1) : null);
        fixMetricRange(current.metric(), previousCurve.get());
        markers.clear();
        java.util.Set<String> markedKinds = ChapterMarkers.mentioned(current.narration());
        record.set(ChapterRecord.say(List.of(), markedKinds, false));
        costShown.set(false);
        java.util.concurrent.atomic.AtomicReference<String> deployment = new java.util.concurrent.atomic.AtomicReference<>();
        RunControl runControl = new RunControl();
        control = runControl;
        runControl.setStepsPerSecond(pace());
        status.set("Preparing the chapter …");
        FxCoalescer<StepResult> coalescer = new FxCoalescer<>(background.fxThread(), results -> {
            if (run.isCurrent()) {
                charts.accept(results);
                showOnly(current.slices());
                List<ChapterMarkers.Marker> now = ChapterMarkers.of(charts.alarms(), markedKinds);
                if (!now.equals(markers)) {
                    markers.setAll(now);
                }
                if (!chapterDone.get()) {
                    record.set(ChapterRecord.say(charts.alarms(), markedKinds, false));
                }
                addCosts(deployment.get(), results);
                ChartCurve overall = ChapterChart.overall(charts.curves());
                if (overall != null) {
                    drawn.put(index, overall);
                    fixMetricRange(current.metric(), overall);
                }
                if (!chapterDone.get()) {
                    status.set(String.format(Locale.ROOT, "Step %d of %d", results.get(results.size() - 1).step() + 1,
                            steps.get()));
                }
            }
        });
        background.task(context -> {
            SimulationPlan plan = ScenarioCompiler.compile(ScenarioFormat.read(current.scenario()),
                    current.scenario().getParent(), new RunListener() { });
            String costName = plan.deployment() == null ? null : DeploymentCosts.name(plan.deployment());
            deployment.set(costName);
            context.onFx(() -> {
                steps.set(plan.steps());
                status.set("");
                if (costName != null && run.isCurrent()) {
                    costs.start(costName);
                    costCurves.set(costs.curves());
                    costShown.set(true);
                }
            });
            // The plan's model files (ONNX runtime sessions) are released when the chapter's run ends.
            try (plan) {
                return SimulationEngine.run(plan, 0, new RunListener() {
                    @Override
                    public void onStep(StepResult result, int totalSteps) {
                        coalescer.offer(result);
                    }
                }, runControl);
            }
        }).whileCurrent(run).onSuccess(outcome -> {
            if (outcome == RunStatus.COMPLETED) {
                // The last steps may still wait in the coalescer: the chapter is done when they are drawn.
                coalescer.flush();
                charts.flush();
                record.set(ChapterRecord.say(charts.alarms(), markedKinds, true));
                chapterDone.set(true);
                status.set(index == story.chapters().size() - 1 ? "The end — Esc to leave, R to replay"
                        : "Press → for the next chapter");
            }
        }).onFailure(e -> status.set("This chapter cannot play: " + (e instanceof ScenarioException
                || e instanceof DataException ? e.getMessage() : e.toString()))).start();
    }

    /** Adds the steps' deployment costs (replicate 0) to the cost chart's curve of the chapter's deployment. */
    private void addCosts(String name, List<StepResult> results) {
        if (name == null) {
            return;
        }
        for (StepResult result : results) {
            if (result.replicate() == 0) {
                costs.add(name, result.measures().get(DeploymentCosts.COST));
            }
        }
        costCurves.set(costs.curves());
        double top = costs.projectedTop(steps.get());
        if (top * 1.1 > costUpper.get()) {
            costUpper.set(org.twinbench.ui.results.LiveChartsView.niceTick(top * 1.1));
        }
    }

    /** The metrics whose values are shares, drawn on [0, 1] in every chapter. */
    static final java.util.Set<String> SHARES = java.util.stream.Stream.concat(MetricSet.NAMES.stream(),
            MetricSet.MULTICLASS_NAMES.stream()).filter(name -> !name.equals("log_loss"))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /**
     * The metric axis for the story: [0, 1] for shares (an attacker's fidelity too, {@link
     * org.twinbench.sim.ShareMeasures}); for other metrics (latency, cost) from 0 to a
     * round number above the highest value any chapter of the story has drawn: it grows in round
     * steps and never shrinks between chapters.
     */
    private void fixMetricRange(String metric, ChartCurve curve) {
        if (SHARES.contains(metric) || org.twinbench.sim.ShareMeasures.isShare(metric)) {
            metricLower.set(0);
            metricUpper.set(1);
            return;
        }
        double top = highest.getOrDefault(metric, 0.0);
        if (curve != null) {
            for (double value : curve.values()) {
                if (Double.isFinite(value)) {
                    top = Math.max(top, value);
                }
            }
        }
        highest.put(metric, top);
        metricLower.set(0);
        // The smallest of 1, 2, 2.5, 5 times a power of ten above the highest value and a margin.
        metricUpper.set(top > 0 ? org.twinbench.ui.results.LiveChartsView.niceTick(top * 1.1) : 1);
    }

    private void showOnly(List<String> slices) {
        if (slices.isEmpty()) {
            return;
        }
        for (String slice : charts.slices()) {
            charts.shownProperty(slice).set(slices.contains(slice));
        }
    }

    /** A demo story of the Demo menu: its label, and the story (null when its file cannot be read). */
    public record StoryChoice(String label, Story story) { }

    /** Reads the bundled demo stories from the samples folder; a broken one is named with its problem. */
    static List<StoryChoice> bundledStories(java.nio.file.Path samples) {
        List<StoryChoice> out = new java.util.ArrayList<>();
        for (String file : org.twinbench.data.BundledSamples.STORIES) {
            try {
                Story story = org.twinbench.scenario.StoryFormat.read(samples.resolve(file));
                out.add(new StoryChoice(story.title() + " — " + story.summary(), story));
            } catch (ScenarioException e) {
                out.add(new StoryChoice(file + ": " + e.getMessage(), null));
            }
        }
        return out;
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

    /** The metric axis's lower bound, fixed for the story. */
    public ReadOnlyDoubleProperty metricLowerProperty() {
        return metricLower.getReadOnlyProperty();
    }

    /** The metric axis's upper bound: 1 for shares; for other metrics it only grows. */
    public ReadOnlyDoubleProperty metricUpperProperty() {
        return metricUpper.getReadOnlyProperty();
    }

    /** The previous chapter's overall curve when this chapter shows the same metric and it was drawn; else null. */
    public javafx.beans.property.ReadOnlyObjectProperty<ChartCurve> previousCurveProperty() {
        return previousCurve.getReadOnlyProperty();
    }

    /**
     * What the chapter's run did of what its narration speaks of, read from the alarms and policy actions
     * it recorded ("In this run: 3 alarms on days 34, 37 and 39; a retraining on day 39. …"); empty when the
     * narration speaks of none.
     */
    public ReadOnlyStringProperty recordProperty() {
        return record.getReadOnlyProperty();
    }

    /** The alarms and policy actions marked on the chapter's chart: the kinds its narration mentions. */
    javafx.collections.ObservableList<ChapterMarkers.Marker> markers() {
        return markersView;
    }

    /** Whether the chapter's scenario has a deployment node, so the cost chart is shown. */
    public javafx.beans.property.ReadOnlyBooleanProperty costShownProperty() {
        return costShown.getReadOnlyProperty();
    }

    /** Cumulative cost by step of each deployment played so far in the story (cloud, edge). */
    public javafx.beans.property.ReadOnlyObjectProperty<java.util.Map<String, double[]>> costCurvesProperty() {
        return costCurves.getReadOnlyProperty();
    }

    /** The cost axis's upper bound: a round number above every curve's projected total; it only grows. */
    public ReadOnlyDoubleProperty costUpperProperty() {
        return costUpper.getReadOnlyProperty();
    }

    /** The legend's words for a cost curve. */
    String costLegend(String name) {
        return costs.legend(name);
    }

    public ReadOnlyIntegerProperty stepsProperty() {
        return steps.getReadOnlyProperty();
    }
}
