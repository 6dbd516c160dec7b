package org.twinbench.ui.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.ScenarioCompiler;
import org.twinbench.sim.SimulationPlan;
import org.twinbench.sim.StepResult;
import org.twinbench.testing.SmallLoans;

/**
 * The live chart shows multivariate drift as it shows every figure a run measures: the loans recession (incomes halve
 * at step 10) watched by a {@code monitor.multivariate-drift} node; the chart's metric menu offers the node's
 * reconstruction error and threshold, and choosing the error draws exactly the values the engine recorded each step
 * (the statistic itself is checked against NannyML's pipeline in {@code MultivariateDriftTest}).
 */
class MultivariateLiveChartTest {

    @TempDir
    Path dir;

    @Test
    void theChartOffersAndDrawsTheMultivariateStatistic() throws Exception {
        Path file = SmallLoans.recessionWithJointDrift(dir, 20);
        SimulationPlan plan = ScenarioCompiler.compile(ScenarioFormat.read(file), dir, new RunListener() { });
        List<StepResult> steps = org.twinbench.sim.PlanSteps.of(plan);
        assertThat(steps).hasSize(20);

        LiveChartsViewModel model = new LiveChartsViewModel(Runnable::run, Runnable::run, 0);
        model.accept(steps);
        assertThat(model.metricNames()).contains("joint.reconstruction_error", "joint.threshold");
        model.metricProperty().set("joint.reconstruction_error");
        double[] recorded = steps.stream().mapToDouble(s -> s.measures().get("joint.reconstruction_error")).toArray();
        assertThat(model.curves()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("overall");
            assertThat(c.values()).containsExactly(recorded);
        });
        // The halved incomes raise it: the last steps' error above the first steps'.
        assertThat(recorded[19]).isGreaterThan(recorded[0]);
    }
}
