package org.twinbench.ui.results;

import java.util.Locale;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.twinbench.stats.ReliabilityBins;

/**
 * Draws a {@link ReliabilityDiagram} on one canvas: mean predicted probability (x) against observed
 * positive rate (y) per bin as points joined by a line, the diagonal of perfect calibration as the
 * reference, and each bin's row count as a light bar along the bottom. Hovering a bin's column shows
 * its range, count, predicted and observed values.
 */
public final class ReliabilityPlot extends CanvasPlot {

    private static final Color GRID = Color.web("#e4e8ed");
    private static final Color BAR = Color.web("#d5e3f0");
    private static final Color DIAGONAL = Color.web("#8a96a3");
    private static final Color CURVE = MetricPlot.PALETTE[0];
    private static final double LEFT = 56;
    private static final double RIGHT = 24;
    private static final double TOP = 24;
    private static final double BOTTOM = 34;
    /** The tallest count bar takes this share of the plot's height. */
    private static final double BAR_SHARE = 0.3;

    private final Tooltip tip = new Tooltip();
    private ReliabilityDiagram diagram = ReliabilityDiagram.empty(ReliabilityDiagram.DEFAULT_WINDOW);
    private String hoverText = "";

    public ReliabilityPlot() {
        getStyleClass().add("reliability-plot");
        setMinSize(200, 100);
        addEventHandler(MouseEvent.MOUSE_MOVED, event -> hover(event.getX(), event.getY()));
        addEventHandler(MouseEvent.MOUSE_EXITED, event -> {
            hoverText = "";
            Tooltip.uninstall(this, tip);
        });
    }

    public void show(ReliabilityDiagram shown) {
        diagram = shown;
        draw();
    }

    public ReliabilityDiagram diagram() {
        return diagram;
    }

    /** The last hovered bin's description, empty when none. */
    public String hoverText() {
        return hoverText;
    }

    private double plotHeight() {
        return Math.max(20, canvas.getHeight() - TOP - BOTTOM);
    }

    /**
     * Width of the plot: square when there is room, else up to three times as wide as high (a short
     * pane under the graph still shows the bins apart), never wider than the canvas.
     */
    private double plotWidth() {
        return Math.max(20, Math.min(canvas.getWidth() - LEFT - RIGHT, Math.max(plotHeight(), 120) * 3));
    }

    /** Where predicted probability {@code x} and observed rate {@code y} are drawn, in this region's coordinates. */
    public Point2D toPixel(double x, double y) {
        return new Point2D(LEFT + x * plotWidth(), TOP + (1 - y) * plotHeight());
    }

    @Override
    void paint(GraphicsContext g, double w, double h) {
        g.setLineWidth(1);
        double width = plotWidth();
        double height = plotHeight();
        ReliabilityBins bins = diagram.bins();
        long most = 0;
        for (int b = 0; b < ReliabilityBins.BINS; b++) {
            most = Math.max(most, bins.count(b));
        }
        for (int b = 0; b < ReliabilityBins.BINS && most > 0; b++) {
            double bar = (double) bins.count(b) / most * BAR_SHARE * height;
            Point2D from = toPixel(ReliabilityBins.lowerEdge(b), 0);
            g.setFill(BAR);
            g.fillRect(from.getX() + 1, from.getY() - bar, width / ReliabilityBins.BINS - 2, bar);
        }
        drawAxes(g, width, height);
        g.setStroke(DIAGONAL);
        g.setLineDashes(6, 4);
        g.strokeLine(toPixel(0, 0).getX(), toPixel(0, 0).getY(), toPixel(1, 1).getX(), toPixel(1, 1).getY());
        g.setLineDashes(null);
        drawCurve(g, bins);
        g.setFill(INK);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(title(), LEFT, TOP / 2);
        if (!diagram.hasRows()) {
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText("No labelled rows in the window yet: points appear once labels arrive",
                    LEFT + width / 2, TOP + height / 2);
        }
    }

    /**
     * What the window holds, e.g. "Last 10 of 10 steps (31–40) · 4980 labelled rows · bars: rows per
     * bin" or "Whole run (steps 0–59) · …".
     */
    String title() {
        return titleOf(diagram);
    }

