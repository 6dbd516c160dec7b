package org.twinbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Column;
import org.twinbench.data.ColumnSlicing;
import org.twinbench.data.Frame;
import org.twinbench.data.TableLoader;
import org.twinbench.data.Task;
import org.twinbench.model.ModelFiles;
import org.twinbench.model.ModelInputs;
import org.twinbench.model.TaskModel;
import org.twinbench.report.RobustnessJson;
import org.twinbench.scenario.Limits;
import org.twinbench.sim.ModelTask;
import org.twinbench.sim.RobustnessProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code robustness}: for each numeric feature of a model, the smallest shift (in the feature's sd, up or
 * down) and the smallest scale, and for each categorical feature the smallest share of rows swapped to one
 * category, that take the model's accuracy (a yes/no or multiclass model) below, or its error (a regression's MAE or
 * RMSE) above, a limit on labelled held-out rows ({@link RobustnessProfile});
 * overall and, with {@code --slice}, per slice, a numeric slice column cut into quantile ranges as a scenario's
 * slice columns are (docs/cli.md#robustness).
 */
@Command(name = "robustness", mixinStandardHelpOptions = true,
        description = "Per feature, the smallest shift or scale of its values that takes a model's accuracy below a "
                + "limit (a regression's error above one).")
public final class RobustnessCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "M", description = "A .twinmodel or .onnx model: yes/no, multiclass or regression.")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "Labelled rows the model did not train on (CSV/TSV or .xlsx).")
    Path data;

    @Option(names = "--drop", defaultValue = "0.05", paramLabel = "D",
            description = "A classifier's limit is its accuracy on the rows as they are minus D "
                    + "(default: ${DEFAULT-VALUE}).")
    double drop;

    @Option(names = "--metric", defaultValue = "mae", paramLabel = "mae|rmse",
            description = "A regression's error measure (default: ${DEFAULT-VALUE}).")
    String metric;

    @Option(names = "--rise", defaultValue = "0.1", paramLabel = "R",
            description = "A regression's limit is its error on the rows as they are x (1 + R) "
                    + "(default: ${DEFAULT-VALUE}).")
    double rise;

    @Option(names = "--max-shift", defaultValue = "5", paramLabel = "S",
            description = "Largest shift searched, in the feature's sd; the largest scale is 1 + S "
                    + "(default: ${DEFAULT-VALUE}).")
    double maxShift;

    @Option(names = "--slice", paramLabel = "COL",
            description = "Also a profile for each value of this column (a numeric one cut into --bins quantile "
                    + "ranges), on that slice's rows alone.")
    String slice;

    @Option(names = "--bins", defaultValue = "5", paramLabel = "N",
            description = "A numeric --slice column with more distinct values than N is cut into N quantile ranges "
                    + "(default: ${DEFAULT-VALUE}).")
    int bins;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        if (!(drop > 0 && drop < 1) || !(maxShift > 0 && maxShift <= 100)) {
            throw new UserInputException("--drop must be in (0, 1) and --max-shift in (0, 100]");
        }
        if (bins < 2 || bins > Limits.BINS) {
            throw new UserInputException("--bins must be between 2 and " + Limits.BINS);
        }
        if (!(rise > 0 && rise <= 10) || !RobustnessProfile.ERROR_METRICS.contains(metric)) {
            throw new UserInputException("--rise must be in (0, 10] and --metric one of "
                    + String.join(", ", RobustnessProfile.ERROR_METRICS) + ", not " + metric);
        }
        TaskModel loaded = ModelFiles.loadAny(model);
        Frame frame = TableLoader.load(data).frame();
        String target = loaded.card().target();
        if (!frame.has(target)) {
            throw new UserInputException(data + ": no column '" + target + "', the outcome the model was trained on");
        }
        ModelTask task = ModelTask.of(loaded, THRESHOLD);
        boolean regression = task.task() == Task.REGRESSION;
        double[] allAmounts = regression ? task.amounts(frame) : null;
        int[] all = task.labels(frame);
        int[] rows = IntStream.range(0, all.length).filter(i -> all[i] >= 0).toArray();
        if (rows.length == 0) {
            throw new UserInputException(data + ": no row has a label in '" + target + "'");
        }
        Frame labelled = ModelInputs.conform(loaded, frame.select(rows), data.toString());
        int[] labels = Arrays.stream(rows).map(i -> all[i]).toArray();
        double[] amounts = regression ? Arrays.stream(rows).mapToDouble(i -> allAmounts[i]).toArray() : null;
        CategoricalColumn sliceColumn = slice == null ? null : sliceColumn(frame, rows);
        RobustnessProfile overall = regression
                ? RobustnessProfile.ofAmounts(loaded, labelled, amounts, metric, rise, maxShift)
                : RobustnessProfile.of(loaded, task, labelled, labels, drop, maxShift);
        List<RobustnessProfile> slices = sliceColumn == null ? null : regression
                ? RobustnessProfile.bySliceOfAmounts(loaded, labelled, amounts, sliceColumn, metric, rise, maxShift)
                : RobustnessProfile.bySlice(loaded, task, labelled, labels, sliceColumn, drop, maxShift);
        PrintWriter out = json.out();
        if (json.enabled()) {
            json.print(RobustnessJson.write(Json.object(), overall, slices));
        } else {
            print(out, "", overall);
            for (RobustnessProfile g : slices == null ? List.<RobustnessProfile>of() : slices) {
                print(out, slice + "=" + TerminalText.oneLine(g.value()) + ": ", g);
            }
        }
        out.flush();
        return TwinBenchCommand.OK;
    }

    /** A yes/no model's rows are predicted positive at a score of 0.5 or more. */
    static final double THRESHOLD = 0.5;

    /** The slice column's values on the labelled rows; a numeric column binned at its own quantiles. */
    private CategoricalColumn sliceColumn(Frame frame, int[] rows) {
        if (!frame.has(slice)) {
            throw new UserInputException("--slice " + slice + ": " + data + " has no column '" + slice + "'");
        }
        Column column = frame.column(slice).select(rows);
        return ColumnSlicing.fit(column, bins).apply(column);
    }

    private void print(PrintWriter out, String prefix, RobustnessProfile g) {
        boolean error = RobustnessProfile.ERROR_METRICS.contains(g.metric());
        out.printf(Locale.ROOT, "%s%s on %d labelled rows: %.4f; limit %.4f (%s)%n", prefix,
                error ? g.metric().toUpperCase(Locale.ROOT) : g.metric(), g.rows(), g.level(), g.limit(),
                error ? "--rise " + rise : "--drop " + drop);
        out.printf(Locale.ROOT, "%-28s %12s %12s %12s %18s%n", "feature (smallest shift first)", "shift up sd",
                "shift down sd", "scale x", "swap share (to)");
        for (RobustnessProfile.Feature p : g.features()) {
            String swap = p.swapTo() == null || Double.isNaN(p.swapShare()) ? "-"
                    : format(p.swapShare()) + " (" + TerminalText.oneLine(p.swapTo()) + ")";
            out.printf(Locale.ROOT, "%-28s %12s %12s %12s %18s%n", TerminalText.oneLine(p.feature()), format(p.shiftUp()),
                    format(p.shiftDown()), Double.isNaN(p.scaleUp()) ? "-" : format(1 + p.scaleUp()), swap);
        }
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }
}
