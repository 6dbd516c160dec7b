package org.twinbench.sim.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.sim.ScenarioCompiler;

class DatasetSourceTest {

    @Test
    void timeOrderSortsNumbersAndIsoDatesWithMissingLastAndTiesInFileOrder() {
        NumericColumn numbers = new NumericColumn("t", new double[] {3, Double.NaN, 1, 2, 1});
        assertThat(ScenarioCompiler.timeOrder(numbers)).containsExactly(2, 4, 3, 0, 1);
        CategoricalColumn dates = CategoricalColumn.of("d", new String[] {"2024-03-01", null, "2024-01-15", "2023-12-31"});
        assertThat(ScenarioCompiler.timeOrder(dates)).containsExactly(3, 2, 0, 1);
    }

    @Test
    void inOrderReplayTakesConsecutiveRowsAndWraps() {
        Frame rows = new Frame(List.of(new NumericColumn("i", new double[] {0, 1, 2, 3, 4})));
        DatasetSource source = new DatasetSource("s", rows, 2, true, true);
        assertThat(source.batch(0, 0, new SplittableRandom(1)).numeric("i").values()).containsExactly(0, 1);
        assertThat(source.batch(1, 0, new SplittableRandom(1)).numeric("i").values()).containsExactly(2, 3);
        assertThat(source.batch(2, 0, new SplittableRandom(1)).numeric("i").values()).containsExactly(4, 0);
    }

    @Test
    void withoutReplacementAStepNeverRepeatsARow() {
        Frame rows = new Frame(List.of(new NumericColumn("i", new double[] {0, 1, 2, 3, 4, 5, 6, 7})));
        double[] drawn = new DatasetSource("s", rows, 8, false).batch(0, 0, new SplittableRandom(3)).numeric("i").values();
        assertThat(drawn).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void epochsDrawEveryRowOnceBeforeAnyRowRepeatsAndReshuffleEachEpoch() {
        int n = 1_000;
        double[] ids = new double[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
        }
        DatasetSource source = new DatasetSource("s", new Frame(List.of(new NumericColumn("i", ids))), 64,
                DatasetSource.Sampling.EPOCHS, 42);
        // 64 does not divide 1,000: batches straddle the epoch boundaries.
        int steps = 3 * n / 64 + 1;
        double[] drawn = new double[steps * 64];
        for (int step = 0; step < steps; step++) {
            double[] batch = source.batch(step, 0, new SplittableRandom(step)).numeric("i").values();
            System.arraycopy(batch, 0, drawn, step * 64, 64);
        }
        for (int epoch = 0; epoch < 3; epoch++) {
            double[] one = java.util.Arrays.copyOfRange(drawn, epoch * n, epoch * n + n);
            assertThat(java.util.Arrays.stream(one).distinct().count()).as("distinct rows in epoch %d", epoch)
                    .isEqualTo(n);
        }
        assertThat(java.util.Arrays.copyOfRange(drawn, 0, n)).isNotEqualTo(java.util.Arrays.copyOfRange(drawn, n, 2 * n));
        assertThat(java.util.Arrays.copyOfRange(drawn, 0, n)).as("shuffled, not in table order")
                .isNotEqualTo(ids);

        DatasetSource again = new DatasetSource("s", new Frame(List.of(new NumericColumn("i", ids))), 64,
                DatasetSource.Sampling.EPOCHS, 42);
        assertThat(again.batch(20, 0, new SplittableRandom(0)).numeric("i").values())
                .as("the same seed, step and replicate give the same rows, whatever the order of calls")
                .containsExactly(java.util.Arrays.copyOfRange(drawn, 20 * 64, 21 * 64));
        assertThat(again.batch(20, 1, new SplittableRandom(0)).numeric("i").values())
                .as("another replicate shuffles differently")
                .isNotEqualTo(java.util.Arrays.copyOfRange(drawn, 20 * 64, 21 * 64));
    }

    @Test
    void theDatasetNodeOffersTheSamplingChoicesAndRefusesOthers() {
        org.twinbench.scenario.NodeType.ParamSpec spec = org.twinbench.scenario.NodeCatalog
                .find(org.twinbench.scenario.NodeCatalog.DATASET_SOURCE).orElseThrow().params().stream()
                .filter(p -> p.name().equals("sampling")).findFirst().orElseThrow();
        assertThat(spec.choices()).containsExactlyElementsOf(DatasetSource.Sampling.CHOICES);
        org.twinbench.scenario.Scenario base = org.twinbench.scenario.SampleScenarios.loansRecession(1);
        List<org.twinbench.scenario.ScenarioNode> nodes = base.nodes().stream()
                .map(node -> node.id().equals("loans") ? node.withParam("sampling", "sometimes") : node).toList();
        List<String> problems = org.twinbench.scenario.ScenarioValidator.problems(new org.twinbench.scenario.Scenario(
                base.name(), base.description(), base.seed(), nodes, base.edges()));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("loans").contains("sampling")
                .contains("epochs"));
    }
}
