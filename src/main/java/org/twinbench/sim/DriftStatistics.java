package org.twinbench.sim;

import java.util.List;
import org.twinbench.scenario.ScenarioException;

/** The drift statistics a feature-drift monitor can use, by the name written in the scenario. */
public final class DriftStatistics {

    /** The statistic names the engine knows. */
    public static final List<String> NAMES = List.of("mean-shift");

    private DriftStatistics() {
    }

    public static DriftStatistic find(String nodeId, String name) {
        if ("mean-shift".equals(name)) {
            return DriftStatistics::meanShift;
        }
        throw new ScenarioException("node " + nodeId + ": parameter 'statistic' is '" + name + "'; the engine knows "
                + NAMES);
    }

    /**
     * The standardised mean difference |mean(current) − mean(reference)| / sd(reference), with the
     * sample standard deviation (n − 1); NaN when either side is empty or the reference is constant.
     * Temporary: the built-in statistic until the stats layer's (PSI, Wasserstein, KS) are registered.
     */
    public static double meanShift(double[] reference, double[] current) {
        if (reference.length < 2 || current.length == 0) {
            return Double.NaN;
        }
        double meanRef = 0;
        for (double v : reference) {
            meanRef += v;
        }
        meanRef /= reference.length;
        double ss = 0;
        for (double v : reference) {
            ss += (v - meanRef) * (v - meanRef);
        }
        double sd = Math.sqrt(ss / (reference.length - 1));
        double meanCur = 0;
        for (double v : current) {
            meanCur += v;
        }
        meanCur /= current.length;
        return sd == 0 ? Double.NaN : Math.abs(meanCur - meanRef) / sd;
    }
}
