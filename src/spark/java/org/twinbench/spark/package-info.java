/**
 * Scale-out on Apache Spark, compiled only by the {@code -Pspark} build (Spark is {@code provided}:
 * the desktop app does not carry it). Registers the {@code spark} {@link org.twinbench.sim.sweep.SweepExecutor.Cluster}
 * used by {@code twinbench sweep --spark MASTER} and holds the {@code spark-submit} main class. Results
 * stream to the driver task by task; the steps are also written as Parquet by Spark ({@code StepsTable});
 * data named by a URI is read through Hadoop and broadcast or read by each executor ({@code SparkData}).
 */
package org.twinbench.spark;
