package org.twinbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.DoubleUnaryOperator;
import org.twinbench.data.BinaryLabels;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.data.TableLoader;
import org.twinbench.model.BinaryClassifier;
import org.twinbench.model.ModelFiles;
import org.twinbench.model.ModelInputs;
import org.twinbench.model.TaskModel;
import org.twinbench.stats.ClassificationMetrics;
import org.twinbench.stats.RobustnessSearch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code robustness}: for each numeric feature of a binary model, the smallest shift (in the feature's sd, up or
 * down) and the smallest scale that take the model's accuracy on labelled held-out rows below a limit, found by
 * {@link RobustnessSearch} (docs/cli.md#robustness).
 */
@Command(name = "robustness", mixinStandardHelpOptions = true,
        description = "Per feature, the smallest shift or scale of its values that takes a model's accuracy below a "
                + "limit.")
public final class RobustnessCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "M", description = "A binary .twinmodel or .onnx model.")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "Labelled rows the model did not train on (CSV/TSV or .xlsx).")
    Path data;

    @Option(names = "--drop", defaultValue = "0.05", paramLabel = "D",
            description = "The limit is the accuracy on the rows as they are minus D (default: ${DEFAULT-VALUE}).")
    double drop;

    @Option(names = "--max-shift", defaultValue = "5", paramLabel = "S",
            description = "Largest shift searched, in the feature's sd; the largest scale is 1 + S "
                    + "(default: ${DEFAULT-VALUE}).")
    double maxShift;

    @Mixin
    JsonOption json;

    /** One feature's profile: the smallest strengths (NaN: the limit holds up to the maximum). */
    record Profile(String feature, double shiftUp, double shiftDown, double scaleUp) {
        /** The smaller shift: features are ranked by it (a scale is not in the same units). */
        double weakest() {
            return Math.min(nanToMax(shiftUp), nanToMax(shiftDown));
        }

        private static double nanToMax(double v) {
            return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
        }
    }

    @Override
    public Integer call() {
        if (!(drop > 0 && drop < 1) || !(maxShift > 0 && maxShift <= 100)) {
            throw new UserInputException("--drop must be in (0, 1) and --max-shift in (0, 100]");
        }
        TaskModel loaded = ModelFiles.loadAny(model);
        if (!(loaded instanceof BinaryClassifier classifier)) {
            throw new UserInputException(model + ": robustness is measured for binary models only");
        }
        Frame frame = TableLoader.load(data).frame();
        String target = classifier.card().target();
        if (!frame.has(target)) {
            throw new UserInputException(data + ": no column '" + target + "', the outcome the model was trained on");
        }
        int[] all = BinaryLabels.encode(frame.column(target), classifier.card().positiveLabel());
        int[] rows = java.util.stream.IntStream.range(0, all.length).filter(i -> all[i] >= 0).toArray();
        if (rows.length == 0) {
            throw new UserInputException(data + ": no row has a label in '" + target + "'");
        }
        Frame labelled = ModelInputs.conform(classifier, frame.select(rows), data.toString());
        int[] labels = java.util.Arrays.stream(rows).map(i -> all[i]).toArray();
        double base = accuracy(classifier, labelled, labels);
        double limit = base - drop;
        List<Profile> profiles = new ArrayList<>();
        for (String feature : classifier.card().features()) {
            if (!(labelled.column(feature) instanceof NumericColumn column)) {
                continue;
            }
            double sd = column.standardDeviation();
            double[] values = column.values();
            DoubleUnaryOperator up = s -> accuracy(classifier, labelled.with(column.withValues(map(values, v -> v + s * sd))),
                    labels);
            DoubleUnaryOperator down = s -> accuracy(classifier,
                    labelled.with(column.withValues(map(values, v -> v - s * sd))), labels);
            DoubleUnaryOperator scale = s -> accuracy(classifier,
                    labelled.with(column.withValues(map(values, v -> v * (1 + s)))), labels);
            profiles.add(new Profile(feature, RobustnessSearch.smallestStrength(up, limit, maxShift),
                    RobustnessSearch.smallestStrength(down, limit, maxShift),
                    RobustnessSearch.smallestStrength(scale, limit, maxShift)));
        }
        profiles.sort(Comparator.comparingDouble(Profile::weakest));
        PrintWriter out = json.out();
        if (json.enabled()) {
            json.print(toJson(base, limit, labels.length, profiles));
        } else {
            out.printf(Locale.ROOT, "accuracy on %d labelled rows: %.4f; limit %.4f (--drop %s)%n", labels.length, base,
                    limit, drop);
            out.printf(Locale.ROOT, "%-28s %12s %12s %12s%n", "feature (smallest shift first)", "shift up sd", "shift down sd",
                    "scale x");
            for (Profile p : profiles) {
                out.printf(Locale.ROOT, "%-28s %12s %12s %12s%n", TerminalText.oneLine(p.feature()), format(p.shiftUp()),
                        format(p.shiftDown()), Double.isNaN(p.scaleUp()) ? "-" : format(1 + p.scaleUp()));
            }
        }
        out.flush();
        return TwinBenchCommand.OK;
    }

    private static double accuracy(BinaryClassifier classifier, Frame rows, int[] labels) {
        return ClassificationMetrics.compute(labels, classifier.scorePositive(rows), 0.5).accuracy();
    }

    private static double[] map(double[] values, DoubleUnaryOperator f) {
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.applyAsDouble(values[i]);
        }
        return out;
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }

    private ObjectNode toJson(double base, double limit, int rows, List<Profile> profiles) {
        ObjectNode root = Json.object();
        root.put("rows", rows);
        Json.putNumber(root, "accuracy", base);
        Json.putNumber(root, "limit", limit);
        ArrayNode array = root.putArray("features");
        for (Profile p : profiles) {
            ObjectNode node = array.addObject();
            node.put("feature", p.feature());
            Json.putNumber(node, "shift_up_sd", p.shiftUp());
            Json.putNumber(node, "shift_down_sd", p.shiftDown());
            Json.putNumber(node, "scale", Double.isNaN(p.scaleUp()) ? Double.NaN : 1 + p.scaleUp());
        }
        return root;
    }
}
