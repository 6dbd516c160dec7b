package org.twinbench.ui.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.twinbench.data.ColumnRole;
import org.twinbench.data.DataException;
import org.twinbench.data.Dataset;
import org.twinbench.data.Frame;
import org.twinbench.data.QualityFinding;
import org.twinbench.data.Representativeness;
import org.twinbench.data.Schema;
import org.twinbench.data.TableLoader;
import org.twinbench.ui.fx.BackgroundTask;

/**
 * Whether the open table (what a model learnt from) covers another one (this month's data, say):
 * the other table is read on the executor and {@link Representativeness} lists its categories the
 * open table never had, its numbers outside the open table's range and the columns it lacks. Only
 * feature, target and slice columns are compared: identifiers differ by design, and personal data
 * must not be echoed back as "new categories".
 */
public final class CoverageViewModel {

    /** The roles whose values a model or a slice depends on. */
    static final List<ColumnRole> COMPARED = List.of(ColumnRole.FEATURE, ColumnRole.TARGET, ColumnRole.SLICE);

    private final BackgroundTask.Runner background;
    private final ObservableList<QualityFinding> findings = FXCollections.observableArrayList();
    private final ObservableList<QualityFinding> findingsView = FXCollections.unmodifiableObservableList(findings);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper();
    /** The newest comparison; answers of older ones are dropped. */
    private final BackgroundTask.Key comparing = new BackgroundTask.Key();

    public CoverageViewModel(Executor background, Executor fxThread) {
        this.background = new BackgroundTask.Runner(background, fxThread);
    }

    /** Reads {@code other} and compares it with {@code reference} (named {@code referenceName}) under its roles. */
    public void compare(Dataset reference, Schema roles, String referenceName, Path other) {
        BackgroundTask.Ticket ticket = comparing.next();
        checking.set(true);
        error.set("");
        message.set("Reading " + other.getFileName() + " ...");
        List<String> names = compared(reference.frame(), roles);
        background.task(context -> {
            Frame current = TableLoader.load(other).frame();
            List<QualityFinding> found = Representativeness.check(columns(reference.frame(), names),
                    columns(current, names));
            return new Compared(current.rowCount(), found);
        }).whileCurrent(ticket).onSuccess(done -> {
            checking.set(false);
            findings.setAll(done.findings());
            message.set(summary(other.getFileName().toString(), done.rows(), referenceName, names.size(),
                    done.findings().size()));
        }).onFailure(e -> failed(e instanceof DataException ? e.getMessage() : other + ": cannot read: " + e)).start();
    }

    /** Forgets the comparison (another table was opened). */
    public void clear() {
        comparing.invalidate();
        checking.set(false);
        findings.clear();
        message.set("");
        error.set("");
    }

    static String summary(String other, int rows, String reference, int columns, int findings) {
        return String.format(Locale.ROOT, "%s (%,d rows) against %s, %d column%s compared: %s", other, rows, reference,
                columns, columns == 1 ? "" : "s", findings == 0 ? "nothing the open table does not cover."
                        : findings + (findings == 1 ? " finding." : " findings."));
    }

    /** The open table's columns whose role is compared, in table order. */
    static List<String> compared(Frame reference, Schema roles) {
        return reference.columnNames().stream().filter(name -> COMPARED.contains(roles.role(name))).toList();
    }

    /** The columns of {@code frame} named in {@code names} (those it has; Representativeness reports the rest). */
    private static Frame columns(Frame frame, List<String> names) {
        return new Frame(names.stream().filter(frame::has).map(frame::column).toList());
    }

    /** The rows of the other table and what it has that the open table does not cover. */
    private record Compared(int rows, List<QualityFinding> findings) { }

    private void failed(String text) {
        checking.set(false);
        findings.clear();
        error.set(text);
        message.set("");
    }

    public ObservableList<QualityFinding> findings() {
        return findingsView;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }
}
