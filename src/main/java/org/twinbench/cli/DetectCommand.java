package org.twinbench.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Column;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.data.TableLoader;
import org.twinbench.stats.ChangeDetector;
import org.twinbench.stats.ChangeDetectors;
import org.twinbench.stats.DetectorEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code detect}: runs a streaming change detector over one column of a table (docs/cli.md). */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = "Run a streaming change detector over a sequence of values; prints the positions where it signals.")
public final class DetectCommand implements Callable<Integer> {

    @Option(names = "--detector", required = true, paramLabel = "NAME",
            description = "adwin, ddm, eddm, page-hinkley, kswin, hddm-a or cusum.")
    String detector;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "Override a detector parameter. Repeatable.")
    List<String> params = new ArrayList<>();

    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "CSV/TSV or .xlsx; a file of bare numbers, one per line, works too.")
    Path input;

    @Option(names = "--column", paramLabel = "C", description = "The column to read (needed when there are several).")
    String column;

    @Option(names = "--change-points", split = ",", paramLabel = "i,j,...",
            description = "Known change positions (0-based): also report detection delay, false alarms and missed changes.")
    List<Integer> changePoints = new ArrayList<>();

    @Option(names = "--max-delay", paramLabel = "N",
            description = "With --change-points: a detection later than this after a change does not count for it "
                    + "(default: no limit).")
    Integer maxDelay;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        ChangeDetector chosen;
        try {
            Map<String, Double> parameters = parseParams();
            CountLimits.detectorParams(parameters);
            chosen = ChangeDetectors.create(detector, parameters);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--detector " + detector + ": " + e.getMessage());
        }
        double[] values = readValues();
        for (int point : changePoints) {
            if (point < 0 || point >= values.length) {
                throw new UserInputException("--change-points: " + point + " is outside the " + values.length
                        + " values (0 to " + (values.length - 1) + ")");
            }
        }
        if (maxDelay != null && maxDelay < 0) {
            throw new UserInputException("--max-delay must be >= 0, not " + maxDelay);
        }
        ChangeDetectors.Trace trace = ChangeDetectors.run(chosen, values);
        DetectorEvaluation evaluation = changePoints.isEmpty() ? null : DetectorEvaluation.evaluate(trace.detections(),
                changePoints.stream().mapToInt(Integer::intValue).toArray(),
                maxDelay == null ? Integer.MAX_VALUE : maxDelay);
        PrintWriter out = json.out();
        Map<String, Double> parameters = new TreeMap<>(chosen.parameters());
        if (json.enabled()) {
            ObjectNode root = Json.object();
            root.put("detector", chosen.name());
            ObjectNode paramNode = root.putObject("params");
            Json.putAll(paramNode, parameters);
            root.put("n", values.length);
            root.set("detections", Json.MAPPER.valueToTree(trace.detections()));
            root.set("warnings", Json.MAPPER.valueToTree(trace.warnings()));
            if (evaluation != null) {
                ObjectNode node = root.putObject("evaluation");
                node.set("change_points", Json.MAPPER.valueToTree(changePoints));
                node.set("delays", Json.MAPPER.valueToTree(evaluation.delays()));
                Json.putNumber(node, "mean_delay", evaluation.meanDelay());
                node.put("false_alarms", evaluation.falseAlarms());
                node.put("missed", evaluation.missed());
            }
            json.print(root);
        } else {
            out.printf(Locale.ROOT, "%s %s over %d values%n", chosen.name(), parameters, values.length);
            out.println("detections: " + (trace.detections().isEmpty() ? "none" : join(trace.detections())));
            out.println("warnings:   " + (trace.warnings().isEmpty() ? "none" : join(trace.warnings())));
            if (evaluation != null) {
                out.printf(Locale.ROOT, "delays: %s   mean delay: %s   false alarms: %d   missed changes: %d%n",
                        evaluation.delays(), Double.isNaN(evaluation.meanDelay()) ? "-" : evaluation.meanDelay(),
                        evaluation.falseAlarms(), evaluation.missed());
            }
        }
        out.flush();
        return TwinBenchCommand.OK;
    }

    private Map<String, Double> parseParams() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String param : params) {
            int eq = param.indexOf('=');
            if (eq <= 0) {
                throw new UserInputException("--param: expected NAME=VALUE, not '" + param + "'");
            }
            String value = param.substring(eq + 1).strip();
            try {
                out.put(param.substring(0, eq).strip(), Double.parseDouble(value));
            } catch (NumberFormatException e) {
                throw new UserInputException("--param " + param.substring(0, eq) + ": '" + value + "' is not a number");
            }
        }
        return out;
    }

    /** The chosen column as numbers; a header that is itself a number is the first value of a bare list. */
    private double[] readValues() {
        Frame frame = TableLoader.load(input).frame();
        Column chosen;
        if (column != null) {
            chosen = frame.find(column).orElseThrow(() -> new UserInputException(input + ": no column '" + column
                    + "'; columns are " + String.join(", ", frame.columnNames())));
        } else if (frame.columnNames().size() == 1) {
            chosen = frame.columns().get(0);
        } else {
            throw new UserInputException(input + ": has " + frame.columnNames().size() + " columns ("
                    + String.join(", ", frame.columnNames()) + "); choose one with --column");
        }
        boolean bareList = column == null && isNumber(chosen.name());
        int offset = bareList ? 1 : 2;
        if (chosen instanceof CategoricalColumn text) {
            for (int i = 0; i < text.size(); i++) {
                if (text.get(i) != null && !isNumber(text.get(i))) {
                    throw new UserInputException(input + ": line " + (i + offset) + ": '" + text.get(i)
                            + "' in column '" + chosen.name() + "' is not a number");
                }
            }
        }
        if (!(chosen instanceof NumericColumn numeric)) {
            throw new UserInputException(input + ": column '" + chosen.name() + "' is not numeric");
        }
        double[] values = numeric.values();
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                throw new UserInputException(input + ": line " + (i + offset) + ": column '" + chosen.name()
                        + "' has no value (a detector needs every position of the sequence)");
            }
        }
        if (bareList) {
            double[] withHeader = new double[values.length + 1];
            withHeader[0] = Double.parseDouble(chosen.name());
            System.arraycopy(values, 0, withHeader, 1, values.length);
            values = withHeader;
        }
        if (values.length == 0) {
            throw new UserInputException(input + ": has no values");
        }
        return values;
    }

    private static boolean isNumber(String text) {
        try {
            return Double.isFinite(Double.parseDouble(text.strip()));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String join(List<Integer> positions) {
        return String.join(", ", positions.stream().map(String::valueOf).toList());
    }
}
