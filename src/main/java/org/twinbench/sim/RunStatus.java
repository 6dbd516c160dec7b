package org.twinbench.sim;

/** How a run ended. */
public enum RunStatus { COMPLETED, CANCELLED, FAILED }
