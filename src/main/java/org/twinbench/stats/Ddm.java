package org.twinbench.stats;

import java.util.Map;

/**
 * DDM, the drift detection method of Gama, Medas, Castillo and Rodrigues ("Learning with drift
 * detection", SBIA 2004), on a stream of 0/1 errors. It tracks the error rate p and its standard
 * deviation s = √(p(1−p)/n) and remembers the minimum of p + s; warning when p + s &gt; p_min + 2·s_min,
 * drift when p + s &gt; p_min + 3·s_min, after {@code minInstances} values. Same arithmetic and defaults
 * as MOA's {@code DDM} (minimum 30 instances, warning level 2, drift level 3).
 */
public final class Ddm implements ChangeDetector {

    private final int minInstances;
    private final double warningLevel;
    private final double driftLevel;
    private boolean fresh = true;
    private int n;
    private double p;
    private double s;
    private double psMin;
    private double pMin;
    private double sMin;

    public Ddm() {
        this(30, 2.0, 3.0);
    }

    public Ddm(int minInstances, double warningLevel, double driftLevel) {
        this.minInstances = minInstances;
        this.warningLevel = warningLevel;
        this.driftLevel = driftLevel;
    }

    @Override
    public String name() {
        return "ddm";
    }

    @Override
    public Map<String, Double> parameters() {
        return Map.of("min_instances", (double) minInstances, "warning_level", warningLevel, "drift_level",
                driftLevel);
    }

    @Override
    public Signal update(double error) {
        if (fresh) {
            n = 1;
            p = 1;
            s = 0;
            psMin = Double.MAX_VALUE;
            pMin = Double.MAX_VALUE;
            sMin = Double.MAX_VALUE;
            fresh = false;
        }
        p = p + (error - p) / (double) n;
        s = Math.sqrt(p * (1 - p) / (double) n);
        n++;
        if (n < minInstances) {
            return Signal.NONE;
        }
        if (p + s <= psMin) {
            pMin = p;
            sMin = s;
            psMin = p + s;
        }
        if (n > minInstances && p + s > pMin + driftLevel * sMin) {
            fresh = true;
            return Signal.DRIFT;
        }
        return p + s > pMin + warningLevel * sMin ? Signal.WARNING : Signal.NONE;
    }
}
