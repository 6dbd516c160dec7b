package org.twinbench.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The warm-up's gate on a clock the test moves by hand: work waits until the window has had no input for
 * {@link IdleGate#IDLE_NANOS} (counted from the gate's making, then from the last input), in naps of at most
 * {@link IdleGate#NAP_NANOS}, and then passes the gate behind it; input arriving while it waits makes it wait
 * the whole quiet moment again. Every figure follows from the constants by hand.
 */
class IdleGateTest {

    private static final long MS = 1_000_000L;

    private long now = 5_000 * MS;
    private final List<Long> naps = new ArrayList<>();
    private int passedOn;
    /** When the clock passes this time, the user clicks (Long.MAX_VALUE: never). */
    private long clickAt = Long.MAX_VALUE;
    private IdleGate gate;

    IdleGateTest() {
        gate = new IdleGate(() -> now, nanos -> {
            naps.add(nanos);
            now += nanos;
            if (now >= clickAt) {
                gate.input(clickAt);
                clickAt = Long.MAX_VALUE;
            }
        }, () -> passedOn++);
    }

    private long slept() {
        return naps.stream().mapToLong(Long::longValue).sum();
    }

    @Test
    void workWaitsForAQuietMomentAfterTheWindowShows() throws InterruptedException {
        now += 120 * MS;
        gate.await();
        // 500 ms from the gate's making, 120 of them already gone: 380 ms in naps of 20.
        assertThat(slept()).isEqualTo(380 * MS);
        assertThat(naps).hasSize(19).allMatch(n -> n <= 20 * MS);
        assertThat(passedOn).isEqualTo(1);
    }

    @Test
    void aQuietWindowLetsEveryStepThroughAtOnce() throws InterruptedException {
        now += 600 * MS;
        for (int step = 0; step < 50; step++) {
            now += 2 * MS;
            gate.await();
        }
        assertThat(naps).isEmpty();
        assertThat(passedOn).isEqualTo(50);
    }

    @Test
    void inputWhileItWaitsStartsTheQuietMomentAgain() throws InterruptedException {
        now += 600 * MS;
        gate.input(now);
        clickAt = now + 300 * MS;
        gate.await();
        // 300 ms to the click, then the full 500 ms after it.
        assertThat(slept()).isEqualTo(800 * MS);
        assertThat(passedOn).isEqualTo(1);
    }

    @Test
    void aNapNeverOverrunsTheQuietMoment() throws InterruptedException {
        now += 600 * MS;
        gate.input(now - 493 * MS);
        gate.await();
        assertThat(naps).containsExactly(7 * MS);
    }
}
