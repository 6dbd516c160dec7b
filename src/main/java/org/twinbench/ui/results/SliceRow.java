package org.twinbench.ui.results;

/**
 * One row of the slice table: a slice's latest value of the shown metric, its change from the mean
 * of the first steps, a 95% confidence interval where one is defined, whether it is among the
 * worst slices, its gap to the best slice, and — when the run records fairness — the ratio of its
 * selection rate (share predicted positive) to the highest of its column's slices, flagged below
 * the four-fifths rule's 0.8 ({@link org.twinbench.stats.FairnessGaps#FOUR_FIFTHS}).
 *
 * @param gapToBest latest minus the best slice's latest (negative or zero when higher is better);
 *     NaN for the overall row
 * @param selectionRatio selection rate / highest selection rate in the slice's column; NaN when
 *     the run records no selection rates
 * @param figures for a regression or multiclass run, the latest value of each of the table's task metrics
 *     ({@link SliceTable#taskColumns}), in that order; empty for a binary run
 * @param guesses the naive baseline on the row's own rows, by metric ({@code accuracy}: always answering the
 *     reference rows' majority class; {@code mae}, {@code rmse}: always predicting their mean), from the run's
 *     {@code baseline.<metric>} and {@code baseline.<metric>[<slice>]} measures; empty when the run has none
 * @param recall the overall row's recall of the positive class in a binary run (read beside accuracy); NaN
 *     otherwise
 */
public record SliceRow(String slice, int n, double latest, double change, double ciLow, double ciHigh,
                       boolean worst, double gapToBest, double selectionRatio, java.util.List<Double> figures,
                       java.util.Map<String, Double> guesses, double recall) {

    public SliceRow {
        figures = java.util.List.copyOf(figures);
        guesses = java.util.Map.copyOf(guesses);
    }

    public SliceRow(String slice, int n, double latest, double change, double ciLow, double ciHigh, boolean worst) {
        this(slice, n, latest, change, ciLow, ciHigh, worst, Double.NaN, Double.NaN, java.util.List.of(),
                java.util.Map.of(), Double.NaN);
    }

    SliceRow withFigures(java.util.List<Double> values) {
        return new SliceRow(slice, n, latest, change, ciLow, ciHigh, worst, gapToBest, selectionRatio, values,
                guesses, recall);
    }

    SliceRow withGuesses(java.util.Map<String, Double> baseline, double positiveRecall) {
        return new SliceRow(slice, n, latest, change, ciLow, ciHigh, worst, gapToBest, selectionRatio, figures,
                baseline, positiveRecall);
    }

    /** The naive baseline of {@code metric} on the row's rows, NaN where there is none. */
    public double guess(String metric) {
        return guesses.getOrDefault(metric, Double.NaN);
    }

    /**
     * Whether the row's {@link #latest()} value of {@code metric} (the one the table judges) is no better than
     * the naive baseline on the same rows: an accuracy not above the majority guess's, an error not below the mean
     * guess's. False where either is not known.
     */
    public boolean noBetterThanGuess(String metric) {
        double naive = guess(metric);
        if (Double.isNaN(naive) || Double.isNaN(latest)) {
            return false;
        }
        return SliceTable.lowerIsBetter(metric) ? latest >= naive : latest <= naive;
    }

    /** Whether the slice's selection rate is below four fifths of its column's highest. */
    public boolean failsFourFifths() {
        return selectionRatio < org.twinbench.stats.FairnessGaps.FOUR_FIFTHS;
    }

    SliceRow withWorst(boolean isWorst) {
        return new SliceRow(slice, n, latest, change, ciLow, ciHigh, isWorst, gapToBest, selectionRatio, figures,
                guesses, recall);
    }

    SliceRow withGaps(double gap, double ratio) {
        return new SliceRow(slice, n, latest, change, ciLow, ciHigh, worst, gap, ratio, figures, guesses, recall);
    }

    /** Steps averaged for the baseline that "change" is measured from. */
    public static final int BASELINE_STEPS = 5;

    /**
     * Wilson score interval at 95% for a proportion {@code p} observed on {@code n} rows (Wilson,
     * 1927); unlike the normal approximation it stays inside [0, 1] for small slices.
     */
    public static double[] wilson(double p, int n) {
        return org.twinbench.stats.WilsonInterval.of(p, n);
    }
}
