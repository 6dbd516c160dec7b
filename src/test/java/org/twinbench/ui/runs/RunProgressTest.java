package org.twinbench.ui.runs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Progress and time left of a window run, with hand-worked figures. */
class RunProgressTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void countsTheStepsOfEveryReplicateAndEstimatesTheTimeLeftFromThePaceSinceTheFirstBatch() {
        RunProgress progress = new RunProgress(60, 3);
        progress.add(5, 10 * SECOND);
        assertThat(progress.text()).isEqualTo("Running: 5 of 180 steps (3 replicates)");
        // 90 steps in 3 s since the first batch: 30 a second, 85 to go = 2.83 s, about 3 s.
        progress.add(90, 13 * SECOND);
        assertThat(progress.text()).isEqualTo("Running: 95 of 180 steps (3 replicates)  ·  about 0:03 left");
        assertThat(progress.fraction()).isEqualTo(95 / 180.0);
    }

    @Test
    void aSingleReplicateCountsStepNumbers() {
        RunProgress progress = new RunProgress(600, 1);
        progress.add(1, 0);
        progress.add(9, 5 * SECOND);
        // 9 steps in 5 s; 590 to go: 590 * 5 / 9 = 327.8 s = 5:28.
        assertThat(progress.text()).isEqualTo("Running: step 10 of 600  ·  about 5:28 left");
    }

    @Test
    void noEstimateBeforeThreeStepsHaveBeenPacedNorWithUnderASecondLeft() {
        RunProgress progress = new RunProgress(100, 1);
        progress.add(50, 0);
        progress.add(2, SECOND);
        assertThat(progress.text()).as("2 paced steps").isEqualTo("Running: step 52 of 100");
        progress.add(47, 2 * SECOND);
        // 49 steps in 2 s, 1 to go: 0.04 s.
        assertThat(progress.text()).isEqualTo("Running: step 99 of 100");
    }

    @Test
    void fractionStopsAtOneAndIsZeroBeforeAnyStep() {
        RunProgress progress = new RunProgress(10, 2);
        assertThat(progress.fraction()).isZero();
        progress.add(25, 0);
        assertThat(progress.fraction()).isEqualTo(1.0);
        assertThat(progress.total()).isEqualTo(20);
    }
}
