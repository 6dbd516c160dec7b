package org.twinbench.ui.results;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.twinbench.sim.Alarm;

/**
 * A line chart drawn on one {@link Canvas}: curves (solid, or dashed for estimates) with optional
 * bands, axes with round ticks, a legend, and a vertical marker at every alarm (solid red) and
 * policy action (dashed blue). Unlike {@code LineChart} it creates no node per point or series, so a
 * redraw costs one pass over the (decimated) points. Hovering shows the nearest point's step,
 * curve and value (or a marker's detail) with a crosshair.
 */
public final class MetricPlot extends CanvasPlot {

    /** The report's slice colours ({@link org.twinbench.report.SliceColours}), so a slice looks the same in both. */
    static final Color[] PALETTE = org.twinbench.report.SliceColours.PALETTE.stream().map(Color::web)
            .toArray(Color[]::new);
    /** The colour of the others' curve (index -1). */
    private static final Color OTHERS = Color.web(org.twinbench.report.SliceColours.GREY);
    private static final Color ALARM = Color.web("#c23b3b");
    private static final Color ACTION = Color.web("#2f6fdf");
    private static final Color GRID = Color.web("#e4e8ed");
    /** How close (in pixels) the mouse must be to a point or marker to show it. */
    private static final double HOVER_PIXELS = 12;
    private static final double LEFT = 62;
    private static final double TOP = 10;
    private static final double BOTTOM = 42;

    /** Above the chart: the curves' unsettled ends, cleared and redrawn on every update. */
    private final Canvas tails = new Canvas();
    private final Label hoverLabel = new Label();
    private final Line crosshair = new Line();
    private final Map<String, Double> textWidths = new HashMap<>();
    private List<ChartCurve> curves = List.of();
    private List<Alarm> markers = List.of();
    private double stepMax = 60;
    private double low = 0.5;
    private double high = 1.0;
    private String valueLabel = "";
    private java.util.function.IntFunction<String> stepNames = step -> null;
    private final PlotLegend legend = new PlotLegend();
    private double hoverX;
    /** The pixels of the curve being drawn ({@link #drawCurve}). */
    private double[] xs = new double[256];
    private double[] ys = new double[256];
    private double hoverY;

    public MetricPlot() {
        getStyleClass().add("metric-plot");
        hoverLabel.getStyleClass().add("plot-hover");
        hoverLabel.setVisible(false);
        hoverLabel.setMouseTransparent(true);
        hoverLabel.setManaged(false);
        crosshair.getStyleClass().add("plot-crosshair");
        crosshair.setVisible(false);
        crosshair.setMouseTransparent(true);
        crosshair.setManaged(false);
        tails.setMouseTransparent(true);
        getChildren().addAll(tails, crosshair, hoverLabel);
        // Low enough that the chart takes the height it is given (a canvas taller than its place is cut).
        setMinSize(200, 80);
        setPrefSize(600, 300);
        addEventHandler(MouseEvent.MOUSE_MOVED, event -> hover(event.getX(), event.getY()));
        addEventHandler(MouseEvent.MOUSE_EXITED, event -> hideHover());
    }

    /** Replaces what is drawn and redraws once. */
    public void show(List<ChartCurve> newCurves, List<Alarm> newMarkers, double lowBound, double highBound,
                     String metric) {
        List<ChartCurve> before = curves;
        List<Alarm> markersBefore = markers;
        double lowBefore = low;
        double highBefore = high;
        double legendBefore = legend.width();
        String labelBefore = valueLabel;
        this.curves = List.copyOf(newCurves);
        this.markers = List.copyOf(newMarkers);
        this.low = lowBound;
        this.high = highBound > lowBound ? highBound : lowBound + 1;
        this.valueLabel = metric;
        legend.layout(curves, canvas.getWidth(), canvas.getHeight(), this::textWidth);
        boolean sameFrame = low == lowBefore && high == highBefore && legend.width() == legendBefore
                && valueLabel.equals(labelBefore) && startsWith(markers, markersBefore);
        if (sameFrame && current() && extends_(before, curves)) {
            drawGrowth(before, markersBefore.size());
        } else {
            draw();
        }
        if (hoverLabel.isVisible()) {
            hover(hoverX, hoverY);
        }
    }

