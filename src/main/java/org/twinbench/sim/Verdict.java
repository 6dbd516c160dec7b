package org.twinbench.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.twinbench.sim.RunSummary.Light;
import org.twinbench.sim.monitor.DataQualityMonitor;
import org.twinbench.sim.monitor.OutcomeShareMonitor;
import org.twinbench.stats.ReliabilityBins;
import org.twinbench.stats.SliceMetrics;
import org.twinbench.stats.WilsonInterval;

/**
 * The traffic light of a run without gates and the headline that names what drove it (docs/verdicts.md,
 * "The verdict"). It weighs the model's level as well as its change, each with its uncertainty:
 * <ul>
 *   <li>a feature that gives the outcome away ({@link RunFindings#leaks}): at least AMBER, "Optimistic figures: …",
 *       the column named — every other figure of the run is measured with it;</li>
 *   <li>data-quality alarms (RED) and outcome-share alarms (at least AMBER) lead, as news about the data; an
 *       outcome-share alarm within a slice is AMBER too, its reason naming the slice, after the model's findings;</li>
 *   <li>level: accuracy over every labelled row against always answering the majority class (RED when the
 *       Wilson interval of the model's accuracy lies below it, AMBER when it holds it), and recall (AMBER when
 *       its Wilson interval lies below one half: the model misses most positives);</li>
 *   <li>change: accuracy in the first against the last tenth of the steps, overall and per slice, counted
 *       only when the 95% interval of the fall (Newcombe's hybrid score interval) excludes 0 and both tenths
 *       hold at least {@value #MIN_ROWS} labelled rows — smaller slices are shown, never judged: a fall of
 *       0.05 or more is RED, of 0.02 or more AMBER; when no group can be judged ({@link JudgedGroups}), AMBER: no
 *       change could be judged, and why;</li>
 *   <li>fairness: the parity ratio of a slice column (measured by a slice-metrics node with {@code fairness};
 *       selection rates pooled over a tenth, groups under {@value #MIN_ROWS} rows left out) whose last tenth
 *       is below four-fifths: RED when it fell there by 0.1 or more from the first tenth,
 *       AMBER otherwise;</li>
 *   <li>calibration collapse: the expected calibration error of the last tenth (pooled reliability bins)
 *       at least 0.15 and 0.10 above the first tenth's: AMBER.</li>
 * </ul>
 * The light is the worst finding's; the headline leads with the data alarms (they explain the rest), then the
 * worst finding's sentence, then the next two, and always the calibration collapse when there is one (however many
 * findings rank above it).
 */
public record Verdict(Light light, String headline, List<String> reasons) {

    /** Labelled rows a slice needs in each compared tenth of the run before its change can drive the verdict. */
    public static final int MIN_ROWS = 30;
    static final double FOUR_FIFTHS = 0.8;
    /** Below this share of different rows among the labelled draws, the headline says how many there were. */
    static final double REPEAT_NOTE = 0.9;
    /** The start of the calibration-collapse sentence, which the headline always carries when there is one. */
    static final String CALIBRATION = "Calibration collapses: ";

    public Verdict {
        reasons = List.copyOf(reasons);
    }

    /** One thing the verdict found: how bad, and its sentence. */
    private record Finding(Light light, int order, String sentence) {
    }

