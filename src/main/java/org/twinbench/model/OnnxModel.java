package org.twinbench.model;

import java.nio.file.Path;
import org.twinbench.data.Frame;

/**
 * A binary classifier in ONNX format, run by ONNX Runtime: its score is the probability of the positive
 * class — the sidecar's {@code positive_class}, else the one that is the sidecar's {@code positive_label},
 * else the model's second class (as scikit-learn's {@code predict_proba[:, 1]}); a single-column output
 * is that probability. How inputs are filled and outputs read: {@link OnnxInputs}, {@link OnnxOutputs}.
 * Rows go to the runtime in batches of {@link #DEFAULT_BATCH} through direct buffers.
 */
public final class OnnxModel extends OnnxTaskModel implements BinaryClassifier {

    OnnxModel(OnnxSession session, int batchSize, ModelCard card) {
        super(session, batchSize, card);
    }

    /**
     * Loads {@code file} and its sidecar {@code file.json}, if there is one; a model of another task is
     * refused (see {@link OnnxTaskModel#load} for any task).
     */
    public static OnnxModel load(Path file) {
        OnnxTaskModel model = OnnxTaskModel.load(file);
        if (!(model instanceof OnnxModel binary)) {
            model.close();
            throw new ModelException(file + ": a " + model.task().id() + " model; only a binary classifier can be used"
                    + " here so far");
        }
        return binary;
    }

    /** The same model scoring {@code size} rows per runtime call. */
    public OnnxModel withBatchSize(int size) {
        return new OnnxModel(session, size, card);
    }

    @Override
    OnnxModel copy(int size, ModelCard card) {
        return new OnnxModel(session, size, card);
    }

    @Override
    public double[] scorePositive(Frame batch) {
        double[] scores = new double[batch.rowCount()];
        int width = session.outputs().width();
        int positive = session.outputs().positive();
        session.run(batch, batchSize, (from, rows, values) -> {
            for (int i = 0; i < rows; i++) {
                scores[from + i] = session.probability(values[i * width + positive], from + i);
            }
        });
        return scores;
    }
}
