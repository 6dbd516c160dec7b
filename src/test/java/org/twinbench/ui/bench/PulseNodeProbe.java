package org.twinbench.ui.bench;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * Counts the work each JavaFX pulse does on a scene's nodes, in figures that do not depend on the machine's load:
 * {@code nodes_per_pulse}, the nodes in the scene (every pulse that changes anything visits each to update its
 * bounds, {@code Parent.updateBounds}), and {@code laid_out_per_pulse}, the parents whose {@code layoutChildren} ran
 * in the pulse (a parent's {@link Parent#needsLayoutProperty()} turns false when its layout pass is done; the probe
 * listens to every parent the scene holds at the start of a pulse). Walking the scene costs the FX thread time, so
 * a run measured for its pulse gaps must not carry the probe. Call everything on the FX thread.
 */
final class PulseNodeProbe {

    private final Scene scene;
    private final Map<Parent, Boolean> watched = Collections.synchronizedMap(new WeakHashMap<>());
    private long pulses;
    private long nodes;
    private long laidOut;
    private long laidOutNow;
    private long laidOutMax;
    private long pulsesWithLayout;
    private final ChangeListener<Boolean> laidOutListener = (obs, was, now) -> {
        if (was && !now) {
            laidOutNow++;
        }
    };
    private final Runnable before = this::beforeLayout;
    private final Runnable after = this::afterLayout;

    PulseNodeProbe(Scene scene) {
        this.scene = scene;
    }

    void start() {
        scene.addPreLayoutPulseListener(before);
        scene.addPostLayoutPulseListener(after);
    }

    void stop() {
        scene.removePreLayoutPulseListener(before);
        scene.removePostLayoutPulseListener(after);
        watched.keySet().forEach(parent -> parent.needsLayoutProperty().removeListener(laidOutListener));
        watched.clear();
    }

    private void beforeLayout() {
        laidOutNow = 0;
        nodes += watch(scene.getRoot());
        pulses++;
    }

    private void afterLayout() {
        laidOut += laidOutNow;
        laidOutMax = Math.max(laidOutMax, laidOutNow);
        if (laidOutNow > 0) {
            pulsesWithLayout++;
        }
    }

    /** Listens to every parent under {@code node} not yet watched; returns how many nodes it holds. */
    private int watch(Node node) {
        int n = 1;
        if (node instanceof Parent parent) {
            if (watched.putIfAbsent(parent, Boolean.TRUE) == null) {
                parent.needsLayoutProperty().addListener(laidOutListener);
            }
            for (Node child : parent.getChildrenUnmodifiable()) {
                n += watch(child);
            }
        }
        return n;
    }

    /**
     * Prints the branches of {@code node} that hold at least {@code least} nodes, indented by depth, with their
     * node counts and whether they are visible: where a pulse's visits go.
     */
    static void breakdown(Node node, int least, String indent) {
        int n = PulseMeter.count(node);
        if (n < least) {
            return;
        }
        System.out.printf(Locale.ROOT, "%s%d %s%s%s%n", indent, n, node.getClass().getSimpleName(),
                node.getId() != null ? "#" + node.getId() : "",
                (node.getStyleClass().isEmpty() ? "" : "." + node.getStyleClass().get(0))
                        + (node.isVisible() ? "" : " (hidden)"));
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                breakdown(child, least, indent + " ");
            }
        }
    }

    /** Prints the figures since {@link #start()}: per pulse, the nodes visited and the parents laid out. */
    void report(String phase) {
        long n = Math.max(1, pulses);
        System.out.printf(Locale.ROOT,
                "  %s: pulses=%d nodes_per_pulse=%.0f laid_out_per_pulse=%.1f laid_out_max=%d pulses_with_layout=%d%n",
                phase, pulses, nodes / (double) n, laidOut / (double) n, laidOutMax, pulsesWithLayout);
    }
}
