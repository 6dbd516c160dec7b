/**
 * Perturbations: what a scenario does to the rows of a step before the model sees them (covariate, prior and concept shift, noise, missing values, outliers, scale bugs, poisoning).
 */
package org.twinbench.sim.perturb;
