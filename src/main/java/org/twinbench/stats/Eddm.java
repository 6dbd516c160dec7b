package org.twinbench.stats;

import java.util.Map;

/**
 * EDDM, the early drift detection method of Baena-García et al. (2006), on a stream of 0/1 errors:
 * it tracks the mean distance between errors and its standard deviation; with m' = mean + 2·sd and
 * its maximum m'_max, a warning when m'/m'_max &lt; 0.95 and a drift when m'/m'_max &lt; 0.9, once more
 * than 30 values and 30 errors were seen. Same arithmetic as MOA's {@code EDDM}; like it, the warning
 * state only changes on an error.
 */
public final class Eddm implements ChangeDetector {

    private final double warningRatio;
    private final double driftRatio;
    private final int minErrors;
    private static final double MIN_INSTANCES = 30;
    private boolean fresh = true;
    private boolean warning;
    private int n;
    private double errors;
    private int lastError;
    private double mean;
    private double squares;
    private double maxTwoSigma;

    public Eddm() {
        this(0.95, 0.9, 30);
    }

    public Eddm(double warningRatio, double driftRatio, int minErrors) {
        this.warningRatio = warningRatio;
        this.driftRatio = driftRatio;
        this.minErrors = minErrors;
    }

    @Override
    public String name() {
        return "eddm";
    }

    @Override
    public Map<String, Double> parameters() {
        return Map.of("warning_ratio", warningRatio, "drift_ratio", driftRatio, "min_errors", (double) minErrors);
    }

    @Override
    public Signal update(double error) {
        if (fresh) {
            n = 1;
            errors = 0;
            lastError = 0;
            mean = 0;
            squares = 0;
            maxTwoSigma = 0;
            fresh = false;
        }
        n++;
        if (error != 1.0) {
            return warning ? Signal.WARNING : Signal.NONE;
        }
        warning = false;
        errors += 1;
        int previous = lastError;
        lastError = n - 1;
        int distance = lastError - previous;
        double oldMean = mean;
        mean = mean + ((double) distance - mean) / errors;
        squares = squares + (distance - mean) * (distance - oldMean);
        double twoSigma = mean + 2 * Math.sqrt(squares / errors);
        if (twoSigma > maxTwoSigma) {
            if (n > MIN_INSTANCES) {
                maxTwoSigma = twoSigma;
            }
            return Signal.NONE;
        }
        double ratio = twoSigma / maxTwoSigma;
        boolean enough = n > MIN_INSTANCES && errors > minErrors;
        if (enough && ratio < driftRatio) {
            fresh = true;
            return Signal.DRIFT;
        }
        warning = enough && ratio < warningRatio;
        return warning ? Signal.WARNING : Signal.NONE;
    }
}
