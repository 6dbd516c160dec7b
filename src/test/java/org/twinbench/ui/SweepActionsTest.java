package org.twinbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.twinbench.scenario.SampleScenarios;

/** The export dialog's inputs: typed values and the parameters a grid can vary (no toolkit needed). */
class SweepActionsTest {

    @Test
    void typedValuesBecomeNumbersFlagsAndText() {
        assertThat(SweepActions.values(" 0.9, 0.7 ;5, true, north ,, ")).containsExactly(0.9, 0.7, 5L, true, "north");
        assertThat(SweepActions.values("  ")).isEmpty();
    }

    @Test
    void parametersAreTheNumericOnesIncludingThoseInsideASchedule() {
        assertThat(SweepActions.parameters(SampleScenarios.loansRecession(4)))
                .contains("recession.scale", "recession.schedule.start", "loans.batch_size")
                .doesNotContain("loans.path", "loans.replace");
    }
}
