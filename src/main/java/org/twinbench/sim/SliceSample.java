package org.twinbench.sim;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.twinbench.data.BinaryLabels;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Column;
import org.twinbench.data.ColumnSlicing;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.data.PiiDetector;
import org.twinbench.sim.monitor.BaselineMonitor;
import org.twinbench.stats.SliceColumn;
import org.twinbench.stats.SliceFinder;

/**
 * What a run keeps to find its worst slices at the end: a uniform reservoir (Vitter's algorithm R) of at
 * most {@value #BOUND} labelled rows of one replicate, each with the values of its searched columns and
 * whether the model was right on it (a regression: its absolute error). The searched columns are the scenario's slice columns and the model's
 * features present in the first batch (for a production log, its columns other than the logged scores), at most
 * {@value #MAX_COLUMNS}, the label excepted; a column that looks like personal data ({@link PiiDetector}) or has a
 * different text on nearly every row (an id) is not searched (slice columns are masked before the run).
 *
 * <p>{@link #find} pools the replicates' reservoirs (each replicate sees as many rows, so the pooled rows are a
 * uniform sample stratified by replicate), cuts numeric columns into {@value #BINS} quantile ranges of the
 * sampled values as {@code slices} does ({@link ColumnSlicing#of}), and runs {@link SliceFinder} with
 * {@link #OPTIONS}: by accuracy, or for a regression by mean absolute error ({@link SliceFinder#findErrors},
 * Welch's t-test). It also notes the texts
 * of a binary label's other class, so the verdict can name both values ({@link RunFindings}).
 */
