package org.twinbench.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Masks personal data for previews and reports: enough left to recognise a row, not the person.
 * Masking works on a column's levels, so masking a million-row column costs one pass over its
 * distinct values.
 */
public final class Masking {

    private Masking() {
    }

    /**
     * {@code jane.doe@example.com} to {@code j***@example.com}; {@code +1 (555) 123-4567} to
     * {@code +* (***) ***-**67}; {@code 123-45-6789} to {@code ***-**-**89}; {@code Jane Doe} to
     * {@code J. D.}.
     */
    public static String mask(PiiKind kind, String value) {
        if (value == null) {
            return null;
        }
        return switch (kind) {
            case EMAIL -> {
                int at = value.indexOf('@');
                yield at <= 0 ? keepLast(value, 0) : value.charAt(0) + "***" + value.substring(at);
            }
            case PHONE, NATIONAL_ID -> keepLast(value, 2);
            case NAME -> initials(value);
        };
    }

    /** Letters and digits replaced by {@code *}, except the last {@code keep} of them; punctuation stays. */
    private static String keepLast(String value, int keep) {
        int alphanumerics = 0;
        for (int i = 0; i < value.length(); i++) {
            alphanumerics += Character.isLetterOrDigit(value.charAt(i)) ? 1 : 0;
        }
        StringBuilder out = new StringBuilder(value.length());
        int seen = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                seen++;
                out.append(seen > alphanumerics - keep ? c : '*');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String initials(String value) {
        StringBuilder out = new StringBuilder();
        for (String part : value.strip().split("\\s+")) {
            if (!part.isEmpty()) {
                out.append(out.length() == 0 ? "" : " ").append(Character.toUpperCase(part.charAt(0))).append('.');
            }
        }
        return out.toString();
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
