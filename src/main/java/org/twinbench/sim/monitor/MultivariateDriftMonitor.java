package org.twinbench.sim.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.twinbench.data.Frame;
import org.twinbench.data.MultivariateEncoding;
import org.twinbench.sim.Alarm;
import org.twinbench.sim.StepOutput;
import org.twinbench.stats.ColumnContribution;
import org.twinbench.stats.DomainClassifierDrift;
import org.twinbench.stats.ReconstructionDrift;

/**
 * Multivariate drift per step (docs/cli.md#multivariate-drift): each step's rows of the features, all together,
 * against the reference rows, by a domain classifier ({@code <id>.auc}) or the PCA reconstruction error
 * ({@code <id>.reconstruction_error}); {@code <id>.threshold} records the step's threshold beside it. Alarms (once
 * per crossing) when the step drifted, naming the columns contributing most. Thresholds depend on the step's row
 * count only, so they are calibrated once per count and shared by the replicates.
 */
public final class MultivariateDriftMonitor implements Monitor {

    /** The domain classifier compares each step with at most this many reference rows (a seeded sample). */
    public static final int CLASSIFIER_REFERENCE_ROWS = 1000;
    /** The start of every alarm's detail. */
    public static final String PREFIX = "multivariate drift: ";

    private final String nodeId;
    private final boolean classifier;
    private final MultivariateEncoding encoding;
    private final double[][] reference;
    private final ReconstructionDrift pca;
    private final long seed;
    private final Map<Integer, Double> upperByRows = new ConcurrentHashMap<>();
    private final Map<Integer, Double> lowerByRows = new ConcurrentHashMap<>();

    private MultivariateDriftMonitor(String nodeId, boolean classifier, MultivariateEncoding encoding,
                                     double[][] reference, long seed) {
        this.nodeId = nodeId;
        this.classifier = classifier;
        this.encoding = encoding;
        this.reference = reference;
        this.pca = classifier ? null : ReconstructionDrift.fit(reference, seed);
        this.seed = seed;
    }

    /**
     * @param method {@code domain-classifier} or {@code reconstruction}
     * @param features the columns to watch, already checked to exist in the reference
     */
    public static MultivariateDriftMonitor of(String nodeId, String method, Frame referenceRows, List<String> features,
                                              long seed) {
        MultivariateEncoding encoding = MultivariateEncoding.fit(referenceRows, features);
        double[][] rows = encoding.encode(referenceRows);
        boolean classifier = "domain-classifier".equals(method);
        if (classifier) {
            rows = DomainClassifierDrift.sample(rows, CLASSIFIER_REFERENCE_ROWS, new SplittableRandom(seed));
        }
        return new MultivariateDriftMonitor(nodeId, classifier, encoding, rows, seed);
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    public List<String> features() {
        return encoding.columns();
    }

    @Override
    public Watch start() {
        boolean[] above = new boolean[1];
        return (arrived, current, out) -> observe(current.rows(), out, above);
    }

    private void observe(Frame rows, StepOutput out, boolean[] above) {
        double[][] batch = encoding.encode(rows);
        String statistic = classifier ? "auc" : "reconstruction_error";
        DomainClassifierDrift.Settings settings = DomainClassifierDrift.Settings.defaults(seed);
        int needed = 2 * settings.folds();
        if (batch.length == 0 || classifier && (batch.length < needed || reference.length < 2 * needed)) {
            return;
        }
        double value;
        double upper;
        boolean drifted;
        List<ColumnContribution> columns = List.of();
        if (classifier) {
            upper = upperByRows.computeIfAbsent(batch.length,
                    n -> DomainClassifierDrift.calibrate(reference, n, settings).threshold());
            value = DomainClassifierDrift.crossValidatedAuc(reference, batch, settings.folds(), settings.trees(), seed);
            drifted = value > upper;
            if (drifted && !above[0]) {
                columns = DomainClassifierDrift.test(reference, batch, encoding.columns(), settings).columns();
            }
        } else {
            upper = upperByRows.computeIfAbsent(batch.length, n -> pca.thresholds(n).upper());
            double lower = lowerByRows.computeIfAbsent(batch.length, n -> pca.thresholds(n).lower());
            value = pca.error(batch);
            drifted = new ReconstructionDrift.Thresholds(lower, upper).drifted(value);
            if (drifted && !above[0]) {
                columns = pca.test(reference, batch, encoding.columns()).columns();
            }
        }
        out.measure(nodeId + "." + statistic, value);
        out.measure(nodeId + ".threshold", upper);
        if (drifted && !above[0]) {
            List<String> names = new ArrayList<>();
            columns.forEach(c -> names.add(c.column()));
            String what = classifier ? String.format(Locale.ROOT, "AUC %.3f above its threshold %.3f", value, upper)
                    : String.format(Locale.ROOT, "reconstruction error %.3f outside the band %.3f to %.3f", value,
                    lowerByRows.get(batch.length), upper);
            out.signal(nodeId, Alarm.ALARM, PREFIX + what
                    + (names.isEmpty() ? "" : " (columns contributing most: " + String.join(", ", names) + ")"));
        }
        above[0] = drifted;
    }
}
