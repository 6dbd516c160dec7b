package org.twinbench.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.twinbench.data.Frame;
import org.twinbench.data.QualityFinding;
import org.twinbench.data.Schema;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import org.twinbench.model.AmountErrors;
import org.twinbench.model.ConfidentLearning;
import org.twinbench.model.ModelException;

/**
 * What {@code quality} and {@code train} share about a table's outcome: the columns that leak it (the data-quality
 * check {@code leakage}), set aside from the features, and the labels confident learning doubts.
 */
final class LabelQuality {

    /** {@code train} warns when at least this share of the labelled rows look mislabelled. */
    static final double WARN_SHARE = 0.02;
    /**
     * Above this share of amounts far from what the other rows predict, they are too many to be slips: clean
     * residuals put about one amount in 2,000 beyond the cut, heavy-tailed ones a few in 100. The features more
     * likely miss what moves the amount (a weekday, a group, an event), and the check says that instead.
     */
    static final double MANY_SHARE = 0.05;
    /** What is said of that many. */
    static final String TOO_MANY = "too many to be slips: more likely the features miss something that moves the"
            + " amount (a weekday, a group, an event); look at what these rows share before correcting any";
    /** Below this out-of-fold accuracy the warning says its judges are weak. */
    static final double WEAK_JUDGE = 2 / 3.0;
    /**
     * Below this out-of-fold accuracy (and from {@link #WEAK_JUDGE} up) the columns leave the outcome open on many
     * rows: a rare but right label there looks just as doubtful as a wrong one, and no rule on one table tells them
     * apart (planted flips and a hard task give the same counts and self-confidences), so the check says it cannot.
     */
    static final double SURE_JUDGE = 0.9;
    /**
     * Sure judges also make at most this share of the mistakes of always answering the most frequent class: right
     * 90% of the time where that guess is right 88% (HMDA's mortgage denials) leaves the outcome as open as a hard
     * task does, however high the figure reads.
     */
    static final double SURE_SHARE_OF_GUESS_MISTAKES = 0.5;
    static final String LEAK_REASON = "gives the outcome away (data quality: leakage); --keep-leaky keeps it";

    private LabelQuality() {
    }

    /**
     * Confident learning on the features of {@code schema}, or null with {@code why[0]} set when it cannot run (no
     * classes, no features, a class with too few rows).
     */
    static ConfidentLearning.Result labelErrors(Frame frame, Schema schema, long seed, String[] why) {
        String target = schema.target().orElse(null);
        if (target == null || schema.features().isEmpty()) {
            why[0] = target == null ? "no outcome column" : "no feature columns";
            return null;
        }
        try {
            return ConfidentLearning.find(frame, target, schema.features(), seed);
        } catch (ModelException e) {
            why[0] = e.getMessage();
            return null;
        }
    }

    /**
     * The residual check of a regression's amounts on the features of {@code schema} ({@link AmountErrors}), or null
     * with {@code why[0]} set when it cannot run (no features, too few amounts).
     */
    static AmountErrors.Result amountErrors(Frame frame, Schema schema, String[] why) {
        String target = schema.target().orElse(null);
        if (target == null || schema.features().isEmpty()) {
            why[0] = target == null ? "no outcome column" : "no feature columns";
            return null;
        }
        try {
            return AmountErrors.find(frame, target, schema.features());
        } catch (ModelException e) {
            why[0] = e.getMessage();
            return null;
        }
    }

    /** {@code quality --json}'s {@code label_errors} of a regression (docs/cli.md#label-errors). */
    static void amountsJson(ObjectNode label, AmountErrors.Result amounts) {
        label.put("method", "residual_outliers");
        label.put("folds", AmountErrors.FOLDS);
        label.put("labelled_rows", amounts.labelledRows());
        label.put("count", amounts.issues().size());
        Json.putNumber(label, "share", amounts.issueShare());
        Json.putNumber(label, "threshold", AmountErrors.THRESHOLD);
        Json.putNumber(label, "median_residual", amounts.medianResidual());
        Json.putNumber(label, "mad", amounts.mad());
        Json.putNumber(label, "out_of_fold_r2", amounts.r2());
        label.put("scale", amounts.scale().id());
        Json.putNumber(label, "spread_ratio", amounts.spreadRatio());
        ArrayNode rows = label.putArray("rows");
        for (AmountErrors.Issue issue : amounts.issues()) {
            ObjectNode node = rows.addObject();
            node.put("row", issue.row() + 1);
            Json.putNumber(node, "given", issue.given());
            Json.putNumber(node, "predicted", issue.predicted());
            Json.putNumber(node, "z", issue.z());
        }
    }

