package org.twinbench.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;

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
}
