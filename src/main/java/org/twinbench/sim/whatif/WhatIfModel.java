package org.twinbench.sim.whatif;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.twinbench.data.BinaryLabels;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Column;
import org.twinbench.data.DataException;
import org.twinbench.data.Frame;
import org.twinbench.model.BinaryClassifier;
import org.twinbench.model.ModelException;
import org.twinbench.model.ModelFiles;
import org.twinbench.model.ModelInputs;
import org.twinbench.stats.WilsonInterval;

/**
 * A model the wizard user was given ({@code .onnx} with its sidecar, or {@code .twinmodel}), checked
 * against their data: what it predicts, the columns it reads, and how often it is right on their
 * rows (a row counts as "yes" when the model gives it a chance of 0.5 or more). Every problem is
 * a {@link ModelException} whose message is one plain sentence, without the file's path.
 *
 * @param file the model file, referenced as is by the wizard's scenarios
 * @param target the column the model predicts
 * @param positive the outcome it gives the chance of
 * @param features the columns it reads
 * @param accuracy its share of right answers on the user's rows with a known outcome
 * @param rows those rows
 * @param retrainable whether TwinBench can retrain this kind of model (not ONNX)
 * @param positives the rows whose outcome is {@code positive} (the cases to catch); 0 for other tasks
 * @param caught those the model answered "yes" (a chance of 0.5 or more)
 */
public record WhatIfModel(Path file, String target, String positive, List<String> features, double accuracy,
                          int rows, boolean retrainable, int positives, int caught) {

    public WhatIfModel {
        features = List.copyOf(features);
    }

    /** A model whose catches were not counted (kinds, amounts). */
    public WhatIfModel(Path file, String target, String positive, List<String> features, double accuracy, int rows,
                       boolean retrainable) {
        this(file, target, positive, features, accuracy, rows, retrainable, 0, 0);
    }

    /** The share of the cases to catch that it caught (recall); NaN without any. */
    public double recall() {
        return positives == 0 ? Double.NaN : (double) caught / positives;
    }

    /** The 95% Wilson interval of {@link #recall} over the cases to catch. */
    public double[] recallInterval() {
        return WilsonInterval.of(recall(), positives);
    }

    /** Loads {@code file} and scores {@code data}; {@code wantedTarget} is what the user chose to predict. */
    public static WhatIfModel check(Path file, Frame data, String wantedTarget) {
        String name = "“" + file.getFileName() + "”";
        BinaryClassifier model;
        try {
            model = ModelFiles.load(file);
        } catch (DataException | IllegalStateException e) {
            throw new ModelException("We could not open " + name + " as a model — it may be damaged, or a kind of "
                    + "file we cannot read (we read .onnx and .twinmodel files).", e);
        }
        try {
            return check(file, model, data, wantedTarget, name);
        } finally {
            ModelFiles.closeQuietly(model);
        }
    }

    private static WhatIfModel check(Path file, BinaryClassifier model, Frame data, String wantedTarget, String name) {
        String target = model.card().target();
        if (target == null || target.isBlank()) {
            throw new ModelException(name + " does not say what it predicts. Put the file " + file.getFileName()
                    + ".json that came with it in the same folder, or ask whoever gave you the model for it.");
        }
        if (data.find(target).isEmpty()) {
            throw new ModelException("This model predicts " + words(target) + ", a column your spreadsheet does not have.");
        }
        if (!target.equals(wantedTarget)) {
            throw new ModelException("This model predicts " + words(target) + ", but you chose to predict "
                    + words(wantedTarget) + ". Go back and pick " + words(target) + ", or choose another model.");
        }
        Frame rows = conformPlainly(model, data, WhatIfModel::words);
        String positive = model.card().positiveLabel();
        if (!BinaryLabels.distinctValues(data.column(target)).contains(positive)) {
            throw new ModelException("This model predicts whether " + words(target) + " is “" + positive
                    + "”, but that never happens in your spreadsheet.");
        }
        int[] labels = BinaryLabels.encode(data.column(target), positive);
        double[] scores = model.scorePositive(rows);
        int right = 0;
        int known = 0;
        int positives = 0;
        int caught = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= 0) {
                known++;
                right += (scores[i] >= 0.5) == (labels[i] == 1) ? 1 : 0;
                positives += labels[i] == 1 ? 1 : 0;
                caught += labels[i] == 1 && scores[i] >= 0.5 ? 1 : 0;
            }
        }
        boolean retrainable = !file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".onnx");
        return new WhatIfModel(file, target, positive, model.card().features(), known == 0 ? Double.NaN
                : (double) right / known, known, retrainable, positives, caught);
    }

    /**
     * "We tried the model you were given on your 10,000 rows: … it was right about 7 times out of 10
     * (69%). Of the 1,200 rows that were “yes” it caught 64 of every 100 (between 61% and 67%). It looks at …", and
     * for a model we cannot retrain, who could.
     */
    public String words() {
        double[] interval = recallInterval();
        String catches = positives == 0 ? "" : String.format(Locale.ROOT, " Of the %,d rows that were “%s” it caught "
                + "%d of every 100 (between %.0f%% and %.0f%%)%s.", positives, positive, Math.round(100 * recall()),
                100 * interval[0], 100 * interval[1], interval[1] < WhatIfVerdict.MIN_CAUGHT
                        ? ": it misses most of them" : "");
        return String.format(Locale.ROOT, "We tried the model you were given on your %,d rows: it predicts whether %s "
                        + "is “%s”, and it was right about %s (%.0f%%).%s It looks at %s.", rows, words(target), positive,
                WhatIfVerdict.times(accuracy, false), accuracy * 100, catches,
                String.join(", ", features.stream().map(WhatIfModel::words).toList()))
                + (retrainable ? "" : " We cannot retrain this kind of model ourselves: where we say retraining would"
                + " help, we tried a model like it built from your data, and whoever made yours can retrain it.");
    }

    /** A column name as the user would say it: “monthly spend”. */
    /**
     * The user's rows as {@code model} reads them; a column it needs and lacks, or words where it needs numbers, is a
     * {@link ModelException} said plainly, each column named through {@code quote}.
     */
    public static Frame conformPlainly(org.twinbench.model.TaskModel model, Frame data,
                                       java.util.function.UnaryOperator<String> quote) {
        List<String> missing = new ArrayList<>();
        List<String> notNumbers = new ArrayList<>();
        for (ModelInputs.Input input : ModelInputs.of(model)) {
            Column column = data.find(input.name()).orElse(null);
            if (column == null) {
                missing.add(quote.apply(input.name()));
            } else if (input.numeric() && column instanceof CategoricalColumn) {
                notNumbers.add(quote.apply(input.name()));
            }
        }
        if (!missing.isEmpty()) {
            throw new ModelException("This model needs " + (missing.size() == 1 ? "a column" : "columns")
                    + " your spreadsheet does not have: " + String.join(", ", missing) + ".");
        }
        try {
            return ModelInputs.conform(model, data, "your data");
        } catch (ModelException e) {
            throw new ModelException("This model needs numbers in " + String.join(", ", notNumbers)
                    + ", but your spreadsheet has words there too.", e);
        }
    }

    static String words(String column) {
        return "“" + column.replace('_', ' ') + "”";
    }
}
