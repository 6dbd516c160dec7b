package org.twinbench.sim;

import java.util.List;
import java.util.Locale;
import org.twinbench.sim.monitor.DataQualityMonitor;
import org.twinbench.sim.monitor.OutcomeShareMonitor;

/**
 * The few numbers a reader wants first, and a traffic-light verdict.
 *
 * <p>Without gates the light and headline are the {@link Verdict}'s: level and change with their
 * uncertainty, data-quality and outcome-share alarms, fairness and calibration. With gates
 * ({@code --assert}), the verdict is {@code GREEN} when all pass and {@code RED} otherwise.
 *
 * <p>A regression or multiclass run without gates is judged on its task's metrics instead
 * ({@link TaskHeadline}: the rise of RMSE, or the drop of accuracy with macro F1 beside it).
 *
 * <p>A model no better than the naive baseline on the same rows ({@code baseline.accuracy}, {@code baseline.mae} and
 * {@code baseline.rmse} of {@link org.twinbench.sim.monitor.BaselineMonitor}) over the last tenth is called out after
 * the headline, and its light is at least amber.
 *
 * @param worstSlice the slice with the largest accuracy drop (or null when there are no slices)
 */
public record RunSummary(Light light, String headline, double accuracyStart, double accuracyEnd, double accuracyMin,
                         String worstSlice, double worstSliceStart, double worstSliceEnd, int alarms, int retrains,
                         int rollbacks, List<RunAssertion.Verdict> gates) {

    /** The traffic light. */
    public enum Light { GREEN, AMBER, RED }

    public RunSummary {
        gates = List.copyOf(gates);
    }

    public static RunSummary of(RunOutcome outcome, RunSeries series, List<RunAssertion.Verdict> gates) {
        RunSeries.Key overall = new RunSeries.Key(StepResult.OVERALL, "accuracy");
        TenthMeans accuracy = TenthMeans.of(series, StepResult.OVERALL, "accuracy");
        double start = accuracy.start();
        double end = accuracy.end();
        double min = Double.NaN;
        if (series.values(overall).isPresent()) {
            min = java.util.Arrays.stream(series.band(overall).mean()).filter(v -> !Double.isNaN(v)).min()
                    .orElse(Double.NaN);
        }
        String worst = null;
        double worstStart = Double.NaN;
        double worstEnd = Double.NaN;
        double worstDrop = Double.NEGATIVE_INFINITY;
        for (String slice : series.slices("accuracy")) {
            TenthMeans tenths = TenthMeans.of(series, slice, "accuracy");
            double s = tenths.start();
            double e = tenths.end();
            if (!Double.isNaN(s) && !Double.isNaN(e) && s - e > worstDrop) {
                worstDrop = s - e;
                worst = slice;
                worstStart = s;
                worstEnd = e;
            }
        }
        int[] events = new int[3];
        for (Alarm alarm : outcome.alarms()) {
            switch (alarm.kind()) {
                case Alarm.ALARM -> events[0]++;
                case Alarm.RETRAIN -> events[1]++;
                case Alarm.ROLLBACK -> events[2]++;
                default -> {
                    // Promotions are listed with the alarms but not counted here.
                }
            }
        }
        Light light;
        String headline;
        TaskHeadline task = gates.isEmpty() ? TaskHeadline.of(outcome, series) : null;
        if (task != null) {
            light = task.light();
            headline = task.headline();
        } else if (!gates.isEmpty()) {
            long failed = gates.stream().filter(g -> !g.passed()).count();
            light = failed == 0 ? Light.GREEN : Light.RED;
            headline = failed == 0 ? "All " + gates.size() + " gates pass."
                    : failed + " of " + gates.size() + " gates fail.";
        } else {
            Verdict verdict = Verdict.of(outcome, series);
            light = verdict.light();
            headline = verdict.headline();
        }
        String leak = task != null ? LeakedFigures.sentence(outcome.foundOrNone(), "") : null;
        if (leak != null) {
            // A regression or multiclass model given a column that gives the outcome away: as a binary verdict says;
            // the data's news (outcome share, then data quality) goes before it, as there.
            headline = leak + " " + headline;
            light = light == Light.GREEN ? Light.AMBER : light;
        }
        String share = task != null ? Verdict.alarmNews(outcome, OutcomeShareMonitor.PREFIX) : null;
        if (share != null) {
            // A regression or multiclass run whose outcome's mix moved (a prior shift, or a file grouped by its
            // outcome): said first, as a binary verdict says it, since it explains the model's figures.
            headline = share + " " + headline;
            light = light == Light.GREEN ? Light.AMBER : light;
        }
        String quality = task != null ? Verdict.alarmNews(outcome, DataQualityMonitor.PREFIX) : null;
        if (quality != null) {
            // A regression or multiclass run: broken data leads its headline as it does in a binary verdict.
            headline = quality + " " + headline;
            light = Light.RED;
        }
        String baseline = noBetterThanBaseline(series);
        if (baseline != null) {
            // A model a guess would match is never "holding": at least amber.
            headline = headline + " " + baseline;
            light = light == Light.GREEN ? Light.AMBER : light;
        }
        return new RunSummary(light, headline, start, end, min, worst, worstStart, worstEnd, events[0], events[1],
                events[2], gates);
    }

    /**
     * The call-out of a model no better than the naive baseline on the same rows over the last tenth of the
     * steps, or null: a classifier's accuracy not above always answering the reference rows' majority class; a
     * regression's MAE or RMSE not below always predicting the reference rows' mean (scikit-learn's
     * {@code DummyRegressor}), both errors quoted beside the guess's.
     */
    static String noBetterThanBaseline(RunSeries series) {
        String prefix = org.twinbench.sim.monitor.BaselineMonitor.ID + ".";
        if (series.metricNames().contains("mae")) {
            double mae = TenthMeans.of(series, StepResult.OVERALL, "mae").end();
            double rmse = TenthMeans.of(series, StepResult.OVERALL, "rmse").end();
            double naiveMae = TenthMeans.of(series, StepResult.OVERALL, prefix + "mae").end();
            double naiveRmse = TenthMeans.of(series, StepResult.OVERALL, prefix + "rmse").end();
            boolean worseMae = !Double.isNaN(mae) && !Double.isNaN(naiveMae) && mae >= naiveMae;
            boolean worseRmse = !Double.isNaN(rmse) && !Double.isNaN(naiveRmse) && rmse >= naiveRmse;
            if (!worseMae && !worseRmse) {
                return null;
            }
            return String.format(Locale.ROOT, "The model is no better than always predicting the reference rows' mean"
                    + " amount (MAE %.4g, RMSE %.4g in the last tenth; the model: MAE %.4g, RMSE %.4g).", naiveMae,
                    naiveRmse, mae, rmse);
        }
        double model = TenthMeans.of(series, StepResult.OVERALL, "accuracy").end();
        double naive = TenthMeans.of(series, StepResult.OVERALL, prefix + "accuracy").end();
        if (Double.isNaN(model) || Double.isNaN(naive) || model > naive) {
            return null;
        }
        return String.format(Locale.ROOT, "The model is no better than always answering the reference rows' most"
                + " frequent class, right %.0f%% of the time in the last tenth (the model: %.0f%%).", 100 * naive,
                100 * model);
    }

    /** The same summary with {@code words} (e.g. what the run is a branch of) before its headline. */
    public RunSummary withHeadlinePrefix(String words) {
        return new RunSummary(light, words + headline, accuracyStart, accuracyEnd, accuracyMin, worstSlice,
                worstSliceStart, worstSliceEnd, alarms, retrains, rollbacks, gates);
    }
}
