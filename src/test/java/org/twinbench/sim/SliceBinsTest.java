package org.twinbench.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.ColumnSlicing;
import org.twinbench.data.NumericColumn;
import org.twinbench.scenario.SampleScenarios;
import org.twinbench.scenario.Scenario;

/** A numeric slice column of a scenario is binned as {@code metrics --bins} cuts it, instead of refused. */
class SliceBinsTest {

    @Test
    void binsAreCutAtTheReferenceQuantilesAndOpenAtBothEnds() {
        // np.quantile([1..10], [.2, .4, .6, .8]) = 2.8, 4.6, 6.4, 8.2.
        ColumnSlicing.Fitted fitted = ColumnSlicing.fit(new NumericColumn("x",
                new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}), 5);
        CategoricalColumn slices = fitted.apply(new NumericColumn("x", new double[] {0, 2.8, 5, 100, Double.NaN}));
        assertThat(slices.name()).isEqualTo("x");
        assertThat(slices.levels()).containsExactly("< 2.8", "[2.8, 4.6)", "[4.6, 6.4)", "[6.4, 8.2)", ">= 8.2");
        assertThat(slices.codes()).containsExactly(0, 1, 2, 4, -1);
        // A flag with no more values than bins is sliced by its values, as metrics does.
        CategoricalColumn flags = ColumnSlicing.fit(new NumericColumn("f", new double[] {0, 1, 1, 0}), 5)
                .apply(new NumericColumn("f", new double[] {1, 0}));
        assertThat(flags.levels()).containsExactly("1", "0");
    }

    @Test
    void aScenarioSlicedByAgeRunsWithTheReferenceQuartilesOfAge(@TempDir Path dir) throws IOException {
        Files.copy(Path.of("sample-data", "loans.csv"), dir.resolve("loans.csv"));
        Scenario scenario = SampleScenarios.loansRecessionWithRetraining(3);
        scenario = scenario.withNode(scenario.node("accuracy-by-region").orElseThrow()
                .withParam("slices", List.of("region", "age")));
        assertThat(ScenarioCheck.check(scenario, dir).runnable()).isTrue();
        SimulationPlan plan = ScenarioCompiler.compile(scenario, dir, new RunListener() { }).withSteps(3);
        List<String> slices = new java.util.ArrayList<>();
        List<String> measures = new java.util.ArrayList<>();
        SimulationEngine.run(plan, 0, new RunListener() {
            @Override
            public void onStep(StepResult result, int steps) {
                result.slices().forEach(s -> slices.add(s.column() + "=" + s.value()));
                measures.addAll(result.measures().keySet());
            }
        }, new RunControl());
        // np.quantile(age of the first 10,000 rows of loans.csv, [.2, .4, .6, .8]) = 33, 41, 47, 55.
        assertThat(Stream.of("age=< 33", "age=[33, 41)", "age=[41, 47)", "age=[47, 55)", "age=>= 55"))
                .allMatch(slices::contains);
        assertThat(slices).filteredOn(s -> s.startsWith("age=")).containsOnly("age=< 33", "age=[33, 41)",
                "age=[41, 47)", "age=[47, 55)", "age=>= 55");
        assertThat(measures).contains("accuracy-by-region.age=[33, 41).selection_rate",
                "accuracy-by-region.age.parity_difference");
    }
}
