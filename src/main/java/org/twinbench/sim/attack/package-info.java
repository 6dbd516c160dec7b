/**
 * Attacks on the deployed model, run beside the monitors: an attacker sees only what the deployment node
 * answers (with its defences) and the twin measures how much of the model it takes away.
 */
package org.twinbench.sim.attack;
