package org.twinbench.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.twinbench.sim.RobustnessProfile;

/**
 * A robustness profile as JSON, the same in {@code robustness --json} and in {@code run.json}'s
 * {@code robustness} (docs/cli.md#robustness): {@code rows}, {@code metric}, the metric's value under its name
 * ({@code accuracy}, {@code mae} or {@code rmse}), {@code limit}, {@code features}
 * [{@code feature}, {@code shift_up_sd}, {@code shift_down_sd}, {@code scale}; or {@code swap_to},
 * {@code swap_share}], and {@code slices}, one object per slice with {@code column}, {@code value} and the same
 * keys.
 */
public final class RobustnessJson {

    private RobustnessJson() {
    }

    /** Writes {@code overall} into {@code root}, and {@code slices} (when not null) as its {@code slices}. */
    public static ObjectNode write(ObjectNode root, RobustnessProfile overall, List<RobustnessProfile> slices) {
        group(root, overall);
        if (slices != null) {
            ArrayNode array = root.putArray("slices");
            for (RobustnessProfile s : slices) {
                ObjectNode node = array.addObject();
                node.put("column", s.column());
                node.put("value", s.value());
                group(node, s);
            }
        }
        return root;
    }

    private static void group(ObjectNode root, RobustnessProfile g) {
        root.put("rows", g.rows());
        root.put("metric", g.metric());
        RunJson.number(root, g.metric(), g.level());
        RunJson.number(root, "limit", g.limit());
        ArrayNode array = root.putArray("features");
        for (RobustnessProfile.Feature p : g.features()) {
            ObjectNode node = array.addObject();
            node.put("feature", p.feature());
            if (p.swapTo() != null) {
                if (p.swapTo().isEmpty()) {
                    node.putNull("swap_to");
                } else {
                    node.put("swap_to", p.swapTo());
                }
                RunJson.number(node, "swap_share", p.swapShare());
                continue;
            }
            RunJson.number(node, "shift_up_sd", p.shiftUp());
            RunJson.number(node, "shift_down_sd", p.shiftDown());
            RunJson.number(node, "scale", Double.isNaN(p.scaleUp()) ? Double.NaN : 1 + p.scaleUp());
        }
    }
}
