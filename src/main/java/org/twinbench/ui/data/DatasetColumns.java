package org.twinbench.ui.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Column;
import org.twinbench.data.DataException;
import org.twinbench.data.Dataset;
import org.twinbench.data.TableLoader;
import org.twinbench.ui.fx.AppExecutor;
import org.twinbench.ui.fx.BackgroundTask;

/**
 * Reads data files on the app executor (never the FX thread) to learn their columns, for the column
 * pickers of the inspector and the data panel; remembers each file's answer.
 */
public final class DatasetColumns {

    /** What the editor needs to know of a data file: its columns and their kinds, or why it cannot be read. */
    public record Summary(Path file, int rows, List<String> columns, List<String> kinds, String error) {
        static Summary failed(Path file, String error) {
            return new Summary(file, 0, List.of(), List.of(), error);
        }
    }

    private final BackgroundTask.Runner background;
    private final Map<Path, Summary> known = new ConcurrentHashMap<>();

    public DatasetColumns(AppExecutor executor, Executor fxThread) {
        this.background = new BackgroundTask.Runner(executor::submit, fxThread);
    }

    /** Calls {@code then} on the FX thread with the summary of {@code file}, reading it first if needed. */
    public void summary(Path file, Consumer<Summary> then) {
        Path key = file.toAbsolutePath().normalize();
        Summary cached = known.get(key);
        if (cached != null) {
            then.accept(cached);
            return;
        }
        background.task(context -> {
            Summary read = read(key);
            known.put(key, read);
            return read;
        }).onSuccess(then).onFailure(e -> then.accept(Summary.failed(key, key + ": cannot read: " + e))).start();
    }

    static Summary read(Path file) {
        try {
            Dataset dataset = TableLoader.load(file);
            List<String> kinds = new ArrayList<>();
            for (Column column : dataset.frame().columns()) {
                kinds.add(column instanceof CategoricalColumn ? "categorical" : "numeric");
            }
            return new Summary(file, dataset.frame().rowCount(), dataset.frame().columnNames(), kinds, null);
        } catch (DataException e) {
            return Summary.failed(file, e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            // Also linkage errors: a reader library that failed to initialise must not leave the picker waiting.
            return Summary.failed(file, file + ": cannot read: " + e);
        }
    }
}
