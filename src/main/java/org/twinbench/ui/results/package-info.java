/**
 * Live results: metric curves per slice, the slice table, the drift heatmap, the reliability diagram and their exports.
 */
package org.twinbench.ui.results;
