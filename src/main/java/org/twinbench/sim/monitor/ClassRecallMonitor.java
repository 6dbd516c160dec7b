package org.twinbench.sim.monitor;

import org.twinbench.sim.ModelTask;

/**
 * A multiclass model's recall of each class on every step's labelled rows (the rows of its metrics):
 * {@code class.recall_<c>}, of the rows labelled c the share predicted c (NaN without such rows), and
 * {@code class.support_<c>}, their number, so a window's recall can be pooled (Σ recall × support / Σ support).
 * Every multiclass run records it; the headline names the class with the lowest recall.
 */
public record ClassRecallMonitor(ModelTask task) implements Monitor {

    /** The id its measures start with. */
    public static final String ID = "class";

    @Override
    public String nodeId() {
        return ID;
    }

    @Override
    public Watch start() {
        return (arrived, current, out) -> {
            int classes = task.classes().size();
            long[] labelled = new long[classes];
            long[] right = new long[classes];
            int[] labels = task.labels(current.rows());
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] >= 0) {
                    labelled[labels[i]]++;
                    right[labels[i]] += (int) current.scores()[i] == labels[i] ? 1 : 0;
                }
            }
            for (int c = 0; c < classes; c++) {
                String name = task.classes().get(c);
                out.measure(ID + ".recall_" + name, labelled[c] == 0 ? Double.NaN : (double) right[c] / labelled[c]);
                out.measure(ID + ".support_" + name, labelled[c]);
            }
        };
    }
}
