package org.twinbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.twinbench.data.BinaryLabels;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Column;
import org.twinbench.data.Frame;
import org.twinbench.data.Masking;
import org.twinbench.data.NumericColumn;
import org.twinbench.data.PiiDetector;
import org.twinbench.data.PiiKind;
import org.twinbench.data.TableLoader;
import org.twinbench.stats.CategoricalDrift;
import org.twinbench.stats.CategoricalReference;
import org.twinbench.stats.ColumnDrift;
import org.twinbench.stats.DatasetDrift.Correction;
import org.twinbench.stats.DatasetDrift;
import org.twinbench.stats.DriftMethod;
import org.twinbench.stats.DriftRule;
import org.twinbench.stats.NumericReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code drift}: per-column distribution drift between a reference and a current table (docs/cli.md). */
@Command(name = "drift", mixinStandardHelpOptions = true,
        description = "Compare a current table with a reference table, column by column.")
public final class DriftCommand implements Callable<Integer> {

    @Option(names = "--reference", required = true, paramLabel = "REF", description = "Reference CSV/TSV or .xlsx.")
    Path reference;

    @Option(names = "--current", required = true, paramLabel = "CUR", description = "Current CSV/TSV or .xlsx.")
    Path current;

    @Option(names = "--columns", split = ",", paramLabel = "a,b,...",
            description = "Compare only these columns (default: every column present in both tables).")
    List<String> columns = new ArrayList<>();

    @Option(names = "--method", paramLabel = "[COL=]METHOD",
            description = "Decide drift with this method: ks, wasserstein, anderson (numeric columns), chi2 "
                    + "(categorical), psi, jensen-shannon, hellinger (both). Repeatable: each METHOD applies to every "
                    + "column of the kinds it fits (--method ks --method chi2: KS on numeric, chi2 on categorical "
                    + "columns; two that fit the same kind are refused); COL=METHOD decides one column; columns no "
                    + "method fits keep the default rule.")
    List<String> methods = new ArrayList<>();

    @Option(names = "--threshold", paramLabel = "[COL=]T",
            description = "Threshold of the drift rule (p-value methods: drift when p < T; distances: when >= T). "
                    + "Repeatable, per column with COL=T.")
    List<String> thresholds = new ArrayList<>();

    @Option(names = "--false-alarm-rate", defaultValue = "0.01", paramLabel = "R",
            description = "A column without --threshold drifts when its distance exceeds, or its test's p-value "
                    + "falls below, what a current table exchangeable with the reference reaches with probability R, "
                    + "calibrated on resamples of the reference (distances) or permutations of both tables' rows "
                    + "(tests) (default: ${DEFAULT-VALUE}).")
    double falseAlarmRate;

    @Option(names = "--correction", defaultValue = "none", paramLabel = "none|bonferroni|bh",
            description = "Multiple-testing correction of the p-values before the dataset decision "
                    + "(default: ${DEFAULT-VALUE}).")
    String correction;

    @Option(names = "--share", defaultValue = "0.5", paramLabel = "S",
            description = "The dataset drifted when at least this share of columns drifted (default: ${DEFAULT-VALUE}).")
    double share;

    @Option(names = "--multivariate", arity = "0..1", fallbackValue = MultivariateDrift.DOMAIN_CLASSIFIER,
            paramLabel = "METHOD", description = "Also decide on all compared columns together: domain-classifier "
                    + "(the default; cross-validated AUC of a classifier telling the tables apart) or reconstruction "
                    + "(PCA reconstruction error).")
    String multivariate;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Seed of the multivariate detector's folds, calibration and trees (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    JsonOption json;

    /** At most this many new or vanished categories are listed per column. */
    static final int LISTED_CATEGORIES = 20;

    /** One compared column: its statistics and, when the two tables disagree on its type, why. */
    /** @param pii the kind of personal data the column holds (its categories are then listed masked), or null */
    private record Compared(String name, ColumnDrift drift, String note, PiiKind pii) {
    }

