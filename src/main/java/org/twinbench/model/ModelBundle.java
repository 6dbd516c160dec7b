package org.twinbench.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.twinbench.data.AtomicFiles;
import org.twinbench.data.Sha256;
import org.twinbench.data.StrictJson;
import org.twinbench.data.Task;
import smile.classification.DataFrameClassifier;
import smile.classification.LogisticRegression;

/**
 * The {@code .twinmodel} file: a zip holding {@code model.json} (the model card and the encoding,
 * readable by people and other tools) and {@code model.bin} (the fitted Smile model, Java
 * serialisation). Reading is defensive: only these two entries, no paths, size limits on the file and
 * on every entry ({@link BundleEntries}: counted while inflating, bounded by the heap, by the card's
 * shape and by the compression ratio), the card read by {@link StrictJson}, the binary's SHA-256
 * checked against the card, and deserialisation through {@link ModelBinaryFilter}.
 */
public final class ModelBundle {

    public static final String FORMAT = "twinbench.model";
    /** The newest card version this reads: 1 for binary models, 2 for the other tasks (older readers refuse them). */
    public static final int VERSION = 2;
    static final String CARD_ENTRY = "model.json";
    static final String BINARY_ENTRY = "model.bin";
    static final long MAX_FILE_BYTES = 1L << 30;

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelBundle() {
    }

    /** Writes {@code model} to {@code file} (through a temporary file, so a failed write leaves nothing). */
    public static void write(TaskModel model, Path file) {
        write(model, file, null);
    }

