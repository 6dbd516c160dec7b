/**
 * The simulation engine: compiles a scenario into a plan (data loaded, model trained), runs it
 * forward step by step on the caller's thread, and reports immutable {@link org.twinbench.sim.StepResult}s
 * to listeners. Runs can be paused, stepped and cancelled through a {@link org.twinbench.sim.RunControl}.
 * Every random draw comes from {@link org.twinbench.sim.Seeds}, so a run is reproducible bit for bit.
 */
package org.twinbench.sim;
