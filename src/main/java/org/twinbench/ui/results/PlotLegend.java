package org.twinbench.ui.results;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * The legend of a {@link MetricPlot}, laid out so no entry is cut whatever the chart's size: as many
 * rows as the height holds, then another column; a label wider than the legend may be (two fifths of
 * the chart's width between its columns) loses its column name, then its middle — the hover label gives
 * it whole.
 */
final class PlotLegend {

    static final double ROW = 16;
    /** The width of a colour key with its gaps. */
    static final double KEY = 34;
    /** The narrowest a label is shortened to. */
    static final double MIN_TEXT = 60;
    private static final double TOP = 10;

    private int rows = Integer.MAX_VALUE;
    private double text;
    private double width;

    /** Lays out the entries of {@code curves} for a chart of {@code chartWidth} × {@code chartHeight}. */
    void layout(List<ChartCurve> curves, double chartWidth, double chartHeight, ToDoubleFunction<String> textWidth) {
        if (curves.isEmpty()) {
            width = 0;
            return;
        }
        rows = Math.max(1, (int) ((chartHeight - TOP - ROW / 2) / ROW));
        int columns = (curves.size() + rows - 1) / rows;
        double widest = 0;
        for (ChartCurve curve : curves) {
            widest = Math.max(widest, textWidth.applyAsDouble(curve.name()));
        }
        text = Math.min(widest, Math.max(MIN_TEXT, chartWidth * 0.4 / columns - KEY));
        width = columns * (text + KEY);
    }

    /** The width the legend takes at the chart's right (0 without curves). */
    double width() {
        return width;
    }

    /** How many entries a column holds. */
    int rows() {
        return rows;
    }

    /** The label of an entry as drawn: whole, or shortened in the middle to the legend's label width. */
    String label(String name, ToDoubleFunction<String> textWidth) {
        if (textWidth.applyAsDouble(name) <= text) {
            return name;
        }
        // The slice's value says more than its column: "Hill Street Practice" for referring_site=Hill Street Practice.
        name = TopSlices.label(name);
        if (textWidth.applyAsDouble(name) <= text) {
            return name;
        }
        for (int keep = name.length() - 1; keep > 2; keep--) {
            int head = (keep + 1) / 2;
            String shortened = name.substring(0, head) + "…" + name.substring(name.length() - (keep - head));
            if (textWidth.applyAsDouble(shortened) <= text) {
                return shortened;
            }
        }
        return name.charAt(0) + "…";
    }

    /** Draws the entries from ({@code x}, {@code y}): a colour key (dashed for an estimate) and the label. */
    void draw(GraphicsContext g, double x, double y, List<ChartCurve> curves, Function<ChartCurve, Color> colour,
              ToDoubleFunction<String> textWidth) {
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < curves.size(); i++) {
            ChartCurve curve = curves.get(i);
            double left = x + (i / rows) * (text + KEY);
            double top = y + (i % rows) * ROW;
            g.setStroke(colour.apply(curve));
            g.setLineWidth(curve.estimate() ? 1.5 : 3);
            g.setLineDashes(curve.estimate() ? new double[] {4, 3} : null);
            g.strokeLine(left, top, left + 16, top);
            g.setLineDashes(null);
            g.setFill(CanvasPlot.INK);
            g.fillText(label(curve.name(), textWidth), left + 22, top);
        }
    }
}
