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
import org.twinbench.model.ModelCard;
import org.twinbench.model.ModelException;
import org.twinbench.model.ModelFiles;
import org.twinbench.model.MulticlassClassifier;
import org.twinbench.model.Regressor;
import org.twinbench.model.RowSketch;
import org.twinbench.sim.PlanNotes;
import org.twinbench.model.TaskModel;
import org.twinbench.sim.whatif.GroupCounts;
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
        return tryOn(file, null, data, wantedTarget, wantedTask);
    }

    /**
     * The same, {@code data} read from {@code dataFile} (null: not known): where the model's card says it was trained on
     * that very file (the same SHA-256), or its sketch of its training rows finds many of them in {@code data}, the
     * words end by saying the figures are optimistic ({@link #trainedOn}).
     */
    static Tried tryOn(Path file, Path dataFile, Frame data, String wantedTarget, Task wantedTask) {
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
            String seen = trainedOn(model.card(), dataFile, data);
            if (model.task() == Task.BINARY) {
                WhatIfModel binary = WhatIfModel.check(file, data, wantedTarget);
                return new Tried(binary, Task.BINARY, binary.words() + seen);
            }
            Frame rows = WhatIfModel.conformPlainly(model, data, GivenModel::quoted);
            boolean retrainable = !file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".onnx");
            Tried tried = model instanceof Regressor amounts ? amounts(file, amounts, rows, data.column(target),
                    retrainable) : kinds(file, (MulticlassClassifier) model, rows, data.column(target), retrainable);
            return new Tried(tried.model(), tried.task(), tried.words() + seen);
        } finally {
            ModelFiles.closeQuietly(model);
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
                + (mae >= base ? ModelWords.NO_BETTER : "");
        WhatIfModel checked = new WhatIfModel(file, outcome.name(), null, model.card().features(), Double.NaN, known,
                retrainable);
        return new Tried(checked, Task.REGRESSION, words + looksAt(checked));
    }

    private static Tried kinds(Path file, MulticlassClassifier model, Frame rows, Column outcome, boolean retrainable) {
        List<String> classes = model.classes();
        int[] picked = MulticlassClassifier.mostProbable(model.probabilities(rows));
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < outcome.size(); i++) {
            String label = BinaryLabels.text(outcome, i);
            if (label != null && !label.isBlank()) {
                counts.merge(label, 1, Integer::sum);
            }
        }
        if (counts.keySet().stream().noneMatch(classes::contains)) {
            throw new ModelException("This model picks one of " + String.join(", ", classes.stream()
                    .map(c -> "“" + PlainWords.value(outcome.name(), c) + "”").toList()) + " as " + quoted(outcome.name())
                    + ", but none of them is in your spreadsheet.");
        }
        // The kinds it can answer, then any the spreadsheet has that it never answers; the naive guess is the
        // spreadsheet's commonest kind.
        List<String> kinds = new java.util.ArrayList<>(classes);
        counts.keySet().stream().filter(k -> !kinds.contains(k)).forEach(kinds::add);
        String commonest = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        GroupCounts tally = GroupCounts.ofKinds(kinds);
        for (int i = 0; i < outcome.size(); i++) {
            String label = BinaryLabels.text(outcome, i);
            if (label != null && !label.isBlank()) {
                tally.addAnswer(kinds.indexOf(label), picked[i], kinds.indexOf(commonest));
            }
        }
        int known = (int) tally.draws();
        double accuracy = tally.accuracy();
        double base = tally.guessAccuracy();
        String words = String.format(Locale.ROOT, "We tried the model you were given on your %,d rows: it picks the "
                + "kind of %s, and it picked the right one about %d times out of 10 (%s, %s) — always guessing “%s” "
                + "would be right about %d times out of 10 (%s).", known, quoted(outcome.name()),
                Math.round(accuracy * 10), PlainWords.percent(accuracy), tally.intervalWords().replaceAll("[()]", ""),
                PlainWords.value(outcome.name(), commonest), Math.round(base * 10), PlainWords.percent(base))
                + (tally.beatsGuess() ? "" : ModelWords.NO_BETTER)
                + confusion(outcome.name(), tally);
        WhatIfModel checked = new WhatIfModel(file, outcome.name(), null, model.card().features(), accuracy, known,
                retrainable);
        return new Tried(checked, Task.MULTICLASS, words + looksAt(checked));
    }

    /**
     * " It confuses “class 1” with “class 2” most (12 of 178 answers).": the commonest mistake, when it is clearly more
     * than chance ({@link GroupCounts#commonestMistake}); else that the mistakes are spread, or that there were none.
     */
    private static String confusion(String column, GroupCounts tally) {
        if (tally.accuracy() == 1) {
            return " It never took one kind for another here.";
        }
        GroupCounts.Confusion most = tally.commonestMistake();
        return most != null ? most.words(column) : " No one mistake stands out from chance among its "
                + String.format(Locale.ROOT, "%,d", Math.round(tally.draws() * (1 - tally.accuracy()))) + " mistakes.";
    }

    /**
     * " Careful: this model was trained on this very spreadsheet …" when its card's SHA-256 of its training data is
     * that of {@code dataFile}; else " Careful: about 40% of your rows are rows this model was trained on …" when its
     * card's sketch of its training rows ({@link RowSketch}) finds at least {@link PlanNotes#NOTABLE_TRAINING_ROWS} of
     * {@code data}'s rows among them (a shuffled copy, another export); "" otherwise or when the card records neither.
     */
    static String trainedOn(ModelCard card, Path dataFile, Frame data) {
        String sha = card.trainingDataSha256();
        if (dataFile != null && sha != null && !sha.isBlank()
                && sha.equalsIgnoreCase(org.twinbench.data.DataProvenance.sha256(dataFile))) {
            return " Careful: this model was trained on this very spreadsheet (its file says so), so it has seen these"
                    + " rows and answers them better than it will answer new ones: the figures here are too good.";
        }
        RowSketch sketch = card.trainingSketch();
        RowSketch.Share share = sketch == null ? null : sketch.shareIn(data);
        if (share != null && share.share() >= PlanNotes.NOTABLE_TRAINING_ROWS) {
            return String.format(Locale.ROOT, " Careful: about %.0f%% of your rows are rows this model was trained on "
                    + "(its file keeps a fingerprint of each), so it answers them better than it will answer new ones: "
                    + "the figures here are too good.", 100 * share.share());
        }
        return "";
    }

    /** " It looks at “age”, “bmi”.", and for a model we cannot retrain, who could. */
    private static String looksAt(WhatIfModel model) {
        return " It looks at " + String.join(", ", model.features().stream().map(GivenModel::quoted).toList()) + "."
                + (model.retrainable() ? "" : " We cannot retrain an ONNX file here: where the check tries retraining, a "
                + "model of the same kind of answer built from your rows on the same columns stands in for it, and "
                + "whoever made yours can retrain it.");
    }

    private static String quoted(String column) {
        return "“" + PlainWords.column(column) + "”";
    }
}
