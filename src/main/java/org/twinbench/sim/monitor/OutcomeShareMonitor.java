package org.twinbench.sim.monitor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Frame;
import org.twinbench.sim.Alarm;
import org.twinbench.sim.LabelledBatch;
import org.twinbench.sim.SliceBins;
import org.twinbench.sim.StepOutput;
import org.twinbench.stats.CategoricalDrift;
import org.twinbench.stats.CategoricalReference;

/**
 * Compares the mix of outcomes among the labels that arrive at each step with the reference's, as every run
 * does (it needs no node): a prior shift — often only a file sorted by its outcome and replayed in order — is
 * reported as such, with the way out. The test is Pearson's chi-square test of homogeneity of the 2 × k table
 * (reference against the step's labels, one column per outcome seen on either side, no continuity correction;
 * for a yes/no outcome it is the two-sided pooled two-proportion z-test). It alarms (detail starting with
 * {@value #PREFIX}) in the step the mix starts to differ and again only after it has recovered, when p is below
 * {@value #RUN_ALPHA} divided by the run's steps and some outcome's share differs by at least
 * {@value #MIN_DIFFERENCE}: Bonferroni over the steps, so the check holds its false-alarm rate per run, not per
 * step — a run's verdict reads every step's alarms, and at {@value #RUN_ALPHA} a step, 40 steps would alarm in
 * about 4% of runs on exchangeable data.
 *
 * <p>A replay of a file draws its steps from the file's production rows, a pool of N rows that is itself a sample: its
 * mix differs from the reference's by chance, and every step shares that difference. A step of n labels drawn from
 * such a pool is tested as n_eff labels, 1/n_eff = f/n + 1/N (the variance of a difference of two proportions: the
 * step around the pool, the pool around the population), with f = 1 when rows are drawn with replacement and the
 * finite-population correction (N − n)/(N − 1) when a step draws each row at most once (then n_eff ≈ n: a random
 * subset of a random half is a random sample). A slice's pool is taken as N times its share of the reference's
 * labels. Without a pool (a generator, a followed file: {@code pool} 0) n_eff = n.
 *
 * <p>The same check runs within every slice of the run's slice columns (numeric ones binned as the slice
 * metrics bin them) that holds at least {@value #MIN_ROWS} labels in the step and in the reference, at the
 * step's rate divided by the number of slices tested in the step (Bonferroni), so the slices together keep the
 * overall check's false-alarm rate per run; their alarms start with {@value #SLICE_PREFIX} and name the slice.
 *
 * @param nodeId the source node, under whose id the alarm is raised
 * @param outcomes the outcome names by label code (yes/no: the other value's name first, then the positive)
 * @param reference the reference's labels by code (−1: none)
 * @param referenceSlices the reference's slice of each row, per slice column (empty: overall only)
 * @param bins how the slice columns become slices
 * @param steps the run's steps, over which the false-alarm rate {@value #RUN_ALPHA} is held (1: per step)
 * @param pool the rows the steps are drawn from (a replayed file's production rows), 0 for an unlimited source
 * @param withReplacement whether a step may draw a row of the pool more than once
 */
