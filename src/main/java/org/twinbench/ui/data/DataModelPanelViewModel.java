package org.twinbench.ui.data;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.twinbench.data.Cancellation;
import org.twinbench.data.ColumnRole;
import org.twinbench.data.ColumnSchema;
import org.twinbench.data.DataException;
import org.twinbench.data.DataQuality;
import org.twinbench.data.Dataset;
import org.twinbench.data.Frame;
import org.twinbench.data.OutcomeColumn;
import org.twinbench.data.LoadOptions;
import org.twinbench.data.QualityFinding;
import org.twinbench.data.Schema;
import org.twinbench.data.TableLoader;
import org.twinbench.data.ValueKind;
import org.twinbench.ui.editor.FileNodes;
import org.twinbench.ui.editor.ScenarioDocument;
import org.twinbench.ui.fx.AppExecutor;
import org.twinbench.ui.fx.BackgroundTask;
import org.twinbench.ui.fx.FxCoalescer;
import org.twinbench.ui.graph.GraphCanvasViewModel;

/**
 * The data half of the data and model panel: a dataset read on the app executor (with progress and
 * cancellation), its columns with their kinds and roles (both editable), its data-quality findings
 * and a preview of its first rows with personal data masked. Also puts the dataset or the model on
 * the canvas as one undoable edit. All properties change on the FX thread.
 */
public final class DataModelPanelViewModel {


    /** One row of the column table. */
    public record ColumnRow(String name, ValueKind kind, ColumnRole role, String reason, boolean personal) {
    }

    private final BackgroundTask.Runner background;
    private final ScenarioDocument document;
    private final ModelPanelViewModel model;
    private final ScenarioUse use;

    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    /** What the panel says with no table open. */
    static final String NOTHING_OPEN = "Open a CSV or Excel file to see its columns, roles and data quality.";
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(NOTHING_OPEN);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Dataset> dataset = new ReadOnlyObjectWrapper<>();
    /** The outcome inference made when the open table was read. */
    private OutcomeColumn.Inference outcomeInference = new OutcomeColumn.Inference(List.of(), null);
    private final ReadOnlyObjectWrapper<Schema> schema = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Frame> preview = new ReadOnlyObjectWrapper<>();
    private final ObservableList<ColumnRow> columns = FXCollections.observableArrayList();
    private final ObservableList<QualityFinding> findings = FXCollections.observableArrayList();
    private final CoverageViewModel coverage;
    private final ObservableList<ColumnRow> columnsView = FXCollections.unmodifiableObservableList(columns);
    private final ObservableList<QualityFinding> findingsView = FXCollections.unmodifiableObservableList(findings);

    /** Kinds the user chose, applied when the file is read again. */
    private final Map<String, ValueKind> kindOverrides = new LinkedHashMap<>();
    /** Time formats the user chose for date columns that read both ways, applied when the file is read again. */
    private final Map<String, String> timeFormats = new LinkedHashMap<>();
    /** Date columns that read month-first and day-first alike, with no format chosen yet. */
    private final ObservableList<DateFormats.Ambiguous> ambiguousDates = FXCollections.observableArrayList();
    /** Roles the user chose, kept when the file is read again with another kind. */
    private final Map<String, ColumnRole> userRoles = new LinkedHashMap<>();
    /** The newest load or check; answers of older ones are dropped. */
    private final BackgroundTask.Key work = new BackgroundTask.Key();
    private Cancellation cancellation = new Cancellation();

    public DataModelPanelViewModel(AppExecutor executor, Executor fxThread, ScenarioDocument document,
                                   GraphCanvasViewModel canvas) {
        this.background = new BackgroundTask.Runner(executor::submit, fxThread);
        this.document = document;
        this.use = new ScenarioUse(document, canvas);
        this.model = new ModelPanelViewModel(executor, fxThread);
        this.coverage = new CoverageViewModel(executor::submit, fxThread);
        dataset.addListener((obs, old, now) -> model.check(now));
        use.adoptChosenFormats(fxThread, file::get, () -> Map.copyOf(timeFormats));
    }

