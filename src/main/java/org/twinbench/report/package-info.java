/**
 * Exports of a finished run: {@code steps.csv} (one row per replicate, step, slice and metric),
 * {@code alarms.csv}, {@code run.json} (provenance and summary) and {@code report.html} (a
 * self-contained page with inline SVG charts that reads offline). Every file is written atomically.
 * Sweeps: their folders ({@code SweepFiles}, written point by point as results arrive by
 * {@code SweepWriter}), bundles for a cluster ({@code SweepBundle}) and the import of a sweep's
 * results into the run store ({@code SweepImport}, reading runs back with {@code RunFolder}).
 */
package org.twinbench.report;
