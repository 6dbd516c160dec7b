/**
 * The guided check's what-if study: everyday changes at a few strengths, each run as a scenario and judged against the untouched run.
 */
package org.twinbench.sim.whatif;
