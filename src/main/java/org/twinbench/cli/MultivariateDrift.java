package org.twinbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.twinbench.data.Frame;
import org.twinbench.data.MultivariateEncoding;
import org.twinbench.stats.ColumnContribution;
import org.twinbench.stats.DomainClassifierDrift;
import org.twinbench.stats.ReconstructionDrift;

/**
 * {@code drift --multivariate[=METHOD]}: one decision on all compared columns together (docs/cli.md), by a domain
 * classifier ({@link DomainClassifierDrift}) or the PCA reconstruction error ({@link ReconstructionDrift}). The
 * columns are encoded by {@link MultivariateEncoding}; identifiers and dates are left out.
 *
 * @param statistic the AUC or the reconstruction error
 * @param lower the lower threshold of the reconstruction error (NaN for the classifier)
 * @param leftOut compared columns the detector could not use (identifiers, dates, no values)
 */
record MultivariateDrift(String method, double statistic, double threshold, double lower, boolean drifted,
                         List<ColumnContribution> columns, List<String> leftOut) {

    static final String DOMAIN_CLASSIFIER = "domain-classifier";
    static final String RECONSTRUCTION = "reconstruction";
    /** The domain classifier trains on at most this many rows of each table, picked by the seed. */
    static final int MAX_ROWS = 5000;

    static MultivariateDrift compute(String method, Frame reference, Frame current, List<String> compared, long seed) {
        String chosen = method.strip().toLowerCase(Locale.ROOT);
        if (!chosen.equals(DOMAIN_CLASSIFIER) && !chosen.equals(RECONSTRUCTION)) {
            throw new UserInputException("--multivariate: unknown method '" + method + "'; known: " + DOMAIN_CLASSIFIER
                    + ", " + RECONSTRUCTION);
        }
        List<String> usable = MultivariateEncoding.usableColumns(reference, compared);
        List<String> leftOut = new ArrayList<>(compared);
        leftOut.removeAll(usable);
        if (usable.isEmpty()) {
            throw new UserInputException("--multivariate: none of the compared columns can be used (identifiers, "
                    + "dates or no values): " + String.join(", ", compared));
        }
        MultivariateEncoding encoding = MultivariateEncoding.fit(reference, usable);
        double[][] ref = encoding.encode(reference);
        double[][] cur = encoding.encode(current);
        if (chosen.equals(RECONSTRUCTION)) {
            if (ref.length < ReconstructionDrift.MIN_ROWS) {
                throw new UserInputException("--multivariate reconstruction: the reference has " + ref.length
                        + " rows; its threshold needs at least " + ReconstructionDrift.MIN_ROWS);
            }
            ReconstructionDrift.Result result = ReconstructionDrift.fit(ref, seed).test(ref, cur, usable);
            return new MultivariateDrift(chosen, result.error(), result.thresholds().upper(),
                    result.thresholds().lower(), result.drifted(), result.columns(), leftOut);
        }
        SplittableRandom random = new SplittableRandom(seed);
        ref = DomainClassifierDrift.sample(ref, MAX_ROWS, random);
        cur = DomainClassifierDrift.sample(cur, MAX_ROWS, random);
        DomainClassifierDrift.Settings settings = DomainClassifierDrift.Settings.defaults(seed);
        int needed = 2 * settings.folds();
        if (ref.length < 2 * needed || cur.length < needed) {
            throw new UserInputException("--multivariate domain-classifier: needs at least " + 2 * needed
                    + " reference and " + needed + " current rows, not " + ref.length + " and " + cur.length);
        }
        DomainClassifierDrift.Result result = DomainClassifierDrift.test(ref, cur, usable, settings);
        return new MultivariateDrift(chosen, result.auc(), result.threshold(), Double.NaN, result.drifted(),
                result.columns(), leftOut);
    }

    private boolean classifier() {
        return method.equals(DOMAIN_CLASSIFIER);
    }

    ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("method", method);
        Json.putNumber(node, classifier() ? "auc" : "reconstruction_error", statistic);
        Json.putNumber(node, "threshold", threshold);
        if (classifier()) {
            Json.putNumber(node, "false_alarm_rate", DomainClassifierDrift.FALSE_ALARM_RATE);
        } else {
            Json.putNumber(node, "lower_threshold", lower);
        }
        node.put("drift", drifted);
        ArrayNode array = node.putArray("columns");
        for (ColumnContribution c : columns) {
            ObjectNode column = array.addObject();
            column.put("name", c.column());
            Json.putNumber(column, "contribution", c.contribution());
        }
        node.set("left_out", Json.MAPPER.valueToTree(leftOut));
        return node;
    }

    void print(PrintWriter out) {
        String decision = drifted ? "YES" : "no";
        if (classifier()) {
            out.printf(Locale.ROOT, "multivariate drift (domain classifier): AUC %.3f, threshold %.3f (%.0f%% false "
                    + "alarms): %s%n", statistic, threshold, 100 * DomainClassifierDrift.FALSE_ALARM_RATE, decision);
        } else {
            out.printf(Locale.ROOT, "multivariate drift (PCA reconstruction error): %.4g, band %.4g to %.4g: %s%n",
                    statistic, lower, threshold, decision);
        }
        if (!columns.isEmpty()) {
            out.println("    columns contributing most: " + String.join(", ", columns.stream()
                    .map(c -> String.format(Locale.ROOT, "%s %.3g", c.column(), c.contribution())).toList()));
        }
        if (!leftOut.isEmpty()) {
            out.println("    left out (identifiers, dates, no values): " + String.join(", ", leftOut));
        }
    }
}