    @Override
    public Integer call() {
        if (!(share > 0 && share <= 1)) {
            throw new UserInputException("--share must be in (0, 1], not " + share);
        }
        if (!(falseAlarmRate > 0 && falseAlarmRate < 1)) {
            throw new UserInputException("--false-alarm-rate must be in (0, 1), not " + falseAlarmRate);
        }
        Correction chosenCorrection = parseCorrection(correction);
        Frame ref = load(reference);
        Frame cur = load(current);
        List<String> names = columnsToCompare(ref, cur);
        DriftOptions options = DriftOptions.parse(methods, thresholds, names);
        List<Compared> compared = new ArrayList<>();
        List<DriftRule> rules = new ArrayList<>();
        List<Boolean> calibratedColumns = new ArrayList<>();
        for (Judged judged : judgeAll(names, ref, cur, options)) {
            compared.add(judged.compared());
            rules.add(judged.rule());
            calibratedColumns.add(judged.calibrated());
        }
        DatasetDrift result = DatasetDrift.decide(compared.stream().map(Compared::drift).toList(), rules,
                chosenCorrection, share);
        MultivariateDrift together = multivariate == null ? null
                : MultivariateDrift.compute(multivariate, ref, cur, names, seed);
        PrintWriter out = json.out();
        if (json.enabled()) {
            ObjectNode root = toJson(ref, cur, compared, result, chosenCorrection);
            root.put("false_alarm_rate", falseAlarmRate);
            for (int i = 0; i < compared.size(); i++) {
                ((ObjectNode) root.get("columns").get(i)).put("calibrated", calibratedColumns.get(i));
            }
            if (together != null) {
                root.set("multivariate", together.toJson());
            }
            json.print(root);
        } else {
            printTable(out, ref, cur, compared, result);
            if (calibratedColumns.contains(true)) {
                out.printf(Locale.ROOT, "thresholds calibrated to a %s false-alarm rate per column (distances: %d "
                        + "resamples of the reference; tests: as many permutations of reference and current rows; "
                        + "--threshold overrides)%n", format(falseAlarmRate),
                        org.twinbench.stats.NullCalibration.resamples(falseAlarmRate));
            }
            if (together != null) {
                together.print(out);
            }
        }
        out.flush();
        return TwinBenchCommand.OK;
    }

    /** One column's statistics and the rule that decides it (calibrated when {@code calibrated}). */
    private record Judged(Compared compared, DriftRule rule, boolean calibrated) {
    }

    /** Columns compared and calibrated at once, at most this many (each holds its reference sorted meanwhile). */
    static final int PARALLEL_COLUMNS = 2;

