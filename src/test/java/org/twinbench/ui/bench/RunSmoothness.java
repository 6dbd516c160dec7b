package org.twinbench.ui.bench;

/** Plain launcher for {@link LiveChartsSmoothness} (JavaFX on the class path refuses an Application main). */
public final class RunSmoothness {

    private RunSmoothness() {
    }

    public static void main(String[] args) {
        javafx.application.Application.launch(LiveChartsSmoothness.class, args);
    }
}
