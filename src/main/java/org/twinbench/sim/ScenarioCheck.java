package org.twinbench.sim;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.twinbench.data.Column;
import org.twinbench.data.DataException;
import org.twinbench.data.Dataset;
import org.twinbench.data.Frame;
import org.twinbench.data.InputFiles;
import org.twinbench.data.NumericColumn;
import org.twinbench.data.TableHead;
import org.twinbench.data.ValueKind;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.NodeType;
import org.twinbench.scenario.NodeType.ParamSpec;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioException;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.scenario.ScenarioValidator;
import org.twinbench.sim.monitor.CategoricalDriftMonitor;
import org.twinbench.sim.monitor.ErrorDetectors;
import org.twinbench.sim.source.SourceEncoding;
import org.twinbench.sim.source.SyntheticSources;
import org.twinbench.sim.source.TimeColumns;

/**
 * Whether {@code run} will start: the scenario compiled against its data and models without running
 * it, every problem found at once, one line each naming the node, the parameter and the column. The
 * structure is checked as {@link ScenarioValidator} does; the data file's header and first
 * {@value #SAMPLE_ROWS} rows give the columns and their kinds (a big file stays fast to check); model
 * files are opened for their card and the inputs they need. What needs the whole data (a column whose
 * text only starts after the sampled rows, too few rows to split) is exact when the file has no more rows.
 * {@link ScenarioCompiler} starts with this check, so {@code validate}, {@code run} and the editor say the
 * same thing.
 */
public final class ScenarioCheck {

    /** Rows read from the top of a data file to learn its columns' kinds. */
    public static final int SAMPLE_ROWS = 2_000;
    /** Reference rows generated from a synthetic source, at most. */
    private static final int SYNTHETIC_ROWS = 20_000;
    private static final Pattern LINE = Pattern.compile("node (\\S+?): (?:parameter '([^']*)' )?.*", Pattern.DOTALL);

    /**
     * One problem.
     *
     * @param node      the node's id, or {@code (scenario)} for the graph as a whole
     * @param parameter the parameter at fault, or null
     * @param column    the data column it names, or null
     * @param message   the whole line, as {@code validate} prints it (it starts with {@code node <id>})
     */
    public record Problem(String node, String parameter, String column, String message) {
    }

    /**
     * The check's findings and the columns of the data it read (name to kind, in file order; empty when the
     * data could not be read), which the editor's column pickers offer.
     */
    public record Report(List<Problem> problems, Map<String, ValueKind> columns) {
        public Report {
            problems = List.copyOf(problems);
            columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        }

        public boolean runnable() {
            return problems.isEmpty();
        }

        /** One line per problem. */
        public List<String> lines() {
            return problems.stream().map(Problem::message).toList();
        }
    }

    private ScenarioCheck() {
    }

    /** Refuses the scenario with a {@link ScenarioException} of one line per problem, unless it can run. */
    public static void require(Scenario scenario, Path baseDir) {
        try (OpenedModels models = new OpenedModels()) {
            require(scenario, baseDir, models);
        }
    }

    /** As {@link #require(Scenario, Path)}, leaving the model files it opened in {@code models} for the compile. */
    static void require(Scenario scenario, Path baseDir, OpenedModels models) {
        Report report = check(scenario, baseDir, models);
        if (!report.runnable()) {
            throw new ScenarioException(String.join("\n", report.lines()));
        }
    }

    /** Every problem that would stop {@code run}, with paths resolved against {@code baseDir}. */
    public static Report check(Scenario scenario, Path baseDir) {
        try (OpenedModels models = new OpenedModels()) {
            return check(scenario, baseDir, models);
        }
    }

    private static Report check(Scenario scenario, Path baseDir, OpenedModels models) {
        Checker checker = new Checker(scenario, baseDir, models);
        checker.run();
        return new Report(List.copyOf(checker.problems), checker.kinds());
    }