    /**
     * Names steps on the time axis and in the hover text: a calendar replay's window start dates; a
     * function giving null for every step keeps step numbers.
     */
    public void setStepNames(java.util.function.IntFunction<String> names) {
        stepNames = names;
    }

    /** The step axis runs from 0 to {@code steps}. */
    public void setSteps(int steps) {
        stepMax = Math.max(1, steps);
        draw();
    }

    /** What is drawn now (read by tests and the hover label). */
    public List<ChartCurve> curves() {
        return curves;
    }

    public double stepMax() {
        return stepMax;
    }

    /** The hover label's text, empty when nothing is hovered. */
    public String hoverText() {
        return hoverLabel.isVisible() ? hoverLabel.getText() : "";
    }

    @Override
    void resized(double width, double height) {
        tails.setWidth(width);
        tails.setHeight(height);
        legend.layout(curves, width, height, this::textWidth);
    }

    private double plotLeft() {
        return LEFT;
    }

    private double plotRight() {
        return Math.max(LEFT + 20, canvas.getWidth() - 12 - legend.width());
    }

    private double plotBottom() {
        return Math.max(TOP + 20, canvas.getHeight() - BOTTOM);
    }

    /** Pixel position (in this region) of a step and value. */
    public Point2D toPixel(double step, double value) {
        return new Point2D(pixelX(step), pixelY(value));
    }

    /** Horizontal pixel of a step, kept inside the plot area. */
    private double pixelX(double step) {
        double x = plotLeft() + step / stepMax * (plotRight() - plotLeft());
        return Math.max(plotLeft(), Math.min(plotRight(), x));
    }

    /** Vertical pixel of a value, kept inside the plot area. */
    private double pixelY(double value) {
        double y = plotBottom() - (value - low) / (high - low) * (plotBottom() - TOP);
        return Math.max(TOP, Math.min(plotBottom(), y));
    }

    @Override
    void paint(GraphicsContext g, double w, double h) {
        drawAxes(g);
        // No clip(): a clip makes every later operation render through a mask, which costs the
        // render thread more than the curves themselves; points are clamped to the plot instead.
        for (ChartCurve curve : curves) {
            if (curve.hasBand()) {
                drawBand(g, curve);
            }
        }
        for (ChartCurve curve : curves) {
            drawCurve(g, curve, 0, curve.hasBand() ? curve.size() : curve.settled());
        }
        drawMarkers(g, 0);
        drawLegend(g);
        drawTails();
    }

