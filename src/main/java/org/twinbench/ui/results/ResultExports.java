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

    private final Executor background;
    private final Executor fxThread;
    private final Consumer<String> outcome;

    ResultExports(Executor background, Executor fxThread, Consumer<String> outcome) {
        this.background = background;
        this.fxThread = fxThread;
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
        background.execute(() -> {
            String text;
            boolean saved = false;
            try {
                write.run();
                text = "Saved " + file;
                saved = true;
            } catch (IOException | RuntimeException e) {
                text = "Could not save " + file + ": " + e.getMessage();
            }
            String message = text;
            boolean ok = saved;
            fxThread.execute(() -> {
                outcome.accept(message);
                if (ok && then != null) {
                    then.accept(file);
                }
            });
        });
    }
}
