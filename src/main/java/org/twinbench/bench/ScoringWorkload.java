package org.twinbench.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.twinbench.data.Frame;
import org.twinbench.model.Algorithm;
import org.twinbench.model.BinaryClassifier;
import org.twinbench.model.FeatureEncoder;
import org.twinbench.model.LogisticModel;
import org.twinbench.model.ModelTrainer;
import org.twinbench.model.OnnxModel;

/**
 * Scores 1e6 loan applications (the sample generator's 20,000 rows, repeated) with one kind of
 * model: logistic, a random forest of 100 trees, gradient boosting of 300 trees, or the sample ONNX
 * model at a given batch size. The reference, the same for all, is a hand-written loop over the
 * logistic model's weights: standardise, dot product, sigmoid.
 */
final class ScoringWorkload implements Workload {

    static final List<String> FEATURES = List.of("income", "debt_to_income", "age", "credit_history_years",
            "loan_amount", "term_months");

    private final String kind;
    private final int onnxBatch;

    ScoringWorkload(String kind, int onnxBatch) {
        this.kind = kind;
        this.onnxBatch = onnxBatch;
    }

    @Override
    public String name() {
        return "model.score-" + kind + (onnxBatch > 0 ? "-batch" + onnxBatch : "") + "-1e6";
    }

    @Override
    public String description() {
        return "scoring 1e6 rows with " + kind + "; reference: hand-written loop over the logistic weights";
    }

    @Override
    public BenchResult run(boolean quick) {
        int rows = quick ? 10_000 : 1_000_000;
        try (BenchData.LoanRows loans = BenchData.LoanRows.of(rows)) {
            Frame train = loans.train();
            Frame data = loans.data();
            Path dir = loans.dir();
            LogisticModel logistic = ModelTrainer.trainLogistic(train, "defaulted", FEATURES, "yes", 1, "");
            BinaryClassifier model = model(train, logistic, dir);
            // Both sides warm up on the first 20,000 rows, then are timed on all of them, in turn, so that
            // load from other processes slows both alike (best of three; of two for the compiled trees;
            // once for one-row ONNX calls, which take minutes).
            Frame warmUp = loans.warmUp();
            Timing.consume(model.scorePositive(warmUp)[0]);
            Timing.consume(handWritten(logistic, warmUp)[0]);
            boolean trees = kind.endsWith("forest") || kind.endsWith("boosting");
            int repetitions = quick || onnxBatch == 1 ? 1 : trees ? 2 : 3;
            // ONNX Runtime may score on threads of its own: its CPU time is the whole process's.
            double[] best = Timing.bestAlternating(0, repetitions,
                    () -> Timing.consume(model.scorePositive(data)[rows - 1]),
                    () -> Timing.consume(handWritten(logistic, data)[rows - 1]),
                    model instanceof OnnxModel ? Timing.PROCESS_CPU : Timing.THREAD_CPU);
            double seconds = best[0];
            double reference = best[1];
            if (model instanceof OnnxModel onnx) {
                onnx.close();
            }
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("model", model.card().algorithm());
            Timing.putCpu(extra, best[2], best[3]);
            return new BenchResult(name(), rows, seconds, "hand-written logistic loop", reference, extra);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private BinaryClassifier model(Frame train, LogisticModel logistic, Path dir) throws IOException {
        return switch (kind) {
            case "logistic" -> logistic;
            case "random-forest" -> BenchData.loansTrees(train, Algorithm.RANDOM_FOREST);
            case "gradient-boosting" -> BenchData.loansTrees(train, Algorithm.GRADIENT_BOOSTING);
            case "onnx" -> {
                Path onnx = dir.resolve("loans-logistic.onnx");
                try (InputStream in = ScoringWorkload.class.getResourceAsStream("/sample-data/loans-logistic.onnx")) {
                    if (in == null) {
                        throw new IOException("the sample ONNX model is missing from the application");
                    }
                    Files.copy(in, onnx, StandardCopyOption.REPLACE_EXISTING);
                }
                yield OnnxModel.load(onnx).withBatchSize(onnxBatch);
            }
            default -> throw new IllegalArgumentException("unknown model kind " + kind);
        };
    }

    /** p = 1 / (1 + exp(-(b + sum_j w_j (x_j - mean_j) / sd_j))), a missing x_j counting as its mean. */
    static double[] handWritten(LogisticModel model, Frame data) {
        double[] w = model.coefficients();
        List<FeatureEncoder.Feature> features = model.encoder().features();
        int n = data.rowCount();
        double[] eta = new double[n];
        java.util.Arrays.fill(eta, w[w.length - 1]);
        for (int j = 0; j < features.size(); j++) {
            FeatureEncoder.Numeric feature = (FeatureEncoder.Numeric) features.get(j);
            double[] x = data.numeric(feature.name()).values();
            double scale = w[j] / feature.sd();
            double mean = feature.mean();
            for (int i = 0; i < n; i++) {
                double v = x[i];
                if (v == v) {
                    eta[i] += scale * (v - mean);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            eta[i] = 1 / (1 + Math.exp(-eta[i]));
        }
        return eta;
    }
}
