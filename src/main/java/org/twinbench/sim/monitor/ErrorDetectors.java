package org.twinbench.sim.monitor;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.twinbench.scenario.ScenarioException;

/**
 * The streaming detectors an error-stream monitor can use, by the name written in the scenario: every
 * detector of {@link org.twinbench.stats.ChangeDetectors} (ADWIN, DDM, EDDM, Page-Hinkley, KSWIN,
 * HDDM-A, CUSUM, each matching MOA). A drift signal is a detection; a warning is not.
 */
public final class ErrorDetectors {

    /** The detector names the engine knows. */
    public static final List<String> NAMES = org.twinbench.stats.ChangeDetectors.NAMES;

    private ErrorDetectors() {
    }

    /**
     * A factory of fresh detectors of the named kind, with the detector's own defaults (MOA's) for
     * every parameter not in {@code params}; an unknown name, an unknown parameter or a value out of
     * range is a {@link ScenarioException} naming the node.
     */
    public static Supplier<ErrorDetector> factory(String nodeId, String name, Map<String, Double> params) {
        Map<String, Double> copy = Map.copyOf(params);
        try {
            org.twinbench.stats.ChangeDetectors.create(name, copy);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException("node " + nodeId + ": " + e.getMessage());
        }
        return () -> {
            org.twinbench.stats.ChangeDetector detector = org.twinbench.stats.ChangeDetectors.create(name, copy);
            return value -> detector.update(value) == org.twinbench.stats.ChangeDetector.Signal.DRIFT;
        };
    }
}