public final class SliceSample implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** Rows kept per replicate. */
    public static final int BOUND = 20_000;
    /** Columns searched at most. */
    public static final int MAX_COLUMNS = 20;
    /** Quantile ranges per numeric column, as the {@code slices} command's default. */
    public static final int BINS = 5;
    /** Up to 3 predicates, at least 30 rows, the 5 worst, family-wise alpha 0.05 (Bonferroni). */
    public static final SliceFinder.Options OPTIONS = new SliceFinder.Options(3, 30, 5, 0.05);

    /** Only needed while rows are offered: a sample sent elsewhere is only pooled. */
    private final transient SplittableRandom random;
    private final List<String> sliceColumns;
    private final List<String> features;
    private final boolean logged;
    private final String target;
    /** The label's texts on rows that are not of the positive class (at most two kept: one is a name). */
    private final Set<String> others = new LinkedHashSet<>();
    private List<String> names;
    private double[][] numbers;
    private String[][] texts;
    /** Per kept row: 1 when the model was right, else 0; a regression's absolute error. */
    private double[] value = new double[BOUND];
    /**
     * Per kept row, the naive baseline's answer ({@link BaselineMonitor}): 1 when the label is the reference
     * rows' majority class, else 0; a regression's absolute error of the reference rows' mean.
     */
    private double[] guess = new double[BOUND];
    /** The naive baseline the rows are read beside (null: none, e.g. a sample built by hand). */
    private final transient BaselineMonitor baseline;
    private boolean errors;
    /** {@link #stepBuffer}'s arrays (only needed while rows are offered). */
    private transient double[][] stepBuffers;
    private int size;
    private long seen;

    SliceSample(SimulationPlan plan, int replicate) {
        // A production log's "features" are its score columns: searching them would only rediscover the errors.
        this(plan.scenario().seed(), replicate, plan.sliceColumns(), plan.model().card().features(),
                "logged".equals(plan.model().card().algorithm()), plan.target(), plan.monitors().stream()
                        .filter(BaselineMonitor.class::isInstance).map(BaselineMonitor.class::cast).findFirst()
                        .orElse(null));
    }

    SliceSample(long seed, int replicate, List<String> sliceColumns, List<String> features, boolean logged,
                String target) {
        this(seed, replicate, sliceColumns, features, logged, target, null);
    }

    private SliceSample(long seed, int replicate, List<String> sliceColumns, List<String> features, boolean logged,
                        String target, BaselineMonitor baseline) {
        this.baseline = baseline;
        this.random = Seeds.random(seed, "top-slices", replicate, 0);
        this.sliceColumns = List.copyOf(sliceColumns);
        this.features = List.copyOf(features);
        this.logged = logged;
        this.target = target;
    }

    /** Offers the labelled rows of a step ({@code labels[i] < 0}: no label) with whether each was right. */
    void offer(Frame batch, int[] labels, boolean[] right) {
        double[] values = stepBuffer(0, right.length);
        double[] guesses = stepBuffer(1, right.length);
        // The buffers may be longer than this step (kept from a larger one): only its rows are written and read.
        for (int i = 0; i < right.length; i++) {
            values[i] = right[i] ? 1 : 0;
            guesses[i] = baseline != null && labels[i] == baseline.majority() ? 1 : 0;
        }
        keep(batch, labels, values, guesses);
    }

    /**
     * Offers a regression's labelled rows of a step ({@code labels[i] < 0}: no amount) with their absolute errors
     * and their {@code amounts}.
     */
    void offerErrors(Frame batch, int[] labels, double[] absoluteErrors, double[] amounts) {
        errors = true;
        double[] guesses = stepBuffer(1, labels.length);
        for (int i = 0; i < labels.length; i++) {
            guesses[i] = baseline == null ? Double.NaN : Math.abs(amounts[i] - baseline.mean());
        }
        keep(batch, labels, absoluteErrors, guesses);
    }

    /**
     * Room for a step's values ({@code which} 0) or guesses (1) of {@code rows} rows, kept from step to step: they are
     * read into the reservoir before the next step's are written, so a step need not make new ones.
     */
    private double[] stepBuffer(int which, int rows) {
        if (stepBuffers == null) {
            stepBuffers = new double[2][];
        }
        if (stepBuffers[which] == null || stepBuffers[which].length < rows) {
            stepBuffers[which] = new double[rows];
        }
        return stepBuffers[which];
    }

    private void keep(Frame batch, int[] labels, double[] values, double[] guesses) {
        if (names == null) {
            choose(batch);
        }
        Column label = others.size() > 1 ? null : batch.find(target).orElse(null);
        for (int i = 0; label != null && i < labels.length && others.size() < 2; i++) {
            if (labels[i] == 0 && !label.isMissing(i)) {
                others.add(BinaryLabels.text(label, i));
            }
        }
        Column[] columns = new Column[names.size()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = batch.find(names.get(c)).orElse(null);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                continue;
            }
            seen++;
            int slot;
            if (size < BOUND) {
                slot = size++;
            } else {
                long j = random.nextLong(seen);
                if (j >= BOUND) {
                    continue;
                }
                slot = (int) j;
            }
            value[slot] = values[i];
            guess[slot] = guesses[i];
            for (int c = 0; c < columns.length; c++) {
                Column column = columns[c];
                boolean present = column != null && !column.isMissing(i);
                if (numbers[c] != null) {
                    numbers[c][slot] = present && column instanceof NumericColumn n ? n.values()[i] : Double.NaN;
                } else {
                    texts[c][slot] = present ? BinaryLabels.text(column, i) : null;
                }
            }
        }
    }

    private void choose(Frame batch) {
        Set<String> chosen = new LinkedHashSet<>();
        for (String name : sliceColumns) {
            if (batch.has(name) && !name.equals(target)) {
                chosen.add(name);
            }
        }
        List<String> candidates = logged ? batch.columns().stream().map(Column::name)
                .filter(name -> !features.contains(name)).toList() : features;
        for (String name : candidates) {
            if (chosen.size() < MAX_COLUMNS && batch.has(name) && !name.equals(target)
                    && PiiDetector.detect(batch.column(name)) == null && !idLike(batch.column(name))) {
                chosen.add(name);
            }
        }
        names = new ArrayList<>(chosen);
        numbers = new double[names.size()][];
        texts = new String[names.size()][];
        for (int c = 0; c < names.size(); c++) {
            if (batch.column(names.get(c)) instanceof NumericColumn) {
                numbers[c] = new double[BOUND];
            } else {
                texts[c] = new String[BOUND];
            }
        }
    }

    /** A text column with a different value on nearly every row (an id, a free-text note): no slice to find. */
    private static boolean idLike(Column column) {
        return column instanceof CategoricalColumn text && text.size() >= 20
                && text.levels().size() > 0.9 * (text.size() - text.missingCount());
    }

    /** The columns searched (known after the first batch). */
    List<String> columns() {
        return names == null ? List.of() : List.copyOf(names);
    }

    /** Kept row {@code row}'s value of numeric column {@code column}. */
    /** The kept row's value: 1 right / 0 wrong, or its absolute error. */
    double value(int row) {
        return value[row];
    }

    double number(int column, int row) {
        return numbers[column][row];
    }

    /** Labelled rows offered so far. */
    public long seen() {
        return seen;
    }

    /** Rows kept. */
    public int size() {
        return size;
    }

    /**
     * Lets go of the room for rows never kept, once the replicate has offered all its rows (a small file's run then
     * holds, and a cluster task sends, only the rows it kept); no row may be offered after.
     */
    void trim() {
        value = java.util.Arrays.copyOf(value, size);
        guess = java.util.Arrays.copyOf(guess, size);
        for (int c = 0; numbers != null && c < numbers.length; c++) {
            if (numbers[c] != null) {
                numbers[c] = java.util.Arrays.copyOf(numbers[c], size);
            } else {
                texts[c] = java.util.Arrays.copyOf(texts[c], size);
            }
        }
    }

    /**
     * What the replicates found: the worst slices of their pooled reservoirs, for a binary model the outcome's
     * positive value and its one other value (null when the label held several or none), and the leaked columns
     * compiling the scenario found ({@link PlanNotes#leaks}).
     */
    static RunFindings findings(List<SliceSample> samples, SimulationPlan plan) {
        return findings(samples, plan.modelTask().task(), plan.modelTask().positive(), plan.notes().leaks());
    }

    /** As {@link #findings(List, SimulationPlan)}, for a plan's task, positive value and leaked columns. */
    static RunFindings findings(List<SliceSample> samples, org.twinbench.data.Task task, String positive,
                                List<RunFindings.Leak> leaks) {
        return search(samples, task, positive).withLeaks(leaks);
    }

    private static RunFindings search(List<SliceSample> samples, org.twinbench.data.Task task, String positive) {
        Pool pool = pool(samples);
        SliceFinder.Result found = pool == null ? null : pool.find();
        double share = pool == null ? 1.0 : pool.distinctShare(draws(samples));
        List<Double> baselines = found == null ? List.of() : pool.baselines(found);
        if (task == org.twinbench.data.Task.REGRESSION) {
            return new RunFindings(null, null, null, found, share, null, baselines);
        }
        if (task != org.twinbench.data.Task.BINARY) {
            return new RunFindings(found, null, null, null, share, null, baselines);
        }
        Set<String> others = new LinkedHashSet<>();
        samples.forEach(s -> others.addAll(s.others));
        return new RunFindings(found, positive, others.size() == 1 ? others.iterator().next() : null, null,
                share, null, baselines);
    }

    private static long draws(List<SliceSample> samples) {
        return samples.stream().filter(s -> s != null).mapToLong(s -> s.seen).sum();
    }

    /** The estimated share of the replicates' labelled draws that were different rows (see {@link RunFindings}). */
    static double distinctShare(List<SliceSample> samples) {
        Pool pool = pool(samples);
        return pool == null ? 1.0 : pool.distinctShare(draws(samples));
    }

    /**
     * The worst slices of the pooled reservoirs (by accuracy, or by mean absolute error when the rows are a
     * regression's), each different row once, or null when no replicate kept a row.
     */
    public static SliceFinder.Result find(List<SliceSample> samples) {
        Pool pool = pool(samples);
        return pool == null ? null : pool.find();
    }

    /**
     * The pooled reservoirs with each row kept once: a replay that draws a small file's rows again and again
     * would otherwise find "slices" of one unlucky row drawn 30 times. {@code kept} rows were pooled, of which
     * {@code slicings}/{@code values} hold the distinct ones (1/0 right or wrong, or a regression's absolute error).
     */
    private record Pool(List<SliceColumn> slicings, double[] values, double[] guesses, boolean errors, int kept) {

        /**
         * Each found slice's naive baseline on its rows, in the order found: the share of them labelled with the
         * reference rows' majority class, or a regression's mean absolute error of always predicting the reference
         * rows' mean (NaN when the run had no baseline).
         */
        List<Double> baselines(SliceFinder.Result found) {
            List<Double> out = new ArrayList<>();
            for (SliceFinder.Slice slice : found.slices()) {
                double sum = 0;
                int n = 0;
                for (int i = 0; i < guesses.length; i++) {
                    if (holds(slice, i)) {
                        sum += guesses[i];
                        n++;
                    }
                }
                out.add(n == 0 ? Double.NaN : sum / n);
            }
            return out;
        }

        /** Whether pooled row {@code row} is in {@code slice}: every predicate's column has its value there. */
        private boolean holds(SliceFinder.Slice slice, int row) {
            for (SliceFinder.Predicate p : slice.predicates()) {
                SliceColumn column = slicings.stream().filter(c -> c.name().equals(p.column())).findFirst()
                        .orElse(null);
                int code = column == null ? -1 : column.codes()[row];
                if (code < 0 || !column.levels().get(code).equals(p.value())) {
                    return false;
                }
            }
            return true;
        }

        SliceFinder.Result find() {
            if (errors) {
                return SliceFinder.findErrors(slicings, values, OPTIONS);
            }
            boolean[] right = new boolean[values.length];
            for (int i = 0; i < values.length; i++) {
                right[i] = values[i] > 0.5;
            }
            return SliceFinder.find(slicings, right, OPTIONS);
        }

        /** The estimated share of {@code draws} labelled draws that were different rows (see {@link RunFindings}). */
        double distinctShare(long draws) {
            int distinct = values.length;
            if (distinct >= kept || draws <= 0) {
                return 1.0;
            }
            // Solve distinct = P (1 − (1 − 1/P)^kept) for the pool size P (the left side rises with P).
            double low = distinct;
            double high = 1e12;
            for (int i = 0; i < 200; i++) {
                double mid = Math.sqrt(low * high);
                if (expectedDistinct(mid, kept) < distinct) {
                    low = mid;
                } else {
                    high = mid;
                }
            }
            double pool = Math.sqrt(low * high);
            return Math.min(1.0, expectedDistinct(pool, draws) / draws);
        }

        private static double expectedDistinct(double pool, double draws) {
            return -pool * Math.expm1(draws * Math.log1p(-1 / pool));
        }
    }

    private static Pool pool(List<SliceSample> samples) {
        List<SliceSample> kept = samples.stream().filter(s -> s != null && s.size > 0).toList();
        if (kept.isEmpty()) {
            return null;
        }
        List<String> names = kept.get(0).names;
        int total = kept.stream().mapToInt(s -> s.size).sum();
        // The first of each set of rows equal in every kept column and in the value (right, or the error).
        java.util.Set<KeptRow> seenRows = new java.util.HashSet<>();
        List<KeptRow> firsts = new ArrayList<>();
        for (SliceSample s : kept) {
            for (int row = 0; row < s.size; row++) {
                KeptRow key = new KeptRow(s, row);
                if (seenRows.add(key)) {
                    firsts.add(key);
                }
            }
        }
        int distinct = firsts.size();
        double[] rowValues = new double[distinct];
        double[] rowGuesses = new double[distinct];
        List<SliceColumn> slicings = new ArrayList<>();
        for (int c = -1; c < names.size(); c++) {
            boolean numeric = c >= 0 && kept.get(0).numbers[c] != null;
            double[] values = numeric ? new double[distinct] : null;
            String[] words = c < 0 || numeric ? null : new String[distinct];
            for (int i = 0; i < distinct; i++) {
                SliceSample s = firsts.get(i).sample;
                int row = firsts.get(i).row;
                if (c < 0) {
                    rowValues[i] = s.value[row];
                    rowGuesses[i] = s.guess[row];
                } else if (numeric) {
                    values[i] = s.numbers[c][row];
                } else {
                    words[i] = s.texts[c][row];
                }
            }
            if (c >= 0) {
                Column column = numeric ? new NumericColumn(names.get(c), values)
                        : CategoricalColumn.of(names.get(c), words);
                slicings.add(ColumnSlicing.of(column, BINS));
            }
        }
        return new Pool(slicings, rowValues, rowGuesses, kept.get(0).errors, total);
    }

    /**
     * A kept row as a key: equal to another when every kept column and the value and the guess are, as a list of the
     * boxed values would be ({@link Double#equals}: the same bits, so NaN equals NaN; {@link String#equals}, null
     * equal to null), without boxing a value per row.
     */
    private static final class KeptRow {
        private final SliceSample sample;
        private final int row;
        private final int hash;

        KeptRow(SliceSample sample, int row) {
            this.sample = sample;
            this.row = row;
            int h = 1;
            for (int c = 0; c < sample.numbers.length; c++) {
                h = 31 * h + (sample.numbers[c] != null ? Double.hashCode(sample.numbers[c][row])
                        : java.util.Objects.hashCode(sample.texts[c][row]));
            }
            h = 31 * h + Double.hashCode(sample.value[row]);
            this.hash = 31 * h + Double.hashCode(sample.guess[row]);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof KeptRow other) || other.hash != hash || !same(sample.value[row], other.sample.value[
                    other.row]) || !same(sample.guess[row], other.sample.guess[other.row])) {
                return false;
            }
            for (int c = 0; c < sample.numbers.length; c++) {
                boolean numeric = sample.numbers[c] != null;
                if (numeric != (other.sample.numbers[c] != null)) {
                    return false;
                }
                boolean equal = numeric
                        ? same(sample.numbers[c][row], other.sample.numbers[c][other.row])
                        : java.util.Objects.equals(sample.texts[c][row], other.sample.texts[c][other.row]);
                if (!equal) {
                    return false;
                }
            }
            return true;
        }

        private static boolean same(double a, double b) {
            return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
        }
    }
}
