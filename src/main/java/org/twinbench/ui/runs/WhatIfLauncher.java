package org.twinbench.ui.runs;

import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Starts "What-if from here" of the run history in the main window ({@link WindowRun#startBranch}), where it
 * runs the scenario open there, saved or not, with the window's replicates, and where Stop ends it.
 */
@FunctionalInterface
public interface WhatIfLauncher {

    /**
     * Runs the window's scenario from {@code step} of the recorded run {@code baseId}; on the FX thread,
     * {@code recorded} is told the branch's run id, or {@code ended} why it was refused or stopped.
     */
    void start(long baseId, int step, LongConsumer recorded, Consumer<String> ended);
}
