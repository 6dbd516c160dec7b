package org.twinbench.ui.data;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.twinbench.data.BinaryLabels;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Column;
import org.twinbench.data.ColumnRole;
import org.twinbench.data.Dataset;
import org.twinbench.data.DateTimes;
import org.twinbench.data.NumericColumn;
import org.twinbench.data.Schema;
import org.twinbench.data.Task;
import org.twinbench.data.ValueKind;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.sim.source.CalendarSource;
import org.twinbench.ui.editor.FileNodes;

/**
 * "New scenario from this data": a runnable scenario made from the table open in the data panel —
 * its outcome column, the slices proposed for it, a model (a file the user opened, or a logistic
 * regression the run trains on the reference rows) and a starting set of perturbations, each on a
 * column of the kind it needs and each said in plain words ("monthly_fee 20% higher"). The scenario
 * replays the table, changes it from a third of the way in, scores it with the model and watches the
 * accuracy overall, per slice and the drift of the changed columns. Pure: no toolkit, no I/O.
 */
public final class ScenarioFromData {

    /** Numbers go up by this share in the "higher" change. */
    static final double RISE = 0.2;
    /** The "recorded less precisely" change adds noise of this many standard deviations. */
    static final double NOISE_SDS = 0.5;
    /** The grown category reaches this share of the rows. */
    static final double GROWN_SHARE = 0.4;
    /** Changes are offered on at most this many columns of each kind. */
    static final int PER_KIND = 3;
    /** Changes ticked when the dialog opens. */
    static final int TICKED = 2;
    private static final Pattern MONEY = Pattern.compile(
            "(?i).*(price|income|spend|amount|salary|revenue|cost|fee|charge|balance|pay).*");

    /** One perturbation offered: its node and what it does in words. */
    public record Change(String id, String type, String column, String words, Map<String, Object> params) {
        public Change {
            params = Map.copyOf(params);
        }

        @Override
        public String toString() {
            return words;
        }
    }

    /**
     * How the table is replayed: by its date column {@code column}, one calendar {@code window} a step
     * (day, week, month or quarter), its dates read with {@code timeFormat} ({@code null}: as they read);
     * the rows before {@code referenceUntil} (the start of the window holding the middle row in time) are
     * the reference, the {@code productionWindows} windows from it on are replayed.
     */
    public record Replay(String column, String window, String timeFormat, LocalDate referenceUntil,
                         int productionWindows, String monthColumn) {

        /** By a column of dates. */
        public Replay(String column, String window, String timeFormat, LocalDate referenceUntil,
                      int productionWindows) {
            this(column, window, timeFormat, referenceUntil, productionWindows, null);
        }

        @Override
        public String toString() {
            return "By " + column + (monthColumn == null ? "" : " and " + monthColumn) + ", a " + window + " a step ("
                    + productionWindows + " " + window + "s from " + referenceUntil + ")";
        }
    }

    /**
     * The table's years with their months in a column of their own (Ames' {@code Year_Sold} and {@code Mo_Sold}): each
     * numeric column whose months {@link TimeColumns#monthsBeside} finds, as {year, month}; a replay by them reads
     * each row as its month's first day.
     */
    public static List<String[]> yearMonthColumns(Dataset data, Schema schema) {
        List<String[]> out = new ArrayList<>();
        for (var column : schema.columns()) {
            if (column.role() == ColumnRole.IGNORE || column.role() == ColumnRole.PII) {
                continue;
            }
            String months = org.twinbench.sim.source.TimeColumns.monthsBeside(data.frame(), column.name());
            if (months != null) {
                out.add(new String[] {column.name(), months});
            }
        }
        return out;
    }

    /** The table's date columns, in table order: what it can be replayed by. */
    public static List<String> dateColumns(Schema schema) {
        return schema.columns().stream().filter(c -> c.kind() == ValueKind.DATE || c.kind() == ValueKind.TIMESTAMP)
                .filter(c -> c.role() != ColumnRole.IGNORE && c.role() != ColumnRole.PII).map(c -> c.name()).toList();
    }

