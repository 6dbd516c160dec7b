package org.twinbench.sim;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.twinbench.model.TaskModel;

/**
 * The model files a plan opened and owns (an ONNX model's runtime session holds native memory until it is
 * closed): the champion and a challenger read from files. Closed once, by whoever ends the plan's life —
 * the command or window that compiled it, when its run ends, fails or is cancelled; a second close does
 * nothing. Plans derived from one (other steps, a branch) share its models: closing either closes them.
 */
public final class PlanModels implements AutoCloseable {

    /** No model file held (a trained or logged model). */
    public static final PlanModels NONE = new PlanModels(List.of());

    private final List<TaskModel> models;
    private final AtomicBoolean closed = new AtomicBoolean();

    PlanModels(List<TaskModel> models) {
        this.models = List.copyOf(models);
    }

    /** How many model files are held. */
    public int size() {
        return models.size();
    }

    /** Whether {@link #close} ran. */
    public boolean isClosed() {
        return closed.get();
    }

    /** Closes every held model, the first time only. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (TaskModel model : models) {
            org.twinbench.model.ModelFiles.closeQuietly(model);
        }
    }
}