    /** The line of a problem with a node's parameter: {@code node <id> (<type>) parameter <p>: <what>}. */
    static String line(ScenarioNode node, String parameter, String what) {
        return "node " + node.id() + " (" + node.type() + ")" + (parameter == null ? "" : " parameter " + parameter)
                + ": " + what;
    }

    /** The words for a column's kind: numeric, text, dates, timestamps. */
    static String kindWords(Dataset data, String column) {
        return switch (data.kind(column)) {
            case NUMBER -> "numeric";
            case DATE -> "dates";
            case TIMESTAMP -> "timestamps";
            case TEXT -> "text";
        };
    }

    /** The state of one check. */
    static final class Checker {
        final Scenario scenario;
        final Path baseDir;
        /** The model files opened, each once, kept for the compile that may follow. */
        final OpenedModels models;
        final Set<Problem> problems = new LinkedHashSet<>();
        /** The node-and-parameter pairs the structure check found a problem with. */
        private final Set<String> structural = new java.util.HashSet<>();
        Dataset data;
        boolean whole;
        /** The data file, once its head is read; its every row is read only when a rule needs them. */
        private Path dataFile;
        /** How the source's file is read (its encoding). */
        private org.twinbench.data.LoadOptions options;
        private Frame all;

        Checker(Scenario scenario, Path baseDir, OpenedModels models) {
            this.scenario = scenario;
            this.baseDir = baseDir;
            this.models = models;
        }

        Map<String, ValueKind> kinds() {
            Map<String, ValueKind> kinds = new LinkedHashMap<>();
            if (data != null) {
                data.frame().columnNames().forEach(name -> kinds.put(name, data.kind(name)));
            }
            return kinds;
        }

        void add(ScenarioNode node, String parameter, String column, String what) {
            add(new Problem(node.id(), parameter, column, line(node, parameter, what)));
        }

        /**
         * Records a problem, unless the structure check already found one with the same node's parameter: a
         * value out of range is one problem, not also the failure it would cause further on.
         */
        void add(Problem problem) {
            if (problem.parameter() == null || !structural.contains(problem.node() + "\0" + problem.parameter())) {
                problems.add(problem);
            }
        }

        /** A problem phrased elsewhere as {@code node <id>: [parameter '<p>'] ...}: kept as it is written. */
        void addLine(String text) {
            for (String one : text.split("\n")) {
                Matcher m = LINE.matcher(one);
                add(m.matches() ? new Problem(m.group(1), m.group(2), null, one)
                        : new Problem("(scenario)", null, null, one));
            }
        }

        void run() {
            List<String> structure = ScenarioValidator.problems(scenario);
            structure.forEach(this::addLine);
            for (String line : structure) {
                Matcher m = LINE.matcher(line);
                if (m.matches() && m.group(2) != null) {
                    structural.add(m.group(1) + "\0" + m.group(2));
                }
            }
            List<ScenarioNode> sources = scenario.nodes().stream()
                    .filter(n -> n.type().startsWith("source.") && NodeCatalog.find(n.type()).isPresent()).toList();
            if (sources.size() == 1) {
                guarded(sources.get(0), () -> readSource(sources.get(0)));
            }
            for (ScenarioNode node : scenario.nodes()) {
                NodeType type = NodeCatalog.find(node.type()).orElse(null);
                if (type == null) {
                    continue;
                }
                if (data != null) {
                    guarded(node, () -> columns(node, type));
                }
                guarded(node, () -> ownRules(node));
            }
            ModelCheck.run(this);
        }

        /** Runs one node's check; a parameter it cannot read is a problem of its own, not the end of the check. */
        void guarded(ScenarioNode node, Runnable check) {
            try {
                check.run();
            } catch (ScenarioException | DataException e) {
                addLine(e.getMessage().startsWith("node ") ? e.getMessage()
                        : line(node, null, e.getMessage()));
            }
        }

        Frame frame() {
            return data == null ? null : data.frame();
        }

