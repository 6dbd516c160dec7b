package org.twinbench.ui.wizard;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.twinbench.data.BundledSamples;
import org.twinbench.data.DataException;
import org.twinbench.data.Frame;
import org.twinbench.data.PlainWords;
import org.twinbench.data.TableLoader;
import org.twinbench.ui.data.SpreadsheetNotes;
import org.twinbench.ui.fx.BackgroundTask;

/** Page 1, "Your data": the spreadsheet, read in the background, and its problems in words. */
public final class DataPageModel {

    /** Fewer rows than this say nothing useful about a model. */
    static final int MIN_ROWS = 50;

    private final BackgroundTask.Runner background;
    private final WizardStatus status;
    private final BackgroundTask.Key reading = new BackgroundTask.Key();
    private final ReadOnlyObjectWrapper<Frame> data = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Path> dataFile = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> dataNotes = FXCollections.observableArrayList();
    private final ObservableList<String> columns = FXCollections.observableArrayList();

    DataPageModel(BackgroundTask.Runner background, WizardStatus status) {
        this.background = background;
        this.status = status;
    }

    /** A spreadsheet read, with what is wrong with it in words. */
    private record Read(Path file, Frame frame, List<String> notes) { }

    /** Where a spreadsheet is, once known (the bundled sample is copied to the user's folder first). */
    @FunctionalInterface
    private interface Source {
        Path file() throws Exception;
    }

    /** Reads a spreadsheet in the background and describes its problems in words; the newest choice wins. */
    public void loadData(Path file) {
        load(file.getFileName().toString(), () -> file);
    }

    /** Copies the bundled churn sample to the user's folder and reads it, in the background. */
    public void loadSample() {
        load(SAMPLE, () -> BundledSamples.extractTo(BundledSamples.userDirectory().resolve("samples")).resolve(SAMPLE));
    }

    /** What the owner is told of a file sorted by a column, in words. */
    static String sortedWords(org.twinbench.data.FileOrder.Sorted sorted) {
        String how = sorted.grouped() ? "come grouped by " + PlainWords.column(sorted.column()) + " (all "
                + String.join(", then all ", sorted.blocksNamed()) + ")"
                : "are sorted by " + PlainWords.column(sorted.column()) + " (from " + sorted.first() + " to "
                + sorted.last() + ")";
        return "Your rows " + how + ". The check takes the first half of the rows as the past and the rest as today,"
                + " so the two differ because of that order. If the rows are not in the order things happened,"
                + " shuffle them first.";
    }

    /** The sample spreadsheet the wizard offers. */
    static final String SAMPLE = "churn.csv";

    private void load(String name, Source source) {
        status.busy("Reading " + name + " …");
        status.problem("");
        background.task(context -> {
            Path file = source.file();
            org.twinbench.data.Dataset dataset = TableLoader.load(file);
            Frame frame = dataset.frame();
            if (frame.rowCount() < MIN_ROWS) {
                throw new DataException(file.getFileName() + " has only " + frame.rowCount()
                        + " rows; we need at least 50 to say anything useful");
            }
            java.util.List<String> notes = new java.util.ArrayList<>(SpreadsheetNotes.describeProblems(frame));
            // The check takes the first half of the rows as the past: a file sorted by a column makes them differ.
            org.twinbench.data.FileOrder.sortedBy(frame, dataset).ifPresent(sorted -> notes.add(sortedWords(sorted)));
            return new Read(file, frame, notes);
        }).whileCurrent(reading.next()).onSuccess(read -> {
            status.busy("");
            dataFile.set(read.file());
            dataNotes.setAll(read.notes());
            columns.setAll(read.frame().columnNames());
            data.set(read.frame());
        }).onFailure(e -> status.failed(e instanceof DataException ? e.getMessage()
                : "We could not read “" + name + "”: " + e.getMessage())).start();
    }

    /** A file being read delivers nothing. */
    void cancel() {
        reading.invalidate();
    }

    String blocker() {
        return data.get() == null ? "Choose a spreadsheet first." : "";
    }

    public ReadOnlyObjectProperty<Frame> dataProperty() {
        return data.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> dataFileProperty() {
        return dataFile.getReadOnlyProperty();
    }

    public ObservableList<String> dataNotes() {
        return dataNotes;
    }

    public ObservableList<String> columns() {
        return columns;
    }
}