    /**
     * Every column's statistics and rule, in the columns' order, computed on up to {@value #PARALLEL_COLUMNS}
     * threads, a column at a time each: a column's reference is sorted once, for its statistics and its
     * calibration, then let go. Each column's calibration is seeded by its name, so the result does not depend on
     * the threads.
     */
    private List<Judged> judgeAll(List<String> names, Frame ref, Frame cur, DriftOptions options) {
        int threads = Math.max(1, Math.min(PARALLEL_COLUMNS, Runtime.getRuntime().availableProcessors()));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads,
                task -> {
                    Thread thread = new Thread(task, "twinbench-drift");
                    thread.setDaemon(true);
                    return thread;
                });
        try {
            List<java.util.concurrent.Future<Judged>> futures = new ArrayList<>();
            for (String name : names) {
                futures.add(pool.submit(() -> judge(name, ref, cur, options)));
            }
            List<Judged> out = new ArrayList<>();
            for (java.util.concurrent.Future<Judged> future : futures) {
                out.add(future.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("drift interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Judged judge(String name, Frame ref, Frame cur, DriftOptions options) {
        Column refColumn = ref.column(name);
        Column curColumn = cur.column(name);
        NumericReference profile = refColumn instanceof NumericColumn r && curColumn instanceof NumericColumn
                ? NumericReference.of(r.values()) : null;
        Compared c = compare(name, profile, refColumn, curColumn);
        DriftRule rule = options.ruleFor(name, c.drift().kind(), ref.rowCount());
        boolean calibrated = !options.hasThreshold(name) && c.drift().computed();
        return new Judged(c, calibrated ? DriftCalibration.calibrate(rule, name, refColumn, curColumn, profile,
                falseAlarmRate, seed) : rule, calibrated);
    }

    private static List<String> masked(PiiKind pii, List<String> values) {
        return pii == null ? values : values.stream().map(v -> Masking.mask(pii, v)).toList();
    }

    private static Frame load(Path file) {
        Frame frame = TableLoader.load(file).frame();
        if (frame.rowCount() == 0) {
            throw new UserInputException(file + ": has a header but no data rows");
        }
        return frame;
    }

    private List<String> columnsToCompare(Frame ref, Frame cur) {
        if (!columns.isEmpty()) {
            for (String name : columns) {
                if (!ref.has(name)) {
                    throw new UserInputException(reference + ": no column '" + name + "' (given with --columns); columns are "
                            + String.join(", ", ref.columnNames()));
                }
                if (!cur.has(name)) {
                    throw new UserInputException(current + ": no column '" + name + "' (given with --columns); columns are "
                            + String.join(", ", cur.columnNames()));
                }
            }
            return List.copyOf(new java.util.LinkedHashSet<>(columns));
        }
        List<String> common = ref.columnNames().stream().filter(cur::has).toList();
        if (common.isEmpty()) {
            throw new UserInputException(current + ": no column in common with " + reference);
        }
        return common;
    }

    /**
     * Numeric statistics (against {@code profile}, the numeric reference's) when both sides are numeric; otherwise
     * both sides are compared as categories.
     */
    static Compared compare(String name, NumericReference profile, Column ref, Column cur) {
        if (profile != null && cur instanceof NumericColumn c) {
            return new Compared(name, profile.compare(c.values()), null, null);
        }
        String note = null;
        if (ref instanceof NumericColumn) {
            note = "numeric in the reference but text in the current table: compared as categories";
        } else if (cur instanceof NumericColumn) {
            note = "text in the reference but numeric in the current table: compared as categories";
        }
        CategoricalColumn r = asCategories(ref);
        CategoricalColumn c = asCategories(cur);
        PiiKind pii = PiiDetector.detect(ref) != null ? PiiDetector.detect(ref) : PiiDetector.detect(cur);
        return new Compared(name, CategoricalReference.of(r.codes(), r.levels()).compare(c.codes(), c.levels()), note,
                pii);
    }

    static CategoricalColumn asCategories(Column column) {
        if (column instanceof CategoricalColumn categorical) {
            return categorical;
        }
        String[] text = new String[column.size()];
        for (int i = 0; i < text.length; i++) {
            text[i] = BinaryLabels.text(column, i);
        }
        return CategoricalColumn.of(column.name(), text);
    }

    private static Correction parseCorrection(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "none" -> Correction.NONE;
            case "bonferroni" -> Correction.BONFERRONI;
            case "bh", "benjamini-hochberg", "fdr" -> Correction.BENJAMINI_HOCHBERG;
            default -> throw new UserInputException("--correction must be none, bonferroni or bh, not '" + text + "'");
        };
    }

    private static ObjectNode toJson(Frame ref, Frame cur, List<Compared> compared, DatasetDrift result,
                                     Correction correction) {
        ObjectNode root = Json.object();
        root.put("reference_rows", ref.rowCount());
        root.put("current_rows", cur.rowCount());
        root.put("dataset_drift", result.drifted());
        Json.putNumber(root, "drifted_share", result.driftedShare());
        root.put("correction", correction.name().toLowerCase(Locale.ROOT));
        ArrayNode array = root.putArray("columns");
        for (int i = 0; i < compared.size(); i++) {
            Compared c = compared.get(i);
            DatasetDrift.Decision decision = result.decisions().get(i);
            ObjectNode node = array.addObject();
            node.put("name", c.name());
            node.put("kind", c.drift().kind());
            Map<String, Double> statistics = new LinkedHashMap<>(c.drift().statistics());
            if (c.drift() instanceof CategoricalDrift cat) {
                // Contract order: chi2_statistic, chi2_pvalue, dof, then the distances.
                Json.putNumber(node, "chi2_statistic", statistics.remove("chi2_statistic"));
                Json.putNumber(node, "chi2_pvalue", statistics.remove("chi2_pvalue"));
                node.put("dof", cat.dof());
            }
            Json.putAll(node, statistics);
            Json.putNumber(node, "missing_fraction_reference", c.drift().missingFractionReference());
            Json.putNumber(node, "missing_fraction_current", c.drift().missingFractionCurrent());
            node.put("drift", decision.drifted());
            node.put("decided_by", c.drift().computed() ? decision.rule().method().statistic() : "not_computed");
            Json.putNumber(node, "decided_value", decision.value());
            Json.putNumber(node, "threshold", decision.rule().threshold());
            node.put("reference_count", c.drift().referenceCount());
            node.put("current_count", c.drift().currentCount());
            if (c.drift() instanceof CategoricalDrift cat) {
                // An identifier column can bring thousands of new values: list the first few, count them all.
                // Category values of personal data are listed masked, as every output masks them.
                node.set("new_categories", Json.MAPPER.valueToTree(masked(c.pii(), firstFew(cat.newCategories()))));
                node.put("new_category_count", cat.newCategories().size());
                node.set("vanished_categories", Json.MAPPER.valueToTree(masked(c.pii(),
                        firstFew(cat.vanishedCategories()))));
                node.put("vanished_category_count", cat.vanishedCategories().size());
            }
            String note = c.drift().computed() ? c.note()
                    : "no values on the " + (c.drift().referenceCount() == 0 ? "reference" : "current")
                    + " side: not judged";
            if (note != null) {
                node.put("note", note);
            }
        }
        return root;
    }

    private static List<String> firstFew(List<String> values) {
        return values.subList(0, Math.min(values.size(), LISTED_CATEGORIES));
    }

    private static void printTable(PrintWriter out, Frame ref, Frame cur, List<Compared> compared, DatasetDrift result) {
        out.printf(Locale.ROOT, "reference rows: %d   current rows: %d   drifted columns: %.0f%%   dataset drift: %s%n",
                ref.rowCount(), cur.rowCount(), 100 * result.driftedShare(), result.drifted() ? "YES" : "no");
        out.printf(Locale.ROOT, "%-24s %-12s %-6s %-22s %12s %10s%n", "column", "kind", "drift", "decided by", "value",
                "threshold");
        for (int i = 0; i < compared.size(); i++) {
            Compared c = compared.get(i);
            DatasetDrift.Decision d = result.decisions().get(i);
            out.printf(Locale.ROOT, "%-24s %-12s %-6s %-22s %12s %10s%n", c.name(), c.drift().kind(),
                    d.drifted() ? "YES" : "no", c.drift().computed() ? d.rule().method().statistic() : "(no values)",
                    format(d.value()), format(d.rule().threshold()));
            if (c.note() != null) {
                out.println("    note: " + c.note());
            }
        }
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.4g", value);
    }
}
