/**
 * The window's runs: starting, pausing and stopping them ({@code WindowRun}, with its progress and time
 * left in {@code RunProgress}), the run history and parameter sweeps.
 */
package org.twinbench.ui.runs;