    /**
     * Replaying {@code data} by its date column {@code column} (epoch seconds, as the loader reads dates), one
     * {@code window} a step: the first half of the dated rows in time order is the reference, cut at the start
     * of the window holding the middle row, so that every replayed window is whole. Empty when no row is dated.
     */
    public static Optional<Replay> replay(Dataset data, String column, String window, String timeFormat) {
        return replay(data, column, window, timeFormat, null);
    }

    /** As above; with {@code monthColumn}, {@code column} holds years and the rows are read as their months' starts. */
    public static Optional<Replay> replay(Dataset data, String column, String window, String timeFormat,
                                          String monthColumn) {
        CalendarSource.Window calendar = CalendarSource.Window.of(window);
        LocalDate[] byRow = days(data, column, timeFormat, monthColumn);
        List<LocalDate> days = byRow == null ? List.of() : new ArrayList<>(java.util.Arrays.stream(byRow)
                .filter(java.util.Objects::nonNull).toList());
        if (days.isEmpty()) {
            return Optional.empty();
        }
        days.sort(null);
        LocalDate until = calendar.start(days.get(days.size() / 2));
        if (!until.isAfter(days.get(0))) {
            // One window holds the first half: the reference is that window, the replay starts after it.
            until = calendar.start(days.stream().filter(d -> !calendar.start(d).equals(calendar.start(days.get(0))))
                    .findFirst().orElse(days.get(0)));
        }
        LocalDate from = until;
        long windows = days.stream().filter(d -> !d.isBefore(from)).map(calendar::start).distinct().count();
        return Optional.of(new Replay(column, window, timeFormat, until, (int) windows, monthColumn));
    }

    /**
     * The day of each row of {@code data} in its date column {@code column} (epoch seconds, or text read with
     * {@code timeFormat}, as the source will read them); null for an undated row; null when the text is unreadable.
     */
    static LocalDate[] days(Dataset data, String column, String timeFormat) {
        return days(data, column, timeFormat, null);
    }

    /** As above; with {@code monthColumn}, each row's year and month as the month's first day (null where unread). */
    static LocalDate[] days(Dataset data, String column, String timeFormat, String monthColumn) {
        Column values = data.frame().column(column);
        LocalDate[] days = new LocalDate[values.size()];
        if (monthColumn != null) {
            NumericColumn years = (NumericColumn) values;
            NumericColumn months = data.frame().numeric(monthColumn);
            for (int i = 0; i < days.length; i++) {
                double y = years.get(i);
                double m = months.get(i);
                days[i] = Double.isNaN(y) || Double.isNaN(m) || m < 1 || m > 12 || y < 1 || y > 9999 ? null
                        : LocalDate.of((int) y, (int) m, 1);
            }
        } else if (values instanceof NumericColumn seconds) {
            for (int i = 0; i < seconds.size(); i++) {
                days[i] = Double.isNaN(seconds.get(i)) ? null : day(seconds.get(i));
            }
        } else if (values instanceof CategoricalColumn text) {
            // Dates kept as their text: read each level once, as the source will read them.
            DateTimes.Format format;
            try {
                format = DateTimes.recognise(column, text.levels(), timeFormat);
            } catch (DateTimes.AmbiguousOrUnreadable e) {
                return null;
            }
            double[] byLevel = text.levels().stream().mapToDouble(format::seconds).toArray();
            for (int i = 0; i < days.length; i++) {
                int code = text.codes()[i];
                days[i] = code < 0 || Double.isNaN(byLevel[code]) ? null : day(byLevel[code]);
            }
        }
        return days;
    }

    /** The rows of {@code data} the replay {@code replay} takes as its reference: those dated before its cut. */
    public static int[] referenceRows(Dataset data, Replay replay) {
        LocalDate[] days = days(data, replay.column(), replay.timeFormat(), replay.monthColumn());
        return days == null ? new int[0] : java.util.stream.IntStream.range(0, days.length)
                .filter(i -> days[i] != null && days[i].isBefore(replay.referenceUntil())).toArray();
    }

