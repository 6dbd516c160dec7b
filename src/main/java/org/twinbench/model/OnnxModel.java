package org.twinbench.model;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.twinbench.data.Column;
import org.twinbench.data.Frame;
import org.twinbench.data.InputFiles;
import org.twinbench.data.NumericColumn;
import org.twinbench.data.Sha256;

/**
 * A binary classifier in ONNX format, run by ONNX Runtime. Every model input is a float tensor of
 * shape {@code [N, k]} (or {@code [N]}), fed from {@code k} numeric columns: by default an input of
 * width 1 reads the column of the same name; a sidecar {@code MODEL.onnx.json} ({@link OnnxMapping})
 * can map an input to other columns, name the target, the positive label and the output. The output
 * is a float tensor {@code [N, 1]} or {@code [N]} (the positive class's probability) or {@code [N, 2]}
 * (its second column is taken). Rows go to the runtime in batches through direct {@link FloatBuffer}s.
 */
public final class OnnxModel implements BinaryClassifier, AutoCloseable {

    public static final int DEFAULT_BATCH = 4096;
    static final long MAX_FILE_BYTES = 1L << 30;

    /** One model input and the columns that fill it, in order. */
    record InputBinding(String input, List<String> columns, boolean flat) {
    }

    private final Path file;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final List<InputBinding> bindings;
    private final String output;
    private final ModelCard card;
    private final int batchSize;
    private final String sha256;

    private OnnxModel(Path file, OrtEnvironment environment, OrtSession session, List<InputBinding> bindings,
                      String output, ModelCard card, int batchSize, String sha256) {
        this.file = file;
        this.environment = environment;
        this.session = session;
        this.bindings = bindings;
        this.output = output;
        this.card = card;
        this.batchSize = batchSize;
        this.sha256 = sha256;
    }

    /** Loads {@code file} and its sidecar {@code file.json}, if there is one. */
    public static OnnxModel load(Path file) {
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
            environment = OrtEnvironment.getEnvironment(ai.onnxruntime.OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new ModelException(file + ": ONNX Runtime cannot start on this platform: " + e.getMessage(), e);
        }
        OrtSession session;
        try {
            session = environment.createSession(bytes, new OrtSession.SessionOptions());
        } catch (OrtException e) {
            throw new ModelException(file + ": not a usable ONNX model (ONNX Runtime: " + firstLine(e) + ")", e);
        }
        try {
            List<InputBinding> bindings = bindings(session, mapping, file);
            String output = output(session, mapping, file);
            List<String> features = new ArrayList<>();
            bindings.forEach(b -> features.addAll(b.columns()));
            ModelCard card = new ModelCard("onnx", mapping.target(), mapping.positiveLabel(), features,
                    mapping.trainingDataSha256(), 0, Map.of());
            return new OnnxModel(file, environment, session, bindings, output, card, DEFAULT_BATCH,
                    Sha256.of(bytes));
        } catch (OrtException e) {
            throw new ModelException(file + ": cannot read the model's inputs: " + firstLine(e), e);
        } catch (RuntimeException e) {
            closeQuietly(session);
            throw e;
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

    private static List<InputBinding> bindings(OrtSession session, OnnxMapping mapping, Path file) throws OrtException {
        List<InputBinding> bindings = new ArrayList<>();
        for (Map.Entry<String, NodeInfo> entry : session.getInputInfo().entrySet()) {
            String name = entry.getKey();
            if (!(entry.getValue().getInfo() instanceof TensorInfo tensor) || tensor.type != OnnxJavaType.FLOAT) {
                throw new ModelException(file + ": input '" + name + "' is not a float tensor; TwinBench feeds "
                        + "numeric columns as float tensors");
            }
            long[] shape = tensor.getShape();
            boolean flat = shape.length == 1;
            long width = flat ? 1 : shape.length == 2 ? shape[1] : -2;
            List<String> columns = mapping.inputs().getOrDefault(name, width == 1 || width == -1 ? List.of(name) : null);
            if (columns == null || shape.length > 2 || (width > 0 && columns.size() != width)) {
                throw new ModelException(file + ": input '" + name + "' has shape " + java.util.Arrays.toString(shape)
                        + "; map it to " + (width > 0 ? width + " " : "") + "columns in " + file.getFileName() + ".json");
            }
            bindings.add(new InputBinding(name, List.copyOf(columns), flat));
        }
        return bindings;
    }

    private static String output(OrtSession session, OnnxMapping mapping, Path file) throws OrtException {
        Map<String, NodeInfo> outputs = session.getOutputInfo();
        String wanted = mapping.output();
        if (wanted != null) {
            if (!outputs.containsKey(wanted)) {
                throw new ModelException(file + ": has no output '" + wanted + "'; outputs are " + outputs.keySet());
            }
            return wanted;
        }
        for (Map.Entry<String, NodeInfo> entry : outputs.entrySet()) {
            if (entry.getValue().getInfo() instanceof TensorInfo tensor && tensor.type == OnnxJavaType.FLOAT) {
                return entry.getKey();
            }
        }
        throw new ModelException(file + ": has no float tensor output to read probabilities from; outputs are "
                + outputs.keySet());
    }

    /** The same model scoring {@code size} rows per runtime call. */
    public OnnxModel withBatchSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("batch size must be positive");
        }
        return new OnnxModel(file, environment, session, bindings, output, card, size, sha256);
    }

