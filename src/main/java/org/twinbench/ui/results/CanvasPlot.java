package org.twinbench.ui.results;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * A chart drawn on one {@link Canvas} that fills the region: the canvas follows the region's size,
 * and every redraw starts from a white canvas in the charts' font. Subclasses paint the rest. A plot in a tab
 * that is not selected ({@link #drawOnlyWhile}) keeps what it is given but paints it only when its tab is
 * selected again, so a run streaming into the window paints only the chart the user sees.
 */
abstract class CanvasPlot extends Region {

    static final Color INK = Color.web("#33414e");
    static final Font FONT = Font.font(11);

    final Canvas canvas = new Canvas();
    /** Whether the plot is on show (its tab selected); false: a redraw waits until it is. */
    private boolean onShow = true;
    /** A redraw was asked for while the plot was not on show. */
    private boolean stale;

    CanvasPlot() {
        getChildren().add(canvas);
    }

    /** Paints the chart on a canvas of {@code width} × {@code height} that was just cleared to white. */
    abstract void paint(GraphicsContext g, double width, double height);

    /** Called when the region's size changed, before the redraw (for canvases of its own to follow). */
    void resized(double width, double height) {
    }

    /**
     * Paints only while {@code shown} holds (a tab's selected property); a redraw asked for meanwhile is made
     * when it holds again. Call on the FX thread.
     */
    final void drawOnlyWhile(javafx.beans.value.ObservableBooleanValue shown) {
        onShow = shown.get();
        shown.addListener((obs, was, now) -> {
            onShow = now;
            if (now && stale) {
                draw();
            }
        });
    }

    /**
     * Whether the plot is on show and its canvas holds the last redraw asked for, so that something can be
     * painted over it (false while a redraw waits for the plot to be on show).
     */
    final boolean current() {
        return onShow && !stale;
    }

    final void draw() {
        if (!onShow) {
            stale = true;
            return;
        }
        stale = false;
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w <= 0 || h <= 0) {
            return;
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setFont(FONT);
        paint(g, w, h);
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            resized(w, h);
            draw();
        }
    }
}
