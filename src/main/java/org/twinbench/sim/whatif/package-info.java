/**
 * What-ifs: the guided check's study (everyday changes at a few strengths, each run as a scenario and
 * judged against the untouched run) and a branch from a step of a run ({@link org.twinbench.sim.whatif.Branch}).
 */
package org.twinbench.sim.whatif;