    /** {@code quality}'s text lines of a regression's residual check, the first {@code listed} rows named. */
    static void printAmounts(PrintWriter out, AmountErrors.Result amounts, int listed) {
        out.printf(Locale.ROOT, "label errors: %d of %d amounts (%.1f%%) %s (out-of-fold residual with a "
                + "robust z-score beyond %.1f, %d folds; out-of-fold R² %.3f)%n", amounts.issues().size(),
                amounts.labelledRows(), 100 * amounts.issueShare(), amounts.issueShare() > MANY_SHARE
                        ? "lie far from what the other rows predict" : "look wrong", AmountErrors.THRESHOLD,
                AmountErrors.FOLDS, amounts.r2());
        if (amounts.issueShare() > MANY_SHARE) {
            out.println("  " + TOO_MANY);
        }
        if (amounts.scale() == AmountErrors.Scale.LOG) {
            out.printf(Locale.ROOT, "  judged on the log of the amounts: their errors grow with their size (residual "
                    + "spread %.1f times wider for the largest predictions than for the smallest)%n",
                    amounts.spreadRatio());
        }
        List<AmountErrors.Issue> issues = amounts.issues();
        for (AmountErrors.Issue issue : issues.subList(0, Math.min(listed, issues.size()))) {
            out.printf(Locale.ROOT, "  row %d: amount %s, predicted %.4g from the other rows (z %.2f)%n",
                    issue.row() + 1, TerminalText.oneLine(Double.toString(issue.given())), issue.predicted(),
                    issue.z());
        }
        if (issues.size() > listed) {
            out.printf(Locale.ROOT, "  ... and %d more (--json lists them all)%n", issues.size() - listed);
        }
    }

    /**
     * The warning {@code train} adds to its data findings for a regression, or null when fewer than
     * {@link #WARN_SHARE} of the amounts look wrong or the fold models explain none of the amounts' variance
     * (out-of-fold R² at or below 0: their residuals would be the amounts' own spread).
     */
    static QualityFinding amountWarning(AmountErrors.Result result, String data, String target) {
        if (result == null || !(result.r2() > 0) || result.issueShare() < WARN_SHARE) {
            return null;
        }
        int[] rows = result.issues().stream().mapToInt(AmountErrors.Issue::row).limit(QualityFinding.MAX_ROWS_LISTED)
                .toArray();
        boolean many = result.issueShare() > MANY_SHARE;
        return new QualityFinding(QualityFinding.Severity.WARNING, "label-errors", String.format(Locale.ROOT,
                "%d of %d amounts (%.1f%%) %s: their out-of-fold residuals have a robust z-score beyond %.1f "
                        + "(fold models' R² %.2f%s)%s; `twinbench quality --data %s` lists them", result.issues().size(),
                result.labelledRows(), 100 * result.issueShare(), many ? "lie far from what the other rows predict"
                        : "look wrong", AmountErrors.THRESHOLD, result.r2(),
                result.scale() == AmountErrors.Scale.LOG ? ", judged on the log of the amounts" : "",
                many ? "; " + TOO_MANY : "", data), List.of(target), rows, result.issues().size());
    }

    /**
     * The warning {@code train} adds to its data findings, or null when few labels look wrong or the fold models are
     * no better than the majority class (their doubts would be noise).
     */
    static QualityFinding warning(ConfidentLearning.Result result, String data, String target) {
        if (result == null || !result.informative() || result.issueShare() < WARN_SHARE) {
            return null;
        }
        int[] rows = result.issues().stream().mapToInt(ConfidentLearning.Issue::row).limit(QualityFinding.MAX_ROWS_LISTED)
                .toArray();
        // A weak judge: the fold models' own mistakes then make up most of the doubts, and the count says little.
        String weak = result.outOfFoldAccuracy() >= WEAK_JUDGE ? openOutcome(result, target) : String.format(
                Locale.ROOT, ", but the models that judge them are right only %.0f%% of the time, so many of these"
                        + " doubts are theirs rather than wrong labels", 100 * result.outOfFoldAccuracy());
        weak = weak == null ? "" : weak;
        return new QualityFinding(QualityFinding.Severity.WARNING, "label-errors", String.format(Locale.ROOT,
                "%d of %d labels (%.1f%%) look wrong by confident learning%s; `twinbench quality --data %s` lists them",
                result.issues().size(), result.labelledRows(), 100 * result.issueShare(), weak, data), List.of(target),
                rows, result.issues().size());
    }

    /**
     * What to add when the fold models are right from {@link #WEAK_JUDGE} to {@link #SURE_JUDGE} of the time, or more
     * but making over {@link #SURE_SHARE_OF_GUESS_MISTAKES} of the majority guess's mistakes
     * (", but …": the columns leave {@code target} open on many rows, and a rare but right label there looks as
     * doubtful as a wrong one), or null when they are surer (or weaker: the weak judge's own words apply).
     */
    static String openOutcome(ConfidentLearning.Result result, String target) {
        double judges = result.outOfFoldAccuracy();
        boolean sure = judges >= SURE_JUDGE
                && 1 - judges <= SURE_SHARE_OF_GUESS_MISTAKES * (1 - result.majorityShare());
        if (judges < WEAK_JUDGE || sure) {
            return null;
        }
        return String.format(Locale.ROOT, ", but the models that judge them are right %.0f%% of the time (always"
                + " answering the most frequent class: %.0f%%): the other columns leave '%s' open on many rows, where"
                + " this check cannot tell a wrong label from a rare but right one; look at a few before correcting"
                + " any", 100 * judges, 100 * result.majorityShare(), TerminalText.oneLine(target));
    }
}
