/**
 * Sweeps: one scenario over a grid of parameter values, run locally or on an executor such as Spark.
 */
package org.twinbench.sim.sweep;
