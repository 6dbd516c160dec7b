/**
 * Scale-out on Apache Spark, compiled only by the {@code -Pspark} build (Spark is {@code provided}:
 * the desktop app does not carry it). Registers the {@code spark} {@link org.twinbench.sim.SweepExecutor.Cluster}
 * used by {@code twinbench sweep --spark MASTER} and holds the {@code spark-submit} main class.
 */
package org.twinbench.spark;
