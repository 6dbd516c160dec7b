package org.twinbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.twinbench.data.BinaryLabels;
import org.twinbench.data.Column;
import org.twinbench.data.Dataset;
import org.twinbench.data.NumericColumn;
import org.twinbench.data.OutcomeColumn;
import org.twinbench.data.Task;

/**
 * The outcome column and task of {@code train}: the {@code --target} given or the one
 * {@link OutcomeColumn} finds, and the {@code --task} given or the one the column calls for
 * ({@link Task#of}); anything that does not fit is refused with a one-line message (exit 2).
 *
 * @param why how the column was chosen, printed with the model card
 */
record OutcomeChoice(String target, Task task, String why) {

    /** Candidates listed when the outcome is not clear. */
    static final int LISTED = 6;

    static OutcomeChoice resolve(Dataset dataset, Path data, String target, String taskOption) {
        Task wanted = parseTask(taskOption);
        String why;
        if (target == null) {
            OutcomeColumn.Inference inference = OutcomeColumn.infer(dataset);
            if (inference.column().isEmpty()) {
                throw new UserInputException(data + ": " + (inference.candidates().isEmpty()
                        ? "no column looks like an outcome; give the column to predict with --target COL"
                        : "no clear outcome column; give it with --target COL. Candidates, best first: "
                        + inference.describeCandidates(LISTED)));
            }
            target = inference.chosen().column();
            why = "chosen as the outcome: " + inference.chosen().reason();
        } else {
            if (!dataset.frame().has(target)) {
                throw new UserInputException(data + ": no column '" + target + "' (given with --target); columns are "
                        + String.join(", ", dataset.frame().columnNames()));
            }
            why = "given with --target";
        }
        Column column = dataset.frame().column(target);
        return new OutcomeChoice(target, wanted == null ? natural(column, data) : checked(column, wanted, data), why);
    }

    private static Task parseTask(String option) {
        if (option == null || option.equalsIgnoreCase("auto")) {
            return null;
        }
        try {
            return Task.named(option);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--task: " + e.getMessage());
        }
    }

    private static Task natural(Column column, Path data) {
        Optional<Task> task = Task.of(column);
        if (task.isPresent()) {
            return task.get();
        }
        int distinct = Task.distinctValues(column, Task.MAX_CLASSES + 1);
        if (distinct < 2) {
            throw new UserInputException(data + ": column '" + column.name() + "' holds " + (distinct == 0 ? "no values"
                    : "one value only") + "; there is nothing to predict");
        }
        throw new UserInputException(data + ": column '" + column.name() + "' holds more than " + Task.MAX_CLASSES
                + " different texts: too many classes to predict; choose another --target");
    }

    private static Task checked(Column column, Task task, Path data) {
        int distinct = Task.distinctValues(column, Task.MAX_CLASSES + 1);
        String name = "column '" + column.name() + "'";
        if (distinct < 2) {
            throw new UserInputException(data + ": " + name + " holds " + (distinct == 0 ? "no values" : "one value only")
                    + "; a " + task.id() + " model needs at least two");
        }
        switch (task) {
            case BINARY -> {
                if (distinct > 2) {
                    throw new UserInputException(data + ": " + name + " holds " + count(distinct) + " values ("
                            + examples(column) + "); a binary task needs exactly two — use --task "
                            + (column instanceof NumericColumn && Task.of(column).orElse(null) == Task.REGRESSION
                            ? "regression" : "multiclass"));
                }
            }
            case MULTICLASS -> {
                if (distinct == 2) {
                    throw new UserInputException(data + ": " + name + " holds two values; use --task binary");
                }
                if (distinct > Task.MAX_CLASSES) {
                    throw new UserInputException(data + ": " + name + " holds more than " + Task.MAX_CLASSES
                            + " values; a multiclass task takes at most " + Task.MAX_CLASSES + " classes");
                }
            }
            case REGRESSION -> {
                if (!(column instanceof NumericColumn)) {
                    throw new UserInputException(data + ": " + name + " holds text, not numbers; a regression predicts"
                            + " an amount — use --task " + (distinct == 2 ? "binary" : "multiclass"));
                }
            }
            default -> throw new IllegalStateException("every task is handled");
        }
        return task;
    }

    private static String count(int distinct) {
        return distinct > Task.MAX_CLASSES ? "more than " + Task.MAX_CLASSES : Integer.toString(distinct);
    }

    /** The first three values of a column, for a message. */
    private static String examples(Column column) {
        List<String> values = new ArrayList<>(BinaryLabels.distinctValues(column));
        return String.join(", ", values.subList(0, Math.min(3, values.size()))) + (values.size() > 3 ? ", …" : "");
    }
}
