package org.twinbench.model;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.twinbench.data.Frame;
import org.twinbench.data.InputFiles;
import org.twinbench.data.Sha256;
import org.twinbench.data.Task;

/**
 * One ONNX model opened in ONNX Runtime, with how the table's columns fill its inputs
 * ({@link OnnxInputs}) and which output TwinBench reads ({@link OnnxOutputs}); shared by the ONNX models
 * of every task. Opening refuses, before any session exists, a file too large or one whose tensors keep
 * their data elsewhere ({@link OnnxExternalData}); a model TwinBench cannot read is refused in one line
 * naming the file, the reasons, the model's inputs and outputs and what TwinBench reads.
 */
final class OnnxSession implements AutoCloseable {

    static final long MAX_FILE_BYTES = 1L << 30;
    /** Float rounding of a sigmoid or softmax may pass 1 by a few units in the last place; up to this is clamped. */
    private static final double ROUNDING = 1e-6;

    /** Receives a scored batch: rows {@code [from, from + rows)}, values as {@link OnnxOutputs#read} lays them out. */
    interface BatchSink {
        void accept(int from, int rows, double[] values);
    }

    private final Path file;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final OnnxInputs inputs;
    private final OnnxOutputs outputs;
    private final ModelCard card;
    private final String sha256;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    /** Sessions opened and not yet closed, in this JVM. */
    private static final java.util.concurrent.atomic.AtomicInteger OPEN = new java.util.concurrent.atomic.AtomicInteger();

    private OnnxSession(Path file, OrtEnvironment environment, OrtSession session, OnnxInputs inputs,
                        OnnxOutputs outputs, OnnxMapping mapping, String sha256) {
        this.file = file;
        this.environment = environment;
        this.session = session;
        this.inputs = inputs;
        this.outputs = outputs;
        this.sha256 = sha256;
        OPEN.incrementAndGet();
        List<String> features = inputs.columns().stream().map(ModelInputs.Input::name).toList();
        Task task = outputs.task();
        this.card = new ModelCard("onnx", mapping.target(), task == Task.BINARY ? outputs.positiveLabel() : "", features,
                mapping.trainingDataSha256(), 0, Map.of(), task,
                task == Task.MULTICLASS ? outputs.classes() : List.of(), null);
    }

    /** Opens {@code file} and its sidecar {@code file.json}, if there is one. */
    static OnnxSession open(Path file) {
        return open(file, true);
    }

