package org.twinbench.ui.results;

import java.util.Collection;
import java.util.List;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.twinbench.stats.MetricSet;

/**
 * The metrics the live chart offers: the run's task metrics first (e.g. mae, rmse, r2, mape for a
 * regression) in place of another task's, then every other figure the run has measured.
 */
final class MetricChoices {

    private MetricChoices() {
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
            if (!names.contains(name)) {
                names.add(name);
            }
        }
    }
}