    /** Reads {@code path} on the executor; the dataset shown so far stays until the new one is read. */
    public void openDataset(Path path) {
        kindOverrides.clear();
        userRoles.clear();
        timeFormats.clear();
        // A source of the scenario that reads this file already says how its dates are written.
        timeFormats.putAll(use.timeFormatsFor(path));
        load(path);
    }

    private void load(Path path) {
        cancelLoad();
        BackgroundTask.Ticket ticket = work.next();
        Cancellation token = new Cancellation();
        cancellation = token;
        String name = path.getFileName().toString();
        loading.set(true);
        progress.set(0);
        error.set("");
        message.set("Reading " + name + " ...");
        FxCoalescer<long[]> updates = new FxCoalescer<>(background.fxThread(), batch -> {
            if (ticket.isCurrent()) {
                long[] last = batch.get(batch.size() - 1);
                showProgress(name, last[0], last[1], last[2]);
            }
        });
        LoadOptions options = LoadOptions.detect().withCancellation(token)
                .withListener((bytes, total, rows) -> updates.offer(new long[] {bytes, total, rows}));
        for (Map.Entry<String, ValueKind> override : kindOverrides.entrySet()) {
            options = options.withType(override.getKey(), override.getValue());
        }
        for (Map.Entry<String, String> format : timeFormats.entrySet()) {
            options = options.withTimeFormat(format.getKey(), format.getValue());
        }
        LoadOptions chosen = options;
        Map<String, ColumnRole> roles = Map.copyOf(userRoles);
        background.task(context -> {
            Dataset read = TableLoader.load(path, chosen);
            token.check("reading " + name);
            context.onFx(() -> {
                message.set("Checking the data quality of " + name + " ...");
                progress.set(-1);
            });
            OutcomeColumn.Inference outcome = OutcomeColumn.infer(read);
            Schema proposed = ProposedSchema.propose(read, roles, outcome);
            List<QualityFinding> found = DataQuality.check(read.frame(), proposed);
            Frame shown = ProposedSchema.maskedPreview(read.frame(), proposed);
            return new Loaded(read, proposed, found, shown, outcome);
        }).whileCurrent(ticket)
                .onSuccess(done -> {
                    outcomeInference = done.outcome();
                    loaded(path, done.read(), done.proposed(), done.found(), done.shown());
                })
                // A load cancelled by the user is stale: cancelLoad() has already said so and kept the previous dataset.
                .onFailure(e -> failed(e instanceof DataException ? e.getMessage() : path + ": cannot read: " + e))
                .start();
    }

    private void showProgress(String name, long bytes, long total, long rows) {
        if (!loading.get()) {
            return;
        }
        progress.set(total > 0 ? Math.min(1, (double) bytes / total) : -1);
        message.set(String.format(Locale.ROOT, "Reading %s: %,d rows%s", name, rows,
                total > 0 ? String.format(Locale.ROOT, " (%d%%)", Math.round(100.0 * bytes / total)) : ""));
    }

    private void loaded(Path path, Dataset read, Schema proposed, List<QualityFinding> found, Frame shown) {
        loading.set(false);
        progress.set(0);
        file.set(path);
        schema.set(proposed);
        columns.setAll(rows(proposed));
        findings.setAll(found);
        coverage.clear();
        preview.set(shown);
        dataset.set(read);
        ambiguousDates.setAll(DateFormats.ambiguous(read, timeFormats.keySet()));
        long personal = proposed.columns().stream().filter(c -> c.role() == ColumnRole.PII).count();
        message.set(String.format(Locale.ROOT, "%s: %,d rows, %d columns%s", path.getFileName(),
                read.frame().rowCount(), read.frame().columnNames().size(),
                personal == 0 ? "" : "; " + personal + " with personal data (masked, not used as features)")
                + timeFormats.entrySet().stream().map(f -> "; dates in '" + f.getKey() + "' read " + f.getValue())
                        .collect(java.util.stream.Collectors.joining()));
    }

