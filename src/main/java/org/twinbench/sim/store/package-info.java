/**
 * The run store: every run, its steps, alarms and reliability bins in one SQLite file, written as the run goes.
 */
package org.twinbench.sim.store;
