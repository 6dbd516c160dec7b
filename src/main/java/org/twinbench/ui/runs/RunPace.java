package org.twinbench.ui.runs;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import org.twinbench.sim.RunControl;
import org.twinbench.ui.fx.PulsePacer;

/**
 * The pace of the window's current run: its speed in steps per second (0 flat out), pause, one step at a
 * time and stop, passed to the engine's {@link RunControl}; while a run goes the {@link PulsePacer} gives the
 * window's frames the cores first. Changed on the FX thread. Part of {@link WindowRun}.
 */
final class RunPace {

    private final DoubleProperty speed;
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper();
    private final PulsePacer pacer = new PulsePacer();
    private volatile RunControl control;

    RunPace(double stepsPerSecond) {
        speed = new SimpleDoubleProperty(stepsPerSecond);
    }

    /** The control of a run that starts now, at the current speed, not paused. */
    RunControl begin() {
        RunControl runControl = new RunControl();
        runControl.setStepsPerSecond(speed.get());
        runControl.setYield(pacer);
        pacer.start();
        control = runControl;
        paused.set(false);
        return runControl;
    }

    /** The run has ended: the frames no longer give way, nothing is paused. */
    void end() {
        pacer.stop();
        paused.set(false);
    }

    /** Stops the current run's engine (its steps end as soon as it sees). */
    void cancel() {
        RunControl current = control;
        if (current != null) {
            current.cancel();
        }
    }

    /** Pauses a going run or resumes a paused one; returns the words for the status line (null: no run). */
    String togglePause() {
        RunControl current = control;
        if (current == null) {
            return null;
        }
        if (current.isPaused()) {
            current.resume();
            paused.set(false);
            return "Running ...";
        }
        current.pause();
        paused.set(true);
        return "Paused";
    }

    /** Runs exactly one more step, and stays paused. */
    void step() {
        RunControl current = control;
        if (current != null) {
            current.step();
            paused.set(true);
        }
    }

    /** Changes the pace of the running simulation (and of the next one). */
    void setSpeed(double stepsPerSecond) {
        speed.set(stepsPerSecond);
        RunControl current = control;
        if (current != null) {
            current.setStepsPerSecond(stepsPerSecond);
        }
    }

    /** Whether the run is paced (every step may be shown) rather than flat out. */
    boolean paced() {
        return speed.get() > 0;
    }

    DoubleProperty speedProperty() {
        return speed;
    }

    boolean isPaused() {
        return paused.get();
    }

    ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }
}