    /** As {@link #open(Path)}; {@code zipMapTensors} false reads a ZipMap output as the runtime's maps (for tests). */
    static OnnxSession open(Path file, boolean zipMapTensors) {
        String problem = InputFiles.problem(file);
        if (problem != null) {
            throw new ModelException(file + ": " + (problem.equals("file not found") ? "model file not found" : problem));
        }
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new ModelException(file + ": larger than " + (MAX_FILE_BYTES >> 20) + " MiB; refused");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ModelException(file + ": cannot read: " + e.getMessage(), e);
        }
        refuseExternalData(file, bytes);
        OnnxMapping mapping = OnnxMapping.read(Path.of(file + ".json"));
        OrtEnvironment environment;
        try {
            // ONNX Runtime's own warnings would reach the terminal past TwinBench's messages (and break
            // --json); its errors come back as exceptions, which name the model.
            environment = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new ModelException(file + ": ONNX Runtime cannot start on this platform: " + e.getMessage(), e);
        }
        Map<String, String> zipMaps = zipMapTensors ? OnnxClassLabels.zipMapInputs(bytes) : Map.of();
        OrtSession session = widened(environment, bytes, zipMaps);
        if (session == null) {
            zipMaps = Map.of();
            try {
                session = environment.createSession(bytes, new OrtSession.SessionOptions());
            } catch (OrtException e) {
                throw new ModelException(file + ": not a usable ONNX model (ONNX Runtime: " + firstLine(e) + ")", e);
            }
        }
        try {
            // The model's own outputs: the widened session's, less the tensors it was widened by.
            Map<String, NodeInfo> declared = new java.util.LinkedHashMap<>(session.getOutputInfo());
            declared.keySet().removeAll(zipMaps.values());
            List<String> problems = new ArrayList<>();
            OnnxInputs inputs = OnnxInputs.of(session.getInputInfo(), mapping, problems);
            OnnxOutputs outputs = OnnxOutputs.choose(declared, mapping, OnnxClassLabels.byOutput(bytes),
                    OnnxClassLabels.producers(bytes), zipMaps, problems);
            if (!problems.isEmpty()) {
                throw new ModelException(file + ": TwinBench cannot read this model: " + String.join("; ", problems)
                        + "; " + OnnxSignature.of(session.getInputInfo(), declared) + ". " + OnnxSignature.NEEDS);
            }
            return new OnnxSession(file, environment, session, inputs, outputs, mapping, Sha256.of(bytes));
        } catch (OrtException e) {
            closeQuietly(session);
            throw new ModelException(file + ": cannot read the model's inputs and outputs: " + firstLine(e), e);
        } catch (RuntimeException e) {
            closeQuietly(session);
            throw e;
        }
    }

    /**
     * A session of the model that also returns the tensors its ZipMaps read ({@link OnnxClassLabels#withFloatOutputs}),
     * or null when there is no ZipMap or the runtime refuses the copy (then the model is opened as it is).
     */
    private static OrtSession widened(OrtEnvironment environment, byte[] bytes, Map<String, String> zipMaps) {
        byte[] widened = zipMaps.isEmpty() ? null
                : OnnxClassLabels.withFloatOutputs(bytes, List.copyOf(new java.util.LinkedHashSet<>(zipMaps.values())));
        if (widened == null) {
            return null;
        }
        try {
            return environment.createSession(widened, new OrtSession.SessionOptions());
        } catch (OrtException e) {
            return null;
        }
    }

    /**
     * Refuses a model with a tensor stored outside the file ({@link OnnxExternalData}): the runtime
     * would read whatever path it names. Checked before any session exists.
     */
    private static void refuseExternalData(Path file, byte[] bytes) {
        try {
            OnnxExternalData.find(bytes).ifPresent(reference -> {
                throw new ModelException(file + ": tensor '" + printable(reference.tensor()) + "' asks for data outside "
                        + "the model" + (reference.location().isEmpty() ? "" : ", in '" + printable(reference.location())
                        + "'") + "; a model must hold all its data (ONNX external data is refused)");
            });
        } catch (OnnxExternalData.Malformed e) {
            throw new ModelException(file + ": not a usable ONNX model (not a well-formed ONNX protobuf: "
                    + e.getMessage() + ")", e);
        }
    }

    private static String printable(String text) {
        String shown = text.replaceAll("\\p{Cntrl}", "?");
        return shown.length() > 200 ? shown.substring(0, 200) + "…" : shown;
    }

    /** Scores {@code batch} in runtime calls of at most {@code batchSize} rows, handing each to {@code sink}. */
    void run(Frame batch, int batchSize, BatchSink sink) {
        if (closed.get()) {
            throw new ModelException(file + ": the model was closed when the run that opened it ended;"
                    + " open the file again to score with it");
        }
        int n = batch.rowCount();
        OnnxInputs.Batch feeds = inputs.new Batch(batch, batchSize);
        double[] values = new double[Math.min(batchSize, Math.max(n, 1)) * outputs.width()];
        for (int from = 0; from < n; from += batchSize) {
            int rows = Math.min(batchSize, n - from);
            Map<String, OnnxTensor> tensors = Map.of();
            try {
                tensors = feeds.feeds(environment, from, rows);
                try (OrtSession.Result result = session.run(tensors, Set.of(outputs.fetched()))) {
                    outputs.read(result.get(0), from, rows, values);
                }
            } catch (OrtException e) {
                throw new ModelException(file + ": ONNX Runtime failed to score: " + firstLine(e), e);
            } finally {
                tensors.values().forEach(OnnxTensor::close);
            }
            sink.accept(from, rows, values);
        }
    }

    /**
     * A probability the runtime gave, checked: NaN, infinite or outside [0, 1] is no probability and is
     * refused naming the model and the row (1 for the first data row); up to {@link #ROUNDING} past a
     * bound is clamped.
     */
    double probability(double value, int row) {
        if (!(value >= -ROUNDING && value <= 1 + ROUNDING)) {
            throw new ModelException(file + ": output '" + outputs.output() + "' gave " + outputs.shown(value)
                    + " for row " + (row + 1) + "; a score must be a probability in [0, 1]");
        }
        return Math.min(1, Math.max(0, value));
    }

    OnnxOutputs outputs() {
        return outputs;
    }

    /** The label output of a model that gives only labels (scores 0 or 1), else null. */
    String labelsOnlyOutput() {
        return outputs.labelsOnlyOutput();
    }

    List<ModelInputs.Input> inputs() {
        return inputs.columns();
    }

    Map<String, String> typedColumns() {
        return inputs.typedColumns();
    }

    /** See {@link OnnxTaskModel#valueProblems}. */
    List<String> valueProblems(Frame frame) {
        return inputs.valueProblems(frame);
    }

    ModelCard card() {
        return card;
    }

    Path file() {
        return file;
    }

    String sha256() {
        return sha256;
    }

    /** Releases the runtime session, the first time only. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            closeQuietly(session);
            OPEN.decrementAndGet();
        }
    }

    boolean isClosed() {
        return closed.get();
    }

    /** How many sessions are open (opened and not yet closed) in this JVM. */
    static int openSessions() {
        return OPEN.get();
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException e) {
            // Nothing left to release that the runtime would tell us about.
        }
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
