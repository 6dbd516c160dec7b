package org.twinbench.stats;

import java.util.Map;

/**
 * HDDM_A, the drift detector of Frías-Blanco et al. ("Online and non-parametric drift detection
 * methods based on Hoeffding's bounds", IEEE TKDE 2015), with moving averages: it keeps the cut
 * points where the mean of the values so far was lowest (and highest) as judged by Hoeffding's bound,
 * and signals when the mean since that cut exceeds the mean up to it by more than
 * √(m/2 · ln(2/confidence)), m = (n − n_cut) / (n_cut · n). Defaults and arithmetic as MOA's
 * {@code HDDM_A_Test}: drift confidence 0.001, warning confidence 0.005, two-sided (a significant decrease
 * also restarts the statistics, without a signal).
 */
public final class HddmA implements ChangeDetector {

    private final double driftConfidence;
    private final double warningConfidence;
    private final boolean twoSided;
    private int nMin;
    private double cMin;
    private int n;
    private double c;
    private int nMax;
    private double cMax;

    public HddmA() {
        this(0.001, 0.005, true);
    }

    public HddmA(double driftConfidence, double warningConfidence, boolean twoSided) {
        this.driftConfidence = driftConfidence;
        this.warningConfidence = warningConfidence;
        this.twoSided = twoSided;
    }

    @Override
    public String name() {
        return "hddm-a";
    }

    @Override
    public Map<String, Double> parameters() {
        return Map.of("drift_confidence", driftConfidence, "warning_confidence", warningConfidence, "two_sided",
                twoSided ? 1.0 : 0.0);
    }

    @Override
    public Signal update(double value) {
        n++;
        c += value;
        if (nMin == 0) {
            nMin = n;
            cMin = c;
        }
        if (nMax == 0) {
            nMax = n;
            cMax = c;
        }
        double log = Math.log(1.0 / driftConfidence);
        double bound = Math.sqrt(1.0 / (2 * nMin) * log);
        double boundAll = Math.sqrt(1.0 / (2 * n) * log);
        if (cMin / nMin + bound >= c / n + boundAll) {
            cMin = c;
            nMin = n;
        }
        bound = Math.sqrt(1.0 / (2 * nMax) * log);
        if (cMax / nMax - bound <= c / n - boundAll) {
            cMax = c;
            nMax = n;
        }
        Signal signal;
        if (increased(cMin, nMin, driftConfidence)) {
            restart();
            signal = Signal.DRIFT;
        } else {
            signal = increased(cMin, nMin, warningConfidence) ? Signal.WARNING : Signal.NONE;
        }
        if (twoSided && decreased()) {
            restart();
        }
        return signal;
    }

    private boolean increased(double cCut, int nCut, double confidence) {
        if (nCut == n) {
            return false;
        }
        double m = (double) (n - nCut) / nCut * (1.0 / n);
        return c / n - cCut / nCut >= Math.sqrt(m / 2 * Math.log(2.0 / confidence));
    }

    private boolean decreased() {
        if (nMax == n) {
            return false;
        }
        double m = (double) (n - nMax) / nMax * (1.0 / n);
        return cMax / nMax - c / n >= Math.sqrt(m / 2 * Math.log(2.0 / driftConfidence));
    }

    private void restart() {
        nMin = 0;
        nMax = 0;
        n = 0;
        cMin = 0;
        cMax = 0;
        c = 0;
    }
}
