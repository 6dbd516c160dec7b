package org.twinbench.sim.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Frame;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.sim.LabelledBatch;
import org.twinbench.sim.Operations;
import org.twinbench.sim.StepOutput;

class FairnessMonitorTest {

    @Test
    void recordsHandWorkedGapsBetweenSlicesOfLabelledRows() {
        // Group a: predicted positive 2 of 4 (0.5); TPR 1/2; FPR 1/2.
        // Group b (its unlabelled row left out): predicted positive 2 of 3; TPR 2/2; FPR 0/1.
        Frame rows = new Frame(List.of(CategoricalColumn.of("group",
                new String[] {"a", "a", "a", "a", "b", "b", "b", "b"})));
        int[] labels = {1, 0, 1, 0, 1, 1, 0, -1};
        double[] scores = {0.9, 0.8, 0.2, 0.1, 0.9, 0.7, 0.3, 0.9};
        StepOutput out = new StepOutput(0, 0);
        new FairnessMonitor("metrics", List.of("group"), 0.5).start()
                .observe(List.of(), new LabelledBatch(0, rows, labels, scores), out);
        assertThat(out.measures().get("metrics.group.parity_difference")).isCloseTo(2.0 / 3 - 0.5, offset(1e-12));
        assertThat(out.measures().get("metrics.group.parity_ratio")).isCloseTo(0.5 / (2.0 / 3), offset(1e-12));
        assertThat(out.measures().get("metrics.group.tpr_gap")).isCloseTo(0.5, offset(1e-12));
        assertThat(out.measures().get("metrics.group.fpr_gap")).isCloseTo(0.5, offset(1e-12));
        assertThat(out.measures().get("metrics.group=a.selection_rate")).isCloseTo(0.5, offset(1e-12));
        assertThat(out.measures().get("metrics.group=b.selection_rate")).isCloseTo(2.0 / 3, offset(1e-12));
    }

    @Test
    void metricsNodeRecordsGapsOnlyWhenAsked() {
        ScenarioNode plain = new ScenarioNode("metrics", NodeCatalog.SLICE_METRICS, Map.of("slices", List.of("g")), 0, 0);
        Scenario without = new Scenario("s", "", 1, List.of(plain), List.of());
        Scenario with = new Scenario("s", "", 1, List.of(plain.withParam("fairness", true)), List.of());
        assertThat(Operations.of(without, "m", 0.5, "y", "1", null, List.of(), null, new int[0], new double[0], null)
                .monitors()).isEmpty();
        assertThat(Operations.of(with, "m", 0.5, "y", "1", null, List.of(), null, new int[0], new double[0], null)
                .monitors()).singleElement().isInstanceOf(FairnessMonitor.class);
    }
}
