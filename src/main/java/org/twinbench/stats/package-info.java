/**
 * The measuring core: classification metrics overall and per slice, drift statistics and streaming
 * detectors. Pure computation on primitive arrays; it depends on nothing else of TwinBench. Every
 * statistic follows the definition written in {@code shared/CLI.md}.
 */
package org.twinbench.stats;
