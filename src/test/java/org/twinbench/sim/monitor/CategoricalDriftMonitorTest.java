package org.twinbench.sim.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.sim.LabelledBatch;
import org.twinbench.sim.Operations;
import org.twinbench.sim.StepOutput;

class CategoricalDriftMonitorTest {

    private static final Frame REFERENCE = new Frame(List.of(
            CategoricalColumn.of("plan", new String[] {"basic", "basic", "plus", "plus"}),
            new NumericColumn("spend", new double[] {1, 2, 3, 4})));

    private static List<Monitor> monitors(String statistic, double threshold, String... features) {
        Scenario scenario = new Scenario("s", "", 1, List.of(new ScenarioNode("drift", NodeCatalog.FEATURE_DRIFT,
                Map.of("features", List.of(features), "statistic", statistic, "threshold", threshold), 0, 0)),
                List.of());
        return Operations.of(scenario, "m", 0.5, "y", "1", null, List.of(), REFERENCE, new int[0], new double[0], null)
                .monitors();
    }

    private static StepOutput observe(Monitor.Watch watch, int step, String... plans) {
        StepOutput out = new StepOutput(0, step);
        Frame rows = new Frame(List.of(CategoricalColumn.of("plan", plans)));
        watch.observe(List.of(), new LabelledBatch(step, rows, new int[plans.length], new double[plans.length]), out);
        return out;
    }

    @Test
    void chiSquaredIsZeroForTheReferenceMixAndAlarmsOnceWhenTheMixFlips() {
        Monitor.Watch watch = monitors("chi2", 0.95, "plan").get(0).start();
        // Same proportions: chi-squared 0, p = 1, so 1 − p = 0.
        assertThat(observe(watch, 0, "basic", "plus", "basic", "plus").measures().get("drift.plan"))
                .isCloseTo(0.0, offset(1e-12));
        // 200 rows all 'plus' against a 50/50 reference: p is tiny.
        String[] allPlus = new String[200];
        java.util.Arrays.fill(allPlus, "plus");
        StepOutput drifted = observe(watch, 1, allPlus);
        assertThat(drifted.measures().get("drift.plan")).isGreaterThan(0.95);
        assertThat(drifted.alarms()).singleElement().satisfies(a -> assertThat(a.detail()).startsWith("plan drifted: chi2"));
        assertThat(observe(watch, 2, allPlus).alarms()).isEmpty();
    }

    @Test
    void aNodeWithBothKindsWatchesEachWithItsStatistic() {
        List<Monitor> both = monitors("psi", 0.25, "spend", "plan");
        // The drift of each kind, and the data-quality checks of both features.
        assertThat(both).hasSize(3);
        assertThat(both.get(0)).isInstanceOf(FeatureDriftMonitor.class);
        assertThat(((DataQualityMonitor) both.get(2)).profiles()).extracting(DataQualityMonitor.Profile::column)
                .containsExactly("spend", "plan");
        assertThat(((CategoricalDriftMonitor) both.get(1)).features()).containsExactly("plan");
        assertThat(observe(both.get(1).start(), 0, "basic", "plus").measures().get("drift.plan")).isZero();
    }

    @Test
    void aStatisticOfTheOtherKindIsRefusedNamingNodeAndFeature() {
        assertThatThrownBy(() -> monitors("chi2", 0.95, "spend"))
                .hasMessage("node drift: statistic 'chi2' is for categorical features but 'spend' is numeric");
        assertThatThrownBy(() -> monitors("ks", 0.2, "plan"))
                .hasMessageStartingWith("node drift: statistic 'ks' is for numeric features but 'plan' is categorical");
    }
}