    /**
     * What the user chose: the table, its outcome, the model inputs, the slices, the model file
     * ({@code null}: a logistic regression trained when the scenario runs), the changes and how the rows
     * are replayed ({@code null}: batches drawn at random).
     */
    public record Choices(Path data, String outcome, List<String> features, List<String> slices, Path model,
                          List<Change> changes, Replay replay, Task task) {
        public Choices {
            features = List.copyOf(features);
            slices = List.copyOf(slices);
            changes = List.copyOf(changes);
        }

        /** A yes/no or several classes ({@code task} read from the outcome when the model is trained in the run). */
        public Choices(Path data, String outcome, List<String> features, List<String> slices, Path model,
                       List<Change> changes, Replay replay) {
            this(data, outcome, features, slices, model, changes, replay, null);
        }

        /** Whether the outcome is amounts, so that the model the run trains is a linear regression. */
        boolean amounts() {
            return task == Task.REGRESSION;
        }

        /** Rows drawn at random, batch after batch. */
        public Choices(Path data, String outcome, List<String> features, List<String> slices, Path model,
                       List<Change> changes) {
            this(data, outcome, features, slices, model, changes, null);
        }
    }

    private ScenarioFromData() {
    }

    /**
     * Why {@code outcome} cannot be the outcome of a scenario whose model the run trains (a logistic regression
     * of its classes, a linear regression of its amounts), or empty.
     */
    public static Optional<String> outcomeProblem(Dataset data, String outcome) {
        return outcomeProblem(data, outcome, false);
    }

    /**
     * Why {@code outcome} cannot be the outcome of a scenario, or empty. Every task has a model: a model file
     * ({@code modelFile}) of the task, or one the run trains on the first half — a logistic regression of two or
     * more classes ({@code model.logistic}), a ridge linear regression of amounts ({@code model.linear}). Only a
     * column that calls for no task (one value, too many texts) is refused.
     */
    public static Optional<String> outcomeProblem(Dataset data, String outcome, boolean modelFile) {
        if (outcome == null || !data.frame().has(outcome)) {
            return Optional.of("Choose the column the model predicts.");
        }
        Column column = data.frame().column(outcome);
        if (Task.of(column).isEmpty()) {
            return Optional.of("'" + outcome + "' cannot be predicted: it has "
                    + (Task.distinctValues(column, 3) < 2 ? "a single value." : "too many different texts."));
        }
        return Optional.empty();
    }

    /**
     * The table's columns that can be an outcome — two values, several classes or amounts ({@link Task#of}) among
     * the features, slices and target: the schema's target first, then in table order.
     */
    public static List<String> outcomes(Dataset data, Schema schema) {
        List<String> out = new ArrayList<>();
        schema.target().ifPresent(out::add);
        for (var column : schema.columns()) {
            boolean usable = column.role() == ColumnRole.FEATURE || column.role() == ColumnRole.SLICE
                    || column.role() == ColumnRole.TARGET;
            if (usable && !out.contains(column.name()) && Task.of(data.frame().column(column.name())).isPresent()) {
                out.add(column.name());
            }
        }
        return out;
    }

    /** The changes offered for {@code outcome}, on feature and slice columns of the kind each needs. */
    public static List<Change> offer(Dataset data, Schema schema, String outcome, List<String> slices) {
        return offer(data, schema, outcome, slices, List.of());
    }

