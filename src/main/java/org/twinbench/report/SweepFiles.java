package org.twinbench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.twinbench.data.AtomicFiles;
import org.twinbench.sim.RunSeries;
import org.twinbench.sim.RunSummary;
import org.twinbench.sim.store.RunProvenance;
import org.twinbench.sim.sweep.Sweep;

/**
 * Writes a sweep's folder: {@code sweep.csv} (the outcome table, one row per point) and, per point,
 * {@code point-NNNN/} with the layout of a single run ({@code steps.csv}, {@code alarms.csv},
 * {@code run.json}), so any tool that reads one run reads every point. Nothing depends on where the
 * tasks ran; only {@code run.json}'s {@code created} field depends on the clock.
 */
public final class SweepFiles {

    public static final String SWEEP = "sweep.csv";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SweepFiles() {
    }

    /** The folder of the {@code index}-th point (0-based), e.g. {@code point-0007}. */
    public static Path pointDir(Path dir, int index) {
        return dir.resolve(String.format(Locale.ROOT, "point-%04d", index));
    }

    /**
     * @param provenance what made the sweep (scenario, data, model, seed, steps, replicates per point);
     *     each point's {@code run.json} adds a {@code point} object with its parameter values
     */
    public static void write(Path dir, List<Sweep.Point> points, RunProvenance provenance) {
        RunFiles.writeSweep(dir.resolve(SWEEP), points);
        for (int i = 0; i < points.size(); i++) {
            writePoint(dir, i, points.get(i), provenance);
        }
    }

    /** Writes one point's folder ({@code steps.csv}, {@code alarms.csv}, {@code run.json}), complete or not at all. */
    public static void writePoint(Path dir, int index, Sweep.Point point, RunProvenance provenance) {
        Path pointDir = pointDir(dir, index);
        try {
            RunSeries series = RunSeries.of(point.outcome());
            ObjectNode tree = RunJson.toTree(provenance, RunSummary.of(point.outcome(), series, List.of()), series,
                    point.outcome());
            tree.set("point", MAPPER.valueToTree(point.values()));
            String json = MAPPER.writeValueAsString(tree) + "\n";
            AtomicFiles.writeFolder(pointDir, staging -> {
                AtomicFiles.writeText(staging.resolve(RunFiles.STEPS), out -> RunFiles.writeSteps(point.outcome(), out));
                AtomicFiles.writeText(staging.resolve(RunFiles.ALARMS), out -> RunFiles.writeAlarms(point.outcome(), out));
                AtomicFiles.writeString(staging.resolve(RunFiles.RUN_JSON), json);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(pointDir + ": cannot write the point's files: " + e.getMessage(), e);
        }
    }
}