    public static Verdict of(RunOutcome outcome, RunSeries series) {
        List<Finding> findings = new ArrayList<>();
        dataAlarms(outcome, findings);
        int steps = series.steps();
        int window = Math.max(1, steps / 10);
        PooledAccuracy all = PooledAccuracy.of(outcome, StepResult.OVERALL, 0, steps);
        level(outcome, all, steps, findings);
        String leak = LeakedFigures.sentence(outcome.foundOrNone(), all.n() == 0 ? "" : String.format(Locale.ROOT,
                "accuracy %.2f", all.accuracy()));
        if (leak != null) {
            findings.add(new Finding(Light.AMBER, 1, leak));
        }
        change(outcome, PooledAccuracy.tenths(outcome, series), all, findings);
        fairness(outcome, series, steps, window, findings);
        calibration(outcome, steps, window, findings);
        if (all.n() == 0) {
            findings.add(new Finding(Light.AMBER, 9, "No accuracy could be measured (no labelled rows)."));
        }
        // News about the data leads: it explains what the model's figures show.
        findings.sort(Comparator.comparing((Finding f) -> f.order > 1).thenComparing((Finding f) -> f.light,
                Comparator.reverseOrder()).thenComparingInt(f -> f.order));
        Light worst = findings.stream().map(Finding::light).max(Comparator.naturalOrder()).orElse(Light.GREEN);
        if (worst == Light.GREEN) {
            String held = "The model holds: " + level(outcome, all, steps) + ", and no fall that the data can tell "
                    + "from noise.";
            List<String> notes = findings.stream().map(Finding::sentence).toList();
            return new Verdict(Light.GREEN, notes.isEmpty() ? held : held + " " + String.join(" ", notes), notes);
        }
        List<String> sentences = findings.stream().filter(f -> f.light != Light.GREEN).map(Finding::sentence)
                .toList();
        List<String> shown = new ArrayList<>(sentences.subList(0, Math.min(sentences.size(), 3)));
        // A calibration collapse is always named: the scores can no longer be read as chances, whatever else fell.
        sentences.stream().filter(s -> s.startsWith(CALIBRATION)).filter(s -> !shown.contains(s)).findFirst()
                .ifPresent(shown::add);
        String headline = shown.get(0) + (shown.size() > 1 ? " Also: " + String.join(" ",
                shown.subList(1, shown.size())) : "");
        return new Verdict(worst, headline, sentences);
    }

    /**
     * Data-quality alarms (RED), outcome-share alarms of the whole data and of a slice (AMBER, the slice named by
     * its alarm), each led by its earliest.
     */
    private static void dataAlarms(RunOutcome outcome, List<Finding> findings) {
        for (String prefix : List.of(DataQualityMonitor.PREFIX, OutcomeShareMonitor.PREFIX,
                OutcomeShareMonitor.SLICE_PREFIX)) {
            String news = alarmNews(outcome, prefix);
            if (news == null) {
                continue;
            }
            boolean quality = prefix.equals(DataQualityMonitor.PREFIX);
            boolean slice = prefix.equals(OutcomeShareMonitor.SLICE_PREFIX);
            // A slice's outcome can move for many reasons (its mix of rows, its concept): named, after the model's findings.
            findings.add(new Finding(quality ? Light.RED : Light.AMBER, quality ? 0 : slice ? 7 : 1, news));
        }
    }

    /**
     * The sentence for the run's alarms of one kind ({@code prefix}: data quality, outcome share, a slice's outcome
     * share), led by the earliest — "Data quality: … from step 3 (and 2 more data-quality alarms)." — or null when
     * there are none. Every task's verdict says it the same way.
     */
    static String alarmNews(RunOutcome outcome, String prefix) {
        List<Alarm> alarms = outcome.alarms().stream().filter(a -> a.isAlarm() && a.detail().startsWith(prefix))
                .sorted(Comparator.comparingInt(Alarm::step)).toList();
        if (alarms.isEmpty()) {
            return null;
        }
        boolean quality = prefix.equals(DataQualityMonitor.PREFIX);
        boolean slice = prefix.equals(OutcomeShareMonitor.SLICE_PREFIX);
        String name = quality ? "Data quality: " : slice ? "Outcome share in a slice: " : "Outcome share: ";
        Alarm first = alarms.get(0);
        int more = alarms.size() - 1;
        return name + first.detail().substring(prefix.length()) + " from step " + first.step()
                + (more > 0 ? " (and " + more + " more " + (quality ? "data-quality" : slice
                ? "slice outcome-share" : "outcome-share") + " alarms)" : "") + ".";
    }

