package org.twinbench.ui.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.twinbench.data.AtomicFiles;
import org.twinbench.report.RunFiles;
import org.twinbench.sim.RunOutcome;
import org.twinbench.sim.RunStatus;
import org.twinbench.sim.StepResult;
import org.twinbench.ui.fx.BackgroundTask;

/**
 * Writes what the live results show to files — a chart as PNG, the steps as CSV, the run as an HTML
 * report — on the background executor, each atomically (a temporary file beside the target, then a
 * rename), and reports the outcome in one line on the FX thread.
 */
final class ResultExports {

    /** Something that writes a file. */
    interface FileWrite {
        void run() throws IOException;
    }

    private final BackgroundTask.Runner background;
    private final Consumer<String> outcome;

    ResultExports(Executor background, Executor fxThread, Consumer<String> outcome) {
        this.background = new BackgroundTask.Runner(background, fxThread);
        this.outcome = outcome;
    }

    void png(java.awt.image.BufferedImage image, Path file) {
        inBackground(file, () -> AtomicFiles.write(file, (java.io.OutputStream out) -> {
            if (!javax.imageio.ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        }), null);
    }

    /** Writes the steps exactly as the {@code run} command writes {@code steps.csv}. */
    static void csv(List<List<StepResult>> replicates, Path file) throws IOException {
        RunOutcome outcome = new RunOutcome(replicates, RunStatus.COMPLETED);
        AtomicFiles.writeText(file, out -> RunFiles.writeSteps(outcome, out));
    }

    /**
     * Writes the HTML report of the steps so far exactly as the {@code run} command renders its
     * {@code report.html} ({@link org.twinbench.report.HtmlReport}); a run with fewer steps than
     * planned is reported as stopped.
     */
    static void html(List<List<StepResult>> replicates, int count, Path scenarioFile,
                     org.twinbench.sim.SimulationPlan plan, Path file) throws IOException {
        boolean complete = replicates.size() == count && replicates.stream().allMatch(r -> r.size() >= plan.steps());
        RunOutcome outcome = new RunOutcome(replicates, complete ? RunStatus.COMPLETED : RunStatus.CANCELLED);
        org.twinbench.sim.RunSeries series = org.twinbench.sim.RunSeries.of(outcome);
        org.twinbench.sim.RunSummary summary = org.twinbench.sim.RunSummary.of(outcome, series, List.of());
        org.twinbench.sim.store.RunProvenance provenance = org.twinbench.sim.store.RunProvenance.of(scenarioFile, plan, count,
                java.time.Instant.now());
        String html = org.twinbench.report.HtmlReport.render(outcome, series, provenance, summary);
        AtomicFiles.writeText(file, out -> out.write(html));
    }

    /**
     * Runs {@code write} on the background executor; reports "Saved …" or "Could not save …" and,
     * after a success, hands the file to {@code then} on the FX thread (if given).
     */
    void inBackground(Path file, FileWrite write, Consumer<Path> then) {
        background.chore(write::run).onSuccess(done -> {
            outcome.accept("Saved " + file);
            if (then != null) {
                then.accept(file);
            }
        }).onFailure(e -> outcome.accept("Could not save " + file + ": " + e.getMessage())).start();
    }

    /** Opens {@code file} with the desktop's browser, off the FX thread; says so when there is none. */
    void browse(Path file) {
        background.task(context -> {
            if (!java.awt.Desktop.isDesktopSupported()
                    || !java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.BROWSE)) {
                return false;
            }
            java.awt.Desktop.getDesktop().browse(file.toUri());
            return true;
        }).onSuccess(opened -> {
            if (!opened) {
                outcome.accept("No browser available: open " + file);
            }
        }).onFailure(e -> outcome.accept("Could not open " + file + ": " + e.getMessage())).start();
    }
}