        /**
         * Every row of the data: the rows read when they were all, else the whole file, read once. For the
         * few rules the first rows cannot settle (a split near 0 or 1, a label that looks one-sided).
         */
        Frame wholeFrame() {
            if (whole || dataFile == null) {
                return frame();
            }
            if (all == null) {
                all = TableHead.read(dataFile, Integer.MAX_VALUE, options).sample().frame();
            }
            return all;
        }

        private void readSource(ScenarioNode node) {
            if (!NodeCatalog.DATASET_SOURCE.equals(node.type())) {
                int rows = node.integer("reference_rows");
                // The reference rows the run trains on, as it generates them (unless there are very many).
                whole = rows <= SYNTHETIC_ROWS;
                data = new Dataset(SyntheticSources.of(node, scenario.seed())
                        .reference(Math.min(rows, SYNTHETIC_ROWS), scenario.seed()), null);
                return;
            }
            String value = node.string("path", null);
            if (value == null || value.isBlank()) {
                return;
            }
            Path file;
            try {
                file = baseDir.resolve(value).normalize();
            } catch (InvalidPathException e) {
                add(node, "path", null, "is not a usable file name: " + e.getReason());
                return;
            }
            String problem = InputFiles.problem(file);
            if (problem != null) {
                add(node, "path", null, file + ": " + problem);
                return;
            }
            String encoding = node.string("encoding");
            if (encoding != null && SourceEncoding.problem(encoding) != null) {
                add(node, "encoding", null, SourceEncoding.problem(encoding));
                return;
            }
            options = SourceEncoding.options(node);
            try {
                TableHead head = TableHead.read(file, SAMPLE_ROWS, options);
                data = head.sample();
                whole = head.whole();
            } catch (DataException e) {
                add(node, "path", null, e.getMessage());
                return;
            }
            dataFile = file;
            timeRules(node);
        }

        /**
         * Whether a reference share splits the sampled rows' worth of data into fewer than 10 reference rows
         * or no production row, so that only the whole table's row count tells whether it can be split.
         */
        private static boolean splitDependsOnRows(double share) {
            return Math.round((SAMPLE_ROWS + 1) * share) < 10 || (SAMPLE_ROWS + 1) - Math.round((SAMPLE_ROWS + 1) * share) < 1;
        }

        /** The source's time column, calendar windows and reference split, as the compiler reads them. */
        private void timeRules(ScenarioNode node) {
            String timeColumn = node.string("time_column");
            if (node.string("window") != null && timeColumn == null) {
                add(node, "window", null, "'" + node.string("window") + "' needs a time_column to read the dates from");
            }
            String until = node.string("reference_until");
            if (until != null && timeColumn == null) {
                add(node, "reference_until", null, "needs a time_column");
            }
            double[] times = null;
            if (timeColumn != null && frame().has(timeColumn)) {
                String months = node.string("month_column");
                try {
                    times = months != null && !frame().has(months) ? null : TimeColumns.replayTimes(node, frame(),
                            timeColumn, node.string("window") != null || until != null);
                } catch (ScenarioException e) {
                    add(new Problem(node.id(), e.getMessage().contains(": month_column ") ? "month_column"
                            : "time_column", timeColumn, e.getMessage()));
                    times = null;
                }
            }
            if (node.string("month_column") != null && timeColumn == null) {
                add(node, "month_column", null, "needs a time_column of years");
            }
            if (until != null && timeColumn != null) {
                guarded(node, () -> TimeColumns.date(node, "reference_until", until));
            }
            if (until == null && (whole || splitDependsOnRows(node.number("reference_share")))) {
                // Rare: a share so near 0 or 1 that the row count decides; then every row is counted.
                int rows = wholeFrame().rowCount();
                int reference = (int) Math.round(rows * node.number("reference_share"));
                if (reference < 10 || rows - reference < 1) {
                    add(node, "reference_share", null, "the data has " + rows + " rows, too few to split into"
                            + " reference (at least 10 rows) and production");
                }
            }
        }

