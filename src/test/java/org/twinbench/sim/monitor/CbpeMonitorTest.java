package org.twinbench.sim.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.scenario.ScenarioValidator;
import org.twinbench.sim.Experiment;
import org.twinbench.sim.LabelledBatch;
import org.twinbench.sim.RunControl;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.ScenarioCompiler;
import org.twinbench.sim.SimulationPlan;
import org.twinbench.sim.StepOutput;
import org.twinbench.sim.StepResult;
import org.twinbench.stats.Cbpe;

class CbpeMonitorTest {

    @Test
    void estimatesTheExpectedConfusionMatrixOfUncalibratedScores() {
        // Calibration none: scores 0.9 and 0.2 at threshold 0.5 give E[TP] 0.9, E[FP] 0.1, E[FN] 0.2,
        // E[TN] 0.8, so the expected accuracy is (0.9 + 0.8) / 2 = 0.85.
        Cbpe identity = CbpeMonitor.calibrate(new int[] {1, 0, -1}, new double[] {0.8, 0.3, 0.5}, "none", 0.5);
        Monitor.Watch watch = new CbpeMonitor("cbpe", identity, 0.9).start();
        StepOutput out = new StepOutput(0, 4);
        watch.observe(List.of(), new LabelledBatch(4, null, new int[] {-1, -1, -1}, new double[] {0.9, 0.2,
                Double.NaN}), out);
        assertThat(out.measures().get("cbpe.estimated_accuracy")).isCloseTo(0.85, offset(1e-12));
        // AUC: the positive mass 0.9 at the higher score ranks above the negative mass 0.8 at the lower:
        // (0.9·0.8 + ½(0.9·0.1 + 0.2·0.8)) / (1.1·0.9) = 0.845 / 0.99.
        assertThat(out.measures().get("cbpe.estimated_roc_auc")).isCloseTo(0.845 / 0.99, offset(1e-12));
        assertThat(out.alarms()).singleElement().satisfies(a -> assertThat(a.detail())
                .startsWith("estimated accuracy 0.850 < 0.900"));
    }

    @Test
    void calibratedEstimateFollowsTheTrueAccuracyBeforeTheDrift() {
        Path samples = Path.of("sample-data");
        Scenario base = ScenarioFormat.read(samples.resolve("loans-recession.twin.json"));
        List<ScenarioNode> nodes = new ArrayList<>(base.nodes());
        nodes.add(new ScenarioNode("cbpe", NodeCatalog.CBPE_MONITOR, Map.of("calibration", "isotonic"), 0, 0));
        List<ScenarioEdge> edges = new ArrayList<>(base.edges());
        edges.add(new ScenarioEdge("credit-model", "cbpe"));
        Scenario scenario = new Scenario("cbpe", "", base.seed(), nodes, edges);
        assertThat(ScenarioValidator.problems(scenario)).isEmpty();
        SimulationPlan plan = ScenarioCompiler.compile(scenario, samples, new RunListener() { }).withSteps(10);
        List<StepResult> steps = Experiment.run(plan, 1, 1, new RunListener() { }, new RunControl()).replicates()
                .get(0);
        double estimated = steps.stream().mapToDouble(s -> s.measures().get("cbpe.estimated_accuracy")).average()
                .orElseThrow();
        double observed = steps.stream().mapToDouble(s -> s.overall().accuracy()).average().orElseThrow();
        // Ten steps of 500 rows from the reference distribution: sampling error of the mean about 0.006.
        assertThat(estimated).isCloseTo(observed, offset(0.02));
    }
}
