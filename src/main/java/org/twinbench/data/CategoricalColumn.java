package org.twinbench.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A categorical column stored as integer codes into {@code levels}; a missing value is code
 * {@value #MISSING}.
 */
public record CategoricalColumn(String name, int[] codes, List<String> levels) implements Column {

    public static final int MISSING = -1;

    public CategoricalColumn {
        levels = List.copyOf(levels);
    }

    /** Encodes strings (null means missing); levels appear in order of first occurrence. */
    public static CategoricalColumn of(String name, String[] values) {
        Map<String, Integer> index = new HashMap<>();
        List<String> levels = new ArrayList<>();
        int[] codes = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            String v = values[i];
            if (v == null) {
                codes[i] = MISSING;
                continue;
            }
            Integer code = index.get(v);
            if (code == null) {
                code = levels.size();
                index.put(v, code);
                levels.add(v);
            }
            codes[i] = code;
        }
        return new CategoricalColumn(name, codes, levels);
    }

    @Override
    public int size() {
        return codes.length;
    }

    @Override
    public boolean isMissing(int row) {
        return codes[row] == MISSING;
    }

    /** The value at {@code row}, or null when it is missing. */
    public String get(int row) {
        int code = codes[row];
        return code == MISSING ? null : levels.get(code);
    }

    public int codeOf(String level) {
        return levels.indexOf(level);
    }

    @Override
    public CategoricalColumn select(int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = codes[rows[i]];
        }
        return new CategoricalColumn(name, out, levels);
    }

    @Override
    public CategoricalColumn renamed(String newName) {
        return new CategoricalColumn(newName, codes, levels);
    }

    /** The same column with {@code level} added to the levels if it is not there yet. */
    public CategoricalColumn withLevel(String level) {
        if (levels.contains(level)) {
            return this;
        }
        List<String> more = new ArrayList<>(levels);
        more.add(level);
        return new CategoricalColumn(name, codes, more);
    }

    public CategoricalColumn withCodes(int[] newCodes) {
        return new CategoricalColumn(name, newCodes, levels);
    }
}
