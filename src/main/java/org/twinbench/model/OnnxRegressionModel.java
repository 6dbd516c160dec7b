package org.twinbench.model;

import org.twinbench.data.Frame;

/**
 * A regression in ONNX format, run by ONNX Runtime: the amount of every row, from the output
 * {@code variable} (or the one the sidecar names with {@code "task": "regression"}), a float or double
 * tensor {@code [N]} or {@code [N, 1]}; see {@link OnnxOutputs}.
 */
public final class OnnxRegressionModel extends OnnxTaskModel implements Regressor {

    OnnxRegressionModel(OnnxSession session, int batchSize, ModelCard card) {
        super(session, batchSize, card);
    }

    /** The same model scoring {@code size} rows per runtime call. */
    public OnnxRegressionModel withBatchSize(int size) {
        return new OnnxRegressionModel(session, size, card);
    }

    @Override
    OnnxRegressionModel copy(int size, ModelCard card) {
        return new OnnxRegressionModel(session, size, card);
    }

    @Override
    public double[] predict(Frame batch) {
        double[] out = new double[batch.rowCount()];
        session.run(batch, batchSize, (from, rows, values) -> System.arraycopy(values, 0, out, from, rows));
        return out;
    }
}
