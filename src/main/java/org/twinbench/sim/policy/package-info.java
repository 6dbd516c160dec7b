/**
 * Policies: what a run does when monitors speak (retraining, champion and challenger, promotion).
 */
package org.twinbench.sim.policy;
