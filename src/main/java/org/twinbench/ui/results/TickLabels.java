package org.twinbench.ui.results;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The texts of the charts' axis ticks ({@link MetricPlot#format}), made once per value and tick spacing: a
 * live chart redrawn whole (its value range moved) labels the same round ticks again, and formatting them
 * anew each time was most of what a redraw allocated.
 */
final class TickLabels {

    /** More labels than any window's charts show at once; the cache starts again beyond it. */
    static final int MOST = 4_096;

    private record Tick(double value, double spacing) {
    }

    private static final Map<Tick, String> LABELS = new ConcurrentHashMap<>();

    private TickLabels() {
    }

    /** {@link MetricPlot#format}{@code (value, spacing)}, looked up once made. */
    static String of(double value, double spacing) {
        Tick tick = new Tick(value, spacing);
        String label = LABELS.get(tick);
        if (label == null) {
            if (LABELS.size() >= MOST) {
                LABELS.clear();
            }
            label = MetricPlot.format(value, spacing);
            LABELS.put(tick, label);
        }
        return label;
    }
}
