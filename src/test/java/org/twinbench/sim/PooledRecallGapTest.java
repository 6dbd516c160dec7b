package org.twinbench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinbench.stats.MetricSet;
import org.twinbench.stats.SliceMetrics;

/**
 * A multiclass model's recall gap between groups is pooled over a tenth of the run as a parity ratio is: each
 * group's recall of the class over all its rows of that class in the window (Σ recall × support / Σ support),
 * groups with fewer than 30 such rows left out. Hand-worked on 20 steps (tenths of 2 steps).
 */
class PooledRecallGapTest {

    /** One step: groups A, B, C of column g with their recall of class x and rows labelled x (and 100 rows each). */
    private static StepResult step(int step, double[] recall, double[] support) {
        Map<String, Double> measures = new LinkedHashMap<>();
        List<SliceMetrics> slices = new ArrayList<>();
        String[] groups = {"A", "B", "C"};
        for (int g = 0; g < 3; g++) {
            slices.add(new SliceMetrics("g", groups[g], MetricSet.of(100, Map.of("accuracy", 0.5))));
            measures.put("fair.g=" + groups[g] + ".recall_x", recall[g]);
            measures.put("fair.g=" + groups[g] + ".support_x", support[g]);
        }
        measures.put("fair.g.recall_gap_x", Double.NaN);
        return new StepResult(0, step, MetricSet.of(300, Map.of("accuracy", 0.5, "macro_f1", 0.5)), slices, measures,
                List.of());
    }

    @Test
    void recallIsPooledOverEachGroupsRowsOfTheClass() {
        List<StepResult> steps = new ArrayList<>();
        // First tenth: A (0.9 × 20 + 0.6 × 10) / 30 = 0.8, B (0.5 × 40 + 1.0 × 10) / 50 = 0.6; C has 20 rows of x.
        steps.add(step(0, new double[] {0.9, 0.5, 0.0}, new double[] {20, 40, 10}));
        steps.add(step(1, new double[] {0.6, 1.0, 0.0}, new double[] {10, 10, 10}));
        for (int s = 2; s < 18; s++) {
            steps.add(step(s, new double[] {0.7, 0.7, 0.7}, new double[] {50, 50, 50}));
        }
        // Last tenth: A 1.0, B (0.5 × 30 + 0.8 × 10) / 40 = 0.575.
        steps.add(step(18, new double[] {1.0, 0.5, 0.0}, new double[] {30, 30, 10}));
        steps.add(step(19, new double[] {1.0, 0.8, 0.0}, new double[] {30, 10, 10}));
        RunOutcome outcome = new RunOutcome(List.of(steps), RunStatus.COMPLETED);
        List<TaskFairness> figures = TaskFairness.of(outcome, RunSeries.of(outcome));
        TaskFairness gap = figures.stream().filter(f -> f.metric().equals("recall_gap")).findFirst().orElseThrow();
        assertThat(gap.node()).isEqualTo("fair");
        assertThat(gap.column()).isEqualTo("g");
        assertThat(gap.subject()).isEqualTo("x");
        assertThat(gap.start()).isCloseTo(0.8 - 0.6, within(1e-12));
        assertThat(gap.end()).isCloseTo(1.0 - 0.575, within(1e-12));
        // Weighted by the groups' 100 rows a step instead, B's last tenth would be 0.65: the support matters.
        assertThat(gap.worst()).isEqualTo("g=B");
        assertThat(gap.best()).isEqualTo("g=A");
        assertThat(gap.flagged()).isTrue();
        assertThat(gap.fell()).isTrue();
        assertThat(gap.sentence()).isEqualTo("The recall of x widens from 0.20 to 0.43 between g groups (lowest for "
                + "g=B, highest for g=A), beyond 0.20.");
    }

    @Test
    void aGapWithinTheLimitIsNotFlagged() {
        List<StepResult> steps = new ArrayList<>();
        for (int s = 0; s < 10; s++) {
            steps.add(step(s, new double[] {0.9, 0.75, 0.1}, new double[] {40, 40, 5}));
        }
        RunOutcome outcome = new RunOutcome(List.of(steps), RunStatus.COMPLETED);
        TaskFairness gap = TaskFairness.of(outcome, RunSeries.of(outcome)).stream()
                .filter(f -> f.metric().equals("recall_gap")).findFirst().orElseThrow();
        // C (5 rows of x a step) is left out of the one-step tenths: 0.9 − 0.75.
        assertThat(gap.end()).isCloseTo(0.15, within(1e-12));
        assertThat(gap.flagged()).isFalse();
    }
}
