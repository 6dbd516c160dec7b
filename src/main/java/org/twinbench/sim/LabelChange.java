package org.twinbench.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How a label-changing node changes the label of a multiclass or regression model (a binary label is
 * reversed). Multiclass: without a map a label becomes one of the other classes, each equally likely;
 * with a map ({@code flip_map}, "from:to" pairs) a label of a mapped class becomes its class and a label
 * of another class is kept. Regression: the amount gets normal noise with standard deviation
 * {@code noiseSd} reference standard deviations of the target.
 *
 * @param flipMap class codes: from → to (empty: uniformly to another class)
 * @param noiseSd the noise of a changed amount, in standard deviations of the reference amounts
 */
public record LabelChange(Map<Integer, Integer> flipMap, double noiseSd) {

    /** Uniform flips among classes and noise of one standard deviation. */
    public static final LabelChange UNIFORM = new LabelChange(Map.of(), 1.0);

    public LabelChange {
        flipMap = Map.copyOf(flipMap);
    }

    /**
     * The change of a node's {@code flip_map} text ("class_0:class_1, class_1:class_2", null for none) over
     * {@code classes}, or an exception naming the pair that is not two of the classes.
     */
    public static LabelChange of(String flipMap, double noiseSd, List<String> classes) {
        Map<Integer, Integer> map = new LinkedHashMap<>();
        if (flipMap != null && !flipMap.isBlank()) {
            for (String pair : flipMap.split(",")) {
                String[] ends = pair.split(":", -1);
                int from = ends.length == 2 ? classes.indexOf(ends[0].strip()) : -1;
                int to = ends.length == 2 ? classes.indexOf(ends[1].strip()) : -1;
                if (from < 0 || to < 0 || from == to) {
                    throw new IllegalArgumentException("'" + pair.strip() + "' is not 'from:to' of two different"
                            + " classes of the model (" + String.join(", ", classes) + ")");
                }
                if (map.put(from, to) != null) {
                    throw new IllegalArgumentException("class '" + ends[0].strip() + "' is mapped twice");
                }
            }
        }
        return new LabelChange(map, noiseSd);
    }

    /** The class a label of class {@code code} (of {@code classCount}) becomes, or the same code when it stays. */
    int flip(int code, int classCount, SplittableRandom random) {
        if (!flipMap.isEmpty()) {
            return flipMap.getOrDefault(code, code);
        }
        int other = random.nextInt(classCount - 1);
        return other >= code ? other + 1 : other;
    }
}
