package org.twinbench.ui.graph;

import java.util.Map;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.SVGPath;

/**
 * The icon of each palette group: a small white glyph (drawn as an SVG path on a 12 × 12 grid, no
 * image files) on a disc in the group's colour, so a node type's kind reads at a glance.
 */
final class GroupIcons {

    /**
     * Glyphs by group: a database cylinder, a lightning bolt, a hexagon "unit", a clock (labels
     * arrive late), an eye, a shield, a cloud, bars.
     */
    static final Map<String, String> GLYPHS = Map.of(
            "Sources", "M1 3 A5 2 0 0 1 11 3 V9 A5 2 0 0 1 1 9 Z",
            "Perturbations", "M7 0 L1 7 H5 L4 12 L11 4 H7 Z",
            "Models", "M6 0 L11 3 V9 L6 12 L1 9 V3 Z M6 4 L8.5 5.5 V7.5 L6 9 L3.5 7.5 V5.5 Z",
            "Labels", "M6 0 A6 6 0 1 0 6.01 0 Z M5.2 2.5 H6.8 V5.6 L9 7.2 L8.1 8.4 L5.2 6.4 Z",
            "Monitors", "M0 6 Q6 -2 12 6 Q6 14 0 6 Z M6 3.5 A2.5 2.5 0 1 0 6.01 3.5 Z",
            "Policies", "M6 0 L11 2 V6 Q11 10 6 12 Q1 10 1 6 V2 Z",
            "Deployment", "M3 10 A3 3 0 0 1 3 4 A4 4 0 0 1 10.5 5 A2.5 2.5 0 0 1 10 10 Z",
            "Metrics", "M1 12 V6 H4 V12 Z M5 12 V1 H8 V12 Z M9 12 V8 H12 V12 Z");

    /** For a group the catalog may gain later: a plain dot. */
    static final String UNKNOWN = "M6 3 A3 3 0 1 0 6.01 3 Z";

    private GroupIcons() {
    }

    static Node of(String group) {
        SVGPath glyph = new SVGPath();
        glyph.setContent(GLYPHS.getOrDefault(group, UNKNOWN));
        glyph.setFillRule(FillRule.EVEN_ODD);
        glyph.getStyleClass().add("type-glyph");
        StackPane icon = new StackPane(glyph);
        icon.getStyleClass().addAll("type-icon", "group-" + PaletteViewModel.slug(group));
        icon.setAccessibleText(group);
        return icon;
    }
}
