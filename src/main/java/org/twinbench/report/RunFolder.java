package org.twinbench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.twinbench.data.DataException;
import org.twinbench.sim.Alarm;
import org.twinbench.sim.ReliabilityRows;
import org.twinbench.sim.RunOutcome;
import org.twinbench.sim.RunStatus;
import org.twinbench.sim.StepResult;
import org.twinbench.sim.StepRows;
import org.twinbench.sim.store.RunStore;
import org.twinbench.stats.MetricSet;
import org.twinbench.stats.ReliabilityBins;
import org.twinbench.stats.SliceMetrics;

/**
 * Reads a run back from the text of its {@code steps.csv} and {@code alarms.csv}, or from the run
 * store (with its reliability bins): the inverse of
 * {@link org.twinbench.sim.StepRows} (per step: {@code n} and the metrics overall, then per slice,
 * then the step's other measures under {@code overall}). Writing the outcome again gives the same
 * bytes, because every number was written with {@link Double#toString}.
 */
public final class RunFolder {

    private RunFolder() {
    }

    /**
     * @param file the name used in messages (e.g. {@code point-0003/steps.csv})
     */
    public static RunOutcome read(String stepsCsv, String alarmsCsv, String file) {
        List<List<String>> rows = csv(stepsCsv, file);
        if (rows.isEmpty() || !rows.get(0).equals(List.of("replicate", "step", "slice", "metric", "value"))) {
            throw new DataException(file + ": line 1: expected the header replicate,step,slice,metric,value");
        }
        Map<Integer, Map<Integer, StepBuilder>> steps = new TreeMap<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            if (row.size() != 5) {
                throw new DataException(file + ": line " + (i + 1) + ": expected 5 fields, found " + row.size());
            }
            int replicate = whole(row.get(0), file, i);
            int step = whole(row.get(1), file, i);
            StepBuilder builder = steps.computeIfAbsent(replicate, r -> new TreeMap<>())
                    .computeIfAbsent(step, s -> new StepBuilder());
            if (row.get(3).equals(StepRows.WINDOW_START)) {
                builder.windowStart = row.get(4);
                continue;
            }
            double value = row.get(4).isEmpty() ? Double.NaN : number(row.get(4), file, i);
            builder.add(row.get(2), row.get(3), value);
        }
        String alarmsFile = file.replaceAll("steps\\.csv$", "alarms.csv");
        List<List<String>> alarms = csv(alarmsCsv, alarmsFile);
        for (int i = 1; i < alarms.size(); i++) {
            List<String> a = alarms.get(i);
            if (a.size() != 5) {
                throw new DataException(alarmsFile + ": line " + (i + 1) + ": expected 5 fields, found " + a.size());
            }
            int replicate = whole(a.get(0), alarmsFile, i);
            int step = whole(a.get(1), alarmsFile, i);
            StepBuilder at = steps.getOrDefault(replicate, Map.of()).get(step);
            if (at == null) {
                throw new DataException(alarmsFile + ": line " + (i + 1) + ": no step " + step + " of replicate "
                        + replicate + " in steps.csv");
            }
            at.alarms.add(new Alarm(replicate, step, a.get(2), a.get(3), a.get(4)));
        }
        return outcome(steps, (replicate, step) -> ReliabilityBins.EMPTY);
    }

    /**
     * As {@link #read(String, String, String)}, with what the run found ({@link SliceJson#findings}: its worst
     * slices, its outcome's names) read from its {@code run.json} ({@code runJson}, null when there is none).
     */
    public static RunOutcome read(String stepsCsv, String alarmsCsv, String file,
                                  com.fasterxml.jackson.databind.JsonNode runJson) {
        return read(stepsCsv, alarmsCsv, file).withFindings(SliceJson.findings(runJson));
    }

    /**
     * Reads a completed run back from the run store: its step rows, alarms and reliability bins (none
     * for a run stored before the store kept them), and what it found (its worst slices, its outcome's names,
     * from its {@code run.json}), so its results and headline show as the run showed them.
     */
    public static RunOutcome read(RunStore store, long id) {
        Map<Integer, Map<Integer, StepBuilder>> steps = new TreeMap<>();
        ReliabilityRows.Collector bins = new ReliabilityRows.Collector();
        try {
            store.forEachStepRow(id, (replicate, step, slice, metric, value) -> {
                StepBuilder builder = steps.computeIfAbsent(replicate, r -> new TreeMap<>())
                        .computeIfAbsent(step, k -> new StepBuilder());
                if (metric.equals(StepRows.WINDOW_START)) {
                    builder.windowStart = value;
                } else {
                    builder.add(slice, metric, value.isEmpty() ? Double.NaN : Double.parseDouble(value));
                }
            });
            store.forEachReliabilityRow(id, bins.sink());
        } catch (IOException e) {
            throw new UncheckedIOException("run #" + id + ": cannot read its steps: " + e.getMessage(), e);
        }
        for (RunStore.StoredAlarm a : store.alarms(id)) {
            StepBuilder at = steps.getOrDefault(a.replicate(), Map.of()).get(a.step());
            if (at != null) {
                at.alarms.add(new Alarm(a.replicate(), a.step(), a.node(), a.kind(), a.detail()));
            }
        }
        return outcome(steps, bins::bins).withFindings(storedFindings(store, id));
    }

    /** The findings recorded in a stored run's {@code run.json}; null without one or when it is not JSON. */
    private static org.twinbench.sim.RunFindings storedFindings(RunStore store, long id) {
        String json = store.text(id, "run_json").orElse(null);
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return SliceJson.findings(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }

    private static RunOutcome outcome(Map<Integer, Map<Integer, StepBuilder>> steps,
                                      BiFunction<Integer, Integer, ReliabilityBins> bins) {
        List<List<StepResult>> replicates = new ArrayList<>();
        steps.forEach((replicate, byStep) -> {
            List<StepResult> results = new ArrayList<>();
            byStep.forEach((step, builder) -> results.add(builder.build(replicate, step, bins.apply(replicate, step))));
            replicates.add(results);
        });
        return new RunOutcome(replicates, RunStatus.COMPLETED);
    }

    /** The rows of one step, in the order StepRows wrote them. */
    private static final class StepBuilder {
        private final Map<String, Double> overall = new LinkedHashMap<>();
        private final Map<String, Map<String, Double>> slices = new LinkedHashMap<>();
        private final Map<String, Double> measures = new LinkedHashMap<>();
        private final List<Alarm> alarms = new ArrayList<>();
        private String windowStart;

        void add(String slice, String metric, double value) {
            if (!slice.equals(StepResult.OVERALL)) {
                slices.computeIfAbsent(slice, s -> new LinkedHashMap<>()).put(metric, value);
            } else if (metric.equals("n") || MetricSet.isMetric(metric)) {
                overall.put(metric, value);
            } else {
                measures.put(metric, value);
            }
        }

        StepResult build(int replicate, int step, ReliabilityBins calibration) {
            List<SliceMetrics> sliceMetrics = new ArrayList<>();
            slices.forEach((name, metrics) -> {
                int cut = name.indexOf('=');
                String value = name.substring(cut + 1);
                sliceMetrics.add(new SliceMetrics(name.substring(0, Math.max(cut, 0)),
                        value.equals("(missing)") ? null : value, metrics(metrics)));
            });
            return new StepResult(replicate, step, metrics(overall), sliceMetrics, measures, alarms, calibration,
                    windowStart);
        }

        private static MetricSet metrics(Map<String, Double> m) {
            double n = m.getOrDefault("n", 0.0);
            return MetricSet.of((int) n, m);
        }
    }

    private static int whole(String text, String file, int row) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new DataException(file + ": line " + (row + 1) + ": expected a whole number, not '" + text + "'");
        }
    }

    private static double number(String text, String file, int row) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new DataException(file + ": line " + (row + 1) + ": expected a number, not '" + text + "'");
        }
    }

    /** RFC 4180 records as {@link org.twinbench.data.CsvWriter} writes them (quotes doubled, line breaks kept). */
    static List<List<String>> csv(String text, String file) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || field.length() > 0) {
                    record.add(field.toString());
                    records.add(record);
                }
                record = new ArrayList<>();
                field.setLength(0);
                any = false;
            } else {
                field.append(c);
                any = true;
            }
        }
        if (quoted) {
            throw new DataException(file + ": a quoted field never closes");
        }
        if (any || field.length() > 0) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
