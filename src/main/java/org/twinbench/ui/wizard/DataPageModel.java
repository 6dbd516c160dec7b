package org.twinbench.ui.wizard;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.twinbench.data.DataException;
import org.twinbench.data.Frame;
import org.twinbench.data.TableLoader;
import org.twinbench.ui.BackgroundTask;
import org.twinbench.ui.data.SpreadsheetNotes;

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
    private record Read(Frame frame, List<String> notes) { }

    /** Reads a spreadsheet in the background and describes its problems in words; the newest choice wins. */
    public void loadData(Path file) {
        status.busy("Reading " + file.getFileName() + " …");
        status.problem("");
        background.task(context -> {
            Frame frame = TableLoader.load(file).frame();
            if (frame.rowCount() < MIN_ROWS) {
                throw new DataException(file.getFileName() + " has only " + frame.rowCount()
                        + " rows; we need at least 50 to say anything useful");
            }
            return new Read(frame, SpreadsheetNotes.describeProblems(frame));
        }).whileCurrent(reading.next()).onSuccess(read -> {
            status.busy("");
            dataFile.set(file);
            dataNotes.setAll(read.notes());
            columns.setAll(read.frame().columnNames());
            data.set(read.frame());
        }).onFailure(e -> status.failed(e instanceof DataException ? e.getMessage()
                : "We could not read “" + file.getFileName() + "”: " + e.getMessage())).start();
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