    /**
     * The user says how {@code column}'s dates are written ({@code M/d/yyyy} or {@code d/M/yyyy}): the file is
     * read again so, and the scenario's sources that replay it by that column take it as their
     * {@code time_format} (one undoable edit).
     */
    public void setTimeFormat(String column, String pattern) {
        Path shown = file.get();
        if (shown != null) {
            timeFormats.put(column, pattern);
            use.readDatesAs(shown, column, pattern);
            load(shown);
        }
    }

    /** Date columns whose values read month-first and day-first alike, until a format is chosen for them. */
    public ObservableList<DateFormats.Ambiguous> ambiguousDates() {
        return ambiguousDates;
    }

    /** A file read and checked on the executor. */
    private record Loaded(Dataset read, Schema proposed, List<QualityFinding> found, Frame shown,
                          OutcomeColumn.Inference outcome) { }

    private void failed(String text) {
        loading.set(false);
        progress.set(0);
        error.set(text);
        message.set(dataset.get() == null ? "Nothing was loaded." : "Still showing " + file.get().getFileName()
                + "; nothing was changed.");
    }

    /** Stops a load in progress; the dataset shown before stays. */
    public void cancelLoad() {
        if (!loading.get()) {
            return;
        }
        cancellation.cancel();
        work.invalidate();
        loading.set(false);
        progress.set(0);
        message.set("Reading was cancelled; " + (dataset.get() == null ? "nothing was loaded."
                : "still showing " + file.get().getFileName() + "."));
    }

    /**
     * Another scenario was opened: unless the table shown is the one it reads ({@code scenarioData},
     * null when it reads none), the panel forgets the table and the model, so nothing of the previous
     * scenario's work looks like this one's. A load or training under way is dropped.
     */
    public void forgetUnlessReading(Path scenarioData) {
        Path shown = file.get();
        if (shown != null && scenarioData != null
                && shown.toAbsolutePath().normalize().equals(scenarioData.toAbsolutePath().normalize())) {
            return;
        }
        cancellation.cancel();
        work.invalidate();
        kindOverrides.clear();
        userRoles.clear();
        timeFormats.clear();
        ambiguousDates.clear();
        loading.set(false);
        progress.set(0);
        error.set("");
        columns.clear();
        findings.clear();
        coverage.clear();
        preview.set(null);
        schema.set(null);
        dataset.set(null);
        file.set(null);
        message.set(NOTHING_OPEN);
        model.forget();
    }

    private static List<ColumnRow> rows(Schema schema) {
        return schema.columns().stream().map(c -> new ColumnRow(c.name(), c.kind(), c.role(), c.reason(),
                c.pii() != null || c.role() == ColumnRole.PII)).toList();
    }

    /** The user gives {@code column} a role; the quality checks run again for the new roles. */
    public void setRole(String column, ColumnRole role) {
        Schema current = schema.get();
        Dataset data = dataset.get();
        if (current == null || data == null || current.role(column) == role) {
            return;
        }
        userRoles.put(column, role);
        if (role == ColumnRole.TARGET) {
            current.withRole(ColumnRole.TARGET).forEach(old -> userRoles.put(old, ColumnRole.FEATURE));
        }
        Schema changed = current.withRole(column, role);
        schema.set(changed);
        columns.setAll(rows(changed));
        preview.set(ProposedSchema.maskedPreview(data.frame(), changed));
        background.task(context -> DataQuality.check(data.frame(), changed)).whileCurrent(work.next())
                .onSuccess(findings::setAll)
                .onFailure(e -> error.set("Cannot check the data quality: " + e.getMessage()))
                .start();
    }