    /**
     * The model against always answering the majority class, and its recall, over every labelled row; the
     * outcome's values named as the data names them ('malignant', 'benign') when the run knows them.
     */
    private static void level(RunOutcome outcome, PooledAccuracy all, int steps, List<Finding> findings) {
        if (all.n() == 0 || all.positives() < 0) {
            return;
        }
        RunFindings names = outcome.foundOrNone();
        ReplicateBand band = ReplicateBand.of(PooledAccuracy.perReplicate(outcome, StepResult.OVERALL, 0, steps, 0, 0));
        double[] ci = band != null ? new double[] {band.low(), band.high()}
                : WilsonInterval.of(all.accuracy(), (int) names.distinctRows(all.n()));
        String interval = AccuracyWords.accuracyInterval(outcome, all, steps);
        double majority = all.majority();
        String positive = names.positiveOr("'positive'");
        String answer = all.positives() * 2 > all.n() ? positive
                : names.negativeOr(names.positive() == null ? "'negative'" : "not " + positive);
        String ofPositives = names.positive() == null ? "the positives" : positive;
        double recall = all.recall();
        double[] recallCi = WilsonInterval.of(recall, (int) names.distinctRows(all.positives()));
        String misses = Double.isNaN(recall) ? "the model is wrong more often than a constant answer"
                : String.format(Locale.ROOT, "the model misses %.0f%% of %s", 100 * (1 - recall), ofPositives);
        if (ci[1] < majority) {
            findings.add(new Finding(Light.RED, 2, String.format(Locale.ROOT, "%s — always answering %s scores "
                    + "higher: accuracy %.2f (%s) against %.2f.", capital(misses), answer, all.accuracy(), interval,
                    majority)));
        } else if (ci[0] <= majority) {
            findings.add(new Finding(Light.AMBER, 2, String.format(Locale.ROOT, "The model is not clearly better "
                    + "than always answering %s: accuracy %.2f (%s) against %.2f.", answer, all.accuracy(), interval,
                    majority)));
        } else if (!Double.isNaN(recall) && all.positives() >= MIN_ROWS && recallCi[1] < 1.0 / 3) {
            findings.add(new Finding(Light.AMBER, 3, String.format(Locale.ROOT, "The model catches only %.0f%% of "
                    + "%s (95%% interval %.0f–%.0f%%).", 100 * recall, ofPositives, 100 * recallCi[0],
                    100 * recallCi[1])));
        }
    }

    /**
     * The largest fall of accuracy from the first to the last tenth that the data can tell from noise; when no group
     * has enough rows at both ends, that no change could be judged and why (AMBER: a run that cannot tell is not
     * called holding), with the level over every labelled row unless a level finding already gives it.
     */
    private static void change(RunOutcome outcome, JudgedGroups<PooledAccuracy> groups, PooledAccuracy all,
                               List<Finding> findings) {
        int judged = groups.judged();
        if (judged == 0) {
            if (all.n() > 0) {
                boolean levelSaid = findings.stream().anyMatch(f -> f.order == 2 || f.order == 3);
                findings.add(new Finding(Light.AMBER, 4, "No change in accuracy could be judged: "
                        + groups.notJudged("") + "." + (levelSaid ? "" : " " + capital(level(outcome, all,
                        groups.steps())) + ".")));
            }
            return;
        }
        double worst = 0;
        String worstSentence = null;
        int steps = groups.steps();
        int window = groups.window();
        for (JudgedGroups.Ends<PooledAccuracy> ends : groups.groups()) {
            if (!ends.judged()) {
                continue;
            }
            String slice = ends.group();
            PooledAccuracy first = ends.first();
            PooledAccuracy last = ends.last();
            double drop = first.accuracy() - last.accuracy();
            // With replicates, the fall of each replicate and their band; else Newcombe's interval of the pooled rows.
            ReplicateBand band = ReplicateBand.of(PooledAccuracy.perReplicate(outcome, slice, 0, window,
                    steps - window, steps));
            double[] ci = band != null ? new double[] {band.low(), band.high()}
                    : newcombe(first.correct(), first.n(), last.correct(), last.n());
            // One-sided at 0.025 / m: Newcombe's two-sided 95% interval excluding 0 on the side of a fall.
            boolean beyondChance = band != null || judged <= 1 || org.twinbench.stats.TwoProportionTest.pValueGreater(
                    first.correct(), first.n(), last.correct(), last.n()) < groups.threshold(0.025);
            if (ci[0] > 0 && beyondChance && drop > worst) {
                worst = drop;
                worstSentence = String.format(Locale.ROOT, "Accuracy falls by %.3f%s (%.2f → %.2f; %s).", drop,
                        ends.overall() ? "" : " in " + slice, first.accuracy(), last.accuracy(),
                        band != null ? band.describe("%.3f") + " of the fall"
                                : String.format(Locale.ROOT, "95%% interval of the fall %.3f–%.3f", ci[0], ci[1]));
            }
        }
        if (worstSentence != null) {
            Light light = worst >= 0.05 ? Light.RED : worst >= 0.02 ? Light.AMBER : Light.GREEN;
            findings.add(new Finding(light, 4, worstSentence));
        }
        List<String> small = groups.small();
        if (!small.isEmpty()) {
            findings.add(new Finding(Light.GREEN, 8, "Not judged, under " + MIN_ROWS + " labelled rows in a tenth: "
                    + JudgedGroups.named(small) + "."));
        }
    }

