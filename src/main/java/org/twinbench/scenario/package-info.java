/**
 * The scenario graph: nodes with typed parameters, edges, schedules, validation with messages that
 * name the node, and the versioned {@code *.twin.json} file format.
 */
package org.twinbench.scenario;
