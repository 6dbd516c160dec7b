package org.twinbench.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How a chart of slices is cut and coloured, shared by the report's SVG charts and the window's live
 * chart so a slice looks the same in both: at most {@value #TOP_SLICES} slices on their own and one
 * grey {@value #OTHERS} curve for the rest, and a colour that depends on the slice's label only.
 */
public final class SliceColours {

    /** Slices drawn on their own in one chart; the rest become one "others" curve. */
    public static final int TOP_SLICES = 4;
    /** The label start of a line that stands for the slices not drawn on their own. */
    public static final String OTHERS = "others";
    /** The palette (matplotlib's tab10 without its grey, which stands for the others). */
    public static final List<String> PALETTE = List.of("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
            "#8c564b", "#e377c2", "#bcbd22", "#17becf");
    public static final String GREY = "#7f7f7f";

    private SliceColours() {
    }

    /** The label of the curve of the slices not drawn on their own. */
    public static String othersLabel(int slices) {
        return OTHERS + " (" + slices + " slices, mean)";
    }

    /**
     * The palette index of each label, or -1 (grey) for an {@value #OTHERS} line: the entry the label
     * hashes to, or when another label of the chart has it, the next one free. Clashes are settled in
     * the labels' alphabetical order, so a chart's colours do not depend on the order its lines are drawn
     * in, and a slice keeps its colour in every chart and run where it does not clash.
     */
    public static int[] indices(List<String> labels) {
        int[] out = new int[labels.size()];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> labels.get(a).compareTo(labels.get(b)));
        Set<Integer> used = new HashSet<>();
        for (int i : order) {
            String label = labels.get(i);
            if (label.startsWith(OTHERS)) {
                out[i] = -1;
                continue;
            }
            int index = Math.floorMod(label.hashCode(), PALETTE.size());
            for (int k = 0; k < PALETTE.size() && used.contains(index); k++) {
                index = (index + 1) % PALETTE.size();
            }
            used.add(index);
            out[i] = index;
        }
        return out;
    }

    /** The colour (hex) of each label by {@link #indices}. */
    public static List<String> of(List<String> labels) {
        List<String> out = new ArrayList<>();
        for (int index : indices(labels)) {
            out.add(index < 0 ? GREY : PALETTE.get(index));
        }
        return out;
    }
}
