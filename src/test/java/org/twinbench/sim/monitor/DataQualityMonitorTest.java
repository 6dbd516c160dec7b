package org.twinbench.sim.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Column;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.data.TableLoader;
import org.twinbench.sim.Alarm;
import org.twinbench.sim.LabelledBatch;
import org.twinbench.sim.StepOutput;

/**
 * The binomial tail behind every data-quality check, against scipy.stats.binom.sf(k - 1, n, p); and the checks
 * without a rate on R's Titanic (carData): a column that stops arriving, numbers that arrive as text, a column that
 * appears.
 */
class DataQualityMonitorTest {

    @Test
    void upperTailMatchesScipy() {
        assertThat(DataQualityMonitor.upperTail(3, 50, 0.007)).isCloseTo(0.005260085467448939, within(1e-13));
        assertThat(DataQualityMonitor.upperTail(4, 50, 0.007)).isCloseTo(0.0004276632687070003, within(1e-14));
        assertThat(DataQualityMonitor.upperTail(13, 250, 0.02)).isCloseTo(0.0017858357716654173, within(1e-13));
        assertThat(DataQualityMonitor.upperTail(40, 100, 0.3)).isCloseTo(0.020988576003924744, within(1e-12));
        assertThat(DataQualityMonitor.upperTail(1, 500, 0.3)).isCloseTo(1.0, within(1e-12));
        assertThat(DataQualityMonitor.upperTail(250, 250, 0.0001)).isLessThan(1e-300);
        assertThat(DataQualityMonitor.upperTail(0, 10, 0.5)).isEqualTo(1.0);
        assertThat(DataQualityMonitor.upperTail(1, 10, 0.0)).isEqualTo(0.0);
    }

    private static List<String> step(Monitor.Watch watch, Frame rows, int step) {
        StepOutput out = new StepOutput(0, step);
        LabelledBatch batch = new LabelledBatch(step, rows, new int[rows.rowCount()], new double[rows.rowCount()]);
        watch.observe(List.of(batch), batch, out);
        return out.alarms().stream().map(Alarm::detail).toList();
    }

    /** The frame without {@code column}, or with it replaced by {@code replacement}. */
    private static Frame without(Frame frame, String column, Column replacement) {
        List<Column> columns = new ArrayList<>();
        for (Column c : frame.columns()) {
            if (!c.name().equals(column)) {
                columns.add(c);
            } else if (replacement != null) {
                columns.add(replacement);
            }
        }
        return new Frame(columns);
    }

    @Test
    void aColumnThatVanishesOrTurnsToTextAlarmsOnceInTheStepItStarts() throws IOException {
        Frame titanic = TableLoader.load(Path.of("src/test/resources/rdata/titanic.csv")).frame();
        // The file is sorted by class: the reference is every other row, a step 250 of the rows between.
        Frame reference = titanic.select(java.util.stream.IntStream.range(0, titanic.rowCount() / 2)
                .map(i -> 2 * i).toArray());
        DataQualityMonitor monitor = DataQualityMonitor.of("dq", reference, List.of("age", "sex", "passengerClass"),
                0.001);
        Monitor.Watch watch = monitor.start();
        Frame batch = titanic.select(java.util.stream.IntStream.range(0, 250).map(i -> 5 * i + 1).toArray());
        assertThat(step(watch, batch, 0)).isEmpty();
        // Step 1: sex no longer arrives; step 2 still not (no second alarm); step 3 it is back.
        assertThat(step(watch, without(batch, "sex", null), 1))
                .containsExactly("data quality: sex no longer arrives: the step's rows have no such column");
        assertThat(step(watch, without(batch, "sex", null), 2)).isEmpty();
        assertThat(step(watch, batch, 3)).isEmpty();
        // Step 4: age arrives as text (a placeholder where the parser gave up) — once.
        String[] text = new String[batch.rowCount()];
        java.util.Arrays.fill(text, "n/a");
        text[0] = "29 years";
        Frame broken = without(batch, "age", CategoricalColumn.of("age", text));
        assertThat(step(watch, broken, 4))
                .containsExactly("data quality: age arrives as text where the reference has numbers: '29 years', 'n/a'");
        assertThat(step(watch, broken, 5)).isEmpty();
        // Class codes that read as numbers (1, 2, 3 for 1st, 2nd, 3rd) are compared as text: new categories.
        double[] codes = new double[batch.rowCount()];
        java.util.Arrays.fill(codes, 3);
        Frame numbered = without(batch, "passengerClass", new NumericColumn("passengerClass", codes));
        assertThat(step(watch, numbered, 6)).singleElement().asString()
                .startsWith("data quality: passengerClass in categories the reference never had in 250 of 250 rows")
                .endsWith(": 3");
    }

    @Test
    void aColumnThatAppearsBeyondTheReferenceAlarmsOnceInTheStepItFirstArrives() throws IOException {
        Frame titanic = TableLoader.load(Path.of("src/test/resources/rdata/titanic.csv")).frame();
        // The reference was taken before the pipeline sent ages: every other row, without age.
        Frame reference = without(titanic.select(java.util.stream.IntStream.range(0, titanic.rowCount() / 2)
                .map(i -> 2 * i).toArray()), "age", null);
        DataQualityMonitor dq = DataQualityMonitor.of("dq", reference, List.of("sex", "passengerClass"), 0.001);
        Monitor.Watch watch = dq.withNewColumnsBeyond(reference).start();
        Frame batch = titanic.select(java.util.stream.IntStream.range(0, 250).map(i -> 5 * i + 1).toArray());
        Frame noAge = without(batch, "age", null);
        assertThat(step(watch, noAge, 0)).isEmpty();
        assertThat(step(watch, noAge, 1)).isEmpty();
        // Step 2: age arrives, a column the reference does not have — named, with its first three different values
        // (pandas: t.age.iloc[[5 * i + 1 for i in range(250)]].dropna(), first three distinct).
        assertThat(step(watch, batch, 2)).containsExactly("data quality: age appears: a column the reference does "
                + "not have (numbers, '0.916700006', '63', '18')");
        // It keeps arriving, stops, comes back: no second alarm.
        assertThat(step(watch, batch, 3)).isEmpty();
        assertThat(step(watch, noAge, 4)).isEmpty();
        assertThat(step(watch, batch, 5)).isEmpty();
        // A second new column, text this time, alarms in its own step.
        String[] deck = new String[batch.rowCount()];
        java.util.Arrays.fill(deck, "C");
        List<Column> columns = new ArrayList<>(batch.columns());
        columns.add(CategoricalColumn.of("deck", deck));
        assertThat(step(watch, new Frame(columns), 6))
                .containsExactly("data quality: deck appears: a column the reference does not have (text, 'C')");
        // A feature-drift node's checks (no withNewColumnsBeyond) look at their own columns only.
        Monitor.Watch features = dq.start();
        assertThat(step(features, noAge, 0)).isEmpty();
        assertThat(step(features, new Frame(columns), 1)).isEmpty();
    }
}
