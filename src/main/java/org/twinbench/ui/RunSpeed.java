package org.twinbench.ui;

import java.util.List;

/**
 * A choice of the toolbar's speed box: how many simulated steps a second the window's run takes
 * (0: as fast as possible).
 */
record RunSpeed(String label, double stepsPerSecond) {

    static final List<RunSpeed> CHOICES = List.of(new RunSpeed("As fast as possible", 0),
            new RunSpeed("60 steps per second", 60), new RunSpeed("20 steps per second", 20),
            new RunSpeed("5 steps per second", 5), new RunSpeed("1 step per second", 1));

    @Override
    public String toString() {
        return label;
    }
}
