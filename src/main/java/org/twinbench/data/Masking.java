package org.twinbench.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Masks personal data for previews and reports: enough left to recognise a row, not the person.
 * A mask never tells the length of what it hides: the hidden part is always {@value #HIDDEN}, so
 * "yes" and "no", or two addresses of different lengths at one domain, mask alike. Masking works on
 * a column's levels, so masking a million-row column costs one pass over its distinct values.
 */
public final class Masking {

    private Masking() {
    }

    /** What stands for every hidden part, whatever its length. */
    public static final String HIDDEN = "***";

    /**
     * {@code jane.doe@example.com} to {@code j***@example.com}; {@code +1 (555) 123-4567} to
     * {@code ***67}; {@code 123-45-6789} to {@code ***89}; {@code Jane Doe} to {@code J. D.}; a value
     * that is not of the kind (an "unknown" among addresses) to {@code ***}.
     */
    public static String mask(PiiKind kind, String value) {
        if (value == null) {
            return null;
        }
        return switch (kind) {
            case EMAIL -> {
                int at = value.indexOf('@');
                yield at <= 0 || at != value.lastIndexOf('@') || at == value.length() - 1 ? HIDDEN
                        : value.charAt(0) + HIDDEN + value.substring(at);
            }
            case PHONE, NATIONAL_ID -> HIDDEN + lastAlphanumerics(value, 2);
            case NAME -> initials(value);
        };
    }

    /** The last {@code keep} letters or digits of the value, or "" when it has no more than that many. */
    private static String lastAlphanumerics(String value, int keep) {
        StringBuilder kept = new StringBuilder();
        int count = 0;
        for (int i = value.length() - 1; i >= 0; i--) {
            char c = value.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                count++;
                if (kept.length() < keep) {
                    kept.insert(0, c);
                }
            }
        }
        return count > keep ? kept.toString() : "";
    }

    private static String initials(String value) {
        StringBuilder out = new StringBuilder();
        for (String part : value.strip().split("\\s+")) {
            if (!part.isEmpty()) {
                out.append(out.length() == 0 ? "" : " ").append(Character.toUpperCase(part.charAt(0))).append('.');
            }
        }
        return out.length() == 0 ? HIDDEN : out.toString();
    }

    /** The frame with every PII column of {@code schema} masked (a numeric PII column becomes masked text). */
    public static Frame masked(Frame frame, Schema schema) {
        List<Column> out = new ArrayList<>();
        for (Column column : frame.columns()) {
            PiiKind kind = schema.find(column.name()).map(ColumnSchema::pii).orElse(null);
            out.add(kind == null ? column : masked(column, kind));
        }
        return new Frame(out);
    }

    /**
     * The column for slicing: masked, equal masks merged into one level (codes renumbered in
     * first-seen order), when {@link PiiDetector} flags it as personal data; otherwise itself. A
     * date or timestamp column ({@code kind}) is never personal data (its values look like phone numbers).
     */
    public static Column forSlicing(Column column, ValueKind kind) {
        PiiKind pii = kind == ValueKind.DATE || kind == ValueKind.TIMESTAMP ? null : PiiDetector.detect(column);
        if (pii == null) {
            return column;
        }
        CategoricalColumn masked = (CategoricalColumn) masked(column, pii);
        List<String> levels = new ArrayList<>();
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        int[] recode = new int[masked.levels().size()];
        for (int i = 0; i < recode.length; i++) {
            recode[i] = index.computeIfAbsent(masked.levels().get(i), level -> {
                levels.add(level);
                return levels.size() - 1;
            });
        }
        int[] codes = masked.codes();
        int[] out = new int[codes.length];
        for (int r = 0; r < codes.length; r++) {
            out[r] = codes[r] < 0 ? CategoricalColumn.MISSING : recode[codes[r]];
        }
        return new CategoricalColumn(column.name(), out, levels);
    }

    private static Column masked(Column column, PiiKind kind) {
        CategoricalColumn text;
        if (column instanceof CategoricalColumn categorical) {
            text = categorical;
        } else {
            String[] cells = new String[column.size()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = BinaryLabels.text(column, i);
            }
            text = CategoricalColumn.of(column.name(), cells);
        }
        List<String> levels = new ArrayList<>(text.levels().size());
        for (String level : text.levels()) {
            levels.add(mask(kind, level));
        }
        return new CategoricalColumn(text.name(), text.codes(), levels);
    }
}
