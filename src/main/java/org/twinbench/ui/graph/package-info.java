/**
 * The scenario canvas: the graph view, its palette of node types and the inspector of the selected node.
 */
package org.twinbench.ui.graph;
