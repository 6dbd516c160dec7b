package org.twinbench.model;

import java.util.ArrayList;
import java.util.List;
import org.twinbench.data.BinaryLabels;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.CellValues;
import org.twinbench.data.Column;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;

/**
 * The schema check before a model scores a table: every column the model expects must be there with
 * a usable type. A categorical feature that arrives as numbers is read as their text ({@code 1},
 * {@code 2.5}); a numeric feature that arrives as text is read as numbers if every value is one.
 * Otherwise one message names every missing or mismatched column.
 */
public final class ModelInputs {

    /** One input a model needs: a column name and whether it must be numeric. */
    public record Input(String name, boolean numeric) {
    }

    private ModelInputs() {
    }

    /** The inputs of a TwinBench-trained model, from its encoding. */
    public static List<Input> of(FeatureEncoder encoder) {
        List<Input> inputs = new ArrayList<>();
        for (FeatureEncoder.Feature feature : encoder.features()) {
            inputs.add(new Input(feature.name(), feature instanceof FeatureEncoder.Numeric));
        }
        return inputs;
    }

    /** The inputs {@code model} reads. */
    public static List<Input> of(TaskModel model) {
        if (model instanceof LogisticModel logistic) {
            return of(logistic.encoder());
        }
        if (model instanceof TreeModel tree) {
            return of(tree.encoder());
        }
        if (model instanceof OnnxTaskModel onnx) {
            return onnx.inputs();
        }
        if (model instanceof RegressionModel || model instanceof MulticlassModel) {
            return of(TaskModels.encoder(model));
        }
        return model.card().features().stream().map(name -> new Input(name, true)).toList();
    }

    /**
     * {@code data} with the model's columns in the types it needs, or a {@link ModelException}
     * starting with {@code where} and naming every column that is missing or cannot be converted.
     */
    public static Frame conform(TaskModel model, Frame data, String where) {
        List<String> problems = new ArrayList<>();
        Frame out = convert(model, data, problems);
        if (!problems.isEmpty()) {
            throw new ModelException(where + ": does not fit the model: " + String.join("; ", problems));
        }
        return out;
    }

    /**
     * The schema check on its own: one line per column the model needs that {@code data} lacks or holds
     * in a type that cannot be converted; empty when the model can score the data.
     */
    public static List<String> problems(TaskModel model, Frame data) {
        List<String> problems = new ArrayList<>();
        convert(model, data, problems);
        return List.copyOf(problems);
    }

    private static Frame convert(TaskModel model, Frame data, List<String> problems) {
        Frame out = data;
        for (Input input : of(model)) {
            Column column = data.find(input.name()).orElse(null);
            if (column == null) {
                problems.add("missing column '" + input.name() + "'");
            } else if (input.numeric() && column instanceof CategoricalColumn text) {
                NumericColumn numbers = asNumbers(text, problems);
                if (numbers != null) {
                    out = out.with(numbers);
                }
            } else if (!input.numeric() && column instanceof NumericColumn numbers) {
                String[] cells = new String[numbers.size()];
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = BinaryLabels.text(numbers, i);
                }
                out = out.with(CategoricalColumn.of(numbers.name(), cells));
            }
        }
        return out;
    }

    private static NumericColumn asNumbers(CategoricalColumn text, List<String> problems) {
        double[] values = new double[text.size()];
        for (int i = 0; i < values.length; i++) {
            String cell = text.get(i);
            Double value = cell == null ? Double.valueOf(Double.NaN) : CellValues.parseNumber(cell);
            if (value == null) {
                problems.add("column '" + text.name() + "' must be numeric but holds '" + cell + "' (data row "
                        + (i + 1) + ")");
                return null;
            }
            values[i] = value;
        }
        return new NumericColumn(text.name(), values);
    }
}
