package org.twinbench.model;

import java.nio.file.Path;
import java.util.List;

/**
 * An ONNX model of any task, run by ONNX Runtime: a binary classifier ({@link OnnxModel}), a multiclass
 * classifier ({@link OnnxMulticlassModel}) or a regression ({@link OnnxRegressionModel}), as the model's
 * outputs and its sidecar {@code MODEL.onnx.json} make it (see {@link OnnxOutputs}). Copies made by
 * {@code withBatchSize} share one runtime session; closing any closes it.
 */
public abstract sealed class OnnxTaskModel implements TaskModel, AutoCloseable
        permits OnnxModel, OnnxMulticlassModel, OnnxRegressionModel {

    /** Rows per runtime call unless {@code withBatchSize} says otherwise. */
    public static final int DEFAULT_BATCH = 4096;

    final OnnxSession session;
    final int batchSize;
    /** The session's card, or a copy naming the outcome column the scenario gave ({@link #forTarget}). */
    final ModelCard card;

    OnnxTaskModel(OnnxSession session, int batchSize, ModelCard card) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive");
        }
        this.session = session;
        this.batchSize = batchSize;
        this.card = card == null ? session.card() : card;
    }

    /** The same model, scoring {@code size} rows per runtime call, with {@code card}. */
    abstract OnnxTaskModel copy(int size, ModelCard card);

    /**
     * The same model (sharing its session) predicting {@code target}: a scenario names the outcome column
     * when the model file's sidecar does not (an export with no sidecar names none), or names it otherwise.
     */
    public OnnxTaskModel forTarget(String target) {
        ModelCard c = card;
        return copy(batchSize, new ModelCard(c.algorithm(), target, c.positiveLabel(), c.features(),
                c.trainingDataSha256(), c.trainingRows(), c.holdoutMetrics(), c.task(), c.classes(), c.baseline(),
                c.holdoutRows(), c.trainingSketch()));
    }

    /**
     * The columns that fill the model's whole-number or yes/no inputs, each with its input's type
     * ({@code int64}, {@code int32} or {@code bool}), in input order.
     */
    public java.util.Map<String, String> typedColumns() {
        return session.typedColumns();
    }

    /**
     * What stops the rows of {@code frame} from going to the model, one line per column: a missing or
     * fractional value for a whole-number (int32, int64) input, a value other than yes/no for a bool input.
     * Row numbers count the frame's rows from 1, as data rows.
     */
    public List<String> valueProblems(org.twinbench.data.Frame frame) {
        return session.valueProblems(frame);
    }

    /** Loads {@code file} and its sidecar {@code file.json}, if there is one, as the model its outputs make. */
    public static OnnxTaskModel load(Path file) {
        OnnxSession session = OnnxSession.open(file);
        return switch (session.card().task()) {
            case BINARY -> new OnnxModel(session, DEFAULT_BATCH, null);
            case MULTICLASS -> new OnnxMulticlassModel(session, DEFAULT_BATCH, null);
            case REGRESSION -> new OnnxRegressionModel(session, DEFAULT_BATCH, null);
        };
    }

    /** SHA-256 of the {@code .onnx} file. */
    public String sha256() {
        return session.sha256();
    }

    /** The columns the model reads: numeric for number inputs, text for string inputs. */
    public List<ModelInputs.Input> inputs() {
        return session.inputs();
    }

    /**
     * The output of a model that gives only its predicted class, no probabilities (its scores are 1 for the
     * predicted class, 0 for the others: estimated performance, ROC AUC and log loss say nothing of it); null
     * for a model that gives probabilities or amounts.
     */
    @Override
    public String labelsOnlyOutput() {
        return session.labelsOnlyOutput();
    }

    @Override
    public ModelCard card() {
        return card;
    }

    /** Releases the runtime session (shared with the copies {@code withBatchSize} made), the first time only. */
    @Override
    public void close() {
        session.close();
    }

    /** Whether the runtime session was released: scoring is then refused, naming the file. */
    public boolean isClosed() {
        return session.isClosed();
    }

    /**
     * How many ONNX Runtime sessions are open in this JVM: models loaded and not yet closed (a plan closes
     * the ones it holds when its run ends). For leak checks.
     */
    public static int openSessions() {
        return OnnxSession.openSessions();
    }
}
