package org.twinbench.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.twinbench.data.Frame;
import org.twinbench.data.Task;
import org.twinbench.model.Algorithm;
import org.twinbench.model.BinaryClassifier;
import org.twinbench.model.MulticlassClassifier;
import org.twinbench.model.OnnxExport;
import org.twinbench.model.TaskModel;
import org.twinbench.model.TaskTrainer;
import org.twinbench.model.TrainingOptions;
import org.twinbench.model.TrainingProgress;

/**
 * The compiled trees against ONNX Runtime's tree ensemble on the same model and rows, both on one thread:
 * a binary random forest of 100 trees or gradient boosting of 300 trees trained on the loans sample
 * ({@code defaulted}), or a multiclass random forest of 100 trees on the region (four classes), exported with
 * {@link OnnxExport}, scoring 1e6 rows. TwinBench's time includes encoding the rows from the table; ONNX Runtime
 * is handed the rows already as one float tensor, fed in batches of {@value #BATCH} (its session limited to one
 * thread).
 *
 * <p>Before timing, both score the warm-up rows and every class's probability must agree to {@value #AGREEMENT}
 * (ONNX Runtime computes in 32-bit floats); a larger difference stops the workload, as the export would not score as
 * the bundle does. {@code extra}: {@code onnxruntime_rows_per_second}, {@code max_abs_difference}.
 */
final class OnnxRuntimeWorkload implements Workload {

    static final int BATCH = 4096;
    /** The largest difference of a probability between the bundle and its export that the workload accepts. */
    static final double AGREEMENT = 1e-6;

    private final Task task;
    private final Algorithm algorithm;

    /** A binary model of {@code algorithm} on {@code defaulted}. */
    OnnxRuntimeWorkload(Algorithm algorithm) {
        this(Task.BINARY, algorithm);
    }

    /** A binary ({@code defaulted}) or multiclass ({@code region}) model of {@code algorithm}. */
    OnnxRuntimeWorkload(Task task, Algorithm algorithm) {
        if (task == Task.REGRESSION) {
            throw new IllegalArgumentException("the ONNX Runtime workload times classifiers");
        }
        this.task = task;
        this.algorithm = algorithm;
    }

    @Override
    public String name() {
        return "model." + (task == Task.MULTICLASS ? "multiclass-" : "")
                + (algorithm == Algorithm.RANDOM_FOREST ? "forest" : "boosting") + "-vs-onnxruntime";
    }

    @Override
    public String description() {
        return "scoring 1e6 rows with compiled trees (" + task.id() + "); reference: ONNX Runtime's tree ensemble of"
                + " the exported model";
    }

    @Override
    public BenchResult run(boolean quick) {
        int rows = quick ? 10_000 : 1_000_000;
        int trees = BenchData.trees(algorithm);
        try (BenchData.LoanRows loans = BenchData.LoanRows.of(rows)) {
            Frame data = loans.data();
            TaskModel model = task == Task.BINARY ? loans.trees(algorithm)
                    : TaskTrainer.train(loans.train(), new TrainingOptions(algorithm, "region",
                            ScoringWorkload.FEATURES, null, 1, trees, ""), Task.MULTICLASS, TrainingProgress.NONE)
                            .model();
            int classes = task == Task.BINARY ? 2 : ((MulticlassClassifier) model).classes().size();
            Path onnx = loans.dir().resolve("model.onnx");
            OnnxExport.write(model, onnx);
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                try (OrtSession session = environment.createSession(onnx.toString(), options)) {
                    FloatBuffer input = floats(data);
                    int width = ScoringWorkload.FEATURES.size();
                    Frame warmUp = loans.warmUp();
                    double difference = maxDifference(probabilities(model, warmUp),
                            runtime(environment, session, input, width, classes, warmUp.rowCount()));
                    if (!(difference <= AGREEMENT)) {
                        throw new IllegalStateException(String.format(java.util.Locale.ROOT, "the ONNX export of the"
                                + " %s scores %.3g away from the bundle (more than %.0e)", model.card().algorithm(),
                                difference, AGREEMENT));
                    }
                    double[] best = Timing.bestAlternating(0, quick ? 1 : 2,
                            () -> Timing.consume(last(model, data)),
                            () -> Timing.consume(runtime(environment, session, input, width, classes, rows)
                                    [classes * rows - 1]));
                    Map<String, Object> extra = new LinkedHashMap<>();
                    extra.put("model", model.card().algorithm());
                    extra.put("trees", trees);
                    if (task == Task.MULTICLASS) {
                        extra.put("classes", classes);
                    }
                    extra.put("onnxruntime_rows_per_second", Math.round(rows / best[1]));
                    extra.put("max_abs_difference", difference);
                    return new BenchResult(name(), rows, best[0], "ONNX Runtime TreeEnsembleClassifier, 1 thread",
                            best[1], extra);
                }
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on the exported model: " + e.getMessage(), e);
        }
    }

