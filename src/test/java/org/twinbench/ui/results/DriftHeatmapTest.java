package org.twinbench.ui.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinbench.sim.StepResult;
import org.twinbench.stats.MetricSet;

class DriftHeatmapTest {

    private static StepResult step(int step, Map<String, Double> measures) {
        return new StepResult(0, step, new MetricSet(10, 0.8, 0.5, 0.5, 0.5, 0.7, 0.4, 0.2, 0.05), List.of(), measures,
                List.of());
    }

    @Test
    void oneRowPerWatchedFeatureAndOneColumnPerStepInShortRuns() {
        MetricHistory history = new MetricHistory();
        double[] income = {0.1, 0.3, Double.NaN, 0.2};
        for (int s = 0; s < 4; s++) {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("fd.income", income[s]);
            m.put("fd.age", 0.01 * s);
            m.put("latency_p95_ms", 40.0);
            history.add(step(s, m));
        }
        DriftHeatmap map = DriftHeatmap.of(history, Map.of("fd", 0.25));
        assertThat(map.features()).containsExactly("income", "age");
        assertThat(map.stepsPerColumn()).isEqualTo(1);
        assertThat(map.cells()[0]).containsExactly(0.1, 0.3, Double.NaN, 0.2);
        assertThat(map.cells()[1][3]).isEqualTo(0.03);
        // The scale reaches the threshold even when no feature does.
        assertThat(map.scaleMax()).isEqualTo(0.3);
        assertThat(DriftHeatmap.of(history, Map.of("fd", 0.5)).scaleMax()).isEqualTo(0.5);
    }

    @Test
    void longRunsKeepTheHighestValueOfEachRunOfSteps() {
        MetricHistory history = new MetricHistory();
        for (int s = 0; s < 700; s++) {
            history.add(step(s, Map.of("fd.income", s == 4 ? 0.9 : 0.1)));
        }
        DriftHeatmap map = DriftHeatmap.of(history, Map.of("fd", 0.25));
        // ceil(700 / 300) = 3 steps per column, ceil(700 / 3) = 234 columns; step 4 is in column 1.
        assertThat(map.stepsPerColumn()).isEqualTo(3);
        assertThat(map.columns()).isEqualTo(234);
        assertThat(map.cells()[0][1]).isEqualTo(0.9);
        assertThat(map.cells()[0][0]).isEqualTo(0.1);
    }

    @Test
    void withReplicatesEachCellIsTheMeanOverThemUpToTheStepAllReached() {
        List<StepResult> first = new java.util.ArrayList<>();
        List<StepResult> second = new java.util.ArrayList<>();
        double[][] income = {{0.1, 0.3, 0.5}, {0.3, Double.NaN}};
        for (int s = 0; s < 3; s++) {
            first.add(step(s, Map.of("fd.income", income[0][s])));
        }
        for (int s = 0; s < 2; s++) {
            second.add(new StepResult(1, s, first.get(s).overall(), List.of(), Map.of("fd.income", income[1][s]), List.of()));
        }
        ReplicateBands bands = new ReplicateBands();
        first.forEach(bands::add);
        second.forEach(bands::add);
        DriftHeatmap map = DriftHeatmap.of(bands.measureMeans(), Map.of("fd", 0.25));
        assertThat(map.features()).containsExactly("income");
        // Step 0: (0.1 + 0.3) / 2; step 1: only the first replicate has a value; step 2 is not yet
        // reached by the second replicate.
        assertThat(map.columns()).isEqualTo(2);
        assertThat(map.cells()[0][0]).isCloseTo(0.2, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(map.cells()[0][1]).isEqualTo(0.3);
    }

    @Test
    void coloursRunFromWhiteThroughOrangeToRed() {
        assertThat(DriftHeatmapPlot.colour(0, 1)).isEqualTo(javafx.scene.paint.Color.web("#f7fbff"));
        assertThat(DriftHeatmapPlot.colour(0.5, 1)).isEqualTo(javafx.scene.paint.Color.web("#fdae6b"));
        assertThat(DriftHeatmapPlot.colour(2, 1)).isEqualTo(javafx.scene.paint.Color.web("#c23b3b"));
    }
}
