/**
 * Monitors: what watches each step (performance, feature and prediction drift, error-stream detectors, fairness, CBPE) and raises alarms.
 */
package org.twinbench.sim.monitor;
