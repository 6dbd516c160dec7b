package org.twinbench.sim.whatif;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.twinbench.data.PlainWords;
import org.twinbench.sim.Alarm;
import org.twinbench.sim.StepResult;
import org.twinbench.sim.monitor.DataQualityMonitor;

/**
 * What a guided-check run's own monitors said, beside what it counted: the data-quality alarms (the study's
 * {@code monitor.data-quality} node, {@link DataQualityMonitor}: a column missing, outside the reference range, or in
 * categories never seen), the first of each column and check with its step; and for a yes/no model the parity ratio of
 * each group column (the slice-metrics node's fairness measures: the least-favoured group's share answered "yes" over
 * the most-favoured's), averaged over the steps after the change has fully arrived. {@link #words} says, beside the
 * same run without the change, what the change broke or made uneven.
 */
public final class RunAlarms {

    /** A column and the check that failed ("plan" and "in categories the reference never had"). */
    private static final Pattern QUALITY = Pattern.compile("^(.*?) (missing in|outside the reference range|in categories"
            + " the reference never had) .*$");
    /** The four-fifths rule: a parity ratio below it is a fairness finding, as in the run's verdict. */
    static final double FOUR_FIFTHS = 0.8;

    private final Map<String, String> quality = new LinkedHashMap<>();
    private final Map<String, Integer> qualityStep = new LinkedHashMap<>();
    private final Map<String, double[]> parity = new LinkedHashMap<>();

    /** Takes one step's alarms and measures. */
    void add(StepResult result) {
        for (Alarm alarm : result.alarms()) {
            if (alarm.isAlarm() && alarm.detail().startsWith(DataQualityMonitor.PREFIX)) {
                String detail = alarm.detail().substring(DataQualityMonitor.PREFIX.length());
                Matcher m = QUALITY.matcher(detail);
                String key = m.matches() ? m.group(1) + "|" + m.group(2) : detail;
                if (!quality.containsKey(key)) {
                    quality.put(key, detail);
                    qualityStep.put(key, result.step());
                }
            }
        }
        if (result.step() < WhatIfStudy.FULL_FROM) {
            return;
        }
        String prefix = WhatIfStudy.GROUPS_NODE + ".";
        result.measures().forEach((name, value) -> {
            if (name.startsWith(prefix) && name.endsWith(".parity_ratio") && !Double.isNaN(value)) {
                String column = name.substring(prefix.length(), name.length() - ".parity_ratio".length());
                double[] sum = parity.computeIfAbsent(column, c -> new double[2]);
                sum[0] += value;
                sum[1]++;
            }
        });
    }

    /** The mean parity ratio of {@code column} over the counted steps; NaN when not measured. */
    public double parityRatio(String column) {
        double[] sum = parity.get(column);
        return sum == null || sum[1] == 0 ? Double.NaN : sum[0] / sum[1];
    }

    /** The data-quality findings, the first of each column and check, with the step it started ("" key order). */
    public List<String> qualityFindings() {
        return List.copyOf(quality.values());
    }

    /**
     * What this run's monitors say that the run without the change ({@code unchanged}) did not, in plain words ("" when
     * nothing): " A data check would raise the alarm from week 9: “tenure months” missing in 400 of 400 rows (100%;
     * reference 0.0%)." — a column the change breaks — and " It also treats the groups of “region” much less evenly:
     * the group answered “yes” least gets that answer 0.55 times as often as the one answered most (below the
     * four-fifths rule), against 0.93 without the change." (the parity ratio below 0.8 with the change, not without).
     */
    public String words(RunAlarms unchanged, String positive) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> finding : quality.entrySet()) {
            if (unchanged != null && unchanged.quality.containsKey(finding.getKey())) {
                continue;
            }
            Matcher m = QUALITY.matcher(finding.getValue());
            String detail = m.matches() ? "“" + PlainWords.column(m.group(1)) + "”"
                    + finding.getValue().substring(m.group(1).length()) : finding.getValue();
            text.append(String.format(Locale.ROOT, " A data check would raise the alarm from week %d: %s.",
                    qualityStep.get(finding.getKey()) + 1, detail));
        }
        for (String column : parity.keySet()) {
            double after = parityRatio(column);
            double before = unchanged == null ? Double.NaN : unchanged.parityRatio(column);
            if (after < FOUR_FIFTHS && !(before < FOUR_FIFTHS)) {
                text.append(String.format(Locale.ROOT, " It also treats the groups of “%s” much less evenly: the group "
                        + "answered “%s” least gets that answer %.2f times as often as the one answered most (below the "
                        + "four-fifths rule)%s.", PlainWords.column(column), positive == null ? "yes" : positive, after,
                        Double.isNaN(before) ? "" : String.format(Locale.ROOT, ", against %.2f without the change",
                                before)));
            }
        }
        return text.toString();
    }
}
