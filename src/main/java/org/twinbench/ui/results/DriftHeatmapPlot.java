package org.twinbench.ui.results;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * Draws a {@link DriftHeatmap} on one canvas: a row per feature, a column per run of steps, each
 * cell coloured from white (no drift) through orange to red (the highest value), with the colour
 * legend and the alarm threshold beside it. Hovering a cell shows its steps, feature and value.
 */
public final class DriftHeatmapPlot extends CanvasPlot {

    private static final Color LOW = Color.web("#f7fbff");
    private static final Color MID = Color.web("#fdae6b");
    private static final Color HIGH = Color.web("#c23b3b");
    private static final Color NONE = Color.web("#eceff2");
    private static final double TOP = 10;
    private static final double BOTTOM = 40;
    private static final double LEGEND = 70;

    private final Tooltip tip = new Tooltip();
    private DriftHeatmap heatmap = DriftHeatmap.EMPTY;
    private double stepMax = 60;
    private double labelWidth = 60;
    private String hoverText = "";

    public DriftHeatmapPlot() {
        getStyleClass().add("drift-heatmap");
        setMinSize(200, 100);
        addEventHandler(MouseEvent.MOUSE_MOVED, event -> hover(event.getX(), event.getY()));
        addEventHandler(MouseEvent.MOUSE_EXITED, event -> {
            hoverText = "";
            Tooltip.uninstall(this, tip);
        });
    }

    public void show(DriftHeatmap map) {
        heatmap = map;
        labelWidth = 60;
        for (String feature : map.features()) {
            javafx.scene.text.Text text = new javafx.scene.text.Text(feature);
            text.setFont(FONT);
            labelWidth = Math.max(labelWidth, text.getLayoutBounds().getWidth() + 12);
        }
        draw();
    }

    public void setSteps(int steps) {
        stepMax = Math.max(1, steps);
        draw();
    }

    public DriftHeatmap heatmap() {
        return heatmap;
    }

    /** The last hovered cell's description, empty when none. */
    public String hoverText() {
        return hoverText;
    }

    /** Colour of a value on the scale: white at 0, orange at half of the top, red at the top. */
    static Color colour(double value, double top) {
        if (Double.isNaN(value)) {
            return NONE;
        }
        double t = Math.max(0, Math.min(1, value / top));
        return t < 0.5 ? LOW.interpolate(MID, t * 2) : MID.interpolate(HIGH, (t - 0.5) * 2);
    }

    private double right() {
        return Math.max(labelWidth + 20, canvas.getWidth() - LEGEND);
    }

    private double bottom() {
        return Math.max(TOP + 20, canvas.getHeight() - BOTTOM);
    }

    private double columnWidth() {
        return (right() - labelWidth) / (stepMax / heatmap.stepsPerColumn());
    }

    @Override
    void paint(GraphicsContext g, double w, double h) {
        g.setFill(INK);
        g.setTextBaseline(VPos.CENTER);
        if (heatmap.features().isEmpty()) {
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText("No feature-drift monitor in this run: add one to see drift per feature and step", w / 2, h / 2);
            return;
        }
        int rows = heatmap.features().size();
        double rowHeight = (bottom() - TOP) / rows;
        double columnWidth = columnWidth();
        for (int r = 0; r < rows; r++) {
            double y = TOP + r * rowHeight;
            g.setTextAlign(TextAlignment.RIGHT);
            g.setFill(INK);
            g.fillText(heatmap.features().get(r), labelWidth - 6, y + rowHeight / 2);
            for (int c = 0; c < heatmap.columns(); c++) {
                g.setFill(colour(heatmap.cells()[r][c], heatmap.scaleMax()));
                g.fillRect(labelWidth + c * columnWidth, y, Math.ceil(columnWidth), Math.ceil(rowHeight));
            }
        }
        g.setStroke(INK);
        g.setFill(INK);
        g.setLineWidth(1);
        g.strokeRect(labelWidth + 0.5, TOP + 0.5, right() - labelWidth, bottom() - TOP);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        double tick = Math.max(1, LiveChartsView.niceTick(stepMax / 12));
        for (double s = 0; s <= stepMax + 1e-9; s += tick) {
            double x = labelWidth + s / stepMax * (right() - labelWidth);
            g.strokeLine(x, bottom(), x, bottom() + 4);
            g.fillText(MetricPlot.format(s, tick), x, bottom() + 6);
        }
        g.fillText("Simulated step", (labelWidth + right()) / 2, bottom() + 22);
        drawLegend(g);
    }

    /** A vertical colour bar from 0 (bottom) to the top of the scale, with the threshold marked. */
    private void drawLegend(GraphicsContext g) {
        double x = right() + 14;
        double barTop = TOP;
        double barBottom = bottom();
        int bands = 40;
        for (int i = 0; i < bands; i++) {
            double v0 = heatmap.scaleMax() * i / bands;
            double y = barBottom - (i + 1) * (barBottom - barTop) / bands;
            g.setFill(colour(v0, heatmap.scaleMax()));
            g.fillRect(x, y, 12, Math.ceil((barBottom - barTop) / bands) + 1);
        }
        g.setStroke(INK);
        g.strokeRect(x + 0.5, barTop + 0.5, 12, barBottom - barTop);
        g.setFill(INK);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double tick = LiveChartsView.niceTick(heatmap.scaleMax() / 4);
        for (double v = 0; v <= heatmap.scaleMax() + 1e-9; v += tick) {
            double y = barBottom - v / heatmap.scaleMax() * (barBottom - barTop);
            g.fillText(MetricPlot.format(v, tick), x + 16, y);
        }
        if (!Double.isNaN(heatmap.threshold())) {
            double y = barBottom - heatmap.threshold() / heatmap.scaleMax() * (barBottom - barTop);
            g.setStroke(HIGH);
            g.setLineWidth(2);
            g.strokeLine(x - 3, y, x + 15, y);
            g.setLineWidth(1);
        }
    }

    void hover(double x, double y) {
        int rows = heatmap.features().size();
        if (rows == 0 || x < labelWidth || x >= right() || y < TOP || y >= bottom()) {
            hoverText = "";
            Tooltip.uninstall(this, tip);
            return;
        }
        int row = (int) ((y - TOP) / ((bottom() - TOP) / rows));
        int column = (int) ((x - labelWidth) / columnWidth());
        if (row >= rows || column >= heatmap.columns()) {
            hoverText = "";
            Tooltip.uninstall(this, tip);
            return;
        }
        int first = column * heatmap.stepsPerColumn();
        double value = heatmap.cells()[row][column];
        hoverText = (heatmap.stepsPerColumn() == 1 ? "step " + first
                : "steps " + first + "–" + (first + heatmap.stepsPerColumn() - 1)) + " · "
                + heatmap.features().get(row) + " · " + (Double.isNaN(value) ? "no value"
                : String.format(Locale.ROOT, "%.4f", value) + (heatmap.stepsPerColumn() == 1 ? "" : " (highest)"));
        tip.setText(hoverText);
        Tooltip.install(this, tip);
    }
}
