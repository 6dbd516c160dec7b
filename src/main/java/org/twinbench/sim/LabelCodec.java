package org.twinbench.sim;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import org.twinbench.data.BinaryLabels;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.CellValues;
import org.twinbench.data.ClassLabels;
import org.twinbench.data.Column;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.data.Task;

/**
 * Reads and writes the label column for perturbations that change labels. A binary model's labels are
 * read and written as 0/1: the positive and negative classes are the texts the model uses
 * ({@code BinaryLabels.text}); a numeric label column gets the numbers back. {@link #change} also changes the
 * labels of a multiclass model (another of its {@code classes}) and of a regression (noise on the amount,
 * scaled by {@code amountSd}, the reference amounts' standard deviation).
 */
public record LabelCodec(String target, String positive, String negative, Task task, List<String> classes,
                         double amountSd) {

    public LabelCodec {
        classes = List.copyOf(classes);
    }

    /** The codec of a binary model's labels. */
    public LabelCodec(String target, String positive, String negative) {
        this(target, positive, negative, Task.BINARY, List.of(), Double.NaN);
    }

    /** 1 for the positive class, 0 for any other value, -1 for missing. */
    public int[] read(Frame batch) {
        return BinaryLabels.encode(batch.column(target), positive);
    }

    /** The batch with its label column set to {@code labels} (1 positive, 0 negative, -1 missing). */
    public Frame write(Frame batch, int[] labels) {
        Column column = batch.column(target);
        if (column instanceof NumericColumn numeric) {
            double pos = Double.parseDouble(positive);
            double neg = Double.parseDouble(negative);
            double[] values = new double[labels.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = labels[i] < 0 ? Double.NaN : labels[i] == 1 ? pos : neg;
            }
            return batch.with(numeric.withValues(values));
        }
        CategoricalColumn categorical = ((CategoricalColumn) column).withLevel(positive).withLevel(negative);
        int posCode = categorical.codeOf(positive);
        int negCode = categorical.codeOf(negative);
        int[] old = categorical.codes();
        int[] codes = new int[labels.length];
        for (int i = 0; i < codes.length; i++) {
            // A row whose label is neither class keeps its value unless the perturbation changed it.
            codes[i] = labels[i] < 0 ? CategoricalColumn.MISSING : labels[i] == 1 ? posCode
                    : old[i] >= 0 && old[i] != posCode ? old[i] : negCode;
        }
        return batch.with(categorical.withCodes(codes));
    }

    /**
     * The batch with the label of every labelled row that {@code chosen} picks changed: a binary label
     * reversed, a multiclass label (of one of the model's classes) moved to another class and an amount given
     * normal noise, both as {@code how} says. {@code chosen} is asked once per labelled row, in row order.
     */
    public Frame change(Frame batch, IntPredicate chosen, LabelChange how, SplittableRandom random) {
        return switch (task) {
            case BINARY -> {
                int[] y = read(batch).clone();
                for (int i = 0; i < y.length; i++) {
                    if (y[i] >= 0 && chosen.test(i)) {
                        y[i] = 1 - y[i];
                    }
                }
                yield write(batch, y);
            }
            case MULTICLASS -> changeClasses(batch, chosen, how, random);
            case REGRESSION -> changeAmounts(batch, chosen, how, random);
        };
    }

    private Frame changeClasses(Frame batch, IntPredicate chosen, LabelChange how, SplittableRandom random) {
        Column column = batch.column(target);
        int[] codes = ClassLabels.encode(column, classes);
        int[] changed = codes.clone();
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] >= 0 && chosen.test(i)) {
                changed[i] = how.flip(codes[i], classes.size(), random);
            }
        }
        if (column instanceof NumericColumn numeric) {
            double[] values = numeric.values().clone();
            for (int i = 0; i < values.length; i++) {
                if (changed[i] != codes[i]) {
                    values[i] = CellValues.parseNumber(classes.get(changed[i]));
                }
            }
            return batch.with(numeric.withValues(values));
        }
        CategoricalColumn categorical = (CategoricalColumn) column;
        for (String level : classes) {
            categorical = categorical.withLevel(level);
        }
        int[] out = categorical.codes().clone();
        for (int i = 0; i < out.length; i++) {
            if (changed[i] != codes[i]) {
                out[i] = categorical.codeOf(classes.get(changed[i]));
            }
        }
        return batch.with(categorical.withCodes(out));
    }

    private Frame changeAmounts(Frame batch, IntPredicate chosen, LabelChange how, SplittableRandom random) {
        Column column = batch.column(target);
        double[] amounts = amounts(column);
        double sd = how.noiseSd() * amountSd;
        boolean[] changed = new boolean[amounts.length];
        for (int i = 0; i < amounts.length; i++) {
            if (!Double.isNaN(amounts[i]) && chosen.test(i)) {
                amounts[i] += sd * Seeds.gaussian(random);
                changed[i] = true;
            }
        }
        return withAmounts(batch, amounts, changed);
    }

    /** The batch with its target's amounts set where {@code changed} (a text column gets the numbers as text). */
    private Frame withAmounts(Frame batch, double[] amounts, boolean[] changed) {
        Column column = batch.column(target);
        if (column instanceof NumericColumn numeric) {
            return batch.with(numeric.withValues(amounts));
        }
        String[] texts = new String[amounts.length];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = changed[i] ? Double.toString(amounts[i]) : column.isMissing(i) ? null
                    : ((CategoricalColumn) column).get(i);
        }
        return batch.with(CategoricalColumn.of(target, texts));
    }

    /** A multiclass model's labels: each row's class code into {@link #classes}, −1 where missing or not a class. */
    public int[] readClasses(Frame batch) {
        int[] codes = ClassLabels.encode(batch.column(target), classes);
        for (int i = 0; i < codes.length; i++) {
            codes[i] = Math.max(codes[i], -1);
        }
        return codes;
    }

    /** A regression's true amounts (NaN where missing or not a number). */
    public double[] readAmounts(Frame batch) {
        return amounts(batch.column(target));
    }

    /**
     * The batch with the amount of every row {@code chosen} picks (and that has one) moved by {@code shift}
     * standard deviations of the reference amounts.
     */
    public Frame shiftAmounts(Frame batch, boolean[] chosen, double shift) {
        double[] amounts = amounts(batch.column(target));
        boolean[] changed = new boolean[amounts.length];
        for (int i = 0; i < amounts.length; i++) {
            if (chosen[i] && !Double.isNaN(amounts[i])) {
                amounts[i] += shift * amountSd;
                changed[i] = true;
            }
        }
        return withAmounts(batch, amounts, changed);
    }

    /** A regression target's amounts: the numbers, or text read as numbers (NaN where missing or not a number). */
    public static double[] amounts(Column column) {
        if (column instanceof NumericColumn numbers) {
            return numbers.values().clone();
        }
        CategoricalColumn text = (CategoricalColumn) column;
        double[] out = new double[text.size()];
        for (int i = 0; i < out.length; i++) {
            Double value = text.get(i) == null ? null : CellValues.parseNumber(text.get(i));
            out[i] = value == null ? Double.NaN : value;
        }
        return out;
    }

    /** The codec of a binary label column: the negative class is the most frequent value other than the positive one. */
    public static LabelCodec of(Column labels, String target, String positive) {
        java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
        for (int i = 0; i < labels.size(); i++) {
            String text = BinaryLabels.text(labels, i);
            if (text != null && !text.equals(positive)) {
                counts.merge(text, 1, Integer::sum);
            }
        }
        String negative = counts.entrySet().stream().max(java.util.Map.Entry.comparingByValue())
                .map(java.util.Map.Entry::getKey).orElse(labels instanceof NumericColumn ? "0" : "not " + positive);
        return new LabelCodec(target, positive, negative);
    }

    /**
     * The codec of a model of {@code task} whose reference labels are {@code labels}: a binary model's as
     * {@link #of(Column, String, String)}; a multiclass model's {@code classes}; a regression's standard
     * deviation of the reference amounts.
     */
    public static LabelCodec of(Column labels, String target, String positive, Task task, List<String> classes) {
        if (task == Task.BINARY) {
            return of(labels, target, positive);
        }
        double sd = Double.NaN;
        if (task == Task.REGRESSION) {
            sd = new NumericColumn(target, amounts(labels)).standardDeviation();
        }
        return new LabelCodec(target, positive, "", task, classes, sd);
    }
}
