/**
 * Where a run's rows come from: a dataset replayed in batches, or a synthetic stream (SEA, Agrawal, rotating hyperplane) as MOA generates them.
 */
package org.twinbench.sim.source;
