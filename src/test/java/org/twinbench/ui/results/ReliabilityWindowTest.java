package org.twinbench.ui.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinbench.sim.StepResult;
import org.twinbench.stats.MetricSet;
import org.twinbench.stats.ReliabilityBins;

/** The live results' reliability window, without the toolkit: the last ten steps pooled by counts. */
class ReliabilityWindowTest {

    /**
     * Step k has two labelled rows: score 0.25 with a positive label while k &lt; 4, and score
     * 0.8 + 0.004·k with a positive label. Over steps 2–11 bin 2 has 10 rows, predicted 0.25,
     * observed 2/10 (steps 2 and 3); bin 8 has 10 rows, predicted 0.8 + 0.004·6.5 = 0.826, observed 1.
     */
    static List<StepResult> steps(int from, int to) {
        List<StepResult> out = new ArrayList<>();
        for (int k = from; k < to; k++) {
            ReliabilityBins bins = ReliabilityBins.of(new int[] {k < 4 ? 1 : 0, 1}, new double[] {0.25, 0.8 + 0.004 * k});
            out.add(new StepResult(0, k, new MetricSet(2, 0.5, 0.5, 0.5, 0.5, 0.7, 0.4, 0.2, 0.05), List.of(),
                    Map.of(), List.of(), bins));
        }
        return out;
    }

