package org.twinbench.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Column;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;

/** Stacking batches on top of each other, e.g. to retrain on the last N steps. */
public final class Frames {

    private Frames() {
    }

    /**
     * The rows of all frames, in order. Every frame has the columns of the first; a categorical
     * column's levels are the union of the frames' levels (perturbations may have added one).
     */
    public static Frame concat(List<Frame> frames) {
        if (frames.size() == 1) {
            return frames.get(0);
        }
        int rows = frames.stream().mapToInt(Frame::rowCount).sum();
        List<Column> out = new ArrayList<>();
        for (String name : frames.get(0).columnNames()) {
            if (frames.get(0).column(name) instanceof NumericColumn) {
                double[] values = new double[rows];
                int at = 0;
                for (Frame frame : frames) {
                    double[] part = frame.numeric(name).values();
                    System.arraycopy(part, 0, values, at, part.length);
                    at += part.length;
                }
                out.add(new NumericColumn(name, values));
            } else {
                out.add(concatCategorical(name, frames, rows));
            }
        }
        return new Frame(out);
    }

    private static CategoricalColumn concatCategorical(String name, List<Frame> frames, int rows) {
        Map<String, Integer> index = new LinkedHashMap<>();
        int[] codes = new int[rows];
        int at = 0;
        for (Frame frame : frames) {
            CategoricalColumn part = frame.categorical(name);
            int[] remap = new int[part.levels().size()];
            for (int level = 0; level < remap.length; level++) {
                remap[level] = index.computeIfAbsent(part.levels().get(level), k -> index.size());
            }
            for (int code : part.codes()) {
                codes[at++] = code < 0 ? CategoricalColumn.MISSING : remap[code];
            }
        }
        return new CategoricalColumn(name, codes, new ArrayList<>(index.keySet()));
    }
}
