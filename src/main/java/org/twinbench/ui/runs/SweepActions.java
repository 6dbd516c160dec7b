package org.twinbench.ui.runs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.twinbench.report.SweepBundle;
import org.twinbench.report.SweepImport;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.ui.fx.AppExecutor;
import org.twinbench.ui.fx.BackgroundTask;

/**
 * The main window's cluster actions, off the FX thread: export the open scenario as a sweep bundle for
 * {@code spark-submit} ({@link SweepBundle}) and import a sweep's results into the run store
 * ({@link SweepImport}). Reports through the window's status line; callbacks run on the FX thread.
 */
public final class SweepActions {

    private final BackgroundTask.Runner background;
    private final Path runStore;
    private final Consumer<String> status;

    public SweepActions(AppExecutor executor, Executor fxThread, Path runStore, Consumer<String> status) {
        this.background = new BackgroundTask.Runner(executor::submit, fxThread);
        this.runStore = runStore;
        this.status = status;
    }

    /** The values of a sweep's grid, typed in the dialog or read from a grid file (on the executor). */
    @FunctionalInterface
    public interface Grid {
        Map<String, List<Object>> axes() throws Exception;
    }

    /** Writes the bundle on the executor; {@code done} gets what was written. */
    public void exportBundle(Path folder, Scenario scenario, Path scenarioDir, Map<String, List<Object>> axes,
                             int replicates, Consumer<SweepBundle.Written> done) {
        exportBundle(folder, scenario, scenarioDir, () -> axes, replicates, done);
    }

    /** Reads the grid and writes the bundle on the executor; {@code done} gets what was written. */
    public void exportBundle(Path folder, Scenario scenario, Path scenarioDir, Grid grid,
                             int replicates, Consumer<SweepBundle.Written> done) {
        status.accept("Writing the sweep bundle " + folder.getFileName() + " ...");
        background.task(context -> SweepBundle.write(folder, scenario, scenarioDir, grid.axes(), replicates,
                SweepBundle.DEFAULT_COPY_LIMIT)).onSuccess(written -> {
                    status.accept(String.format(Locale.ROOT, "Sweep bundle written: %s (%d points x %d replicates = "
                            + "%d tasks); run its submit.sh", folder, written.points(), replicates, written.tasks()));
                    done.accept(written);
                }).onFailure(e -> status.accept("Cannot export the sweep: " + e.getMessage())).start();
    }

    /** Imports every point of a sweep's results folder on the executor; {@code done} gets the new runs. */
    public void importResults(Path folder, Consumer<List<SweepImport.Imported>> done) {
        status.accept("Importing the sweep results in " + folder.getFileName() + " ...");
        background.task(context -> SweepImport.into(runStore, folder)).onSuccess(runs -> {
            status.accept(importMessage(runs, folder));
            done.accept(runs);
        }).onFailure(e -> status.accept("Cannot import the sweep: " + e.getMessage())).start();
    }

    /** What an import did, counting the points that were already in the run history. */
    static String importMessage(List<SweepImport.Imported> runs, Path folder) {
        long known = runs.stream().filter(SweepImport.Imported::alreadyStored).count();
        if (known == runs.size()) {
            return (known == 1 ? "The run" : "All " + known + " runs") + " from " + folder
                    + (known == 1 ? " was" : " were") + " already in the run history";
        }
        long added = runs.size() - known;
        return "Imported " + added + (added == 1 ? " run" : " runs") + " from " + folder + " into the run history"
                + (known == 0 ? "" : " (" + known + (known == 1 ? " was" : " were") + " already there)");
    }

    /** Shows a message in the window's status line. */
    public void report(String message) {
        status.accept(message);
    }

    /** Where the runs go. */
    public Path runStore() {
        return runStore;
    }

    /** The scenario's numeric parameters a grid can vary, as {@code node.param} or {@code node.param.key}. */
    public static List<String> parameters(Scenario scenario) {
        List<String> names = new ArrayList<>();
        for (ScenarioNode node : scenario.nodes()) {
            node.params().forEach((key, value) -> {
                if (value instanceof Number) {
                    names.add(node.id() + "." + key);
                } else if (value instanceof Map<?, ?> inner) {
                    inner.forEach((k, v) -> {
                        if (v instanceof Number) {
                            names.add(node.id() + "." + key + "." + k);
                        }
                    });
                }
            });
        }
        return names;
    }
}