        /** Every column a parameter names must be in the data, and of the kind the parameter takes. */
        private void columns(ScenarioNode node, NodeType type) {
            for (ParamSpec spec : type.params()) {
                if (spec.kind() != ParamSpec.Kind.COLUMN && spec.kind() != ParamSpec.Kind.COLUMNS
                        || node.params().get(spec.name()) == null) {
                    continue;
                }
                List<String> names = spec.kind() == ParamSpec.Kind.COLUMN ? List.of(node.string(spec.name(), ""))
                        : node.strings(spec.name());
                for (String name : names) {
                    if (!frame().has(name)) {
                        add(node, spec.name(), name, "the data has no column \"" + name + "\"" + nearest(name));
                    } else if (spec.columns() == ParamSpec.Columns.NUMERIC
                            && !(frame().column(name) instanceof NumericColumn)) {
                        add(node, spec.name(), name, "\"" + name + "\" is " + kindWords(data, name) + "; "
                                + type.title() + " needs a numeric column");
                    } else if (spec.columns() == ParamSpec.Columns.CATEGORICAL
                            && frame().column(name) instanceof NumericColumn) {
                        add(node, spec.name(), name, "\"" + name + "\" is numeric; " + type.title()
                                + " needs a categorical (text) column");
                    }
                }
            }
            if (NodeCatalog.FEATURE_DRIFT.equals(node.type())) {
                String statistic = node.string("statistic");
                for (String feature : node.strings("features")) {
                    Column column = frame().find(feature).orElse(null);
                    if (column instanceof NumericColumn && "chi2".equals(statistic)) {
                        add(node, "statistic", feature, "'chi2' is for categorical features but \"" + feature
                                + "\" is numeric");
                    } else if (column != null && !(column instanceof NumericColumn)) {
                        try {
                            CategoricalDriftMonitor.statistic(node.id(), statistic, feature);
                        } catch (ScenarioException e) {
                            add(new Problem(node.id(), "statistic", feature, e.getMessage()));
                        }
                    }
                }
            }
        }

        /** Rules of single nodes that the run applies before its first step and need no data. */
        private void ownRules(ScenarioNode node) {
            if (node.type().startsWith("perturbation.") && node.params().get("slice_column") != null
                    && node.params().get("slice_value") == null) {
                add(node, "slice_value", null, "is required with slice_column");
            }
            if (NodeCatalog.COVARIATE_SHIFT.equals(node.type()) && "resample".equals(node.string("mode"))
                    && node.params().get("mean_shift") == null && node.params().get("tilt") == null) {
                add(node, "mode", null, "'resample' needs tilt (λ) or mean_shift");
            }
            if (NodeCatalog.ERROR_DETECTOR.equals(node.type())) {
                Map<String, Double> params = new LinkedHashMap<>();
                for (String key : List.of("delta", "lambda", "min_instances")) {
                    if (node.params().get(key) != null) {
                        params.put(key, node.number(key, Double.NaN));
                    }
                }
                if (params.keySet().stream().noneMatch(key -> structural.contains(node.id() + "\0" + key))) {
                    ErrorDetectors.factory(node.id(), node.string("detector"), params);
                }
            }
        }

        /** " (did you mean "x"?)" for the data's column closest to a misspelt name, if one is close. */
        private String nearest(String name) {
            String best = null;
            int bestDistance = Integer.MAX_VALUE;
            for (String candidate : frame().columnNames()) {
                int distance = editDistance(name.toLowerCase(java.util.Locale.ROOT),
                        candidate.toLowerCase(java.util.Locale.ROOT));
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = candidate;
                }
            }
            return best != null && bestDistance <= Math.max(1, name.length() / 3)
                    ? " (did you mean \"" + best + "\"?)" : "";
        }

        /** Levenshtein's edit distance ({@link org.twinbench.data.EditDistance}). */
        static int editDistance(String a, String b) {
            return org.twinbench.data.EditDistance.of(a, b);
        }
    }
}