    /**
     * Adds to the chart what settled since the last update (the new segments of each curve and new
     * markers), without clearing it: the canvas keeps what it drew, so an update of a long run costs
     * a few segments instead of every curve again. Then redraws the unsettled ends above it.
     */
    private void drawGrowth(List<ChartCurve> before, int markersBefore) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        for (int c = 0; c < curves.size(); c++) {
            int from = before.get(c).settled();
            int to = curves.get(c).settled();
            if (to > from) {
                drawCurve(g, curves.get(c), Math.max(0, from - 1), to);
            }
        }
        drawMarkers(g, markersBefore);
        drawTails();
    }

    /** Each curve from its last settled point to its end, on the canvas above the chart. */
    private void drawTails() {
        GraphicsContext t = tails.getGraphicsContext2D();
        t.clearRect(0, 0, tails.getWidth(), tails.getHeight());
        for (ChartCurve curve : curves) {
            if (!curve.hasBand() && curve.settled() < curve.size()) {
                drawCurve(t, curve, Math.max(0, curve.settled() - 1), curve.size());
            }
        }
    }

    /** Whether every curve of {@code now} continues the one drawn before: same look, same settled points. */
    private static boolean extends_(List<ChartCurve> before, List<ChartCurve> now) {
        if (before.size() != now.size()) {
            return false;
        }
        for (int c = 0; c < now.size(); c++) {
            ChartCurve a = before.get(c);
            ChartCurve b = now.get(c);
            int kept = a.settled();
            if (a.hasBand() || b.hasBand() || !a.name().equals(b.name()) || a.colour() != b.colour()
                    || a.estimate() != b.estimate() || b.settled() < kept || b.size() < kept
                    || !java.util.Arrays.equals(a.steps(), 0, kept, b.steps(), 0, kept)
                    || !java.util.Arrays.equals(a.values(), 0, kept, b.values(), 0, kept)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(List<Alarm> now, List<Alarm> before) {
        return now.size() >= before.size() && now.subList(0, before.size()).equals(before);
    }

    private void drawAxes(GraphicsContext g) {
        double left = plotLeft();
        double right = plotRight();
        double bottom = plotBottom();
        g.setLineWidth(1);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        double valueTick = LiveChartsView.niceTick((high - low) / 8);
        for (double v = Math.ceil(low / valueTick - 1e-9) * valueTick; v <= high + 1e-9; v += valueTick) {
            double y = Math.round(toPixel(0, v).getY()) + 0.5;
            g.setStroke(GRID);
            g.strokeLine(left, y, right, y);
            g.setFill(INK);
            g.fillText(TickLabels.of(v, valueTick), left - 6, y);
        }
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        // Dates are wider than step numbers: half as many ticks.
        double stepTick = Math.max(1, LiveChartsView.niceTick(stepMax / (stepNames.apply(0) != null ? 6 : 12)));
        for (double s = 0; s <= stepMax + 1e-9; s += stepTick) {
            double x = Math.round(toPixel(s, low).getX()) + 0.5;
            g.setStroke(GRID);
            g.strokeLine(x, TOP, x, bottom);
            g.setStroke(INK);
            g.strokeLine(x, bottom, x, bottom + 4);
            g.setFill(INK);
            String name = stepNames.apply((int) Math.round(s));
            if (name != null || stepNames.apply(0) == null) {
                // A dated axis names the steps that have a window; the end of the axis has none.
                g.fillText(name != null ? name : TickLabels.of(s, stepTick), x, bottom + 6);
            }
        }
        g.setStroke(INK);
        g.strokeLine(left + 0.5, TOP, left + 0.5, bottom + 0.5);
        g.strokeLine(left, bottom + 0.5, right, bottom + 0.5);
        g.fillText(stepNames.apply(0) != null ? "Window start" : "Simulated step", (left + right) / 2, bottom + 22);
        g.save();
        g.translate(14, (TOP + bottom) / 2);
        g.rotate(-90);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(valueLabel, 0, 0);
        g.restore();
    }

    /** Points {@code from} (inclusive) to {@code to} (exclusive) of a curve as one polyline. */
    private void drawCurve(GraphicsContext g, ChartCurve curve, int from, int to) {
        int n = to - from;
        if (n <= 0) {
            return;
        }
        // The canvas copies the points as it is told to draw them: the same arrays serve every curve.
        if (xs.length < n) {
            xs = new double[Math.max(n, 2 * xs.length)];
            ys = new double[xs.length];
        }
        for (int i = 0; i < n; i++) {
            xs[i] = pixelX(curve.steps()[from + i]);
            ys[i] = pixelY(curve.values()[from + i]);
        }
        g.setStroke(colour(curve));
        g.setLineWidth(curve.estimate() ? 1.5 : 2);
        g.setLineDashes(curve.estimate() ? new double[] {6, 4} : null);
        if (n == 1) {
            if (curve.size() == 1) {
                g.strokeLine(xs[0] - 2, ys[0], xs[0] + 2, ys[0]);
            }
        } else {
            g.strokePolyline(xs, ys, n);
        }
        g.setLineDashes(null);
    }

    /** The band between the curve's low and high edges, filled in its colour at a fifth of the opacity. */
    private void drawBand(GraphicsContext g, ChartCurve curve) {
        int n = curve.size();
        double[] xs = new double[2 * n];
        double[] ys = new double[2 * n];
        for (int i = 0; i < n; i++) {
            xs[i] = pixelX(curve.steps()[i]);
            ys[i] = pixelY(curve.high()[i]);
            xs[2 * n - 1 - i] = xs[i];
            ys[2 * n - 1 - i] = pixelY(curve.low()[i]);
        }
        g.setFill(colour(curve).deriveColor(0, 1, 1, 0.2));
        g.fillPolygon(xs, ys, 2 * n);
    }

    static Color colour(ChartCurve curve) {
        return curve.colour() < 0 ? OTHERS : PALETTE[curve.colour() % PALETTE.length];
    }

    private void drawMarkers(GraphicsContext g, int from) {
        for (Alarm marker : markers.subList(from, markers.size())) {
            double x = Math.round(toPixel(marker.step(), low).getX()) + 0.5;
            g.setStroke(marker.isAlarm() ? ALARM : ACTION);
            g.setLineWidth(1.5);
            g.setLineDashes(marker.isAlarm() ? null : new double[] {6, 4});
            g.strokeLine(x, TOP, x, plotBottom());
        }
        g.setLineDashes(null);
    }

    private void drawLegend(GraphicsContext g) {
        legend.draw(g, plotRight() + 12, TOP + 6, curves, MetricPlot::colour, this::textWidth);
    }

    private double textWidth(String text) {
        return textWidths.computeIfAbsent(text, key -> {
            Text measure = new Text(key);
            measure.setFont(FONT);
            return measure.getLayoutBounds().getWidth();
        });
    }

    static String format(double value, double tick) {
        if (Math.abs(value) < tick * 1e-6) {
            // A tick reached by adding steps may land a rounding error off zero: never print "-0.0".
            value = 0;
        }
        if (tick >= 1 && Math.abs(value) < 1e12) {
            return Long.toString(Math.round(value));
        }
        int decimals = (int) Math.max(0, Math.min(6, Math.ceil(-Math.log10(tick) - 1e-9)));
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /**
     * Shows the point nearest to (x, y) within a few pixels — step, curve, value — or, failing that,
     * the marker under the mouse; hides the label when there is neither.
     */
    void hover(double x, double y) {
        hoverX = x;
        hoverY = y;
        if (x < plotLeft() || x > plotRight() || y < TOP || y > plotBottom()) {
            hideHover();
            return;
        }
        double step = (x - plotLeft()) / (plotRight() - plotLeft()) * stepMax;
        ChartCurve best = null;
        int bestIndex = -1;
        double bestDistance = HOVER_PIXELS;
        for (ChartCurve curve : curves) {
            int i = curve.nearest(step);
            for (int j = Math.max(0, i - 1); i >= 0 && j <= Math.min(curve.size() - 1, i + 1); j++) {
                Point2D p = toPixel(curve.steps()[j], curve.values()[j]);
                double distance = p.distance(x, y);
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = curve;
                    bestIndex = j;
                }
            }
        }
        String text;
        double at;
        if (best != null) {
            String window = stepNames.apply(best.steps()[bestIndex]);
            text = String.format(Locale.ROOT, "step %d%s · %s · %s %s", best.steps()[bestIndex],
                    window == null ? "" : " (" + window + ")", best.name(), valueLabel,
                    format(best.values()[bestIndex], 0.0001))
                    + (best.hasBand() ? String.format(Locale.ROOT, " (mean; 90%% band %s to %s)",
                    format(best.low()[bestIndex], 0.0001), format(best.high()[bestIndex], 0.0001)) : "");
            at = toPixel(best.steps()[bestIndex], 0).getX();
        } else {
            List<String> details = new ArrayList<>();
            at = x;
            for (Alarm marker : markers) {
                double mx = toPixel(marker.step(), 0).getX();
                if (Math.abs(mx - x) <= 4) {
                    details.add(marker.kind() + " at step " + marker.step() + " (" + marker.nodeId() + "): "
                            + marker.detail());
                    at = mx;
                }
            }
            if (details.isEmpty()) {
                hideHover();
                return;
            }
            text = String.join("\n", details);
        }
        hoverLabel.setText(text);
        hoverLabel.setVisible(true);
        crosshair.setVisible(true);
        crosshair.setStartX(at);
        crosshair.setEndX(at);
        crosshair.setStartY(TOP);
        crosshair.setEndY(plotBottom());
        hoverLabel.autosize();
        double labelX = at + 8 + hoverLabel.getWidth() > plotRight() ? at - 8 - hoverLabel.getWidth() : at + 8;
        hoverLabel.relocate(Math.max(0, labelX), Math.max(TOP, Math.min(y - 24, plotBottom() - hoverLabel.getHeight())));
    }

    private void hideHover() {
        hoverLabel.setVisible(false);
        crosshair.setVisible(false);
    }
}
