package org.twinbench.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.twinbench.data.QualityFinding.Severity;

/**
 * The disguised-missing check of {@link DataQuality}: a number that stands for "not recorded" — a 0 where a
 * blood pressure or a skin thickness belongs, a -999 or 9999 code. A candidate value ({@link #CODES}) is flagged when
 * it occurs in at least {@value #MIN_ROWS} rows, lies at the column's end (0 and negative codes at the bottom, the
 * nines at the top), and stands apart from every other value: its gap to the nearest other value is at least
 * {@value #GAP_STEPS} times the median step between the {@value #STEPS} nearest other distinct values, and at least
 * {@value #GAP_SHARE} of its distance to the other values' median. A WARNING when it fills over
 * {@value #WARNING_SHARE} of the rows, otherwise INFO: no rule can tell a true 0 from a code, so the finding asks. A count such as "pregnancies" (0, 1, 2, …) or an amount spent
 * (0, then cents) is not flagged: its 0 continues the column's own scale; nor is the 0 of a share (every value from
 * 0 to 1), which means none.
 */
final class DisguisedMissing {

    static final double[] CODES = {0, -1, -9, -99, -999, -9999, 99, 999, 9999, 99999, 999999};
    static final int MIN_ROWS = 3;
    static final int STEPS = 20;
    static final double GAP_STEPS = 5;
    static final double GAP_SHARE = 0.1;
    static final double WARNING_SHARE = 0.05;

    private DisguisedMissing() {
    }

    static void check(Column column, List<QualityFinding> findings) {
        if (!(column instanceof NumericColumn numeric)) {
            return;
        }
        double[] values = numeric.presentValues();
        if (values.length < 2 * MIN_ROWS) {
            return;
        }
        Arrays.sort(values);
        double[] distinct = Arrays.stream(values).distinct().toArray();
        if (distinct.length < STEPS + 2) {
            return;
        }
        for (double code : CODES) {
            boolean bottom = code <= 0;
            double end = bottom ? distinct[0] : distinct[distinct.length - 1];
            if (end != code || !apart(values, distinct, bottom) || (code == 0 && share(distinct))) {
                continue;
            }
            int count = 0;
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < numeric.size(); i++) {
                if (!numeric.isMissing(i) && numeric.get(i) == code) {
                    count++;
                    if (rows.size() < QualityFinding.MAX_ROWS_LISTED) {
                        rows.add(i);
                    }
                }
            }
            if (count < MIN_ROWS) {
                continue;
            }
            double nearest = bottom ? distinct[1] : distinct[distinct.length - 2];
            double farthest = bottom ? distinct[distinct.length - 1] : distinct[0];
            String code0 = plain(code);
            double share = (double) count / numeric.size();
            findings.add(new QualityFinding(share > WARNING_SHARE ? Severity.WARNING : Severity.INFO,
                    "disguised-missing", String.format(Locale.ROOT,
                    "column '%s' is %s in %d of %d rows (%.1f%%), far %s its other values (%s to %s): if %s stands "
                            + "for 'not recorded', leave those cells empty so they count as missing",
                    column.name(), code0, count, numeric.size(), 100 * share,
                    bottom ? "below" : "above", plain(Math.min(nearest, farthest)),
                    plain(Math.max(nearest, farthest)), code0), List.of(column.name()),
                    DataQuality.toArray(rows), count));
        }
    }

    /** Whether the end value stands apart from the others (see the class comment); {@code values} sorted. */
    private static boolean apart(double[] values, double[] distinct, boolean bottom) {
        int n = distinct.length;
        double end = bottom ? distinct[0] : distinct[n - 1];
        double[] steps = new double[STEPS];
        for (int k = 0; k < STEPS; k++) {
            steps[k] = bottom ? distinct[k + 2] - distinct[k + 1] : distinct[n - 2 - k] - distinct[n - 3 - k];
        }
        Arrays.sort(steps);
        double step = (steps[STEPS / 2 - 1] + steps[STEPS / 2]) / 2;
        double gap = bottom ? distinct[1] - end : end - distinct[n - 2];
        double[] others = Arrays.stream(values).filter(v -> v != end).toArray();
        double median = others[others.length / 2];
        return gap >= GAP_STEPS * step && gap >= GAP_SHARE * Math.abs(median - end);
    }

    /**
     * Whether the column is a share (every value from 0 to 1, the largest below 1 or at it): its 0 means "none of
     * it" — modeldata's Chicago weather_rain, the share of a day's hours with rain, is 0 on two days in three.
     */
    private static boolean share(double[] distinct) {
        return distinct[0] >= 0 && distinct[distinct.length - 1] <= 1;
    }

    /** A number as people write it: six significant digits at most, no trailing zeros, no exponent. */
    static String plain(double value) {
        return new java.math.BigDecimal(value).round(new java.math.MathContext(6)).stripTrailingZeros()
                .toPlainString();
    }
}
