package org.twinbench.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a workload measured: rows processed per repetition, the best time of TwinBench's code and of
 * the reference on the same data, and any extra figures (heap bytes, detections, ...).
 *
 * <p>{@code ratio} is {@code seconds / referenceSeconds}: below 1 means TwinBench was faster than
 * the reference.
 */
public record BenchResult(String name, long rows, double seconds, String reference, double referenceSeconds,
                          Map<String, Object> extra) {

    public BenchResult {
        extra = new LinkedHashMap<>(extra);
    }

    public double rowsPerSecond() {
        return rows / seconds;
    }

    public double ratio() {
        return seconds / referenceSeconds;
    }
}
