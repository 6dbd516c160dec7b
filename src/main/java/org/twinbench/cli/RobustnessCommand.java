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
import org.twinbench.data.CategoricalColumn;
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
 * down) and the smallest scale, and for each categorical feature the smallest share of rows swapped to one
 * category, that take the model's accuracy on labelled held-out rows below a limit, found by
 * {@link RobustnessSearch}; overall and, with {@code --slice}, per slice (docs/cli.md#robustness).
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

    @Option(names = "--slice", paramLabel = "COL",
            description = "Also a profile for each value of this categorical column, on that slice's rows alone.")
    String slice;

    @Mixin
    JsonOption json;

    /** Slices with fewer labelled rows than this get no profile of their own. */
    static final int MIN_SLICE_ROWS = 30;

    /**
     * One feature's profile: the smallest strengths (NaN: the limit holds up to the maximum). A categorical
     * feature has {@code swapShare}, the smallest share of rows whose category becomes {@code swapTo}, instead.
     */
    record Profile(String feature, double shiftUp, double shiftDown, double scaleUp, String swapTo,
                   double swapShare) {
        /** The smaller shift, then (after every number) the swap share: features are ranked by it. */
        double weakest() {
            return swapTo != null ? 1000 + nanToMax(swapShare) : Math.min(nanToMax(shiftUp), nanToMax(shiftDown));
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
        CategoricalColumn sliceColumn = slice == null ? null : sliceColumn(frame, rows);
        Group overall = group(classifier, labelled, labels);
        List<Group> slices = new ArrayList<>();
        if (sliceColumn != null) {
            for (int code = 0; code < sliceColumn.levels().size(); code++) {
                int level = code;
                int[] members = java.util.stream.IntStream.range(0, labels.length)
                        .filter(i -> sliceColumn.codes()[i] == level).toArray();
                if (members.length >= MIN_SLICE_ROWS) {
                    slices.add(group(classifier, labelled.select(members),
                            java.util.Arrays.stream(members).map(i -> labels[i]).toArray())
                            .named(sliceColumn.levels().get(code)));
                }
            }
        }
        PrintWriter out = json.out();
        if (json.enabled()) {
            ObjectNode root = toJson(overall);
            if (sliceColumn != null) {
                ArrayNode array = root.putArray("slices");
                for (Group g : slices) {
                    array.add(toJson(g).put("column", slice).put("value", g.name()));
                }
            }
            json.print(root);
        } else {
            print(out, "", overall);
            for (Group g : slices) {
                print(out, slice + "=" + TerminalText.oneLine(g.name()) + ": ", g);
            }
        }
        out.flush();
        return TwinBenchCommand.OK;
    }

    private CategoricalColumn sliceColumn(Frame frame, int[] rows) {
        if (!frame.has(slice) || !(frame.column(slice) instanceof CategoricalColumn categorical)) {
            throw new UserInputException("--slice " + slice + ": " + data + " has no categorical column '" + slice + "'");
        }
        return categorical.select(rows);
    }

    /** The profiles of one group of rows (all of them, or one slice), against its own limit. */
    record Group(String name, int rows, double accuracy, double limit, List<Profile> profiles) {
        Group named(String newName) {
            return new Group(newName, rows, accuracy, limit, profiles);
        }
    }

    private Group group(BinaryClassifier classifier, Frame labelled, int[] labels) {
        double base = accuracy(classifier, labelled, labels);
        double limit = base - drop;
        List<Profile> profiles = new ArrayList<>();
        for (String feature : classifier.card().features()) {
            if (labelled.column(feature) instanceof CategoricalColumn categories) {
                profiles.add(swap(classifier, labelled, labels, categories, limit));
                continue;
            }
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
                    RobustnessSearch.smallestStrength(scale, limit, maxShift), null, Double.NaN));
        }
        profiles.sort(Comparator.comparingDouble(Profile::weakest));
        return new Group("", labels.length, base, limit, profiles);
    }

    /**
     * A categorical feature's category swap: for each category c, the smallest share s of the rows whose value
     * becomes c (the first ⌈s·n⌉ rows of one seeded shuffle, so a larger share swaps a superset) that takes the
     * accuracy below the limit; the category needing the smallest share is reported.
     */
    private static Profile swap(BinaryClassifier classifier, Frame labelled, int[] labels, CategoricalColumn column,
                                double limit) {
        int n = labels.length;
        int[] order = java.util.stream.IntStream.range(0, n).toArray();
        java.util.SplittableRandom random = new java.util.SplittableRandom(SWAP_SEED);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        String worst = null;
        double smallest = Double.NaN;
        for (int c = 0; c < column.levels().size(); c++) {
            int category = c;
            DoubleUnaryOperator swapped = s -> {
                int[] codes = column.codes().clone();
                for (int k = 0; k < Math.ceil(s * n); k++) {
                    codes[order[k]] = category;
                }
                return accuracy(classifier, labelled.with(column.withCodes(codes)), labels);
            };
            double share = RobustnessSearch.smallestStrength(swapped, limit, 1);
            if (!Double.isNaN(share) && (Double.isNaN(smallest) || share < smallest)) {
                smallest = share;
                worst = column.levels().get(c);
            }
        }
        return new Profile(column.name(), Double.NaN, Double.NaN, Double.NaN, worst == null ? "" : worst, smallest);
    }

    /** The seed of the row order in which categories are swapped. */
    static final long SWAP_SEED = 24;

    private void print(PrintWriter out, String prefix, Group g) {
        out.printf(Locale.ROOT, "%saccuracy on %d labelled rows: %.4f; limit %.4f (--drop %s)%n", prefix, g.rows(),
                g.accuracy(), g.limit(), drop);
        out.printf(Locale.ROOT, "%-28s %12s %12s %12s %18s%n", "feature (smallest shift first)", "shift up sd",
                "shift down sd", "scale x", "swap share (to)");
        for (Profile p : g.profiles()) {
            String swap = p.swapTo() == null || Double.isNaN(p.swapShare()) ? "-"
                    : format(p.swapShare()) + " (" + TerminalText.oneLine(p.swapTo()) + ")";
            out.printf(Locale.ROOT, "%-28s %12s %12s %12s %18s%n", TerminalText.oneLine(p.feature()), format(p.shiftUp()),
                    format(p.shiftDown()), Double.isNaN(p.scaleUp()) ? "-" : format(1 + p.scaleUp()), swap);
        }
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

    private static ObjectNode toJson(Group g) {
        ObjectNode root = Json.object();
        root.put("rows", g.rows());
        Json.putNumber(root, "accuracy", g.accuracy());
        Json.putNumber(root, "limit", g.limit());
        ArrayNode array = root.putArray("features");
        for (Profile p : g.profiles()) {
            ObjectNode node = array.addObject();
            node.put("feature", p.feature());
            if (p.swapTo() != null) {
                if (p.swapTo().isEmpty()) {
                    node.putNull("swap_to");
                } else {
                    node.put("swap_to", p.swapTo());
                }
                Json.putNumber(node, "swap_share", p.swapShare());
                continue;
            }
            Json.putNumber(node, "shift_up_sd", p.shiftUp());
            Json.putNumber(node, "shift_down_sd", p.shiftDown());
            Json.putNumber(node, "scale", Double.isNaN(p.scaleUp()) ? Double.NaN : 1 + p.scaleUp());
        }
        return root;
    }
}