    /** As above, on no column of {@code leftOut} (the model does not read them). */
    public static List<Change> offer(Dataset data, Schema schema, String outcome, List<String> slices,
                                     List<String> leftOut) {
        List<String> numbers = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (var column : schema.columns()) {
            boolean used = column.role() == ColumnRole.FEATURE || column.role() == ColumnRole.SLICE;
            if (!used || column.name().equals(outcome) || leftOut.contains(column.name())) {
                continue;
            }
            Column values = data.frame().column(column.name());
            // A rating (few whole numbers) is a class, not an amount: "20% higher" means nothing for it.
            // Nor is a year: "Year_Built 20% higher" would build houses in the 24th century.
            if (column.kind() == ValueKind.NUMBER && values instanceof NumericColumn numeric
                    && standardDeviation(numeric) > 0 && Task.of(values).orElse(null) == Task.REGRESSION
                    && !org.twinbench.data.OutcomeColumn.calendarNumber(values)) {
                numbers.add(column.name());
            } else if (column.kind() == ValueKind.TEXT && values instanceof CategoricalColumn
                    && Task.distinctValues(values, 3) >= 2) {
                texts.add(column.name());
            }
        }
        // Money first: a price or an income is what moves first when the world changes.
        numbers.sort((a, b) -> Boolean.compare(MONEY.matcher(b).matches(), MONEY.matcher(a).matches()));
        texts.sort((a, b) -> Boolean.compare(slices.contains(b), slices.contains(a)));
        List<Change> offered = new ArrayList<>();
        for (String name : numbers.subList(0, Math.min(PER_KIND, numbers.size()))) {
            offered.add(new Change(id(name, "higher"), NodeCatalog.COVARIATE_SHIFT, name,
                    String.format(Locale.ROOT, "%s %.0f%% higher", name, 100 * RISE),
                    params("column", name, "scale", 1 + RISE)));
        }
        for (String name : texts.subList(0, Math.min(PER_KIND, texts.size()))) {
            String level = rarest((CategoricalColumn) data.frame().column(name));
            offered.add(new Change(id(name, "grows"), NodeCatalog.CATEGORY_MIX, name,
                    String.format(Locale.ROOT, "more rows with %s = %s (%.0f%% of them)", name, level,
                            100 * GROWN_SHARE), params("column", name, "category", level, "share", GROWN_SHARE)));
        }
        if (!numbers.isEmpty()) {
            String name = numbers.get(0);
            double sd = standardDeviation(data.frame().numeric(name));
            offered.add(new Change(id(name, "noisy"), NodeCatalog.GAUSSIAN_NOISE, name,
                    name + " recorded less precisely (noise of half its spread)",
                    params("columns", List.of(name), "sd", NOISE_SDS * sd)));
            offered.add(new Change(id(name, "stops"), NodeCatalog.MISSING_VALUES, name,
                    name + " stops arriving (every value missing)",
                    params("columns", List.of(name), "mode", "pipeline-break")));
        }
        if (outcome != null && data.frame().has(outcome)
                && Task.of(data.frame().column(outcome)).orElse(null) == Task.BINARY) {
            Column label = data.frame().column(outcome);
            String positive = BinaryLabels.positiveLabel(label, null);
            double rate = positiveRate(label, positive);
            double target = Math.min(0.9, Math.max(rate * 2, rate + 0.1));
            offered.add(new Change(id(outcome, "rate"), NodeCatalog.PRIOR_SHIFT, outcome,
                    String.format(Locale.ROOT, "%s = %s more common (%.0f%% → %.0f%% of rows)", outcome, positive,
                            100 * rate, 100 * target), params("positive_rate", round(target))));
        }
        return offered;
    }

