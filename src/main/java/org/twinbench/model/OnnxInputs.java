package org.twinbench.model;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.TensorInfo;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.twinbench.data.BinaryLabels;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Column;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;

/**
 * How the columns of a table fill an ONNX model's inputs. Each input is a float, double, int64, int32, bool
 * or string tensor of shape {@code [N]}, {@code [N, 1]} or {@code [N, k]}: an input of one column reads the column
 * of its own name (as exporters name per-column inputs), unless the sidecar maps it; an input of k
 * columns needs the sidecar to name them, in order. Missing numbers go in as NaN, missing text as the
 * empty string; an int64 or int32 input refuses a missing value (and, in the data as read, a fraction; a
 * fraction a perturbation made is rounded), a bool input anything but true/false, yes/no or 1/0, naming the
 * column and row.
 */
final class OnnxInputs {

    /** The element types TwinBench feeds. */
    enum Kind { FLOAT, DOUBLE, INT64, INT32, BOOL, STRING }

    /** One model input and the columns that fill it, in order. */
    record Binding(String input, Kind kind, List<String> columns, boolean flat) {
    }

    private final List<Binding> bindings;

    private OnnxInputs(List<Binding> bindings) {
        this.bindings = List.copyOf(bindings);
    }

    /** The bindings of the model's inputs; what cannot be bound is added to {@code problems}, one line each. */
    static OnnxInputs of(Map<String, NodeInfo> inputs, OnnxMapping mapping, List<String> problems) {
        List<Binding> bindings = new ArrayList<>();
        for (Map.Entry<String, NodeInfo> entry : inputs.entrySet()) {
            String name = entry.getKey();
            Kind kind = entry.getValue().getInfo() instanceof TensorInfo tensor ? kind(tensor.type) : null;
            if (kind == null) {
                problems.add("input '" + name + "' is " + OnnxSignature.type(entry.getValue().getInfo())
                        + ", which TwinBench cannot fill");
                continue;
            }
            long[] shape = ((TensorInfo) entry.getValue().getInfo()).getShape();
            boolean flat = shape.length == 1;
            long width = flat ? 1 : shape.length == 2 ? shape[1] : -2;
            List<String> columns = mapping.inputs().getOrDefault(name, width == 1 || width == -1 ? List.of(name) : null);
            if (width == -2) {
                problems.add("input '" + name + "' has " + shape.length + " dimensions; TwinBench fills [N] or [N, k]");
            } else if (columns == null) {
                problems.add("input '" + name + "' takes " + width + " columns; name them in " + mapping.name()
                        + " ({\"inputs\": {\"" + name + "\": [...]}})");
            } else if ((width > 0 && columns.size() != width) || (flat && columns.size() != 1) || columns.isEmpty()) {
                problems.add(mapping.name() + " maps input '" + name + "' to " + columns.size() + " columns; it takes "
                        + (width > 0 ? width : "one or more"));
            } else {
                bindings.add(new Binding(name, kind, List.copyOf(columns), flat));
            }
        }
        mapping.inputs().keySet().stream().filter(name -> !inputs.containsKey(name)).forEach(name ->
                problems.add(mapping.name() + " maps input '" + name + "', which the model does not have"));
        return new OnnxInputs(bindings);
    }

    private static Kind kind(OnnxJavaType type) {
        return switch (type) {
            case FLOAT -> Kind.FLOAT;
            case DOUBLE -> Kind.DOUBLE;
            case INT64 -> Kind.INT64;
            case INT32 -> Kind.INT32;
            case BOOL -> Kind.BOOL;
            case STRING -> Kind.STRING;
            default -> null;
        };
    }

    /** The columns the model reads: numeric for number inputs, text for string inputs. */
    List<ModelInputs.Input> columns() {
        List<ModelInputs.Input> out = new ArrayList<>();
        // A bool input reads yes/no text (true/false, yes/no, 1/0): a numeric 0/1 column is read as its text.
        bindings.forEach(b -> b.columns().forEach(c -> out.add(new ModelInputs.Input(c,
                b.kind() != Kind.STRING && b.kind() != Kind.BOOL))));
        return out;
    }