public record OutcomeShareMonitor(String nodeId, List<String> outcomes, int[] reference,
                                  Map<String, CategoricalColumn> referenceSlices, SliceBins bins, int steps, int pool,
                                  boolean withReplacement)
        implements Monitor {

    /** The start of every outcome-share alarm's detail. */
    public static final String PREFIX = "outcome share: ";
    /**
     * The start of a slice's outcome-share alarm: news about one group (its outcome changed, whatever the cause),
     * reported and counted but not leading the verdict as a prior shift of the whole data does.
     */
    public static final String SLICE_PREFIX = "slice outcome share: ";
    /** The false-alarm rate of a run of exchangeable steps: of the whole data's check, and of its slices' together. */
    static final double RUN_ALPHA = 0.001;
    static final double MIN_DIFFERENCE = 0.10;
    /** Labels a slice needs in the step and in the reference to be tested. */
    static final int MIN_ROWS = 30;

    public OutcomeShareMonitor {
        outcomes = List.copyOf(outcomes);
        referenceSlices = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(referenceSlices));
        steps = Math.max(1, steps);
        pool = Math.max(0, pool);
    }

    /** The check of steps from an unlimited source. */
    public OutcomeShareMonitor(String nodeId, List<String> outcomes, int[] reference,
                               Map<String, CategoricalColumn> referenceSlices, SliceBins bins, int steps) {
        this(nodeId, outcomes, reference, referenceSlices, bins, steps, 0, false);
    }

    /**
     * This check for steps drawn from a pool of {@code rows} rows (a replayed file's production rows), with or
     * without replacement within a step; see the class comment.
     */
    public OutcomeShareMonitor drawnFrom(int rows, boolean replacement) {
        return new OutcomeShareMonitor(nodeId, outcomes, reference, referenceSlices, bins, steps, rows, replacement);
    }

    /**
     * The labels a step of {@code n} is worth against the reference when drawn from a pool of {@code poolRows}
     * (0: unlimited): 1/n_eff = f/n + 1/N (see the class comment).
     */
    double effectiveLabels(int n, double poolRows) {
        if (poolRows <= 0) {
            return n;
        }
        double f = withReplacement ? 1 : poolRows <= 1 ? 0 : Math.max(0, (poolRows - n) / (poolRows - 1));
        return 1 / (f / n + 1 / poolRows);
    }

    /** The overall check of a yes/no outcome's reference labels, coded 1 (positive), 0 or −1 (missing). */
    public static OutcomeShareMonitor of(String nodeId, String positiveLabel, int[] referenceLabels) {
        return new OutcomeShareMonitor(nodeId, List.of("not " + positiveLabel, positiveLabel), referenceLabels,
                Map.of(), SliceBins.NONE, 1);
    }

    /**
     * The check of every run: {@code outcomes} by label code, the reference's labels, and its slices of the
     * run's {@code sliceColumns} present in the reference frame.
     */
    public static OutcomeShareMonitor of(String nodeId, List<String> outcomes, int[] referenceLabels, Frame reference,
                                         List<String> sliceColumns, SliceBins bins) {
        return of(nodeId, outcomes, referenceLabels, reference, sliceColumns, bins, 1);
    }

    /** As {@link #of(String, List, int[], Frame, List, SliceBins)}, holding the false-alarm rate over {@code steps}. */
    public static OutcomeShareMonitor of(String nodeId, List<String> outcomes, int[] referenceLabels, Frame reference,
                                         List<String> sliceColumns, SliceBins bins, int steps) {
        Map<String, CategoricalColumn> slices = new LinkedHashMap<>();
        for (String column : sliceColumns) {
            if (reference.has(column)) {
                slices.put(column, bins.values(reference, column));
            }
        }
        return new OutcomeShareMonitor(nodeId, outcomes, referenceLabels, slices, bins, steps);
    }

    /** The p-value under which a step's whole-data check alarms: the run's rate over its steps. */
    double stepAlpha() {
        return RUN_ALPHA / steps;
    }

    @Override
    public AlarmRate alarmRate() {
        return new AlarmRate(nodeId, referenceSlices.isEmpty() ? 1 : 2, stepAlpha(), true);
    }

    @Override
    public Watch start() {
        Map<String, Boolean> differs = new HashMap<>();
        Map<String, int[]> referenceBySlice = new LinkedHashMap<>();
        referenceSlices.forEach((column, slices) -> split(column, slices, reference, referenceBySlice));
        // A step's labels, overall and per slice, gathered in buffers kept from step to step (boxed lists grew
        // and were thrown away every step); the reference's profiles are made once a run.
        Labels labels = new Labels();
        Map<String, Labels> bySlice = new LinkedHashMap<>();
        Map<String, CategoricalReference> profiles = new HashMap<>();
        Map<String, double[]> referenceShares = new HashMap<>();
        // The slices with labels this step, in the order they first had one (the order their alarms come in).
        List<String> arrivedSlices = new ArrayList<>();
        // Each slice's name ("region=north") by column and level, made once a run rather than at every step.
        Map<String, Map<String, String>> sliceNames = new HashMap<>();
        return (arrived, current, out) -> {
            labels.size = 0;
            bySlice.values().forEach(slice -> slice.size = 0);
            arrivedSlices.clear();
            for (LabelledBatch batch : arrived) {
                for (int label : batch.labels()) {
                    if (label >= 0) {
                        labels.add(label);
                    }
                }
                for (String column : referenceSlices.keySet()) {
                    if (batch.rows().has(column)) {
                        CategoricalColumn slices = bins.values(batch.rows(), column);
                        Map<String, String> names = sliceNames.computeIfAbsent(column, k -> new HashMap<>());
                        for (int i = 0; i < batch.labels().length; i++) {
                            int code = slices.codes()[i];
                            if (batch.labels()[i] >= 0 && code >= 0) {
                                String level = slices.levels().get(code);
                                String name = names.get(level);
                                if (name == null) {
                                    name = column + "=" + level;
                                    names.put(level, name);
                                }
                                Labels slice = bySlice.get(name);
                                if (slice == null) {
                                    slice = new Labels();
                                    bySlice.put(name, slice);
                                }
                                if (slice.size == 0) {
                                    arrivedSlices.add(name);
                                }
                                slice.add(batch.labels()[i]);
                            }
                        }
                    }
                }
            }
            check("", reference, labels.values(), stepAlpha(), differs, profiles, referenceShares, out);
            int tested = 0;
            for (String slice : arrivedSlices) {
                tested += tested(slice, bySlice.get(slice), referenceBySlice) ? 1 : 0;
            }
            for (String slice : arrivedSlices) {
                if (tested(slice, bySlice.get(slice), referenceBySlice)) {
                    check(slice, referenceBySlice.get(slice), bySlice.get(slice).values(), stepAlpha() / tested, differs,
                            profiles, referenceShares, out);
                }
            }
        };
    }

    /** Whether a slice's labels are tested this step: enough of them, and enough in the reference. */
    private static boolean tested(String slice, Labels labels, Map<String, int[]> referenceBySlice) {
        return labels.size >= MIN_ROWS && referenceBySlice.containsKey(slice)
                && labelled(referenceBySlice.get(slice)) >= MIN_ROWS;
    }

    /**
     * Tests one step's labels against the reference's; alarms when the mix starts to differ. The reference's
     * profile and shares are made the first time a slice is tested and kept in {@code profiles} and {@code shares}.
     */
    private void check(String slice, int[] referenceLabels, int[] labels, double alpha, Map<String, Boolean> differs,
                       Map<String, CategoricalReference> profiles, Map<String, double[]> shares, StepOutput out) {
        int n = labelled(labels);
        int m = labelled(referenceLabels);
        if (n == 0 || m == 0) {
            return;
        }
        double[] share = shares(labels);
        double[] was = shares.computeIfAbsent(slice, k -> shares(referenceLabels));
        double p;
        if (pool == 0) {
            CategoricalDrift drift = profiles.computeIfAbsent(slice, k -> CategoricalReference.of(referenceLabels,
                    outcomes)).compare(labels, outcomes);
            p = Double.isNaN(drift.chi2PValue()) ? 1 : drift.chi2PValue();
        } else {
            double slicePool = slice.isEmpty() ? pool : (double) pool * m / labelled(reference);
            p = homogeneityP(share, was, effectiveLabels(n, slicePool), m);
        }
        // The outcome whose share moved most; of two, the second (a yes/no outcome's positive value).
        int named = 0;
        for (int c = 1; c < outcomes.size(); c++) {
            if (Math.abs(share[c] - was[c]) > Math.abs(share[named] - was[named])) {
                named = c;
            }
        }
        double largest = Math.abs(share[named] - was[named]);
        named = outcomes.size() == 2 ? 1 : named;
        boolean now = p < alpha && largest >= MIN_DIFFERENCE;
        if (now && !Boolean.TRUE.equals(differs.get(slice)) && slice.isEmpty()) {
            out.signal(nodeId, Alarm.ALARM, String.format(Locale.ROOT, PREFIX + "%.0f%% '%s' in the %d labels "
                    + "that arrived, against %.0f%% in the reference: a prior shift; if the file is sorted by "
                    + "its outcome, set the source's split to shuffled or replay it by a time column",
                    100 * share[named], outcomes.get(named), n, 100 * was[named]));
        } else if (now && !Boolean.TRUE.equals(differs.get(slice))) {
            out.signal(nodeId, Alarm.ALARM, String.format(Locale.ROOT, SLICE_PREFIX + "%.0f%% '%s' in the %d labels "
                    + "of %s that arrived, against %.0f%% in the reference of %s", 100 * share[named],
                    outcomes.get(named), n, slice, 100 * was[named], slice));
        }
        differs.put(slice, now);
    }

    /**
     * Pearson's chi-square test of homogeneity of the 2 × k table of {@code n} labels with shares {@code share}
     * against {@code m} with shares {@code was} (no continuity correction; k the outcomes seen on either side).
     */
    static double homogeneityP(double[] share, double[] was, double n, double m) {
        double chi2 = 0;
        int seen = 0;
        for (int c = 0; c < share.length; c++) {
            double pooled = (n * share[c] + m * was[c]) / (n + m);
            if (pooled > 0) {
                seen++;
                double d = share[c] - was[c];
                chi2 += d * d / pooled;
            }
        }
        if (seen < 2) {
            return 1;
        }
        return org.twinbench.stats.SpecialFunctions.chiSquaredSurvival(chi2 * n * m / (n + m), seen - 1);
    }

    private double[] shares(int[] labels) {
        double[] counts = new double[outcomes.size()];
        int n = 0;
        for (int label : labels) {
            if (label >= 0 && label < counts.length) {
                counts[label]++;
                n++;
            }
        }
        for (int c = 0; c < counts.length; c++) {
            counts[c] = n == 0 ? 0 : counts[c] / n;
        }
        return counts;
    }

    private static int labelled(int[] labels) {
        int n = 0;
        for (int label : labels) {
            n += label >= 0 ? 1 : 0;
        }
        return n;
    }

    private static void split(String column, CategoricalColumn slices, int[] labels, Map<String, int[]> into) {
        Map<String, List<Integer>> lists = new LinkedHashMap<>();
        for (int i = 0; i < labels.length && i < slices.size(); i++) {
            int code = slices.codes()[i];
            if (code >= 0 && labels[i] >= 0) {
                lists.computeIfAbsent(column + "=" + slices.levels().get(code), k -> new ArrayList<>()).add(labels[i]);
            }
        }
        lists.forEach((slice, values) -> into.put(slice, toArray(values)));
    }

    private static int[] toArray(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Labels gathered over a step: a buffer that grows when it must and is reused from step to step. */
    private static final class Labels {
        private int[] values = new int[64];
        private int size;
        private final ExactArrays exact = new ExactArrays();

        void add(int label) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = label;
        }

        /**
         * The labels of this step, copied to an array of their count (the drift test reads the whole array), kept
         * for later steps with as many (the test is done with it within the step).
         */
        int[] values() {
            int[] out = exact.get(size, int[]::new);
            System.arraycopy(values, 0, out, 0, size);
            return out;
        }
    }
}