    /**
     * The model's level over every labelled row, as a held headline words it: "accuracy 0.95 (95% interval
     * 0.93–0.96) over 2000 labelled rows, above always answering the majority class (0.62); it catches 87% of 'yes'
     * (95% interval 84–90%)".
     */
    private static String level(RunOutcome outcome, PooledAccuracy all, int steps) {
        return AccuracyWords.heldAccuracy(outcome, steps) + (Double.isNaN(all.majority()) ? ""
                : String.format(Locale.ROOT, ", above always answering the majority class (%.2f)", all.majority()))
                + AccuracyWords.catches(outcome, all);
    }

    /**
     * Parity ratios (four-fifths rule) of every slice column a fairness node measured, over a tenth of the run:
     * each group's selection rate pooled over its labelled rows, groups under {@value #MIN_ROWS} rows left out,
     * then the lowest rate over the highest — slices of the same column only.
     */
    private static void fairness(RunOutcome outcome, RunSeries series, int steps, int window,
                                 List<Finding> findings) {
        for (ParityColumn measured : parityColumns(outcome, series)) {
            String column = measured.column();
            double start = parityRatio(outcome, measured.node(), column, 0, window);
            double end = parityRatio(outcome, measured.node(), column, steps - window, steps);
            if (Double.isNaN(end) || end >= FOUR_FIFTHS) {
                continue;
            }
            boolean fell = !Double.isNaN(start) && start - end >= 0.1;
            findings.add(new Finding(fell ? Light.RED : Light.AMBER, 5, fell
                    ? String.format(Locale.ROOT, "The parity ratio of %s falls from %.2f to %.2f, below "
                    + "four-fifths.", column, start, end)
                    : String.format(Locale.ROOT, "The parity ratio of %s is %.2f, below four-fifths.", column, end)));
        }
    }

    /** A slice column whose parity ratio a fairness node measured. */
    public record ParityColumn(String node, String column) {
    }

    /** The slice columns a fairness node measured the parity ratio of, with that node. */
    public static List<ParityColumn> parityColumns(RunOutcome outcome, RunSeries series) {
        java.util.Set<String> columns = new java.util.LinkedHashSet<>();
        outcome.replicates().forEach(r -> r.forEach(s -> s.slices().forEach(m -> columns.add(m.column()))));
        List<ParityColumn> out = new ArrayList<>();
        for (RunSeries.Key key : series.keys()) {
            for (String column : columns) {
                String suffix = "." + column + ".parity_ratio";
                if (StepResult.OVERALL.equals(key.slice()) && key.metric().endsWith(suffix)) {
                    out.add(new ParityColumn(key.metric().substring(0, key.metric().length() - suffix.length()),
                            column));
                }
            }
        }
        return out;
    }