    static String titleOf(ReliabilityDiagram diagram) {
        if (diagram.steps() == 0) {
            return diagram.wholeRun() ? "Reliability over the whole run" : "Reliability over the last " + diagram.window()
                    + " steps";
        }
        String steps = diagram.steps() == 1 ? "step " + diagram.firstStep()
                : (diagram.wholeRun() ? "steps " : "") + diagram.firstStep() + "–" + diagram.lastStep();
        String window = diagram.wholeRun() ? "Whole run (" + steps + ")"
                : "Last " + diagram.steps() + " of " + diagram.window() + " steps (" + steps + ")";
        return window + " · " + diagram.bins().total() + " labelled rows · bars: rows per bin · dashed: perfectly calibrated";
    }

    private void drawAxes(GraphicsContext g, double width, double height) {
        g.setTextBaseline(VPos.CENTER);
        // A short plot labels only 0 and 1 on the y axis, so the labels do not overlap.
        boolean tall = height >= 90;
        for (int i = 0; i <= 5; i++) {
            double v = i / 5.0;
            Point2D onX = toPixel(v, 0);
            Point2D onY = toPixel(0, v);
            g.setStroke(GRID);
            g.strokeLine(onX.getX() + 0.5, TOP, onX.getX() + 0.5, TOP + height);
            g.strokeLine(LEFT, onY.getY() + 0.5, LEFT + width, onY.getY() + 0.5);
            g.setFill(INK);
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(MetricPlot.format(v, 0.2), onX.getX(), TOP + height + 10);
            if (tall || i == 0 || i == 5) {
                g.setTextAlign(TextAlignment.RIGHT);
                g.fillText(MetricPlot.format(v, 0.2), LEFT - 6, onY.getY());
            }
        }
        g.setStroke(INK);
        g.strokeRect(LEFT + 0.5, TOP + 0.5, width, height);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText("Mean predicted probability", LEFT + width / 2, TOP + height + 25);
        g.save();
        g.translate(14, TOP + height / 2);
        g.rotate(-90);
        g.fillText(height >= 130 ? "Observed positive rate" : "Observed", 0, 0);
        g.restore();
    }

    private void drawCurve(GraphicsContext g, ReliabilityBins bins) {
        g.setStroke(CURVE);
        g.setLineWidth(2);
        g.beginPath();
        boolean started = false;
        for (int b = 0; b < ReliabilityBins.BINS; b++) {
            if (bins.count(b) == 0) {
                continue;
            }
            Point2D p = toPixel(bins.predicted(b), bins.observed(b));
            if (started) {
                g.lineTo(p.getX(), p.getY());
            } else {
                g.moveTo(p.getX(), p.getY());
                started = true;
            }
        }
        g.stroke();
        g.setLineWidth(1);
        g.setFill(CURVE);
        for (int b = 0; b < ReliabilityBins.BINS; b++) {
            if (bins.count(b) > 0) {
                Point2D p = toPixel(bins.predicted(b), bins.observed(b));
                g.fillOval(p.getX() - 4, p.getY() - 4, 8, 8);
            }
        }
    }

    /** Describes the bin whose column of predicted probability is under the pointer. */
    void hover(double x, double y) {
        double width = plotWidth();
        if (diagram.steps() == 0 || x < LEFT || x >= LEFT + width || y < TOP || y > TOP + plotHeight()) {
            hoverText = "";
            Tooltip.uninstall(this, tip);
            return;
        }
        int bin = Math.min(ReliabilityBins.BINS - 1, (int) ((x - LEFT) / width * ReliabilityBins.BINS));
        hoverText = describe(diagram.bins(), bin);
        tip.setText(hoverText);
        Tooltip.install(this, tip);
    }

    /** E.g. "bin 0.30–0.40 · 120 rows · predicted 0.352 · observed 0.317". */
    static String describe(ReliabilityBins bins, int bin) {
        String range = String.format(Locale.ROOT, "bin %.2f–%.2f", ReliabilityBins.lowerEdge(bin),
                ReliabilityBins.upperEdge(bin));
        if (bins.count(bin) == 0) {
            return range + " · no rows";
        }
        return range + " · " + bins.count(bin) + (bins.count(bin) == 1 ? " row" : " rows")
                + String.format(Locale.ROOT, " · predicted %.3f · observed %.3f", bins.predicted(bin), bins.observed(bin));
    }
}
