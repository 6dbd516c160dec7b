package org.twinbench.sim.monitor;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.twinbench.scenario.ScenarioException;
import org.twinbench.stats.NumericDrift;
import org.twinbench.stats.NumericReference;

/**
 * The drift statistics a feature- or prediction-drift monitor can use, by the name written in the
 * scenario. All but {@code mean-shift} are the stats layer's ({@link NumericReference}, definitions
 * in docs/cli.md): {@code psi} over the 10 reference-decile bins, {@code ks} the two-sample
 * Kolmogorov–Smirnov distance D, {@code wasserstein} the Wasserstein-1 distance divided by the
 * reference's standard deviation, {@code jensen-shannon} and {@code hellinger} over the PSI bins.
 */
public final class DriftStatistics {

    /** The statistic names the engine knows. */
    public static final List<String> NAMES = List.of("psi", "ks", "wasserstein", "jensen-shannon", "hellinger",
            "mean-shift");

    private DriftStatistics() {
    }

    /** A statistic of the stats layer: the reference is profiled once per run. */
    private record Profiled(ToDoubleFunction<NumericDrift> pick) implements DriftStatistic {
        @Override
        public double compute(double[] reference, double[] current) {
            return against(reference).applyAsDouble(current);
        }

        @Override
        public ToDoubleFunction<double[]> against(double[] reference) {
            NumericReference profile = NumericReference.of(reference);
            return current -> pick.applyAsDouble(profile.compareWindow(current));
        }
    }

    public static DriftStatistic find(String nodeId, String name) {
        return switch (name) {
            case "psi" -> new Profiled(NumericDrift::psi);
            case "ks" -> new Profiled(NumericDrift::ksStatistic);
            case "wasserstein" -> new Profiled(NumericDrift::wassersteinNormed);
            case "jensen-shannon" -> new Profiled(NumericDrift::jensenShannon);
            case "hellinger" -> new Profiled(NumericDrift::hellinger);
            case "mean-shift" -> DriftStatistics::meanShift;
            default -> throw new ScenarioException("node " + nodeId + ": parameter 'statistic' is '" + name
                    + "'; the engine knows " + NAMES);
        };
    }

    /**
     * The standardised mean difference |mean(current) − mean(reference)| / sd(reference), with the
     * sample standard deviation (n − 1); NaN when either side is empty or the reference is constant.
     * Cheaper than the distribution distances and blind to a change of spread.
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