    /**
     * Step k has a row at score 0.25, positive while k &lt; 4, and a row at 0.65, positive when k is
     * even. Over steps 0–59: bin 2 has 60 rows, 4 positive; bin 6 60 rows, 30 positive. Over the last
     * 50 (10–59): 50 and 0, 50 and 25. Over the last 25 (35–59): 25 and 0; 25 and 12 (36, 38, …, 58).
     */
    static List<StepResult> alternating(int count) {
        List<StepResult> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            ReliabilityBins bins = ReliabilityBins.of(new int[] {k < 4 ? 1 : 0, k % 2 == 0 ? 1 : 0},
                    new double[] {0.25, 0.65});
            out.add(new StepResult(0, k, new MetricSet(2, 0.5, 0.5, 0.5, 0.5, 0.7, 0.4, 0.2, 0.05), List.of(),
                    Map.of(), List.of(), bins));
        }
        return out;
    }

    @Test
    void choosingAWindowRepoolsAtOnce() {
        LiveChartsViewModel model = new LiveChartsViewModel(Runnable::run, Runnable::run, 0);
        model.accept(alternating(60));
        long revision = model.revisionProperty().get();
        model.reliabilityWindowProperty().set(ReliabilityDiagram.WHOLE_RUN);
        assertThat(model.revisionProperty().get()).isGreaterThan(revision);
        ReliabilityDiagram whole = model.reliability();
        assertThat(whole.wholeRun()).isTrue();
        assertThat(whole.firstStep()).isZero();
        assertThat(whole.lastStep()).isEqualTo(59);
        assertThat(whole.bins().count(2)).isEqualTo(60);
        assertThat(whole.bins().positives(2)).isEqualTo(4);
        assertThat(whole.bins().count(6)).isEqualTo(60);
        assertThat(whole.bins().positives(6)).isEqualTo(30);

        model.reliabilityWindowProperty().set(50);
        assertThat(model.reliability().firstStep()).isEqualTo(10);
        assertThat(model.reliability().bins().positives(2)).isZero();
        assertThat(model.reliability().bins().positives(6)).isEqualTo(25);

        model.reliabilityWindowProperty().set(25);
        ReliabilityBins last25 = model.reliability().bins();
        assertThat(last25.count(2)).isEqualTo(25);
        assertThat(last25.count(6)).isEqualTo(25);
        assertThat(last25.observed(6)).isCloseTo(0.48, within(1e-12));
        assertThat(last25.predicted(6)).isCloseTo(0.65, within(1e-12));

        // The window stays chosen as steps keep coming, and a cleared run starts with it too.
        model.accept(alternating(61).subList(60, 61));
        assertThat(model.reliability().firstStep()).isEqualTo(36);
        model.clear();
        assertThat(model.reliability().window()).isEqualTo(25);
    }

    @Test
    void aFinishedRunShownAtOncePoolsItsReplicatesAsTheLiveRunDid() {
        List<StepResult> first = alternating(60);
        // A second replicate with one row a step, in bin 9: the diagram pools both replicates.
        List<StepResult> second = new ArrayList<>();
        for (StepResult step : first) {
            second.add(new StepResult(1, step.step(), step.overall(), List.of(), Map.of(), List.of(),
                    ReliabilityBins.of(new int[] {1}, new double[] {0.95})));
        }
        LiveChartsViewModel live = new LiveChartsViewModel(Runnable::run, Runnable::run, 0);
        live.setReplicates(2);
        for (int k = 0; k < 60; k++) {
            live.accept(List.of(first.get(k), second.get(k)));
        }
        LiveChartsViewModel shown = new LiveChartsViewModel(Runnable::run, Runnable::run, 0);
        shown.accept(alternating(5));
        shown.showRun(new org.twinbench.sim.RunOutcome(List.of(first, second), org.twinbench.sim.RunStatus.COMPLETED),
                null);
        for (int window : ReliabilityDiagram.WINDOWS) {
            live.reliabilityWindowProperty().set(window);
            shown.reliabilityWindowProperty().set(window);
            assertThat(shown.reliability()).as("window %d", window).isEqualTo(live.reliability());
            int steps = Math.min(window, 60);
            assertThat(live.reliability().bins().total()).as("window %d", window).isEqualTo(
                    ReliabilityDiagram.of(first, window).bins().total() + steps);
            assertThat(live.reliability().bins().count(9)).as("window %d", window).isEqualTo(
                    ReliabilityDiagram.of(first, window).bins().count(9) + steps);
        }
        // The last window set is the whole run: replicate 0's rows, then replicate 1's 60 in bin 9.
        assertThat(shown.reliability().bins().count(9)).isEqualTo(60);
        assertThat(shown.reliability().bins().count(6)).isEqualTo(60);
        // Both replicates are kept: the curves are means with their band.
        assertThat(shown.curves().get(0).hasBand()).isTrue();
    }

    @Test
    void aWindowOfNothingKeepsTheLastOne() {
        LiveChartsViewModel model = new LiveChartsViewModel(Runnable::run, Runnable::run, 0);
        model.reliabilityWindowProperty().set(50);
        model.reliabilityWindowProperty().set(null);
        assertThat(model.reliabilityWindowProperty().get()).isEqualTo(50);
        model.reliabilityWindowProperty().set(0);
        assertThat(model.reliabilityWindowProperty().get()).isEqualTo(50);
    }

    @Test
    void theTitleSaysWhichStepsThePlotPools() {
        ReliabilityBins bins = ReliabilityBins.of(new int[] {1}, new double[] {0.25});
        assertThat(ReliabilityPlot.titleOf(new ReliabilityDiagram(ReliabilityDiagram.WHOLE_RUN, 0, 59, bins)))
                .startsWith("Whole run (steps 0–59) · 1 labelled rows");
        assertThat(ReliabilityPlot.titleOf(new ReliabilityDiagram(25, 35, 59, bins)))
                .startsWith("Last 25 of 25 steps (35–59) · 1 labelled rows");
        assertThat(ReliabilityPlot.titleOf(ReliabilityDiagram.empty(ReliabilityDiagram.WHOLE_RUN)))
                .isEqualTo("Reliability over the whole run");
        assertThat(ReliabilityDiagram.describeWindow(10)).isEqualTo("last 10 steps");
    }

    @Test
    void theWindowPoolsTheLastTenStepsByCounts() {
        LiveChartsViewModel model = new LiveChartsViewModel(Runnable::run, Runnable::run, 0);
        model.accept(steps(0, 5));
        model.accept(steps(5, 12));
        ReliabilityDiagram diagram = model.reliability();
        assertThat(diagram.window()).isEqualTo(10);
        assertThat(diagram.firstStep()).isEqualTo(2);
        assertThat(diagram.lastStep()).isEqualTo(11);
        assertThat(diagram.steps()).isEqualTo(10);
        ReliabilityBins bins = diagram.bins();
        assertThat(bins.total()).isEqualTo(20);
        assertThat(bins.count(2)).isEqualTo(10);
        assertThat(bins.predicted(2)).isCloseTo(0.25, within(1e-12));
        assertThat(bins.observed(2)).isCloseTo(0.2, within(1e-12));
        assertThat(bins.count(8)).isEqualTo(10);
        assertThat(bins.predicted(8)).isCloseTo(0.826, within(1e-12));
        assertThat(bins.observed(8)).isEqualTo(1.0);
        assertThat(bins.count(0)).isZero();
    }

    @Test
    void earlyInARunTheWindowHoldsTheStepsSoFar() {
        LiveChartsViewModel model = new LiveChartsViewModel(Runnable::run, Runnable::run, 0);
        model.accept(steps(0, 3));
        ReliabilityDiagram diagram = model.reliability();
        assertThat(diagram.steps()).isEqualTo(3);
        // Steps 0, 1, 2 all have a positive label at 0.25.
        assertThat(diagram.bins().observed(2)).isEqualTo(1.0);
        assertThat(diagram.bins().predicted(8)).isCloseTo(0.804, within(1e-12));
    }

    @Test
    void otherReplicatesAndAClearLeaveTheWindowAlone() {
        LiveChartsViewModel model = new LiveChartsViewModel(Runnable::run, Runnable::run, 0);
        model.accept(steps(0, 12));
        StepResult other = steps(12, 13).get(0);
        model.accept(List.of(new StepResult(1, 12, other.overall(), List.of(), Map.of(), List.of(), other.calibration())));
        assertThat(model.reliability().lastStep()).isEqualTo(11);
        model.clear();
        assertThat(model.reliability().steps()).isZero();
        assertThat(model.reliability().hasRows()).isFalse();
    }

    @Test
    void hoverTextNamesTheBinRangeCountAndBothRates() {
        ReliabilityBins bins = ReliabilityBins.of(new int[] {1, 0, 0}, new double[] {0.31, 0.35, 0.39});
        assertThat(ReliabilityPlot.describe(bins, 3)).isEqualTo("bin 0.30–0.40 · 3 rows · predicted 0.350 · observed 0.333");
        assertThat(ReliabilityPlot.describe(bins, 4)).isEqualTo("bin 0.40–0.50 · no rows");
    }
}
