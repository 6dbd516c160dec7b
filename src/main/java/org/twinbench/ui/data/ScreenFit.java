package org.twinbench.ui.data;

import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Dialog;
import javafx.stage.Screen;
import javafx.stage.Window;

/**
 * Keeps a dialog inside the visible bounds of its owner's screen: no taller than the screen (its content then
 * scrolls) and moved back in when any edge would lie outside — under openbox at 1280x720 a dialog opened a second
 * time once had its title bar above the screen, out of reach of the mouse.
 */
final class ScreenFit {

    private ScreenFit() {
    }

    /** A window at {@code x, y} of {@code width} by {@code height}, shrunk to {@code screen} and moved inside it. */
    static Rectangle2D inside(Rectangle2D screen, double x, double y, double width, double height) {
        double w = Math.min(width, screen.getWidth());
        double h = Math.min(height, screen.getHeight());
        return new Rectangle2D(Math.max(screen.getMinX(), Math.min(x, screen.getMaxX() - w)),
                Math.max(screen.getMinY(), Math.min(y, screen.getMaxY() - h)), w, h);
    }

    /** The visible bounds (without task bars) of the screen holding most of {@code owner}; the primary one if none. */
    static Rectangle2D screenOf(Window owner) {
        if (owner == null || Double.isNaN(owner.getX())) {
            return Screen.getPrimary().getVisualBounds();
        }
        var holding = Screen.getScreensForRectangle(owner.getX(), owner.getY(), Math.max(1, owner.getWidth()),
                Math.max(1, owner.getHeight()));
        return (holding.isEmpty() ? Screen.getPrimary() : holding.get(0)).getVisualBounds();
    }

    /**
     * Fits {@code dialog} into its owner's screen each time it is shown, and again whenever it grows or moves: once
     * per change, on the next turn of the FX thread (a fit moves the window, which would call it again at once).
     */
    static void keep(Dialog<?> dialog) {
        dialog.setOnShown(shown -> {
            Window window = dialog.getDialogPane().getScene().getWindow();
            boolean[] pending = {false};
            Runnable later = () -> {
                pending[0] = false;
                if (window.isShowing()) {
                    fit(window, screenOf(dialog.getOwner()));
                }
            };
            javafx.beans.InvalidationListener refit = seen -> {
                if (!pending[0]) {
                    pending[0] = true;
                    javafx.application.Platform.runLater(later);
                }
            };
            fit(window, screenOf(dialog.getOwner()));
            List<javafx.beans.value.ObservableValue<Number>> bounds = List.of(window.xProperty(), window.yProperty(),
                    window.widthProperty(), window.heightProperty());
            bounds.forEach(b -> b.addListener(refit));
            dialog.setOnHidden(hidden -> bounds.forEach(b -> b.removeListener(refit)));
        });
    }

    /** Moves and shrinks {@code window} into {@code screen}; nothing when it is inside already or not yet sized. */
    static void fit(Window window, Rectangle2D screen) {
        double x = window.getX();
        double y = window.getY();
        double width = window.getWidth();
        double height = window.getHeight();
        if (Double.isNaN(x) || Double.isNaN(y) || Double.isNaN(width) || Double.isNaN(height)) {
            return;
        }
        Rectangle2D in = inside(screen, x, y, width, height);
        if (Math.abs(in.getHeight() - height) > 0.5) {
            window.setHeight(in.getHeight());
        }
        if (Math.abs(in.getWidth() - width) > 0.5) {
            window.setWidth(in.getWidth());
        }
        if (Math.abs(in.getMinX() - x) > 0.5) {
            window.setX(in.getMinX());
        }
        if (Math.abs(in.getMinY() - y) > 0.5) {
            window.setY(in.getMinY());
        }
    }
}
