package org.twinbench.ui.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinbench.sim.StepResult;
import org.twinbench.stats.MetricSet;
import org.twinbench.stats.RegressionMetrics;
import org.twinbench.stats.SliceMetrics;

/** The live charts list the metrics of the run's task, and follow a regression's RMSE per slice. */
class TaskMetricNamesTest {

    /** Steps whose error is {@code step + 1} on every row, overall and in slice region=north. */
    private static List<StepResult> regressionSteps(int count) {
        List<StepResult> steps = new ArrayList<>();
        for (int step = 0; step < count; step++) {
            MetricSet metrics = MetricSet.of(RegressionMetrics.compute(new double[] {10, 20},
                    new double[] {10 + step + 1, 20 - step - 1}));
            steps.add(new StepResult(0, step, metrics, List.of(new SliceMetrics("region", "north", metrics)),
                    Map.of("cost", 1.0), List.of()));
        }
        return steps;
    }

    @Test
    void aRegressionRunListsItsErrorsInsteadOfAccuracyAndRecall() {
        LiveChartsViewModel model = new LiveChartsViewModel(Runnable::run, Runnable::run, 0);
        assertThat(model.metricNames()).startsWith("accuracy", "precision", "recall");
        model.accept(regressionSteps(3));
        assertThat(model.metricNames()).containsExactly("mae", "rmse", "r2", "mape", "cost");
        assertThat(model.metricProperty().get()).isEqualTo("mae");
        model.metricProperty().set("rmse");
        assertThat(model.curves()).extracting(ChartCurve::name).containsExactly("overall", "region=north");
        assertThat(model.curves().get(0).size()).isEqualTo(3);
        model.clear();
        assertThat(model.metricNames()).isEqualTo(MetricSet.NAMES);
    }
}
