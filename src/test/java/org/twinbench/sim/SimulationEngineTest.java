package org.twinbench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.SampleData;
import org.twinbench.scenario.SampleScenarios;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioException;
import org.twinbench.stats.SliceMetrics;

class SimulationEngineTest {

    @TempDir
    static Path dir;

    static SimulationPlan plan;

    @BeforeAll
    static void compileSample() throws IOException {
        SampleData.writeLoans(dir.resolve("loans.csv"), 6000, 7);
        plan = ScenarioCompiler.compile(SampleScenarios.loansRecession(7), dir, new RunListener() { });
    }

    private static List<StepResult> runAll(SimulationPlan p) {
        List<StepResult> results = new ArrayList<>();
        RunStatus status = SimulationEngine.run(p, 0, new RunListener() {
            @Override
            public void onStep(StepResult result, int totalSteps) {
                results.add(result);
            }
        }, new RunControl());
        assertThat(status).isEqualTo(RunStatus.COMPLETED);
        return results;
    }

    @Test
    void runsEveryStepWithSlicesPerRegion() {
        List<StepResult> results = runAll(plan);
        assertThat(results).hasSize(60);
        assertThat(results.get(0).slices()).extracting(SliceMetrics::value)
                .containsExactlyInAnyOrder("north", "south", "east", "west");
        assertThat(results.get(59).slices()).extracting(SliceMetrics::value).contains("central");
        assertThat(results.get(0).overall().n()).isEqualTo(500);
    }

    @Test
    void eachStepRecordsTheReliabilityBinsOfItsLabelledRows() {
        for (StepResult result : runAll(plan).subList(0, 5)) {
            org.twinbench.stats.ReliabilityBins bins = result.calibration();
            assertThat(bins.total()).isEqualTo(result.overall().n());
            double ece = 0;
            for (int b = 0; b < org.twinbench.stats.ReliabilityBins.BINS; b++) {
                if (bins.count(b) > 0) {
                    assertThat(bins.predicted(b)).isBetween(b / 10.0, (b + 1) / 10.0);
                    ece += (double) bins.count(b) / bins.total() * Math.abs(bins.observed(b) - bins.predicted(b));
                }
            }
            // The bins are the ones the step's ECE is computed from.
            assertThat(ece).isCloseTo(result.overall().ece(), org.assertj.core.api.Assertions.within(1e-9));
        }
    }

    @Test
    void sameSeedGivesIdenticalResults() {
        assertThat(runAll(plan)).isEqualTo(runAll(plan));
    }

    @Test
    void recessionLowersAccuracy() {
        List<StepResult> results = runAll(plan);
        double before = mean(results.subList(0, 10));
        double after = mean(results.subList(50, 60));
        assertThat(after).isLessThan(before - 0.03);
    }

    private static double mean(List<StepResult> results) {
        return results.stream().mapToDouble(r -> r.overall().accuracy()).average().orElseThrow();
    }

    @Test
    void cancelStopsBeforeTheNextStep() throws Exception {
        RunControl control = new RunControl();
        control.setStepsPerSecond(50);
        List<StepResult> results = new CopyOnWriteArrayList<>();
        CompletableFuture<RunStatus> run = CompletableFuture.supplyAsync(() -> SimulationEngine.run(plan, 0,
                new RunListener() {
                    @Override
                    public void onStep(StepResult result, int totalSteps) {
                        results.add(result);
                        if (results.size() == 5) {
                            control.cancel();
                        }
                    }
                }, control));
        assertThat(run.get(10, TimeUnit.SECONDS)).isEqualTo(RunStatus.CANCELLED);
        assertThat(results).hasSize(5);
    }

    @Test
    void pauseHoldsAndStepGrantsExactlyOneStep() throws Exception {
        RunControl control = new RunControl();
        control.pause();
        List<StepResult> results = new CopyOnWriteArrayList<>();
        CompletableFuture<RunStatus> run = CompletableFuture.supplyAsync(() -> SimulationEngine.run(plan, 0,
                new RunListener() {
                    @Override
                    public void onStep(StepResult result, int totalSteps) {
                        results.add(result);
                    }
                }, control));
        Thread.sleep(200);
        assertThat(results).isEmpty();
        control.step();
        control.step();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (results.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(200);
        assertThat(results).hasSize(2);
        control.resume();
        assertThat(run.get(10, TimeUnit.SECONDS)).isEqualTo(RunStatus.COMPLETED);
        assertThat(results).hasSize(60);
    }

    @Test
    void unknownColumnIsRefusedNamingTheNode() {
        Scenario scenario = SampleScenarios.loansRecession(7);
        Scenario broken = scenario.withNode(scenario.node("recession").orElseThrow().withParam("column", "salary"));
        assertThatThrownBy(() -> ScenarioCompiler.compile(broken, dir, new RunListener() { }))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("node recession (perturbation.covariate-shift) parameter column: the data has no column \"salary\"");
    }
}
