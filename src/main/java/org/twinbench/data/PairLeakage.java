package org.twinbench.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.twinbench.data.QualityFinding.Severity;

/**
 * The part of {@link TaskLeakage}'s regression check that looks at two numeric features at once: an amount computed
 * from two others gives itself away although neither alone does. MASS's Cars93 {@code Price} is the midpoint of {@code Min.Price} and {@code Max.Price} (a straight line of the two explains R² = 0.99999 of it,
 * neither alone 0.97), so a model of it was "right" with R² 0.99; the telco churn sample's {@code total_charges} is
 * {@code tenure × monthly_charges} (on logarithms, R² = 0.9990). A pair is a leak when a least-squares line of the two
 * (with an intercept) explains at least {@value #R2_LIMIT} of the amount's variance, or — where the three are positive
 * on at least half the rows — a line of their logarithms explains that much of the amount's logarithm (a product
 * or ratio of powers; AER's CreditCard {@code expenditure} from {@code income} and {@code share}, its share of
 * the income, on the 1,002 of 1,319 rows that spent). Real features of real amounts stay under it (the highest other pair on ten amounts of R's data
 * sets, scikit-learn's {@code LinearRegression}: 0.985, Texas housing's sales from volume and listings). Pairs are looked at on at most {@value #MAX_ROWS} labelled
 * rows, evenly spaced, among at most {@value #MAX_FEATURES} numeric features; the strongest pairs are reported first,
 * a feature in one pair only, at most {@value #MAX_FINDINGS} pairs.
 */
final class PairLeakage {

    static final double R2_LIMIT = 0.995;
    static final int MAX_ROWS = 5_000;
    static final int MAX_FEATURES = 120;
    static final int MAX_FINDINGS = 5;
    /** Share of a pair's complete rows that must be positive (all three) for the logarithms to be looked at. */
    static final double POSITIVE_SHARE = 0.5;

    private PairLeakage() {
    }

    private record Pair(String a, String b, double r2, boolean logs) {
    }

    /**
     * Adds a {@code leakage} error for each pair of {@code features} (numeric, not already {@code reported} alone)
     * that gives {@code target}'s amounts almost exactly; returns the features it named.
     */
    static Set<String> check(Frame frame, NumericColumn amounts, String target, List<String> features,
                             Set<String> reported, List<QualityFinding> findings) {
        List<String> numeric = features.stream().filter(f -> !f.equals(target) && !reported.contains(f)
                && frame.has(f) && frame.column(f) instanceof NumericColumn).limit(MAX_FEATURES).toList();
        int[] rows = sampledRows(amounts);
        Set<String> named = new HashSet<>();
        if (numeric.size() < 2 || rows.length < TaskLeakage.MIN_ROWS) {
            return named;
        }
        double[] y = values(amounts, rows);
        double[][] x = new double[numeric.size()][];
        for (int f = 0; f < x.length; f++) {
            x[f] = values((NumericColumn) frame.column(numeric.get(f)), rows);
        }
        double[] logY = logs(y);
        double[][] logX = new double[x.length][];
        for (int f = 0; f < x.length; f++) {
            logX[f] = logs(x[f]);
        }
        List<Pair> found = new ArrayList<>();
        for (int a = 0; a < x.length; a++) {
            for (int b = a + 1; b < x.length; b++) {
                double linear = r2(x[a], x[b], y, TaskLeakage.MIN_ROWS);
                if (linear >= R2_LIMIT) {
                    found.add(new Pair(numeric.get(a), numeric.get(b), linear, false));
                    continue;
                }
                int complete = complete(x[a], x[b], y);
                int least = Math.max(TaskLeakage.MIN_ROWS, (int) Math.ceil(POSITIVE_SHARE * complete));
                double logged = r2(logX[a], logX[b], logY, least);
                if (logged >= R2_LIMIT) {
                    found.add(new Pair(numeric.get(a), numeric.get(b), logged, true));
                }
            }
        }
        found.sort(Comparator.comparingDouble(Pair::r2).reversed());
        int reportedPairs = 0;
        for (Pair pair : found) {
            if (reportedPairs == MAX_FINDINGS || named.contains(pair.a()) || named.contains(pair.b())) {
                continue;
            }
            named.add(pair.a());
            named.add(pair.b());
            reportedPairs++;
            String how = pair.logs()
                    ? String.format(Locale.ROOT, "a product of powers of the two explains R² = %.5f of its "
                            + "logarithm", pair.r2())
                    : String.format(Locale.ROOT, "a straight line of the two explains R² = %.5f of it", pair.r2());
            findings.add(new QualityFinding(Severity.ERROR, TrainingLeaks.CHECK, "features '" + pair.a() + "' and '"
                    + pair.b() + "' together give '" + target + "' almost exactly (" + how + "); it is probably "
                    + "computed from them", List.of(pair.a(), pair.b(), target), new int[0], 0));
        }
        return named;
    }