    /**
     * As {@link #write(TaskModel, Path)}, the card saying which of the file's rows the model was trained on
     * ({@code training_data.rows_chosen}; null: all of them).
     */
    public static void write(TaskModel model, Path file, String rowsChosen) {
        byte[] fitted = serialise(model);
        ObjectNode card = ModelCardJson.write(model, Sha256.of(fitted), binaryClass(model));
        if (rowsChosen != null) {
            ((ObjectNode) card.get("training_data")).put("rows_chosen", rowsChosen);
        }
        byte[] cardBytes;
        try {
            cardBytes = JSON.writeValueAsBytes(card);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a model card always serialises", e);
        }
        byte[] binary = withHeader(Sha256.of(cardBytes), fitted);
        try {
            AtomicFiles.write(file, (OutputStream out) -> {
                try (ZipOutputStream zip = new ZipOutputStream(out)) {
                    zip.putNextEntry(new ZipEntry(CARD_ENTRY));
                    zip.write(cardBytes);
                    zip.closeEntry();
                    zip.putNextEntry(new ZipEntry(BINARY_ENTRY));
                    zip.write(binary);
                    zip.closeEntry();
                }
            });
        } catch (IOException e) {
            throw new ModelException(file + ": cannot write: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a binary classifier's bundle written by {@link #write}; anything else, including the bundle of
     * another task, is refused with a {@link ModelException}.
     */
    public static BinaryClassifier read(Path file) {
        TaskModel model = readModel(file);
        if (!(model instanceof BinaryClassifier binary)) {
            throw new ModelException(file + ": a " + model.task().id() + " model; only a binary classifier can be used"
                    + " here so far");
        }
        return binary;
    }

    /** Reads the bundle of a model of any task written by {@link #write}; anything else is refused. */
    public static TaskModel readModel(Path file) {
        BundleEntries entries = BundleEntries.read(file, MAX_FILE_BYTES, bytes -> ModelCardJson.read(
                StrictJson.parse(bytes, BundleEntries.MAX_CARD_BYTES, file + ": " + CARD_ENTRY, ModelException::new),
                file + ": " + CARD_ENTRY));
        byte[] cardBytes = entries.card();
        ModelCardJson.Parsed parsed = entries.parsed();
        byte[] binary = entries.binary();
        if (!hasHeader(binary)) {
            throw new ModelException(file + ": " + BINARY_ENTRY + " is not a TwinBench model binary");
        }
        if (!Sha256.of(cardBytes).equals(new String(binary, HEADER.length, 64, StandardCharsets.US_ASCII))) {
            throw new ModelException(file + ": " + CARD_ENTRY + " was changed after the bundle was written "
                    + "(its SHA-256 differs from the one recorded in " + BINARY_ENTRY + ")");
        }
        binary = Arrays.copyOfRange(binary, HEADER.length + 64, binary.length);
        if (!Sha256.of(binary).equals(parsed.binarySha256())) {
            throw new ModelException(file + ": " + BINARY_ENTRY + " does not match the SHA-256 in " + CARD_ENTRY
                    + "; the bundle was altered after it was written");
        }
        Object fitted = deserialise(binary, file);
        if (parsed.card().task() != Task.BINARY) {
            return TaskModels.of(parsed, fitted, file);
        }
        return switch (parsed.card().algorithm()) {
            case "logistic" -> {
                if (!(fitted instanceof LogisticRegression.Binomial regression)) {
                    throw mismatch(file, parsed, fitted);
                }
                yield new LogisticModel(parsed.encoder(), regression, parsed.card());
            }
            case TreeStudent.ALGORITHM -> {
                if (!(fitted instanceof double[][] arrays)) {
                    throw mismatch(file, parsed, fitted);
                }
                yield TreeStudent.of(parsed.encoder(), parsed.card(), arrays, file);
            }
            default -> {
                if (!(fitted instanceof DataFrameClassifier ensemble)
                        || !fitted.getClass().getSimpleName().equals(parsed.binaryClass())) {
                    throw mismatch(file, parsed, fitted);
                }
                yield new TreeModel(parsed.encoder(), ensemble, parsed.card());
            }
        };
    }

    static ModelException mismatch(Path file, ModelCardJson.Parsed parsed, Object fitted) {
        return new ModelException(file + ": " + CARD_ENTRY + " says '" + parsed.card().algorithm() + "' but "
                + BINARY_ENTRY + " holds a " + fitted.getClass().getSimpleName());
    }

    private static Object deserialise(byte[] binary, Path file) {
        ModelBinaryFilter filter = new ModelBinaryFilter(binary.length);
        try (ObjectInputStream in = new ModelBinaryFilter.Input(new ByteArrayInputStream(binary), filter)) {
            return in.readObject();
        } catch (IOException | ClassNotFoundException | RuntimeException | StackOverflowError e) {
            // A custom readObject of an allowed class may throw anything on crafted bytes.
            if (filter.rejected() != null) {
                throw new ModelException(file + ": " + BINARY_ENTRY + " holds a class that is not allowed in a model ("
                        + filter.rejected() + "); refused", e);
            }
            if (filter.limit() != null) {
                throw new ModelException(file + ": " + BINARY_ENTRY + " holds " + filter.limit()
                        + ", more than a model needs; refused", e);
            }
            if (e instanceof InvalidClassException) {
                throw new ModelException(file + ": " + BINARY_ENTRY + " was written by an incompatible version: "
                        + e.getMessage(), e);
            }
            throw new ModelException(file + ": " + BINARY_ENTRY + " is not a readable model: " + e, e);
        }
    }

    private static byte[] serialise(TaskModel model) {
        Object fitted = TaskModels.fitted(model);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(fitted);
        } catch (IOException e) {
            throw new IllegalStateException("a fitted Smile model always serialises", e);
        }
        return bytes.toByteArray();
    }

    private static String binaryClass(TaskModel model) {
        return TaskModels.fitted(model).getClass().getSimpleName();
    }

    /**
     * {@code model.bin} is this magic, the SHA-256 (hex) of the card it was written with, then the
     * serialised model: editing either entry alone is detected.
     */
    private static final byte[] HEADER = "TWINBIN1".getBytes(StandardCharsets.US_ASCII);

    private static byte[] withHeader(String cardSha, byte[] fitted) {
        byte[] out = new byte[HEADER.length + 64 + fitted.length];
        System.arraycopy(HEADER, 0, out, 0, HEADER.length);
        System.arraycopy(cardSha.getBytes(StandardCharsets.US_ASCII), 0, out, HEADER.length, 64);
        System.arraycopy(fitted, 0, out, HEADER.length + 64, fitted.length);
        return out;
    }

    private static boolean hasHeader(byte[] binary) {
        return binary.length > HEADER.length + 64
                && Arrays.equals(binary, 0, HEADER.length, HEADER, 0, HEADER.length);
    }

    static ArrayNode array() {
        return JSON.createArrayNode();
    }
}
