package org.twinbench.ui.editor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.NodeType;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.sim.ScenarioCheck;
import org.twinbench.ui.fx.BackgroundTask;

/**
 * The editor's copy of {@code validate}: the open scenario checked against its data and models
 * ({@link ScenarioCheck}) off the FX thread, again whenever the scenario changes or one of the files it
 * names changes on disk ({@link #recheckIfFilesChanged()}). The latest report wins; a report of an
 * edit since undone is dropped. Until the first report arrives the report is null.
 */
public final class ScenarioChecking {

    private final ScenarioDocument document;
    private final BackgroundTask.Runner background;
    private final BackgroundTask.Key checks = new BackgroundTask.Key();
    private final ReadOnlyObjectWrapper<Checked> report = new ReadOnlyObjectWrapper<>();
    /** The files the last check read, with when each was last modified (null: absent). */
    private List<Stamp> stamps = List.of();

    /** A report and the scenario it is about. */
    public record Checked(Scenario scenario, ScenarioCheck.Report report) {
    }

    /** A file the check read and its modification time then. */
    private record Stamp(Path file, Long modified) {
    }

    /** What one check found, and the files it read. */
    private record Result(ScenarioCheck.Report report, List<Stamp> stamps) {
    }

    public ScenarioChecking(ScenarioDocument document, BackgroundTask.Runner background) {
        this.document = document;
        this.background = background;
        document.scenarioProperty().addListener((obs, old, now) -> check());
        check();
    }

    /** Checks the scenario as it is now; the answer replaces {@link #reportProperty()} when it is still current. */
    public void check() {
        Scenario scenario = document.scenario();
        Path folder = document.baseDirectory();
        start(background.task(context -> new Result(ScenarioCheck.check(scenario, folder), stampsOf(scenario, folder)))
                .whileCurrent(checks.next()).onSuccess(result -> {
                    stamps = result.stamps();
                    report.set(new Checked(scenario, result.report()));
                }).onFailure(e -> report.set(new Checked(scenario, new ScenarioCheck.Report(List.of(
                new ScenarioCheck.Problem("(scenario)", null, null, "the scenario could not be checked: " + e)),
                java.util.Map.of())))));
    }

    /** Starts a task, unless the app is closing (its executor no longer takes work): then nothing is checked. */
    private static void start(BackgroundTask.Ready<?> task) {
        try {
            task.start();
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // The window is closing; a check nobody will see is not needed.
        }
    }

    /** Checks again if a data or model file the last check read has changed since (stats the files off the FX thread). */
    public void recheckIfFilesChanged() {
        List<Stamp> before = stamps;
        if (before.isEmpty()) {
            return;
        }
        start(background.task(context -> before.stream().anyMatch(s -> !Objects.equals(s.modified(), modified(s.file()))))
                .onSuccess(changed -> {
                    if (changed && before == stamps) {
                        check();
                    }
                })
                // A file that cannot be looked at now is looked at again on the next poll.
                .onFailure(e -> { }));
    }

    private static List<Stamp> stampsOf(Scenario scenario, Path folder) {
        List<Stamp> out = new ArrayList<>();
        for (ScenarioNode node : scenario.nodes()) {
            NodeType type = NodeCatalog.find(node.type()).orElse(null);
            Object path = node.params().get("path");
            if (type != null && path instanceof String text && !text.isBlank()) {
                try {
                    Path file = folder.resolve(text).normalize();
                    out.add(new Stamp(file, modified(file)));
                } catch (java.nio.file.InvalidPathException e) {
                    // The check reports the name; there is no file to watch.
                }
            }
        }
        return List.copyOf(out);
    }

    private static Long modified(Path file) {
        try {
            return Files.exists(file) ? Files.getLastModifiedTime(file).toMillis() : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** The last report, with the scenario it checked; null before the first. */
    public ReadOnlyObjectProperty<Checked> reportProperty() {
        return report.getReadOnlyProperty();
    }
}
