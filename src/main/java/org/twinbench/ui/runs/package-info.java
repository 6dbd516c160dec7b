/**
 * The window's runs: starting, pausing and stopping them, the run history and parameter sweeps.
 */
package org.twinbench.ui.runs;
