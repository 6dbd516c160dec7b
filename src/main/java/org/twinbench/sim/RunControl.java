package org.twinbench.sim;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Pause, single-step, resume and cancel for a running simulation. The engine calls
 * {@link #awaitPermit()} before every step; the other methods may be called from any thread. A
 * window may also set a {@link Yield} that the engine passes before each step (e.g. to give way
 * while the window's frames come late); a run without one is never slowed by it.
 */
public final class RunControl {

    /**
     * What the engine passes before each step once the step is permitted, outside any lock: it may
     * wait (briefly: the engine cannot be cancelled while it waits) to give the cores to a window.
     */
    @FunctionalInterface
    public interface Yield {
        void await() throws InterruptedException;
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean paused;
    private boolean cancelled;
    private int stepsAllowed;
    private double stepsPerSecond;
    private long lastPermitNanos = Long.MIN_VALUE;
    private volatile Yield yield;

    /** The engine passes {@code gate} before every step from now on; null (the default) passes straight on. */
    public void setYield(Yield gate) {
        this.yield = gate;
    }

    /** Paces the run for watching: at most this many steps per second; 0 means as fast as possible. */
    public void setStepsPerSecond(double rate) {
        if (!(rate >= 0)) {
            throw new IllegalArgumentException("steps per second must be 0 or more, not " + rate);
        }
        lock.lock();
        try {
            stepsPerSecond = rate;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public double stepsPerSecond() {
        lock.lock();
        try {
            return stepsPerSecond;
        } finally {
            lock.unlock();
        }
    }

    public void pause() {
        lock.lock();
        try {
            paused = true;
            stepsAllowed = 0;
        } finally {
            lock.unlock();
        }
    }

    public void resume() {
        lock.lock();
        try {
            paused = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** While paused, lets exactly one more step run. */
    public void step() {
        lock.lock();
        try {
            paused = true;
            stepsAllowed++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public void cancel() {
        lock.lock();
        try {
            cancelled = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private boolean paced() {
        return stepsPerSecond > 0 && lastPermitNanos != Long.MIN_VALUE;
    }

    public boolean isCancelled() {
        lock.lock();
        try {
            return cancelled;
        } finally {
            lock.unlock();
        }
    }

    public boolean isPaused() {
        lock.lock();
        try {
            return paused;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Passes the {@link #setYield yield} if one is set, then blocks while paused (unless a single step
     * was granted) and, when paced, until the step's time has come; returns false once cancelled.
     */
    public boolean awaitPermit() throws InterruptedException {
        Yield gate = yield;
        if (gate != null) {
            gate.await();
        }
        lock.lock();
        try {
            while (!cancelled) {
                if (paused && stepsAllowed == 0) {
                    changed.await();
                    continue;
                }
                long wait = paced() ? lastPermitNanos + (long) (1e9 / stepsPerSecond) - System.nanoTime() : 0;
                if (!paused && wait > 0) {
                    changed.awaitNanos(wait);
                    continue;
                }
                break;
            }
            if (cancelled) {
                return false;
            }
            if (paused) {
                stepsAllowed--;
            }
            lastPermitNanos = System.nanoTime();
            return true;
        } finally {
            lock.unlock();
        }
    }
}
