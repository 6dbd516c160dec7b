package org.twinbench.ui.bench;

/** Plain launcher for {@link AppRunSmoothness} (JavaFX on the class path refuses an Application main). */
public final class RunAppSmoothness {

    private RunAppSmoothness() {
    }

    public static void main(String[] args) {
        javafx.application.Application.launch(AppRunSmoothness.class, args);
    }
}
