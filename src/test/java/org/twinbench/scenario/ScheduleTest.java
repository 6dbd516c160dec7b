package org.twinbench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScheduleTest {

    @Test
    void suddenSwitchesOnAtStart() {
        Schedule s = new Schedule(Schedule.Kind.SUDDEN, 5, 5, 0);
        assertThat(s.intensity(4)).isZero();
        assertThat(s.intensity(5)).isEqualTo(1);
    }

    @Test
    void incrementalRampsLinearlyToEnd() {
        Schedule s = new Schedule(Schedule.Kind.INCREMENTAL, 10, 19, 0);
        assertThat(s.intensity(9)).isZero();
        assertThat(s.intensity(10)).isEqualTo(0.1);
        assertThat(s.intensity(14)).isEqualTo(0.5);
        assertThat(s.intensity(19)).isEqualTo(1);
        assertThat(s.intensity(40)).isEqualTo(1);
    }

    @Test
    void recurringIsOnForTheFirstHalfOfEachPeriod() {
        Schedule s = new Schedule(Schedule.Kind.RECURRING, 0, 0, 4);
        assertThat(new double[] {s.intensity(0), s.intensity(1), s.intensity(2), s.intensity(3), s.intensity(4)})
                .containsExactly(1, 1, 0, 0, 1);
    }
}
