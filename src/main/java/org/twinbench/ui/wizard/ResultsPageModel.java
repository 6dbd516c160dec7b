package org.twinbench.ui.wizard;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.twinbench.data.AtomicFiles;
import org.twinbench.data.PlainWords;
import org.twinbench.data.Task;
import org.twinbench.report.WhatIfReport;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.sim.RunControl;
import org.twinbench.sim.whatif.WhatIfChange;
import org.twinbench.sim.whatif.WhatIfQuestion;
import org.twinbench.sim.whatif.WhatIfRun;
import org.twinbench.sim.whatif.WhatIfVerdict;
import org.twinbench.ui.fx.BackgroundTask;

/**
 * Page 6, "Will it hold up?": every chosen change tried in the background, the verdicts worst first,
 * one sentence per change, and the report or scenario saved (in the background too).
 */
public final class ResultsPageModel {

    /** One sentence of the verdict, coloured by the worst light of its change ({@code green}, {@code amber}, {@code red}). */
    public record Summary(String text, String light) { }

    /** The lights a verdict row can show, as style names. */
    public static final List<String> LIGHTS = List.of("green", "amber", "red");

    private final BackgroundTask.Runner background;
    private final WizardStatus status;
    /** The newest try; a try left by going back or cancelling delivers nothing. */
    private final BackgroundTask.Key trying = new BackgroundTask.Key();
    private final ReadOnlyObjectWrapper<WhatIfRun.Result> result = new ReadOnlyObjectWrapper<>();
    private final ObservableList<WhatIfVerdict> verdicts = FXCollections.observableArrayList();
    private final ObservableList<Summary> summaries = FXCollections.observableArrayList();
    private final ObservableList<FairnessTable.Row> fairness = FXCollections.observableArrayList();
    private volatile RunControl control;
    /** Whether the model tried is one the user was given (else built here, also when kept as a file). */
    private boolean given;
    private final ReadOnlyObjectWrapper<Task> task = new ReadOnlyObjectWrapper<>(Task.BINARY);
    private final javafx.beans.property.ReadOnlyStringWrapper today = new javafx.beans.property.ReadOnlyStringWrapper("");

    ResultsPageModel(BackgroundTask.Runner background, WizardStatus status) {
        this.background = background;
        this.status = status;
    }

    /**
     * Tries every change of {@code question} in the background; results arrive on the FX thread. A model of
     * amounts is judged on how far off it is ({@link AmountTrial}), a model of classes on how often it is
     * right ({@link WhatIfRun}); {@code modelWords} (how good the model is today, beside the naive guess) heads
     * the results.
     */
    void tryChanges(WhatIfQuestion question, Task kind, String modelWords, boolean given) {
        this.given = given;
        RunControl runControl = new RunControl();
        control = runControl;
        BackgroundTask.Ticket ticket = trying.next();
        result.set(null);
        verdicts.clear();
        summaries.clear();
        fairness.clear();
        task.set(kind);
        today.set(modelWords == null ? "" : modelWords);
        status.busy("Trying the changes …");
        background.task(context -> {
            Consumer<String> progress = step -> context.onFx(() -> status.busy(step + " …"));
            return kind == Task.REGRESSION ? AmountTrial.run(question, progress, runControl)
                    : WhatIfRun.run(question, progress, runControl);
        }).whileCurrent(ticket).onSuccess(outcome -> {
                    if (runControl.isCancelled()) {
                        return;
                    }
                    status.busy("");
                    summaries.setAll(question.changes().stream().map(change -> new Summary(outcome.pageSummary(change),
                            light(WhatIfVerdict.worst(change, outcome.verdicts())))).toList());
                    // Worst first: the rows the user must read are at the top of the table.
                    verdicts.setAll(outcome.verdicts().stream().sorted(Comparator.comparing(
                            WhatIfVerdict::light).reversed()).map(v -> kind == Task.MULTICLASS ? inKinds(v) : v)
                            .toList());
                    fairness.setAll(FairnessTable.rows(question.changes(), outcome));
                    result.set(outcome);
                }).onFailure(e -> status.failed("Something went wrong while trying the changes: " + e.getMessage()))
                .start();
    }

    /**
     * A verdict on a model of kinds in its words: it "gets the right kind about 9 times out of 10", where a yes/no
     * model is "right about 9 times out of 10".
     */
    static WhatIfVerdict inKinds(WhatIfVerdict verdict) {
        return new WhatIfVerdict(verdict.change(), verdict.group(), verdict.light(), verdict.before(), verdict.after(),
                verdict.sentence().replaceAll("\\bright (only )?about ", "gets the right kind $1about "),
                verdict.retraining());
    }