    /** Every row's probabilities, class by class (a binary model's: no, then yes, as the export's tensor). */
    private static double[][] probabilities(TaskModel model, Frame rows) {
        if (model instanceof MulticlassClassifier multiclass) {
            return multiclass.probabilities(rows);
        }
        double[] positive = ((BinaryClassifier) model).scorePositive(rows);
        double[][] out = new double[positive.length][];
        for (int i = 0; i < positive.length; i++) {
            out[i] = new double[] {1 - positive[i], positive[i]};
        }
        return out;
    }

    /** The last row's first score, so the timed scoring is not skipped. */
    private static double last(TaskModel model, Frame data) {
        if (model instanceof MulticlassClassifier multiclass) {
            double[][] out = multiclass.probabilities(data);
            return out[out.length - 1][0];
        }
        double[] out = ((BinaryClassifier) model).scorePositive(data);
        return out[out.length - 1];
    }

    /** The largest absolute difference between the bundle's probabilities and ONNX Runtime's (row-major). */
    static double maxDifference(double[][] bundle, float[] runtime) {
        double worst = 0;
        int k = 0;
        for (double[] row : bundle) {
            for (double p : row) {
                double difference = Math.abs(p - runtime[k++]);
                if (Double.isNaN(difference)) {
                    return Double.NaN;
                }
                worst = Math.max(worst, difference);
            }
        }
        return worst;
    }

    /** The numeric features of every row, row-major, as ONNX Runtime reads them. */
    private static FloatBuffer floats(Frame data) {
        int width = ScoringWorkload.FEATURES.size();
        FloatBuffer buffer = ByteBuffer.allocateDirect(data.rowCount() * width * Float.BYTES)
                .order(ByteOrder.nativeOrder()).asFloatBuffer();
        double[][] columns = new double[width][];
        for (int j = 0; j < width; j++) {
            columns[j] = data.numeric(ScoringWorkload.FEATURES.get(j)).values();
        }
        for (int i = 0; i < data.rowCount(); i++) {
            for (int j = 0; j < width; j++) {
                buffer.put((float) columns[j][i]);
            }
        }
        return buffer.flip();
    }

    /** Scores the first {@code rows} rows in batches; returns every row's probabilities, row-major. */
    private static float[] runtime(OrtEnvironment environment, OrtSession session, FloatBuffer input, int width,
                                   int classes, int rows) {
        float[] out = new float[rows * classes];
        try {
            for (int from = 0; from < rows; from += BATCH) {
                int n = Math.min(BATCH, rows - from);
                FloatBuffer batch = input.duplicate().position(from * width).limit((from + n) * width).slice();
                try (OnnxTensor tensor = OnnxTensor.createTensor(environment, batch, new long[] {n, width});
                     OrtSession.Result result = session.run(Map.of(OnnxExport.INPUT, tensor),
                             java.util.Set.of("probabilities"))) {
                    ((OnnxTensor) result.get(0)).getFloatBuffer().get(out, from * classes, n * classes);
                }
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed to score: " + e.getMessage(), e);
        }
        return out;
    }
}