    /** The columns the model reads, all numeric. */
    List<ModelInputs.Input> inputs() {
        List<ModelInputs.Input> inputs = new ArrayList<>();
        bindings.forEach(b -> b.columns().forEach(c -> inputs.add(new ModelInputs.Input(c, true))));
        return inputs;
    }

    /** SHA-256 of the {@code .onnx} file. */
    public String sha256() {
        return sha256;
    }

    @Override
    public double[] scorePositive(Frame batch) {
        int n = batch.rowCount();
        double[] scores = new double[n];
        List<double[][]> sources = new ArrayList<>();
        for (InputBinding binding : bindings) {
            double[][] columns = new double[binding.columns().size()][];
            for (int j = 0; j < columns.length; j++) {
                Column column = batch.column(binding.columns().get(j));
                if (!(column instanceof NumericColumn numeric)) {
                    throw new ModelException("column '" + column.name() + "' is not numeric; ONNX input '"
                            + binding.input() + "' takes numbers");
                }
                columns[j] = numeric.values();
            }
            sources.add(columns);
        }
        // One direct buffer per input, reused for every batch: the runtime reads it without a copy.
        List<FloatBuffer> buffers = new ArrayList<>();
        for (InputBinding binding : bindings) {
            buffers.add(ByteBuffer.allocateDirect(Math.min(batchSize, Math.max(n, 1)) * binding.columns().size()
                    * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer());
        }
        for (int from = 0; from < n; from += batchSize) {
            int rows = Math.min(batchSize, n - from);
            scoreBatch(sources, buffers, from, rows, scores);
        }
        return scores;
    }

    private void scoreBatch(List<double[][]> sources, List<FloatBuffer> buffers, int from, int rows, double[] scores) {
        Map<String, OnnxTensor> feeds = new LinkedHashMap<>();
        try {
            for (int b = 0; b < bindings.size(); b++) {
                double[][] columns = sources.get(b);
                FloatBuffer buffer = buffers.get(b);
                buffer.clear();
                int width = columns.length;
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < width; j++) {
                        buffer.put((float) columns[j][from + i]);
                    }
                }
                buffer.flip();
                long[] shape = bindings.get(b).flat() ? new long[] {rows} : new long[] {rows, width};
                feeds.put(bindings.get(b).input(), OnnxTensor.createTensor(environment, buffer, shape));
            }
            try (OrtSession.Result result = session.run(feeds, java.util.Set.of(output))) {
                OnnxValue value = result.get(0);
                if (!(value instanceof OnnxTensor tensor)) {
                    throw new ModelException("ONNX output '" + output + "' is not a tensor");
                }
                FloatBuffer out = tensor.getFloatBuffer();
                long[] shape = tensor.getInfo().getShape();
                int stride = shape.length == 2 ? (int) shape[1] : 1;
                int column = stride >= 2 ? 1 : 0;
                for (int i = 0; i < rows; i++) {
                    scores[from + i] = probability(out.get(i * stride + column), from + i);
                }
            }
        } catch (OrtException e) {
            throw new ModelException("ONNX Runtime failed to score: " + firstLine(e), e);
        } finally {
            feeds.values().forEach(OnnxTensor::close);
        }
    }

    /**
     * A score the runtime gave, checked: NaN, infinite or outside [0, 1] is no probability and is
     * refused naming the model and the row (1 for the first data row). Float rounding of a sigmoid or
     * softmax may pass 1 by a few units in the last place; up to {@value #ROUNDING} is clamped.
     */
    private double probability(float value, int row) {
        if (!(value >= -ROUNDING && value <= 1 + ROUNDING)) {
            throw new ModelException(file + ": output '" + output + "' gave " + value + " for row " + (row + 1)
                    + "; a score must be a probability in [0, 1]");
        }
        return Math.min(1, Math.max(0, value));
    }

    private static final double ROUNDING = 1e-6;

    @Override
    public ModelCard card() {
        return card;
    }

    @Override
    public void close() {
        closeQuietly(session);
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
