package org.twinbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.sim.Experiment;
import org.twinbench.sim.RunControl;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.RunOutcome;
import org.twinbench.sim.RunSeries;
import org.twinbench.sim.RunSummary;
import org.twinbench.sim.ScenarioCompiler;
import org.twinbench.sim.SimulationPlan;
import org.twinbench.sim.store.RunStore;
import org.twinbench.stats.SliceFinder;

/**
 * A run read back from the run store has what it found: its worst slices (a classifier's by accuracy, a
 * regression's by mean absolute error) and its outcome's own names, so the window's run history and anything
 * summarising a stored run again show the slices and say 'malignant', not 'positive'. Real data: the breast
 * cancer and diabetes logs of TopSlicesTest and ErrorSlicesTest.
 */
class StoredFindingsTest {

    private static final Path DIR = Path.of("src", "test", "resources", "verdicts").toAbsolutePath();

    @TempDir
    Path dir;

    /** Runs a scenario and records it as the run command does; returns the outcome and the stored id. */
    private record Recorded(RunOutcome outcome, RunSummary summary, long id) {
    }

    private Recorded record(String name) {
        Path file = DIR.resolve(name);
        Scenario scenario = ScenarioFormat.read(file);
        SimulationPlan plan = ScenarioCompiler.compile(scenario, DIR, new RunListener() { });
        RunOutcome outcome = Experiment.run(plan, 1, 1, new RunListener() { }, new RunControl());
        RunSeries series = RunSeries.of(outcome);
        RunSummary summary = RunSummary.of(outcome, series, List.of());
        RunRecording.InProgress run = RunRecording.begin(dir.resolve("runs.sqlite"), scenario, file, plan);
        run.finish(outcome, summary, series);
        return new Recorded(outcome, summary, run.id());
    }

    @Test
    void aStoredClassifierRunKeepsItsTopSlicesAndItsOutcomesNames() {
        Recorded run = record("breast-cancer-log.twin.json");
        assertThat(run.outcome().findings().positive()).isEqualTo("malignant");
        try (RunStore store = RunStore.openReadOnly(dir.resolve("runs.sqlite"))) {
            RunOutcome read = RunFolder.read(store, run.id());
            assertThat(read.findings().positive()).isEqualTo("malignant");
            assertThat(read.findings().negative()).isEqualTo("benign");
            sameSlices(read.topSlices(), run.outcome().topSlices());
            assertThat(read.topSlices().slices().get(0).predicates()).containsExactly(
                    new SliceFinder.Predicate("clinic", "C"), new SliceFinder.Predicate("shift", "night"));
            // Summarised again from the store, the run says what it said when it ended.
            RunSummary again = RunSummary.of(read, RunSeries.of(read), List.of());
            assertThat(again.headline()).isEqualTo(run.summary().headline())
                    .isEqualTo(store.find(run.id()).orElseThrow().headline());
            // run.json written from the read-back outcome holds the same findings as the stored one.
            String json = RunJson.toJson(org.twinbench.sim.store.RunProvenance.of(DIR.resolve(
                    "breast-cancer-log.twin.json"), ScenarioCompiler.compile(ScenarioFormat.read(DIR.resolve(
                    "breast-cancer-log.twin.json")), DIR, new RunListener() { }), 1, java.time.Instant.EPOCH),
                    again, RunSeries.of(read), read);
            assertThat(json).contains("\"outcome_values\" : {\n    \"positive\" : \"malignant\",\n    \"negative\" : \"benign\"")
                    .contains("\"top_slices\" : [ {");
        }
    }

    @Test
    void aStoredRegressionRunKeepsItsErrorSlices() {
        Recorded run = record("diabetes-log.twin.json");
        try (RunStore store = RunStore.openReadOnly(dir.resolve("runs.sqlite"))) {
            RunOutcome read = RunFolder.read(store, run.id());
            assertThat(read.topSlices()).isNull();
            assertThat(read.searchedSlices().errors()).isTrue();
            sameSlices(read.searchedSlices(), run.outcome().searchedSlices());
            assertThat(read.findings().positive()).isNull();
        }
    }

    @Test
    void aRunStoredWithoutFindingsReadsBackWithout() {
        try (RunStore store = RunStore.open(dir.resolve("old.sqlite"))) {
            RunOutcome outcome = new RunOutcome(List.of(), org.twinbench.sim.RunStatus.COMPLETED);
            RunSeries series = RunSeries.of(outcome);
            long id = store.save("{}", org.twinbench.sim.store.RunProvenance.of(DIR.resolve(
                    "breast-cancer-log.twin.json"), ScenarioCompiler.compile(ScenarioFormat.read(DIR.resolve(
                    "breast-cancer-log.twin.json")), DIR, new RunListener() { }), 1, java.time.Instant.EPOCH),
                    RunSummary.of(outcome, series, List.of()), "{\"format\": \"twinbench.run\"}", outcome);
            assertThat(RunFolder.read(store, id).findings()).isNull();
        }
    }

    private static void sameSlices(SliceFinder.Result read, SliceFinder.Result original) {
        assertThat(read.rows()).isEqualTo(original.rows());
        assertThat(read.tested()).isEqualTo(original.tested());
        assertThat(read.accuracy()).isEqualTo(original.accuracy());
        assertThat(read.slices()).hasSameSizeAs(original.slices()).isNotEmpty();
        for (int i = 0; i < read.slices().size(); i++) {
            SliceFinder.Slice a = read.slices().get(i);
            SliceFinder.Slice b = original.slices().get(i);
            assertThat(a.predicates()).isEqualTo(b.predicates());
            assertThat(a.n()).isEqualTo(b.n());
            assertThat(a.correct()).isEqualTo(b.correct());
            assertThat(a.accuracy()).isEqualTo(b.accuracy());
            assertThat(a.restAccuracy()).isEqualTo(b.restAccuracy());
            assertThat(a.low()).isEqualTo(b.low());
            assertThat(a.high()).isEqualTo(b.high());
            assertThat(a.pValue()).isCloseTo(b.pValue(), within(b.pValue() * 1e-15));
            assertThat(a.effect()).isEqualTo(b.effect());
        }
    }
}
