/**
 * Exports of a finished run: {@code steps.csv} (one row per replicate, step, slice and metric),
 * {@code alarms.csv}, {@code run.json} (provenance and summary) and {@code report.html} (a
 * self-contained page with inline SVG charts that reads offline). Every file is written atomically.
 */
package org.twinbench.report;
