package org.twinbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.twinbench.data.DataException;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.sim.RunOutcome;
import org.twinbench.sim.RunSeries;
import org.twinbench.sim.RunSummary;
import org.twinbench.sim.store.RunProvenance;
import org.twinbench.sim.store.RunStore;
import org.twinbench.sim.sweep.SimulationTask;

/**
 * Brings a sweep's results (the folder {@code twinbench sweep} writes, locally or on a cluster) into
 * the run store: every {@code point-NNNN/} becomes one stored run named after its point, with the
 * point's steps, alarms and {@code run.json}, so run history and comparison show it beside runs made
 * in the window. Records through {@link RunStore#save} only.
 */
public final class SweepImport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SweepImport() {
    }

    /**
     * One point of the sweep in the store.
     *
     * @param alreadyStored the point was in the store before (imported earlier), so it was not stored again
     */
    public record Imported(long runId, String name, boolean alreadyStored) {
    }

    /**
     * Imports every point of the sweep in {@code dir}, in point order; returns the stored runs. A point
     * already in the store (the same {@code run.json}) is not stored a second time.
     */
    public static List<Imported> into(Path store, Path dir) {
        if (!Files.isRegularFile(dir.resolve(SweepFiles.SWEEP))) {
            throw new DataException(dir + ": not a sweep's results (no " + SweepFiles.SWEEP
                    + "); choose the folder given to 'twinbench sweep --out'");
        }
        List<Path> points;
        try (Stream<Path> children = Files.list(dir)) {
            points = children.filter(p -> p.getFileName().toString().matches("point-\\d{4,}") && Files.isDirectory(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new DataException(dir + ": cannot list the folder: " + e.getMessage(), e);
        }
        if (points.isEmpty()) {
            throw new DataException(dir + ": the sweep has no point-NNNN folders");
        }
        List<Imported> imported = new ArrayList<>();
        try (RunStore runs = RunStore.open(store)) {
            for (Path point : points) {
                imported.add(importPoint(runs, point));
            }
        }
        return imported;
    }

    private static Imported importPoint(RunStore runs, Path point) {
        String where = point.getFileName() + "/";
        String runJson = read(point.resolve(RunFiles.RUN_JSON));
        JsonNode tree;
        try {
            tree = MAPPER.readTree(runJson);
        } catch (IOException e) {
            throw new DataException(point.resolve(RunFiles.RUN_JSON) + ": not valid JSON: " + e.getMessage(), e);
        }
        if (tree == null || !"twinbench.run".equals(tree.path("format").asText())) {
            throw new DataException(point.resolve(RunFiles.RUN_JSON) + ": not a TwinBench run.json (format twinbench.run)");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        tree.path("point").properties().forEach(e -> values.put(e.getKey(), value(e.getValue())));
        String name = tree.path("scenario").path("name").asText("sweep") + " · " + point.getFileName()
                + (values.isEmpty() ? "" : " " + values);
        Optional<Long> known = runs.findByRunJson(runJson);
        if (known.isPresent()) {
            return new Imported(known.get(), name, true);
        }
        RunProvenance provenance = provenance(tree, name);
        RunOutcome outcome = RunFolder.read(read(point.resolve(RunFiles.STEPS)), read(point.resolve(RunFiles.ALARMS)),
                where + RunFiles.STEPS, tree);
        RunSeries series = RunSeries.of(outcome);
        long id = runs.save(scenarioJson(provenance.scenarioFile(), values), provenance,
                RunSummary.of(outcome, series, List.of()), runJson, outcome);
        return new Imported(id, name, false);
    }

    /** The point's scenario when the sweep's scenario file is still where run.json says, else none. */
    private static String scenarioJson(String file, Map<String, Object> values) {
        try {
            if (file != null && Files.isRegularFile(Path.of(file))) {
                Scenario scenario = ScenarioFormat.read(Path.of(file));
                return ScenarioFormat.toJson(SimulationTask.apply(scenario, values));
            }
        } catch (RuntimeException e) {
            // The file changed since the sweep: the run is still worth importing without it.
        }
        return "";
    }

    private static RunProvenance provenance(JsonNode t, String name) {
        JsonNode scenario = t.path("scenario");
        JsonNode data = t.path("dataset");
        JsonNode model = t.path("model");
        return new RunProvenance(text(scenario, "file"), name, text(scenario, "sha256"), text(data, "file"),
                text(data, "sha256"), data.path("rows").asInt(), text(model, "algorithm"), text(model, "file"),
                text(model, "sha256"), text(model, "trained_on_sha256"), t.path("seed").asLong(),
                t.path("steps").asInt(), t.path("replicates").asInt(), text(t.path("versions"), "twinbench"),
                text(t.path("versions"), "java"),
                t.hasNonNull("created") ? t.get("created").asText() : java.time.Instant.now().toString());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Object value(JsonNode v) {
        return v.isIntegralNumber() ? (Object) v.longValue() : v.isNumber() ? (Object) v.doubleValue()
                : v.isBoolean() ? (Object) v.booleanValue() : v.asText();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new DataException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
