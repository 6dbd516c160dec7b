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
import org.twinbench.model.Algorithm;
import org.twinbench.model.BinaryClassifier;
import org.twinbench.model.OnnxExport;

/**
 * The compiled trees against ONNX Runtime's tree ensemble on the same model and rows, both on one thread:
 * a binary random forest of 100 trees or gradient boosting of 300 trees trained on the loans sample,
 * exported with {@link OnnxExport}, scoring 1e6 rows. TwinBench's time includes encoding the rows from
 * the table; ONNX Runtime is handed the rows already as one float tensor, fed in batches of
 * {@value #BATCH} (its session limited to one thread).
 */
final class OnnxRuntimeWorkload implements Workload {

    static final int BATCH = 4096;

    private final Algorithm algorithm;

    OnnxRuntimeWorkload(Algorithm algorithm) {
        this.algorithm = algorithm;
    }

    @Override
    public String name() {
        return "model." + (algorithm == Algorithm.RANDOM_FOREST ? "forest" : "boosting") + "-vs-onnxruntime";
    }

    @Override
    public String description() {
        return "scoring 1e6 rows with compiled trees; reference: ONNX Runtime's tree ensemble of the exported model";
    }

    @Override
    public BenchResult run(boolean quick) {
        int rows = quick ? 10_000 : 1_000_000;
        int trees = BenchData.trees(algorithm);
        try (BenchData.LoanRows loans = BenchData.LoanRows.of(rows)) {
            Frame data = loans.data();
            BinaryClassifier model = loans.trees(algorithm);
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
                    Timing.consume(model.scorePositive(warmUp)[0]);
                    Timing.consume(runtime(environment, session, input, width, warmUp.rowCount()));
                    double[] best = Timing.bestAlternating(0, quick ? 1 : 2,
                            () -> Timing.consume(model.scorePositive(data)[rows - 1]),
                            () -> Timing.consume(runtime(environment, session, input, width, rows)));
                    Map<String, Object> extra = new LinkedHashMap<>();
                    extra.put("model", model.card().algorithm());
                    extra.put("trees", trees);
                    extra.put("onnxruntime_rows_per_second", Math.round(rows / best[1]));
                    return new BenchResult(name(), rows, best[0], "ONNX Runtime TreeEnsembleClassifier, 1 thread",
                            best[1], extra);
                }
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on the exported model: " + e.getMessage(), e);
        }
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

    /** Scores the first {@code rows} rows in batches; returns the last probability, so nothing is skipped. */
    private static double runtime(OrtEnvironment environment, OrtSession session, FloatBuffer input, int width,
                                  int rows) {
        double last = 0;
        try {
            for (int from = 0; from < rows; from += BATCH) {
                int n = Math.min(BATCH, rows - from);
                FloatBuffer batch = input.duplicate().position(from * width).limit((from + n) * width).slice();
                try (OnnxTensor tensor = OnnxTensor.createTensor(environment, batch, new long[] {n, width});
                     OrtSession.Result result = session.run(Map.of(OnnxExport.INPUT, tensor),
                             java.util.Set.of("probabilities"))) {
                    last = ((OnnxTensor) result.get(0)).getFloatBuffer().get(2 * n - 1);
                }
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed to score: " + e.getMessage(), e);
        }
        return last;
    }
}