    /** The scenario: the table, the ticked changes in a chain, the model, and its monitors. */
    public static Scenario build(Choices choices, Path base) {
        var source = NodeCatalog.find(NodeCatalog.DATASET_SOURCE).orElseThrow();
        long steps = ((Number) source.param("steps").orElseThrow().defaultValue()).longValue();
        List<ScenarioNode> nodes = new ArrayList<>();
        String stem = stem(choices.data());
        String sourceId = List.of("model", "accuracy", "error", "by-group", "drift").contains(slug(stem))
                ? "data-" + slug(stem) : slug(stem);
        Map<String, Object> read = params("path", FileNodes.pathFor(choices.data(), base));
        long start = Math.max(1, steps / 3);
        Replay replay = choices.replay();
        if (replay != null) {
            read.put("time_column", replay.column());
            if (replay.monthColumn() != null) {
                read.put("month_column", replay.monthColumn());
            }
            read.put("window", replay.window());
            if (replay.timeFormat() != null) {
                read.put("time_format", replay.timeFormat());
            }
            read.put("reference_until", replay.referenceUntil().toString());
            // The changes start a third of the way into the windows replayed, as they do into the steps.
            start = Math.max(1, Math.min(steps, replay.productionWindows()) / 3);
        }
        nodes.add(new ScenarioNode(sourceId, NodeCatalog.DATASET_SOURCE, read, 40, 160));
        double x = 260;
        for (Change change : choices.changes()) {
            Map<String, Object> p = new LinkedHashMap<>(change.params());
            p.put("schedule", params("kind", "sudden", "start", start));
            nodes.add(new ScenarioNode(unique(nodes, change.id()), change.type(), p, x, 160));
            x += 220;
        }
        nodes.add(modelNode(choices, base, x));
        String model = nodes.get(nodes.size() - 1).id();
        List<ScenarioEdge> edges = new ArrayList<>();
        for (int i = 0; i + 1 < nodes.size(); i++) {
            edges.add(new ScenarioEdge(nodes.get(i).id(), nodes.get(i + 1).id()));
        }
        double right = x + 220;
        // It watches the errors of a model of amounts (MAE), the accuracy of a model of classes: its name says which.
        String watch = choices.amounts() ? "error" : "accuracy";
        nodes.add(new ScenarioNode(watch, NodeCatalog.PERFORMANCE_MONITOR, params(), right, 40));
        edges.add(new ScenarioEdge(model, watch));
        nodes.add(new ScenarioNode("by-group", NodeCatalog.SLICE_METRICS, params("slices", choices.slices()),
                right, 160));
        edges.add(new ScenarioEdge(model, "by-group"));
        List<String> watched = new ArrayList<>();
        for (Change change : choices.changes()) {
            if (choices.features().contains(change.column()) && !watched.contains(change.column())) {
                watched.add(change.column());
            }
        }
        if (watched.isEmpty()) {
            watched.addAll(choices.features().subList(0, Math.min(PER_KIND, choices.features().size())));
        }
        if (!watched.isEmpty()) {
            nodes.add(new ScenarioNode("drift", NodeCatalog.FEATURE_DRIFT, params("features", watched), right, 280));
            edges.add(new ScenarioEdge(model, "drift"));
        }
        String changed = choices.changes().isEmpty() ? "no change"
                : String.join("; ", choices.changes().stream().map(Change::words).toList());
        return new Scenario(stem, "Made from " + choices.data().getFileName() + ": predicts " + choices.outcome()
                + ", groups " + (choices.slices().isEmpty() ? "none" : String.join(", ", choices.slices()))
                + "; from step " + start + ": " + changed + ".", 0, nodes, edges);
    }

    private static ScenarioNode modelNode(Choices choices, Path base, double x) {
        if (choices.model() != null) {
            var type = FileNodes.typeFor(choices.model());
            return new ScenarioNode("model", type.type(), params("path", FileNodes.pathFor(choices.model(), base)),
                    x, 160);
        }
        return new ScenarioNode("model", choices.amounts() ? NodeCatalog.LINEAR_MODEL : NodeCatalog.LOGISTIC_MODEL,
                params("target", choices.outcome(), "features", choices.features()), x, 160);
    }

    private static LocalDate day(double epochSeconds) {
        return LocalDate.ofEpochDay(Math.floorDiv((long) Math.floor(epochSeconds), 86_400L));
    }

    /** The file name without its extension: the scenario's name. */
    static String stem(Path data) {
        return data.getFileName().toString().replaceFirst("\\.[^.]*$", "");
    }

    private static String rarest(CategoricalColumn column) {
        int[] counts = new int[column.levels().size()];
        for (int code : column.codes()) {
            if (code >= 0) {
                counts[code]++;
            }
        }
        int best = -1;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0 && (best < 0 || counts[i] < counts[best])) {
                best = i;
            }
        }
        return column.levels().get(best);
    }

    private static double positiveRate(Column label, String positive) {
        int[] y = BinaryLabels.encode(label, positive);
        int known = 0;
        int yes = 0;
        for (int v : y) {
            if (v >= 0) {
                known++;
                yes += v;
            }
        }
        return known == 0 ? 0 : (double) yes / known;
    }

    private static double standardDeviation(NumericColumn column) {
        double sd = column.standardDeviation();
        return Double.isNaN(sd) ? 0 : sd;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static String id(String column, String what) {
        return slug(column) + "-" + what;
    }

    private static String unique(List<ScenarioNode> nodes, String id) {
        String candidate = id;
        int n = 2;
        while (true) {
            String tried = candidate;
            if (nodes.stream().noneMatch(node -> node.id().equals(tried))) {
                return tried;
            }
            candidate = id + "-" + n++;
        }
    }

    static String slug(String text) {
        String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "data" : slug;
    }

    private static Map<String, Object> params(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