    /** What the results measure: the task of the model tried (an amount, or classes). */
    public ReadOnlyObjectProperty<Task> taskProperty() {
        return task.getReadOnlyProperty();
    }

    /** How good the model is today, beside the naive guess, in words ("" when not known). */
    public ReadOnlyStringProperty todayProperty() {
        return today.getReadOnlyProperty();
    }

    /**
     * A verdict's figure in words for the table: a share right ("81%") for classes, the average error
     * ("about 45") for amounts.
     */
    static String figure(Task kind, double value) {
        return kind == Task.REGRESSION ? "about " + PlainWords.amount(value) : PlainWords.percent(value);
    }

    /** Stops a try under way; what it finds is dropped. */
    void cancel() {
        RunControl current = control;
        if (current != null) {
            current.cancel();
        }
        trying.invalidate();
    }

    /**
     * Writes the report of the result as a web page, atomically and in the background; then
     * {@code saved} runs, or {@code failed} with "Could not save …".
     */
    public void saveReport(Path file, org.twinbench.sim.whatif.WhatIfQuestion question, java.time.LocalDate today,
                           Runnable saved, Consumer<String> failed) {
        WhatIfRun.Result shown = result.get();
        if (shown != null) {
            boolean theirs = given;
            Task answered = task.get();
            write(file, () -> WhatIfReport.html(reportTitle(question, today, theirs), question.changes(), shown,
                    answered), saved, failed);
        }
    }

    /** "Will my model hold up? shop.csv, the model in churn.onnx, 3 December 2026": what, with what, when. */
    static String reportTitle(org.twinbench.sim.whatif.WhatIfQuestion question, java.time.LocalDate today) {
        return reportTitle(question, today, question.model() != null);
    }

    /** The same, naming the model file only when it is one the user was given ({@code given}). */
    static String reportTitle(org.twinbench.sim.whatif.WhatIfQuestion question, java.time.LocalDate today,
                              boolean given) {
        String model = !given || question.model() == null ? "a model built from it"
                : "the model in " + question.model().getFileName();
        return "Will my model hold up? " + question.data().getFileName() + ", " + model + ", "
                + today.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
    }

    /** Writes the scenario that plays the tried changes, as {@link #saveReport} writes the report. */
    public void saveScenario(Path file, Runnable saved, Consumer<String> failed) {
        WhatIfRun.Result shown = result.get();
        if (shown != null) {
            write(file, () -> ScenarioFormat.toJson(shown.combined()), saved, failed);
        }
    }

    private void write(Path file, Supplier<String> text, Runnable saved, Consumer<String> failed) {
        background.chore(() -> AtomicFiles.writeText(file, out -> out.write(text.get())))
                .onSuccess(done -> saved.run())
                .onFailure(e -> failed.accept("Could not save " + file + ": " + e.getMessage()))
                .start();
    }

    static String light(WhatIfVerdict.Light light) {
        return light.name().toLowerCase(Locale.ROOT);
    }

    /** The verdict's light as a style name: green, amber or red. */
    public static String lightName(WhatIfVerdict verdict) {
        return light(verdict.light());
    }

    /** The light in words for the table's first column. */
    public static String lightWords(WhatIfVerdict verdict) {
        return switch (verdict.light()) {
            // Green is "fine" only where the verdict could tell, and (for classes) the model is reliable there:
            // the lower end of the Wilson interval of its share right at least 8 in 10.
            case GREEN -> verdict.sentence().contains("too few rows") ? "● too few to tell"
                    : verdict.sentence().contains("stays reliable") || verdict.sentence().contains("stays as good")
                    ? "● fine" : "● unchanged, weak";
            case AMBER -> "● worse";
            case RED -> "● fails";
        };
    }

    /** The change in words, without its strength (that is in the sentence above the chart). */
    public static String changeWords(WhatIfVerdict verdict) {
        return PlainWords.capitalised(verdict.change().kind().words());
    }

    /** What retraining every month would do, in words. */
    public static String retrainingWords(WhatIfVerdict verdict) {
        return verdict.retraining().outcome();
    }

    public ReadOnlyObjectProperty<WhatIfRun.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ObservableList<WhatIfVerdict> verdicts() {
        return verdicts;
    }

    /**
     * Per tried change, group column and measure, the group served worst after it ({@link FairnessTable}); set before
     * {@link #resultProperty} on the same FX callback.
     */
    public ObservableList<FairnessTable.Row> fairness() {
        return fairness;
    }

    /** One sentence per tried change, in the question's order. */
    public ObservableList<Summary> summaries() {
        return summaries;
    }
}
