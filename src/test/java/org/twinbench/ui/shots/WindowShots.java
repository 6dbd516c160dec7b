package org.twinbench.ui.shots;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Screenshots for the docs, taken by TestFX journeys when run under a real display (Xvfb with a window manager, not
 * Monocle) with {@code -Dtwinbench.shots=DIR}: the window moved to the screen's corner, sized 1280×720 and 1920×1080 in
 * turn, and the screen's corner of that size saved as {@code DIR/NAME-WxH.png} (ImageMagick's {@code import}). Without
 * the property nothing happens.
 */
public final class WindowShots {

    private WindowShots() {
    }

    /** Whether shots are asked for. */
    public static boolean asked() {
        return System.getProperty("twinbench.shots") != null;
    }

    /** Saves {@code stage} at both sizes as {@code NAME-WxH.png}, leaving it at the larger. */
    public static void take(FxRobot robot, Stage stage, String name) throws Exception {
        if (!asked()) {
            return;
        }
        for (int[] size : new int[][] {{1280, 720}, {1920, 1080}}) {
            robot.interact(() -> {
                stage.setFullScreen(false);
                stage.setX(0);
                stage.setY(0);
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            // The window at its size, then its content laid out at that size, then a few pulses to draw it (a shot
            // taken at once showed the 1920 × 1080 window with the 1280 × 720 content in its corner).
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Math.abs(stage.getWidth() - size[0]) < 2
                    && Math.abs(stage.getHeight() - size[1]) < 2);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                    stage.getScene().getRoot().getLayoutBounds().getWidth() >= stage.getScene().getWidth() - 1)
                    .get(30, TimeUnit.SECONDS));
            WaitForAsyncUtils.waitForFxEvents(10);
            save(name, size[0], size[1]);
        }
    }

    /**
     * Saves the screen's corner of {@code stage}'s size as it is now, as {@code NAME-WxH.png} — what shows over the
     * window too (a notice, a dialog): for a journey that sized the window before what it shows came.
     */
    public static void takeAsIs(Stage stage, String name) throws Exception {
        if (!asked()) {
            return;
        }
        WaitForAsyncUtils.waitForFxEvents(10);
        save(name, (int) Math.round(stage.getWidth()), (int) Math.round(stage.getHeight()));
    }

    /** Saves the whole primary screen as it is now as {@code NAME-WxH.png} (a dialog sized by the screen). */
    public static void takeScreen(String name) throws Exception {
        if (!asked()) {
            return;
        }
        WaitForAsyncUtils.waitForFxEvents(10);
        javafx.geometry.Rectangle2D screen = WaitForAsyncUtils.asyncFx(() -> javafx.stage.Screen.getPrimary()
                .getBounds()).get();
        save(name, (int) Math.round(screen.getWidth()), (int) Math.round(screen.getHeight()));
    }

    /** Places {@code stage} at the screen's corner at {@code width} × {@code height} (for {@link #takeAsIs}). */
    public static void place(FxRobot robot, Stage stage, int width, int height) throws Exception {
        if (!asked()) {
            return;
        }
        robot.interact(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Math.abs(stage.getWidth() - width) < 2
                && Math.abs(stage.getHeight() - height) < 2);
    }

    private static void save(String name, int width, int height) throws Exception {
        Path png = Path.of(System.getProperty("twinbench.shots"), name + "-" + width + "x" + height + ".png");
        Process p = new ProcessBuilder("import", "-window", "root", "-crop", width + "x" + height + "+0+0",
                png.toString()).inheritIO().start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("import could not save " + png);
        }
    }
}