    /** The columns that fill whole-number or yes/no inputs, with the input's type (int64, int32, bool). */
    Map<String, String> typedColumns() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Binding binding : bindings) {
            String type = switch (binding.kind()) {
                case INT64 -> "int64";
                case INT32 -> "int32";
                case BOOL -> "bool";
                default -> null;
            };
            if (type != null) {
                binding.columns().forEach(c -> out.putIfAbsent(c, type));
            }
        }
        return out;
    }

    /**
     * The first value of each column that its input would refuse (see {@link OnnxTaskModel#valueProblems}); the
     * columns {@code frame} lacks, or of the wrong kind, are left to the inputs' check.
     */
    List<String> valueProblems(Frame frame) {
        List<String> problems = new ArrayList<>();
        for (Binding binding : bindings) {
            for (String name : binding.columns()) {
                Column column = frame.find(name).orElse(null);
                boolean whole = binding.kind() == Kind.INT64 || binding.kind() == Kind.INT32;
                if (column == null || (whole && !(column instanceof NumericColumn))
                        || (!whole && binding.kind() != Kind.BOOL)) {
                    continue;
                }
                for (int i = 0; i < frame.rowCount(); i++) {
                    try {
                        if (whole) {
                            long value = whole((NumericColumn) column, i, binding.input(), binding.kind() == Kind.INT64
                                    ? "int64" : "int32", false);
                            if (binding.kind() == Kind.INT32 && value != (int) value) {
                                throw new ModelException(int32(column, value, i, binding.input()));
                            }
                        } else {
                            yesNo(column, i, binding.input());
                        }
                    } catch (ModelException e) {
                        problems.add(e.getMessage());
                        break;
                    }
                }
            }
        }
        return problems;
    }

    private static String int32(Column column, long value, int row, String input) {
        return "column '" + column.name() + "' holds " + value + " in data row " + (row + 1) + "; ONNX input '"
                + input + "' takes 32-bit whole numbers (int32)";
    }

    /** The columns of a batch each input reads, checked once, and the buffers reused for every runtime call. */
    final class Batch {
        private final List<Column[]> sources = new ArrayList<>();
        private final List<Buffer> buffers = new ArrayList<>();

        Batch(Frame frame, int batchSize) {
            int capacity = Math.min(batchSize, Math.max(frame.rowCount(), 1));
            for (Binding binding : bindings) {
                Column[] columns = new Column[binding.columns().size()];
                for (int j = 0; j < columns.length; j++) {
                    Column column = frame.column(binding.columns().get(j));
                    if (binding.kind() != Kind.STRING && binding.kind() != Kind.BOOL
                            && !(column instanceof NumericColumn)) {
                        throw new ModelException("column '" + column.name() + "' is not numeric; ONNX input '"
                                + binding.input() + "' takes numbers");
                    }
                    columns[j] = column;
                }
                sources.add(columns);
                int cells = capacity * columns.length;
                // Direct buffers: the runtime reads them without a copy.
                buffers.add(switch (binding.kind()) {
                    case FLOAT -> direct(cells * Float.BYTES).asFloatBuffer();
                    case DOUBLE -> direct(cells * Double.BYTES).asDoubleBuffer();
                    case INT64 -> direct(cells * Long.BYTES).asLongBuffer();
                    case INT32 -> direct(cells * Integer.BYTES).asIntBuffer();
                    case BOOL -> direct(cells);
                    case STRING -> null;
                });
            }
        }

        /** The tensors of rows {@code [from, from + rows)}, by input name; the caller closes them. */
        Map<String, OnnxTensor> feeds(OrtEnvironment environment, int from, int rows) throws OrtException {
            Map<String, OnnxTensor> feeds = new LinkedHashMap<>();
            try {
                for (int b = 0; b < bindings.size(); b++) {
                    Binding binding = bindings.get(b);
                    Column[] columns = sources.get(b);
                    long[] shape = binding.flat() ? new long[] {rows} : new long[] {rows, columns.length};
                    feeds.put(binding.input(), tensor(environment, binding, columns, buffers.get(b), from, rows, shape));
                }
            } catch (OrtException | RuntimeException e) {
                feeds.values().forEach(OnnxTensor::close);
                throw e;
            }
            return feeds;
        }
    }

    private static ByteBuffer direct(int bytes) {
        return ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
    }

    private static OnnxTensor tensor(OrtEnvironment environment, Binding binding, Column[] columns, Buffer buffer,
                                     int from, int rows, long[] shape) throws OrtException {
        int width = columns.length;
        switch (binding.kind()) {
            case FLOAT -> {
                FloatBuffer out = (FloatBuffer) buffer.clear();
                for (int i = from; i < from + rows; i++) {
                    for (Column column : columns) {
                        out.put((float) ((NumericColumn) column).get(i));
                    }
                }
                return OnnxTensor.createTensor(environment, out.flip(), shape);
            }
            case DOUBLE -> {
                DoubleBuffer out = (DoubleBuffer) buffer.clear();
                for (int i = from; i < from + rows; i++) {
                    for (Column column : columns) {
                        out.put(((NumericColumn) column).get(i));
                    }
                }
                return OnnxTensor.createTensor(environment, out.flip(), shape);
            }
            case INT64 -> {
                LongBuffer out = (LongBuffer) buffer.clear();
                for (int i = from; i < from + rows; i++) {
                    for (Column column : columns) {
                        out.put(whole((NumericColumn) column, i, binding.input(), "int64", true));
                    }
                }
                return OnnxTensor.createTensor(environment, out.flip(), shape);
            }
            case INT32 -> {
                IntBuffer out = (IntBuffer) buffer.clear();
                for (int i = from; i < from + rows; i++) {
                    for (Column column : columns) {
                        long value = whole((NumericColumn) column, i, binding.input(), "int32", true);
                        if (value != (int) value) {
                            throw new ModelException(int32(column, value, i, binding.input()));
                        }
                        out.put((int) value);
                    }
                }
                return OnnxTensor.createTensor(environment, out.flip(), shape);
            }
            case BOOL -> {
                ByteBuffer out = (ByteBuffer) buffer.clear();
                for (int i = from; i < from + rows; i++) {
                    for (Column column : columns) {
                        out.put(yesNo(column, i, binding.input()) ? (byte) 1 : (byte) 0);
                    }
                }
                return OnnxTensor.createTensor(environment, out.flip(), shape, OnnxJavaType.BOOL);
            }
            default -> {
                String[] cells = new String[rows * width];
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < width; j++) {
                        String text = columns[j] instanceof CategoricalColumn categorical ? categorical.get(from + i)
                                : BinaryLabels.text(columns[j], from + i);
                        cells[i * width + j] = text == null ? "" : text;
                    }
                }
                return OnnxTensor.createTensor(environment, cells, shape);
            }
        }
    }

    /** A value for a bool input: true/false, yes/no or 1/0 (any case); a missing or other value is refused. */
    private static boolean yesNo(Column column, int row, String input) {
        String text = column instanceof CategoricalColumn categorical ? categorical.get(row)
                : BinaryLabels.text(column, row);
        String word = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        return switch (word) {
            case "true", "yes", "1", "1.0" -> true;
            case "false", "no", "0", "0.0" -> false;
            default -> throw new ModelException("column '" + column.name() + "' " + (word.isEmpty() ? "has no value"
                    : "holds '" + text + "'") + " in data row " + (row + 1) + "; ONNX input '" + input
                    + "' takes yes/no values (bool: true/false, yes/no or 1/0)");
        };
    }

    /**
     * A value for an int64 or int32 input; nothing stands for a missing one. A fraction is refused when
     * {@code round} is false (the data as read: checked before a run), and rounded to the nearest whole number
     * when true (scoring: by then a fraction comes from a perturbation, as a drifted age is still whole years).
     */
    private static long whole(NumericColumn column, int row, String input, String type, boolean round) {
        double value = column.get(row);
        if (Double.isNaN(value)) {
            throw new ModelException("column '" + column.name() + "' has no value in data row " + (row + 1)
                    + "; ONNX input '" + input + "' takes whole numbers (" + type + "), which cannot be missing");
        }
        if (round) {
            value = Math.rint(value);
        }
        if (value != Math.rint(value) || Math.abs(value) > 9.0e18) {
            throw new ModelException("column '" + column.name() + "' holds " + value + " in data row " + (row + 1)
                    + "; ONNX input '" + input + "' takes whole numbers (" + type + ")");
        }
        return (long) value;
    }
}
