package org.twinbench.ui.results;

import java.util.Collection;
import java.util.List;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.twinbench.sim.monitor.BaselineMonitor;
import org.twinbench.sim.monitor.ClassRecallMonitor;
import org.twinbench.stats.MetricSet;

/**
 * The metrics the live chart offers: the run's task metrics first (e.g. mae, rmse, r2, mape for a
 * regression) in place of another task's, then every other figure the run has measured — except the naive
 * baseline's measures ({@code baseline.*}, overall and per slice: they are drawn only as the grey guess curve
 * beside their metric) and a class's row count ({@code class.support_<c>}, the weight of its pooled recall, not a
 * figure to follow). A multiclass model's recall of one class ({@code class.recall_<c>}) is its own choice,
 * shown as "recall of class c".
 */
final class MetricChoices {

    /** The start of the baseline monitor's measures. */
    private static final String BASELINE = BaselineMonitor.ID + ".";
    /** The start of a class's recall measure. */
    static final String CLASS_RECALL = ClassRecallMonitor.ID + ".recall_";
    /** The start of a class's row count measure. */
    private static final String CLASS_SUPPORT = ClassRecallMonitor.ID + ".support_";

    private MetricChoices() {
    }

    /** Whether the chart offers {@code measure} as a metric of its own. */
    static boolean offered(String measure) {
        return !measure.startsWith(BASELINE) && !measure.startsWith(CLASS_SUPPORT);
    }

    /** How the metric menu names a metric: "recall of class c" for a class's recall, else its name. */
    static String label(String metric) {
        return metric != null && metric.startsWith(CLASS_RECALL)
                ? "recall of class " + metric.substring(CLASS_RECALL.length()) : metric;
    }

    /**
     * Brings {@code names} up to date with a batch whose task metrics are {@code task} (null: no batch) and the
     * figures {@code seen} so far, and shows the first task metric when the metric shown is not one of the task's.
     */
    static void follow(ObservableList<String> names, List<String> task, Collection<String> seen,
                       StringProperty metric) {
        if (task != null) {
            if (names.size() < task.size() || !names.subList(0, task.size()).equals(task)) {
                names.removeIf(MetricSet::isMetric);
                names.addAll(0, task);
            }
            // Also after clear(): a binary run that follows a regression no longer shows its mae.
            if (MetricSet.isMetric(metric.get()) && !task.contains(metric.get())) {
                metric.set(task.get(0));
            }
        }
        for (String name : seen) {
            if (offered(name) && !names.contains(name)) {
                names.add(name);
            }
        }
    }
}
