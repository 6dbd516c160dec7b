package org.twinbench.ui.fx;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;
import org.twinbench.sim.RunControl;

/**
 * Lets background work that only prepares for later (the engine's warm-up) run while the user is not using
 * the window: before each of its steps ({@link RunControl.Yield}) it waits until no input (mouse, keys,
 * scrolling) has reached the window for {@link #IDLE_NANOS}, then passes the window's {@link PulsePacer}, so
 * it also gives way while the window's frames come late. The clock and the sleep are injectable for tests;
 * {@link #input(long)} is what the window's event filter calls.
 */
public final class IdleGate implements RunControl.Yield {

    /** How long the window must have had no input before the work goes on. */
    static final long IDLE_NANOS = 500_000_000L;
    /** How long the work sleeps between looks at the clock while the user is busy. */
    static final long NAP_NANOS = 20_000_000L;

    private final LongSupplier clock;
    private final PulsePacer.Sleeper sleeper;
    private final RunControl.Yield then;
    private volatile long lastInput;

    /**
     * A gate on {@code scene}'s input that then passes {@code then} (the window's pacer; null: nothing more);
     * call on the FX thread. The window counts as just used when the gate is made.
     */
    public static IdleGate on(Scene scene, RunControl.Yield then) {
        IdleGate gate = new IdleGate(System::nanoTime, nanos -> {
            LockSupport.parkNanos(nanos);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }, then);
        EventHandler<Event> noted = event -> gate.input(System.nanoTime());
        scene.addEventFilter(InputEvent.ANY, noted);
        gate.detach = () -> scene.removeEventFilter(InputEvent.ANY, noted);
        return gate;
    }

    private Runnable detach = () -> { };

    IdleGate(LongSupplier clock, PulsePacer.Sleeper sleeper, RunControl.Yield then) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.then = then;
        this.lastInput = clock.getAsLong();
    }

    /** The user did something in the window at {@code now} ({@link System#nanoTime()}). */
    void input(long now) {
        lastInput = now;
    }

    /** Stops watching the window's input; call on the FX thread. */
    public void close() {
        detach.run();
    }

    @Override
    public void await() throws InterruptedException {
        for (long since = clock.getAsLong() - lastInput; since < IDLE_NANOS; since = clock.getAsLong() - lastInput) {
            sleeper.sleep(Math.min(NAP_NANOS, IDLE_NANOS - since));
        }
        if (then != null) {
            then.await();
        }
    }
}
