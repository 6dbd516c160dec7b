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

    /** Runs {@code work} in order on the FX thread once the window just shown has drawn its first frame. Call on the FX thread. */
    static void then(List<Runnable> work) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == 2) {
                    stop();
                    work.forEach(Runnable::run);
                }
            }
        }.start();
    }
}
