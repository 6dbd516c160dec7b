package org.twinbench.ui.presenter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.twinbench.sim.Deployment;

/**
 * The cost chart's figures: for each deployment a story has played (cloud, edge), the cumulative
 * cost after every step, summed from the deployment node's {@code cost} of each step. Playing a
 * chapter with the same deployment again starts its curve afresh; the others stay for comparison.
 */
final class DeploymentCosts {

    /** The measure a deployment node records per step. */
    static final String COST = "cost";

    private final Map<String, List<Double>> cumulative = new LinkedHashMap<>();
    private final Map<String, Double> perStep = new LinkedHashMap<>();

    /** The name of a deployment's curve: where it runs, and whether its model is 8-bit. */
    static String name(Deployment deployment) {
        return (deployment.cloud() ? "cloud" : "edge") + (deployment.quantized() ? ", 8-bit" : "");
    }

    /** Starts the named deployment's curve afresh (a chapter starts playing it). */
    void start(String name) {
        cumulative.put(name, new ArrayList<>());
        perStep.remove(name);
    }

    /** Adds one step's cost; a step without a cost figure adds nothing. */
    void add(String name, Double cost) {
        if (cost == null || !Double.isFinite(cost)) {
            return;
        }
        List<Double> sums = cumulative.computeIfAbsent(name, key -> new ArrayList<>());
        sums.add((sums.isEmpty() ? 0 : sums.get(sums.size() - 1)) + cost);
        perStep.putIfAbsent(name, cost);
    }

    /** Each deployment's cumulative cost by step (step i at index i), in the order first played. */
    Map<String, double[]> curves() {
        Map<String, double[]> out = new LinkedHashMap<>();
        cumulative.forEach((name, sums) -> out.put(name, sums.stream().mapToDouble(Double::doubleValue).toArray()));
        return out;
    }

    /** The legend's words for a curve: its name and its mean cost per step so far. */
    String legend(String name) {
        List<Double> sums = cumulative.getOrDefault(name, List.of());
        if (sums.isEmpty()) {
            return name;
        }
        return String.format(Locale.ROOT, "%s — %.2f per step", name, sums.get(sums.size() - 1) / sums.size());
    }

    /**
     * The highest cumulative cost the chart must show for a chapter of {@code steps} steps: the
     * largest of every curve's last value and the projection of the first step's cost over all steps
     * (so the axis need not grow while a curve with a steady cost plays).
     */
    double projectedTop(int steps) {
        double top = 0;
        for (Map.Entry<String, List<Double>> entry : cumulative.entrySet()) {
            List<Double> sums = entry.getValue();
            if (!sums.isEmpty()) {
                top = Math.max(top, sums.get(sums.size() - 1));
            }
            Double first = perStep.get(entry.getKey());
            if (first != null) {
                top = Math.max(top, first * steps);
            }
        }
        return top;
    }
}
