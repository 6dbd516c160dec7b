/**
 * The {@code bench} workloads: each measures a TwinBench operation and, in the same run, a reference
 * (a hand-written loop, {@code Arrays.sort}, or another library on the same data), and reports rows
 * per second and the ratio of the two. Results are figures for notes and CI logs, never assertions.
 * Each layer's workloads live in their own class: {@link org.twinbench.bench.StatsWorkloads},
 * {@link org.twinbench.bench.DataWorkloads}, {@link org.twinbench.bench.EngineWorkloads}.
 */
package org.twinbench.bench;
