/**
 * The window's runs: starting, pausing and stopping them ({@code WindowRun}; one run on the executor in
 * {@code RunPass}, its pace in {@code RunPace}, its progress and time left in {@code RunProgress}), the run
 * history and parameter sweeps.
 */
package org.twinbench.ui.runs;
