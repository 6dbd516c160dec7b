/**
 * The measuring core. Pure computation on primitive arrays; it depends on nothing else of TwinBench.
 * Every statistic follows the definition written in {@code docs/cli.md} or names its source.
 *
 * <ul>
 *   <li>Distribution drift: {@link org.twinbench.stats.ReferenceProfile} (built once per reference column)
 *       compares windows into {@link org.twinbench.stats.NumericDrift} / {@link org.twinbench.stats.CategoricalDrift};
 *       {@link org.twinbench.stats.DriftRule} and {@link org.twinbench.stats.DatasetDrift} decide, with an optional
 *       multiple-testing correction.</li>
 *   <li>Streaming detectors: {@link org.twinbench.stats.ChangeDetector} (ADWIN, DDM, EDDM, Page–Hinkley, KSWIN,
 *       HDDM-A, CUSUM) made by {@link org.twinbench.stats.ChangeDetectors}; {@link org.twinbench.stats.DetectorEvaluation}
 *       scores detections against known change points.</li>
 *   <li>Metrics per slice: {@link org.twinbench.stats.ClassificationMetrics}, {@link org.twinbench.stats.BinaryMetric},
 *       {@link org.twinbench.stats.RegressionMetrics}, slicings ({@link org.twinbench.stats.SliceColumn}),
 *       {@link org.twinbench.stats.FairnessGaps}, {@link org.twinbench.stats.BootstrapInterval} and the
 *       reliability diagram's bins ({@link org.twinbench.stats.ReliabilityBins});
 *       {@link org.twinbench.stats.SliceMetrics#bySlice} takes every slice in one fused pass (SlicePass) when
 *       the scores are probabilities.</li>
 *   <li>Performance without labels: {@link org.twinbench.stats.Cbpe} with {@link org.twinbench.stats.Calibration}.</li>
 * </ul>
 */
package org.twinbench.stats;
