package org.twinbench.model;

import org.twinbench.data.Frame;

/**
 * A multiclass classifier in ONNX format, run by ONNX Runtime: every row gets the probability of each
 * class, in the order of the model's labels (a ZipMap's keys or its classifier's labels, renamed by the
 * sidecar's {@code classes}); see {@link OnnxOutputs}. Every probability is checked to be one.
 */
public final class OnnxMulticlassModel extends OnnxTaskModel implements MulticlassClassifier {

    OnnxMulticlassModel(OnnxSession session, int batchSize, ModelCard card) {
        super(session, batchSize, card);
    }

    /** The same model scoring {@code size} rows per runtime call. */
    public OnnxMulticlassModel withBatchSize(int size) {
        return new OnnxMulticlassModel(session, size, card);
    }

    @Override
    OnnxMulticlassModel copy(int size, ModelCard card) {
        return new OnnxMulticlassModel(session, size, card);
    }

    @Override
    public double[][] probabilities(Frame batch) {
        int k = card().classes().size();
        double[][] out = new double[batch.rowCount()][k];
        session.run(batch, batchSize, (from, rows, values) -> {
            for (int i = 0; i < rows; i++) {
                for (int c = 0; c < k; c++) {
                    out[from + i][c] = session.probability(values[i * k + c], from + i);
                }
            }
        });
        return out;
    }
}
