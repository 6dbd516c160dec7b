package org.twinbench.ui.wizard;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.twinbench.data.BinaryLabels;
import org.twinbench.data.Column;
import org.twinbench.data.DataException;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.data.PlainWords;
import org.twinbench.data.Task;
import org.twinbench.model.ModelException;
import org.twinbench.model.ModelFiles;
import org.twinbench.model.MulticlassClassifier;
import org.twinbench.model.Regressor;
import org.twinbench.model.TaskModel;
import org.twinbench.sim.whatif.WhatIfModel;

/**
 * A model the user was given ({@code .twinmodel} or {@code .onnx} with its sidecar) of any task, checked against
 * their data and the outcome they chose: it must predict that column, and the way they chose (yes or no, one of
 * several kinds, an amount), else one plain sentence says how they disagree. A yes/no model is checked as
 * {@link WhatIfModel} does; a model of kinds says how often it picks the right kind beside always guessing the
 * commonest, a model of amounts how far off it is beside always guessing the average, both on all the user's rows.
 */
final class GivenModel {

    private GivenModel() {
    }

    /** A model tried on the user's data: its check, its task, and how good it is in words. */
    record Tried(WhatIfModel model, Task task, String words) { }

    /** Loads {@code file} and tries it on {@code data}, where the user chose to predict {@code wantedTarget} as {@code wantedTask}. */
    static Tried tryOn(Path file, Frame data, String wantedTarget, Task wantedTask) {
        String name = "“" + file.getFileName() + "”";
        TaskModel model;
        try {
            model = ModelFiles.loadAny(file);
        } catch (DataException | IllegalStateException e) {
            throw new ModelException("We could not open " + name + " as a model — it may be damaged, or a kind of "
                    + "file we cannot read (we read .onnx and .twinmodel files).", e);
        }
        try {
            String target = model.card().target();
            if (target == null || target.isBlank()) {
                throw new ModelException(name + " does not say what it predicts. Put the file " + file.getFileName()
                        + ".json that came with it in the same folder, or ask whoever gave you the model for it.");
            }
            if (data.find(target).isEmpty()) {
                throw new ModelException("This model predicts " + quoted(target) + ", a column your spreadsheet does "
                        + "not have.");
            }
            if (!target.equals(wantedTarget)) {
                throw new ModelException("This model predicts " + quoted(target) + ", but you chose to predict "
                        + quoted(wantedTarget) + ". Go back and pick " + quoted(target) + ", or choose another model.");
            }
            if (wantedTask != null && model.task() != wantedTask) {
                throw new ModelException("This model predicts " + quoted(target) + " as "
                        + TargetPageModel.taskWords(model.task()) + ", but you chose " + quoted(target) + " as "
                        + TargetPageModel.taskWords(wantedTask) + ". Choose another model, or build one from your data.");
            }
            if (model.task() == Task.BINARY) {
                WhatIfModel binary = WhatIfModel.check(file, data, wantedTarget);
                return new Tried(binary, Task.BINARY, binary.words());
            }
            Frame rows = WhatIfModel.conformPlainly(model, data, GivenModel::quoted);
            boolean retrainable = !file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".onnx");
            return model instanceof Regressor amounts ? amounts(file, amounts, rows, data.column(target), retrainable)
                    : kinds(file, (MulticlassClassifier) model, rows, data.column(target), retrainable);
        } finally {
            if (model instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // Only the runtime's session is released here; nothing the user could act on.
                }
            }
        }
    }

    private static Tried amounts(Path file, Regressor model, Frame rows, Column outcome, boolean retrainable) {
        if (!(outcome instanceof NumericColumn amounts)) {
            throw new ModelException("This model predicts amounts of " + quoted(outcome.name()) + ", but your "
                    + "spreadsheet has words there.");
        }
        double[] predicted = model.predict(rows);
        double sum = 0;
        int known = 0;
        for (int i = 0; i < amounts.size(); i++) {
            if (!amounts.isMissing(i)) {
                sum += amounts.get(i);
                known++;
            }
        }
        double mean = sum / known;
        double off = 0;
        double guessOff = 0;
        for (int i = 0; i < amounts.size(); i++) {
            if (!amounts.isMissing(i)) {
                off += Math.abs(predicted[i] - amounts.get(i));
                guessOff += Math.abs(mean - amounts.get(i));
            }
        }
        double mae = off / known;
        double base = guessOff / known;
        String words = String.format(Locale.ROOT, "We tried the model you were given on your %,d rows: its guess of "
                + "%s was off by about %s on average — guessing the average (%s) every time would be off by about %s.",
                known, quoted(outcome.name()), PlainWords.amount(mae), PlainWords.amount(mean), PlainWords.amount(base))
                + (mae >= base ? " So the model does no better than that guess." : "");
        WhatIfModel checked = new WhatIfModel(file, outcome.name(), null, model.card().features(), Double.NaN, known,
                retrainable);
        return new Tried(checked, Task.REGRESSION, words + looksAt(checked));
    }

    private static Tried kinds(Path file, MulticlassClassifier model, Frame rows, Column outcome, boolean retrainable) {
        List<String> classes = model.classes();
        int[] picked = MulticlassClassifier.mostProbable(model.probabilities(rows));
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<List<String>, Integer> confused = new LinkedHashMap<>();
        int right = 0;
        int known = 0;
        for (int i = 0; i < outcome.size(); i++) {
            String label = BinaryLabels.text(outcome, i);
            if (label != null && !label.isBlank()) {
                known++;
                counts.merge(label, 1, Integer::sum);
                right += classes.get(picked[i]).equals(label) ? 1 : 0;
                if (!classes.get(picked[i]).equals(label)) {
                    confused.merge(List.of(label, classes.get(picked[i])), 1, Integer::sum);
                }
            }
        }
        if (counts.keySet().stream().noneMatch(classes::contains)) {
            throw new ModelException("This model picks one of " + String.join(", ", classes.stream()
                    .map(c -> "“" + PlainWords.value(outcome.name(), c) + "”").toList()) + " as " + quoted(outcome.name())
                    + ", but none of them is in your spreadsheet.");
        }
        String commonest = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        double accuracy = (double) right / known;
        double base = (double) counts.get(commonest) / known;
        String words = String.format(Locale.ROOT, "We tried the model you were given on your %,d rows: it picks the "
                + "kind of %s, and it picked the right one about %d times out of 10 (%s) — always guessing “%s” would "
                + "be right about %d times out of 10 (%s).", known, quoted(outcome.name()), Math.round(accuracy * 10),
                PlainWords.percent(accuracy), PlainWords.value(outcome.name(), commonest), Math.round(base * 10),
                PlainWords.percent(base)) + (accuracy <= base ? " So the model does no better than that guess." : "")
                + confusion(outcome.name(), confused, known);
        WhatIfModel checked = new WhatIfModel(file, outcome.name(), null, model.card().features(), accuracy, known,
                retrainable);
        return new Tried(checked, Task.MULTICLASS, words + looksAt(checked));
    }

    /** " It confuses “class 1” with “class 2” most (2 of 178 rows).": the commonest mistake, the first on a tie. */
    private static String confusion(String column, Map<List<String>, Integer> confused, int known) {
        if (confused.isEmpty()) {
            return " It never took one kind for another here.";
        }
        Map.Entry<List<String>, Integer> most = confused.entrySet().stream()
                .reduce((a, b) -> b.getValue() > a.getValue() ? b : a).orElseThrow();
        return String.format(Locale.ROOT, " It confuses “%s” with “%s” most (%d of %,d rows).",
                PlainWords.value(column, most.getKey().get(0)), PlainWords.value(column, most.getKey().get(1)),
                most.getValue(), known);
    }

    /** " It looks at “age”, “bmi”.", and for a model we cannot retrain, who could. */
    private static String looksAt(WhatIfModel model) {
        return " It looks at " + String.join(", ", model.features().stream().map(GivenModel::quoted).toList()) + "."
                + (model.retrainable() ? "" : " We cannot retrain this kind of model ourselves, so the check does not "
                + "try retraining it; whoever made it can.");
    }

    private static String quoted(String column) {
        return "“" + PlainWords.column(column) + "”";
    }
}
