package org.twinbench.ui;

import java.util.List;
import javafx.animation.AnimationTimer;

/**
 * Work that must not delay the window's first frame (warm-ups, the start-up trace's last mark): run on the FX
 * thread at the second pulse after the window is shown, by when the first pulse has laid the window out and handed
 * its frame to the renderer. The window shows as soon as it would without the work; the work follows at once.
 */
final class FirstFrame {

    private FirstFrame() {
    }

    /**
     * Runs {@code work} in order on the FX thread once {@code scene}'s window, just shown, has drawn its first frame;
     * not at all if by then the window was closed or shows another scene. Call on the FX thread.
     */
    static void then(javafx.scene.Scene scene, List<Runnable> work) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == 2) {
                    stop();
                    if (scene.getWindow() != null && scene.getWindow().isShowing()) {
                        work.forEach(Runnable::run);
                    }
                }
            }
        }.start();
    }
}
