package org.twinbench.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Hand-overs on the window's pulses: the pulse times are given by hand (60 frames a second is a pulse every
 * 16.7 ms), so which pulse delivers follows from the interval less half a frame: every second pulse on time,
 * every pulse when they come 40 ms apart. A burst of items asks the FX thread for pulses once, and pulses stop
 * being asked for once a due pulse finds nothing to deliver. Without the FX thread it hands over as before.
 */
@ExtendWith(ApplicationExtension.class)
class FxCoalescerTest {

    private static final long MS = 1_000_000L;
    /** One frame at 60 frames a second. */
    private static final long FRAME = 16_666_667L;

    /** What the coalescer asked of the FX thread (kept, not run: the test plays the pulses). */
    private final List<Runnable> asked = new ArrayList<>();
    private final List<List<Integer>> delivered = new ArrayList<>();
    private FxCoalescer<Integer> coalescer;

    @Start
    void start(Stage stage) throws Exception {
        coalescer = FxCoalescer.onPulses(asked::add, 0, delivered::add);
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }

    private void pulse(long now) throws Exception {
        onFx(() -> {
            coalescer.pulse(now);
            return null;
        });
    }

    @Test
    void aBurstAsksForPulsesOnceAndTheFirstPulseDeliversItAll() throws Exception {
        for (int i = 0; i < 5; i++) {
            coalescer.offer(i);
        }
        assertThat(asked).hasSize(1);
        pulse(1_000 * MS);
        assertThat(delivered).containsExactly(List.of(0, 1, 2, 3, 4));
        assertThat(coalescer.handOvers()).isEqualTo(1);
    }

    @Test
    void onTimePulsesDeliverEverySecondPulse() throws Exception {
        long t = 1_000 * MS;
        List<Integer> deliveringPulses = new ArrayList<>();
        for (int pulse = 0; pulse < 8; pulse++) {
            coalescer.offer(pulse);
            int before = delivered.size();
            pulse(t + pulse * FRAME);
            if (delivered.size() > before) {
                deliveringPulses.add(pulse);
            }
        }
        // 33 ms less half a frame is 24.7 ms: one frame (16.7 ms) is too soon, two (33.3 ms) are due.
        assertThat(deliveringPulses).containsExactly(0, 2, 4, 6);
        assertThat(delivered).containsExactly(List.of(0), List.of(1, 2), List.of(3, 4), List.of(5, 6));
        assertThat(asked).as("pulses asked for once while items keep coming").hasSize(1);
    }

    @Test
    void latePulsesDeliverEveryPulse() throws Exception {
        long t = 1_000 * MS;
        for (int pulse = 0; pulse < 4; pulse++) {
            coalescer.offer(pulse);
            pulse(t + pulse * 40 * MS);
        }
        assertThat(delivered).containsExactly(List.of(0), List.of(1), List.of(2), List.of(3));
    }

    @Test
    void aDuePulseWithNothingQueuedStopsAskingUntilTheNextItem() throws Exception {
        coalescer.offer(1);
        pulse(1_000 * MS);
        pulse(1_000 * MS + 2 * FRAME);
        assertThat(asked).hasSize(1);
        coalescer.offer(2);
        assertThat(asked).as("asked again after stopping").hasSize(2);
        pulse(1_000 * MS + 4 * FRAME);
        assertThat(delivered).containsExactly(List.of(1), List.of(2));
    }

    @Test
    void offTheFxThreadItHandsOverThroughTheExecutor() {
        List<List<Integer>> got = new ArrayList<>();
        FxCoalescer<Integer> direct = FxCoalescer.onPulses(Runnable::run, 0, got::add);
        direct.offer(7);
        assertThat(got).containsExactly(List.of(7));
    }
}
