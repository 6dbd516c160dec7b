package org.twinbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinbench.sim.RunOutcome;
import org.twinbench.sim.RunSeries;
import org.twinbench.sim.RunStatus;
import org.twinbench.sim.StepResult;
import org.twinbench.stats.ClassificationMetrics;
import org.twinbench.stats.MetricSet;

class MonitorSectionTest {

    @Test
    void driftMonitorGetsOneChartAndATableRowPerFeature() {
        MetricSet metrics = ClassificationMetrics.compute(new int[] {1, 0}, new double[] {0.9, 0.1}, 0.5);
        double[] income = {0.01, 0.30, 0.20};
        double[] age = {0.02, 0.03, 0.05};
        List<StepResult> steps = new ArrayList<>();
        for (int step = 0; step < 3; step++) {
            Map<String, Double> measures = new LinkedHashMap<>();
            measures.put("feature-drift.income", income[step]);
            measures.put("feature-drift.age", age[step]);
            measures.put("cost", 1.0);
            steps.add(new StepResult(0, step, metrics, List.of(), measures, List.of()));
        }
        StringBuilder html = new StringBuilder();
        MonitorSection.render(html, RunSeries.of(new RunOutcome(List.of(steps), RunStatus.COMPLETED)));
        String out = html.toString();
        assertThat(out).contains("<h3>feature-drift, per feature or measure</h3>")
                .contains("<h3>cost</h3>")
                // income: first 0.01, last 0.20, highest 0.30 at step 1; age highest at its last step.
                .contains("<tr><td>income</td><td>" + HtmlReport.fmt(0.01) + "</td><td>" + HtmlReport.fmt(0.20)
                        + "</td><td>" + HtmlReport.fmt(0.30) + "</td><td>1</td></tr>")
                .contains("<tr><td>age</td><td>" + HtmlReport.fmt(0.02) + "</td><td>" + HtmlReport.fmt(0.05)
                        + "</td><td>" + HtmlReport.fmt(0.05) + "</td><td>2</td></tr>");
        assertThat(out.split("<svg", -1)).hasSize(3);
    }
}
