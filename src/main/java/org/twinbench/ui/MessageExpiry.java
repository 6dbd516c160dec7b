package org.twinbench.ui;

import javafx.animation.PauseTransition;
import javafx.beans.value.ObservableStringValue;
import javafx.util.Duration;

/**
 * Messages that say what just happened ("Connected a → b", "Saved x") go away after a while, so an
 * old one is never read as news about the file open now. Each new message starts the wait again.
 */
final class MessageExpiry {

    /** How long the status line keeps a message. */
    static final Duration STATUS = Duration.seconds(15);
    /** How long the canvas keeps a message about the last gesture. */
    static final Duration CANVAS = Duration.seconds(8);

    private MessageExpiry() {
    }

    /** After {@code after} without a new message, {@code expire} runs (on the FX thread). */
    static void expire(ObservableStringValue message, Duration after, Runnable expire) {
        PauseTransition wait = new PauseTransition(after);
        wait.setOnFinished(e -> expire.run());
        message.addListener((obs, old, now) -> {
            wait.stop();
            if (now != null && !now.isEmpty()) {
                wait.playFromStart();
            }
        });
    }
}
