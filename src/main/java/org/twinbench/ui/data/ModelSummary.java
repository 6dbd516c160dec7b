package org.twinbench.ui.data;

import java.util.Locale;
import org.twinbench.model.DistilledModel;
import org.twinbench.model.HoldoutIntervals;
import org.twinbench.model.ModelCard;
import org.twinbench.model.TaskModel;

/**
 * The few lines the main window's data panel shows about the model in use: what it is, what it
 * predicts from how many features and, when its card has them, its holdout figures with their 95% intervals. One
 * text for a model opened from a file and for the model a run trained.
 */
public final class ModelSummary {

    private ModelSummary() {
    }

    /**
     * {@link #of(ModelCard, String)} of the model a run serves; a distilled student says so in plain words: "a small
     * decision tree learnt from the random-forest model, served in its place / predicts … / decides as the
     * random-forest model on 96.4% of the 400 rows it learnt from" (a run records the share per step as
     * {@code student_fidelity}).
     */
    public static String of(TaskModel model, String source) {
        if (!(model instanceof DistilledModel student)) {
            return of(model.card(), source);
        }
        ModelCard card = student.card();
        String teacher = "the " + student.teacher().card().algorithm() + " model";
        String kind = "tree".equals(student.kind()) ? "a small decision tree" : "a " + student.kind() + " regression";
        return String.format(Locale.ROOT, "%s learnt from %s%s, served in its place%npredicts %s = %s from %d "
                        + "features%ndecides as %s on %.1f%% of the %,d rows it learnt from", kind, teacher,
                source == null ? "" : " " + source, card.target(), card.positiveLabel(), card.features().size(), teacher,
                100 * student.agreement(), student.rows());
    }

    /**
     * "logistic model loans.twinmodel / predicts defaulted = yes from 5 features / holdout accuracy
     * 0.812, AUC 0.873"; a regression "predicts the amount of … / holdout MAE …, RMSE …, R² …", a
     * multiclass model "predicts … (one of K classes) / holdout accuracy …, macro F1 …"; {@code source}
     * (a file name) is left out when null.
     */
    public static String of(ModelCard card, String source) {
        String what = switch (card.task()) {
            case REGRESSION -> "the amount of " + card.target();
            case MULTICLASS -> card.target() + " (one of " + card.classes().size() + " classes)";
            default -> card.target() + " = " + card.positiveLabel();
        };
        String holdout = switch (card.task()) {
            case REGRESSION -> metrics(card, "MAE", "mae", "RMSE", "rmse", "R²", "r2");
            case MULTICLASS -> metrics(card, "accuracy", "accuracy", "macro F1", "macro_f1");
            default -> metrics(card, "accuracy", "accuracy", "AUC", "roc_auc");
        };
        return String.format(Locale.ROOT, "%s model%s%npredicts %s from %d features%s", card.algorithm(),
                source == null ? "" : " " + source, what, card.features().size(),
                holdout.isEmpty() ? "" : String.format(Locale.ROOT, "%nholdout %s", holdout));
    }

    /**
     * "label value, label value" for the pairs (label, key) the card's holdout metrics hold, each with its 95%
     * interval where the card has one ("MAE 54.700 (95% 43.893–66.531)", "accuracy 0.944 (95% 0.819–0.985)").
     */
    private static String metrics(ModelCard card, String... labelsAndKeys) {
        java.util.Map<String, double[]> intervals = HoldoutIntervals.of(card);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < labelsAndKeys.length; i += 2) {
            Double value = card.holdoutMetrics().get(labelsAndKeys[i + 1]);
            if (value != null && !value.isNaN()) {
                text.append(text.length() == 0 ? "" : ", ").append(labelsAndKeys[i])
                        .append(String.format(Locale.ROOT, " %.3f", value))
                        .append(interval(intervals.get(labelsAndKeys[i + 1])));
            }
        }
        return text.toString();
    }

    /** " (95% lower–upper)", or "" without an interval. */
    static String interval(double[] bounds) {
        return bounds == null ? "" : String.format(Locale.ROOT, " (95%% %.3f–%.3f)", bounds[0], bounds[1]);
    }
}
