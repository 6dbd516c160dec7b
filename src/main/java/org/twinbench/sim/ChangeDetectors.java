package org.twinbench.sim;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.twinbench.scenario.ScenarioException;

/** The streaming detectors an error-stream monitor can use, by the name written in the scenario. */
public final class ChangeDetectors {

    /** The detector names the engine knows. */
    public static final List<String> NAMES = List.of("page-hinkley");

    private ChangeDetectors() {
    }

    /**
     * A factory of fresh detectors of the named kind. Page-Hinkley's parameters are MOA's defaults
     * unless given: {@code min_instances} 30, {@code delta} 0.005, {@code lambda} 50, {@code alpha} 0.9999.
     */
    public static Supplier<ChangeDetector> factory(String nodeId, String name, Map<String, Double> params) {
        if ("page-hinkley".equals(name)) {
            int minInstances = (int) Math.round(params.getOrDefault("min_instances", 30.0));
            double delta = params.getOrDefault("delta", 0.005);
            double lambda = params.getOrDefault("lambda", 50.0);
            double alpha = params.getOrDefault("alpha", 1 - 0.0001);
            return () -> new PageHinkley(minInstances, delta, lambda, alpha);
        }
        throw new ScenarioException("node " + nodeId + ": parameter 'detector' is '" + name
                + "'; the engine knows " + NAMES);
    }
}