    /** min / max of the pooled selection rates of the column's groups with enough rows; NaN with fewer than two. */
    public static double parityRatio(RunOutcome outcome, String node, String column, int from, int to) {
        java.util.Map<String, double[]> groups = new java.util.LinkedHashMap<>();
        for (List<StepResult> replicate : outcome.replicates()) {
            for (StepResult result : replicate) {
                if (result.step() < from || result.step() >= to) {
                    continue;
                }
                for (SliceMetrics slice : result.slices()) {
                    Double rate = result.measures().get(node + "." + StepRows.sliceName(slice)
                            + org.twinbench.sim.monitor.FairnessMonitor.SELECTION_RATE);
                    if (!slice.column().equals(column) || rate == null || Double.isNaN(rate)) {
                        continue;
                    }
                    double[] sums = groups.computeIfAbsent(StepRows.sliceName(slice), k -> new double[2]);
                    sums[0] += rate * slice.metrics().n();
                    sums[1] += slice.metrics().n();
                }
            }
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int kept = 0;
        for (double[] sums : groups.values()) {
            if (sums[1] >= MIN_ROWS) {
                double rate = sums[0] / sums[1];
                min = Math.min(min, rate);
                max = Math.max(max, rate);
                kept++;
            }
        }
        return kept < 2 || max <= 0 ? Double.NaN : min / max;
    }

    /** Expected calibration error of the pooled reliability bins, first tenth against last. */
    private static void calibration(RunOutcome outcome, int steps, int window, List<Finding> findings) {
        double first = ece(pooledBins(outcome, 0, window));
        double last = ece(pooledBins(outcome, steps - window, steps));
        if (!Double.isNaN(first) && !Double.isNaN(last) && last >= 0.15 && last - first >= 0.10) {
            findings.add(new Finding(Light.AMBER, 6, String.format(Locale.ROOT, CALIBRATION + "expected "
                    + "calibration error %.2f → %.2f.", first, last)));
        }
    }

    /** The reliability bins of the steps from {@code from} (inclusive) to {@code to}, every replicate. */
    public static ReliabilityBins pooledBins(RunOutcome outcome, int from, int to) {
        ReliabilityBins bins = ReliabilityBins.EMPTY;
        for (List<StepResult> replicate : outcome.replicates()) {
            for (StepResult result : replicate) {
                if (result.step() >= from && result.step() < to) {
                    bins = bins.plus(result.calibration());
                }
            }
        }
        return bins;
    }

    /**
     * The expected calibration error of pooled reliability bins: the sum over the bins of |score sum − positives|,
     * over the rows; NaN without rows.
     */
    public static double ece(ReliabilityBins bins) {
        long total = bins.total();
        if (total == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int b = 0; b < ReliabilityBins.BINS; b++) {
            sum += Math.abs(bins.scoreSum(b) - bins.positives(b));
        }
        return sum / total;
    }

    /**
     * The 95% interval of p1 − p2 by Newcombe's hybrid score method (method 10 of Newcombe 1998), from the
     * Wilson intervals of each proportion.
     */
    public static double[] newcombe(long x1, long n1, long x2, long n2) {
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double[] w1 = WilsonInterval.of(p1, (int) n1);
        double[] w2 = WilsonInterval.of(p2, (int) n2);
        double d = p1 - p2;
        double low = d - Math.sqrt((p1 - w1[0]) * (p1 - w1[0]) + (w2[1] - p2) * (w2[1] - p2));
        double high = d + Math.sqrt((w1[1] - p1) * (w1[1] - p1) + (p2 - w2[0]) * (p2 - w2[0]));
        return new double[] {low, high};
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
