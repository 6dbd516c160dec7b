package org.twinbench.sim.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.DateTimes;
import org.twinbench.sim.ScenarioCompiler;

/** Dates are read as dates wherever the replay orders rows, in every written form, and never guessed. */
class TimeOrderTest {

    @Test
    void usDatesAreOrderedByTheDayTheyNameNotAsText() {
        CategoricalColumn when = CategoricalColumn.of("when",
                new String[] {"4/15/2021", "12/1/2020", "1/2/2021", null, "4/15/2021 08:30"});
        // As text the order would be 1/2/2021, 12/1/2020, 4/15/2021, ...
        assertThat(ScenarioCompiler.timeOrder(when)).containsExactly(1, 2, 0, 4, 3);
    }

    @Test
    void europeanIsoAndTimestampFormsAreRecognised() {
        assertThat(DateTimes.recognise("d", List.of("15.4.2021", "1.12.2020"), null).pattern()).isEqualTo("d.M.uuuu");
        assertThat(DateTimes.recognise("d", List.of("15/4/2021", "1/12/2020"), null).pattern())
                .isEqualTo(DateTimes.DAY_FIRST);
        assertThat(DateTimes.recognise("d", List.of("4/15/2021", "12/1/2020 13:45"), null).pattern())
                .isEqualTo(DateTimes.MONTH_FIRST);
        DateTimes.Format iso = DateTimes.recognise("d", List.of("2021-04-15T13:45:00Z", "2021-04-15"), null);
        assertThat(iso.seconds("2021-04-15T13:45:00Z")).isEqualTo(1618494300.0);
        assertThat(iso.seconds("2021-04-15")).isEqualTo(1618444800.0);
        DateTimes.Format us = DateTimes.recognise("d", List.of("4/15/2021 13:45", "4/15/2021"), null);
        assertThat(us.seconds("4/15/2021 13:45")).isEqualTo(1618494300.0);
    }

    @Test
    void aColumnThatFitsBothReadingsIsAmbiguousUntilAFormatIsGiven() {
        List<String> values = List.of("3/4/2021", "5/6/2021", "12/11/2021");
        assertThatThrownBy(() -> DateTimes.recognise("signup", values, null))
                .hasMessageContaining("column 'signup'").hasMessageContaining("month-first or day-first")
                .hasMessageContaining("2021-03-04").hasMessageContaining("2021-04-03");
        assertThat(DateTimes.recognise("signup", values, "d/M/yyyy").seconds("3/4/2021"))
                .isEqualTo(java.time.LocalDate.of(2021, 4, 3).toEpochDay() * 86_400.0);
        assertThatThrownBy(() -> DateTimes.recognise("signup", List.of("3/4/2021", "tomorrow"), null))
                .hasMessageContaining("'tomorrow' is not a date");
        assertThatThrownBy(() -> DateTimes.recognise("signup", List.of("13/4/2021"), "M/d/yyyy"))
                .hasMessageContaining("does not fit the time format");
    }

    @Test
    void windowsStartOnTheirFirstDay() {
        java.time.LocalDate sunday = java.time.LocalDate.of(2021, 1, 3);
        assertThat(CalendarSource.Window.WEEK.start(sunday)).isEqualTo(java.time.LocalDate.of(2020, 12, 28));
        assertThat(CalendarSource.Window.QUARTER.start(java.time.LocalDate.of(2021, 6, 30)))
                .isEqualTo(java.time.LocalDate.of(2021, 4, 1));
        assertThat(CalendarSource.Window.MONTH.start(sunday)).isEqualTo(java.time.LocalDate.of(2021, 1, 1));
    }

    @Test
    void bothSortingPathsAreStableWithMissingTimesLast() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int distinct : new int[] {7, 200_000}) {
            double[] times = new double[100_000];
            for (int i = 0; i < times.length; i++) {
                times[i] = i % 97 == 0 ? Double.NaN : random.nextInt(distinct) * 0.5;
            }
            Integer[] expected = new Integer[times.length];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = i;
            }
            // The boxed, stable reference: java.util.Arrays.sort of objects is a stable merge sort.
            java.util.Arrays.sort(expected, java.util.Comparator.comparingDouble(
                    i -> Double.isNaN(times[i]) ? Double.POSITIVE_INFINITY : times[i]));
            assertThat(TimeColumns.order(times)).as(distinct + " distinct times")
                    .containsExactly(java.util.Arrays.stream(expected).mapToInt(Integer::intValue).toArray());
        }
        assertThat(TimeColumns.order(new double[] {1, 2, 2, 5, Double.NaN})).containsExactly(0, 1, 2, 3, 4);
    }
}
