package org.twinbench.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** The streaming change detectors by name, with their parameters, and running one over a sequence. */
public final class ChangeDetectors {

    /** The detector names, as on the command line. */
    public static final List<String> NAMES = List.of("adwin", "ddm", "eddm", "page-hinkley", "kswin", "hddm-a",
            "cusum");

    /** Where a detector signalled in a sequence: 0-based positions of drifts and of entries into a warning zone. */
    public record Trace(List<Integer> detections, List<Integer> warnings) {
        public Trace {
            detections = List.copyOf(detections);
            warnings = List.copyOf(warnings);
        }
    }

    private ChangeDetectors() {
    }

    /**
     * A detector with its defaults overridden by {@code params} (name to value); an unknown detector,
     * an unknown parameter or a value out of range is an {@link IllegalArgumentException} whose message
     * names it.
     */
    public static ChangeDetector create(String name, Map<String, Double> params) {
        Map<String, Double> p = new HashMap<>(params);
        Function<String, Double> get = key -> p.remove(key);
        ChangeDetector detector = switch (name) {
            case "adwin" -> new Adwin(or(get.apply("delta"), Adwin.DEFAULT_DELTA));
            case "ddm" -> new Ddm(count(get.apply("min_instances"), 30, "min_instances"),
                    or(get.apply("warning_level"), 2.0), or(get.apply("drift_level"), 3.0));
            case "eddm" -> new Eddm(or(get.apply("warning_ratio"), 0.95), or(get.apply("drift_ratio"), 0.9),
                    count(get.apply("min_errors"), 30, "min_errors"));
            case "page-hinkley" -> new PageHinkley(count(get.apply("min_instances"), 30, "min_instances"),
                    or(get.apply("delta"), 0.005), or(get.apply("lambda"), 50.0), or(get.apply("alpha"), 1 - 0.0001),
                    flag(get.apply("minimum"), true, "minimum"));
            case "kswin" -> new Kswin(or(get.apply("alpha"), 0.005), count(get.apply("window_size"), 100, "window_size"),
                    count(get.apply("stat_size"), 30, "stat_size"), count(get.apply("seed"), 1, "seed"));
            case "hddm-a" -> new HddmA(or(get.apply("drift_confidence"), 0.001),
                    or(get.apply("warning_confidence"), 0.005), flag(get.apply("two_sided"), true, "two_sided"));
            case "cusum" -> new Cusum(count(get.apply("min_instances"), 30, "min_instances"),
                    or(get.apply("delta"), 0.005), or(get.apply("lambda"), 50.0));
            default -> throw new IllegalArgumentException("unknown detector '" + name + "'; known: "
                    + String.join(", ", NAMES));
        };
        if (!p.isEmpty()) {
            throw new IllegalArgumentException("detector '" + name + "' has no parameter '" + p.keySet().iterator().next()
                    + "'; its parameters are " + String.join(", ", new TreeMap<>(detector.parameters()).keySet()));
        }
        return detector;
    }

    /** Feeds every value in order and records where the detector signalled. */
    public static Trace run(ChangeDetector detector, double[] values) {
        List<Integer> detections = new ArrayList<>();
        List<Integer> warnings = new ArrayList<>();
        boolean warning = false;
        for (int i = 0; i < values.length; i++) {
            ChangeDetector.Signal signal = detector.update(values[i]);
            if (signal == ChangeDetector.Signal.DRIFT) {
                detections.add(i);
            } else if (signal == ChangeDetector.Signal.WARNING && !warning) {
                warnings.add(i);
            }
            warning = signal == ChangeDetector.Signal.WARNING;
        }
        return new Trace(detections, warnings);
    }

    private static double or(Double value, double fallback) {
        return value == null ? fallback : value;
    }

    private static int count(Double value, int fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value != Math.rint(value) || value < 0 || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("parameter '" + name + "' must be a whole number >= 0, not " + value);
        }
        return value.intValue();
    }

    private static boolean flag(Double value, boolean fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value != 0 && value != 1) {
            throw new IllegalArgumentException("parameter '" + name + "' must be 0 or 1, not " + value);
        }
        return value == 1;
    }
}