    /** The user reads {@code column} as another kind of value: the file is read again with that override. */
    public void setKind(String column, ValueKind kind) {
        Schema current = schema.get();
        if (current == null || file.get() == null || current.find(column).map(ColumnSchema::kind).orElse(null) == kind) {
            return;
        }
        kindOverrides.put(column, kind);
        load(file.get());
    }

    /** The columns the model is trained on: those with the feature role, never the target. */
    public List<String> features(String target) {
        return schema.get() == null ? List.of() : NewScenarioChoices.features(schema.get(), target);
    }

    /**
     * Puts {@code path} (the dataset or a model) on the canvas at (x, y): a new source or model node
     * reading it, selected. One undoable edit.
     */
    public String placeOnCanvas(Path path, double x, double y) {
        return use.placeOnCanvas(path, x, y);
    }

    /** Points the node {@code id}, of the type that reads {@code path}, at it; false when it is of another type. */
    public boolean pointNodeAt(String id, Path path) {
        return use.pointNodeAt(id, path);
    }

    /**
     * Without the mouse: a model file replaces the scenario's model node in place (its edges kept); a
     * table becomes the data of the first dataset source (see {@link #useDataset}); with no such node
     * a new one is added.
     */
    public String useInScenario(Path path) {
        return FileNodes.typeFor(path).type().equals(org.twinbench.scenario.NodeCatalog.DATASET_SOURCE)
                ? use.useDataset(path, Map.of()) : use.useModel(path);
    }

    /**
     * The columns the open scenario names that the table open here lacks, each with a proposed match
     * of the right kind; empty when no table is open or nothing is missing.
     */
    public List<ColumnRemap.Missing> missingColumns() {
        Dataset data = dataset.get();
        Schema current = schema.get();
        if (data == null || current == null) {
            return List.of();
        }
        Map<String, ValueKind> kinds = new LinkedHashMap<>();
        current.columns().forEach(c -> kinds.put(c.name(), c.kind()));
        return use.missing(kinds);
    }

    /** The scenario reads the open table, with the columns of {@code renames} (old to new) renamed: one edit. */
    public String useDataset(Map<String, String> renames) {
        return use.useDataset(file.get(), renames);
    }

    /**
     * What "New scenario from this data" offers for the open table as it reads now (roles, kinds, the
     * dates' formats), or empty when no table is open.
     */
    public java.util.Optional<NewScenarioChoices> newScenarioChoices() {
        return dataset.get() == null || schema.get() == null || file.get() == null ? java.util.Optional.empty()
                : java.util.Optional.of(new NewScenarioChoices(file.get(), dataset.get(), schema.get(),
                        outcomeInference, timeFormats));
    }

    /**
     * Reads {@code other} and lists what in it the open table does not cover (new categories, numbers
     * outside its range, missing columns) under the open table's roles.
     */
    public void compareWith(Path other) {
        if (dataset.get() != null) {
            coverage.compare(dataset.get(), schema.get(), file.get().getFileName().toString(), other);
        }
    }

    public CoverageViewModel coverage() {
        return coverage;
    }

    public ModelPanelViewModel model() {
        return model;
    }

    /** The folder file choosers start in: the loaded dataset's, else the scenario's. */
    public Path folder() {
        Path current = file.get();
        return current != null && current.toAbsolutePath().getParent() != null ? current.toAbsolutePath().getParent()
                : document.baseDirectory();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Share of the file read, 0 to 1, or -1 while the length of the remaining work is unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Why the last file could not be read (naming the file and line), or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Dataset> datasetProperty() {
        return dataset.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Schema> schemaProperty() {
        return schema.getReadOnlyProperty();
    }

    /** The first {@value ProposedSchema#PREVIEW_ROWS} rows, personal data masked. */
    public ReadOnlyObjectProperty<Frame> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ObservableList<ColumnRow> columns() {
        return columnsView;
    }

    public ObservableList<QualityFinding> findings() {
        return findingsView;
    }
}
