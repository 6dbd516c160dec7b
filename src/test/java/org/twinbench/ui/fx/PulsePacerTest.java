package org.twinbench.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinbench.sim.RunControl;

/**
 * The pacer on a clock the test moves by hand: the engine sleeps only while the window's pulse is
 * late or in the part of a frame left to the window after late pulses, never before it is started,
 * and never longer than its bound. Every figure below follows from the constants by hand.
 */
class PulsePacerTest {

    private static final long MS = 1_000_000L;

    private long now = 1_000 * MS;
    private final List<Long> naps = new ArrayList<>();
    /** When the clock passes this time, a pulse arrives (Long.MAX_VALUE: none). */
    private long pulseAt = Long.MAX_VALUE;
    private PulsePacer pacer;

    PulsePacerTest() {
        pacer = new PulsePacer(() -> now, nanos -> {
            naps.add(nanos);
            now += nanos;
            if (now >= pulseAt) {
                pacer.pulse(pulseAt);
                pulseAt = Long.MAX_VALUE;
            }
        });
    }

    private long slept() {
        return naps.stream().mapToLong(Long::longValue).sum();
    }

    @Test
    void aPacerNotStartedNeverWaits() throws InterruptedException {
        now += 100 * MS;
        pacer.await();
        assertThat(naps).isEmpty();
    }

    @Test
    void whatTheHoldCostsIsCounted() throws InterruptedException {
        pacer.begin();
        long[] before = PulsePacer.held();
        // An on-time step: no sleep, nothing counted.
        now += 5 * MS;
        pacer.pulse(now);
        pacer.await();
        // The pulse is 30 ms late (past LATE_NANOS, 22 ms): the step naps 1 ms at a time until the pulse comes at 35 ms
        // (5 ms), then leaves that late pulse's frame its first BACK_OFF_NANOS (3 ms): 8 ms in one step.
        pulseAt = now + 35 * MS;
        now += 30 * MS;
        pacer.await();
        long[] after = PulsePacer.held();
        assertThat(slept()).isEqualTo(8 * MS);
        assertThat(after[0] - before[0]).isEqualTo(8 * MS);
        assertThat(after[1] - before[1]).isEqualTo(1);
    }

    @Test
    void onTimePulsesLetTheEngineRunFlatOut() throws InterruptedException {
        pacer.begin();
        for (int frame = 1; frame <= 20; frame++) {
            now += 16 * MS;
            pacer.pulse(now);
            now += 3 * MS;
            pacer.await();
        }
        assertThat(pacer.share()).isZero();
        assertThat(naps).isEmpty();
    }

    @Test
    void aLatePulseMakesTheEngineWaitUntilTheNextPulseComes() throws InterruptedException {
        pacer.begin();
        now += 30 * MS;
        pulseAt = now + 5 * MS;
        pacer.await();
        // Late by 30 ms: 1 ms naps until the pulse arrives 5 ms later; then the pulse was late, so the
        // engine also leaves the first 3 ms (BACK_OFF) of the new frame to the window.
        assertThat(naps).allMatch(n -> n <= PulsePacer.NAP_NANOS);
        assertThat(slept()).isEqualTo(5 * MS + PulsePacer.BACK_OFF_NANOS);
        assertThat(pacer.share()).isEqualTo(PulsePacer.BACK_OFF_NANOS);
    }

    @Test
    void latePulsesLeaveMoreOfEachFrameToTheWindowUpToABoundAndOnTimeOnesGiveItBack() {
        pacer.begin();
        for (int k = 1; k <= 3; k++) {
            now += 40 * MS;
            pacer.pulse(now);
            assertThat(pacer.share()).isEqualTo(k * PulsePacer.BACK_OFF_NANOS);
        }
        for (int k = 0; k < 10; k++) {
            now += 40 * MS;
            pacer.pulse(now);
        }
        assertThat(pacer.share()).isEqualTo(PulsePacer.MAX_HOLD_NANOS);
        now += 16 * MS;
        pacer.pulse(now);
        assertThat(pacer.share()).isEqualTo(PulsePacer.MAX_HOLD_NANOS - PulsePacer.RECOVER_NANOS);
        for (int k = 0; k < 100; k++) {
            now += 16 * MS;
            pacer.pulse(now);
        }
        assertThat(pacer.share()).isZero();
    }

    @Test
    void withinTheWindowsShareOfAFrameTheEngineWaitsForTheRest() throws InterruptedException {
        pacer.begin();
        now += 30 * MS;
        pacer.pulse(now);
        now += 30 * MS;
        pacer.pulse(now);
        assertThat(pacer.share()).isEqualTo(6 * MS);
        now += 2 * MS;
        pacer.await();
        assertThat(slept()).isEqualTo(4 * MS);
        naps.clear();
        pacer.await();
        assertThat(naps).as("past the window's share the engine goes on").isEmpty();
    }

    @Test
    void aWindowThatStopsPulsingDelaysAStepAtMostTheBoundAndThenNotAtAll() throws InterruptedException {
        pacer.begin();
        now += 25 * MS;
        pacer.await();
        assertThat(slept()).isLessThanOrEqualTo(PulsePacer.MAX_WAIT_NANOS).isGreaterThan(PulsePacer.MAX_WAIT_NANOS - 2 * MS);
        naps.clear();
        now += PulsePacer.STALLED_NANOS;
        pacer.await();
        assertThat(naps).as("no pulse for a quarter second: the window is not pulsing").isEmpty();
    }

    @Test
    void aStoppedPacerNoLongerHoldsTheEngineAndTheRunControlPassesItsYield() throws InterruptedException {
        pacer.begin();
        now += 30 * MS;
        pacer.stop();
        pacer.await();
        assertThat(naps).isEmpty();

        List<String> passed = new ArrayList<>();
        RunControl control = new RunControl();
        control.setYield(() -> passed.add("yield"));
        assertThat(control.awaitPermit()).isTrue();
        assertThat(control.awaitPermit()).isTrue();
        assertThat(passed).hasSize(2);
        control.setYield(null);
        control.cancel();
        assertThat(control.awaitPermit()).isFalse();
        assertThat(passed).hasSize(2);
    }
}