    /** The labelled rows (finite amounts), at most {@value #MAX_ROWS} of them evenly spaced. */
    private static int[] sampledRows(NumericColumn amounts) {
        int[] labelled = java.util.stream.IntStream.range(0, amounts.size())
                .filter(i -> !amounts.isMissing(i) && Double.isFinite(amounts.get(i))).toArray();
        if (labelled.length <= MAX_ROWS) {
            return labelled;
        }
        int[] out = new int[MAX_ROWS];
        for (int i = 0; i < MAX_ROWS; i++) {
            out[i] = labelled[(int) ((long) i * labelled.length / MAX_ROWS)];
        }
        return out;
    }

    /** The column's values on {@code rows}, NaN where missing or not finite. */
    private static double[] values(NumericColumn column, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            double v = column.isMissing(rows[i]) ? Double.NaN : column.get(rows[i]);
            out[i] = Double.isFinite(v) ? v : Double.NaN;
        }
        return out;
    }

    /** Natural logarithms of the positive values, NaN elsewhere. */
    private static double[] logs(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] > 0 ? Math.log(values[i]) : Double.NaN;
        }
        return out;
    }

    private static int complete(double[] a, double[] b, double[] y) {
        int n = 0;
        for (int i = 0; i < y.length; i++) {
            if (!Double.isNaN(a[i]) && !Double.isNaN(b[i]) && !Double.isNaN(y[i])) {
                n++;
            }
        }
        return n;
    }

    /**
     * R² of the least-squares fit {@code y ~ 1 + a + b} on the rows where the three are known (0 with fewer than
     * {@code least} such rows, or when a and b are one line, which the one-feature check judges).
     */
    static double r2(double[] a, double[] b, double[] y, int least) {
        int n = 0;
        double ma = 0;
        double mb = 0;
        double my = 0;
        for (int i = 0; i < y.length; i++) {
            if (!Double.isNaN(a[i]) && !Double.isNaN(b[i]) && !Double.isNaN(y[i])) {
                n++;
                ma += a[i];
                mb += b[i];
                my += y[i];
            }
        }
        if (n < least || n < 3) {
            return 0;
        }
        ma /= n;
        mb /= n;
        my /= n;
        double saa = 0;
        double sbb = 0;
        double sab = 0;
        double say = 0;
        double sby = 0;
        double syy = 0;
        for (int i = 0; i < y.length; i++) {
            if (!Double.isNaN(a[i]) && !Double.isNaN(b[i]) && !Double.isNaN(y[i])) {
                double da = a[i] - ma;
                double db = b[i] - mb;
                double dy = y[i] - my;
                saa += da * da;
                sbb += db * db;
                sab += da * db;
                say += da * dy;
                sby += db * dy;
                syy += dy * dy;
            }
        }
        double det = saa * sbb - sab * sab;
        if (syy == 0 || saa == 0 || sbb == 0 || det <= 1e-9 * saa * sbb) {
            return 0;
        }
        double ba = (sbb * say - sab * sby) / det;
        double bb = (saa * sby - sab * say) / det;
        return (ba * say + bb * sby) / syy;
    }
}
