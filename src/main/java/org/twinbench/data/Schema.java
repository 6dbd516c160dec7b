package org.twinbench.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The columns of a table with the kind of their values and their role. {@link #infer} proposes
 * roles on load; the user changes them with {@link #withRole}. Personal data is never proposed as a
 * feature.
 */
public record Schema(List<ColumnSchema> columns) {

    private static final Pattern ID_NAME = Pattern.compile("(?i)(^id$|^.*[_\\s\\-]id$|^id[_\\s\\-].*|(?-i:^.*[a-z]Id$)|^uuid$|^guid$)");

    /** The reason of a role the user chose. */
    public static final String SET_BY_USER = "set by the user";

    public Schema {
        columns = List.copyOf(columns);
    }

    /**
     * Proposes roles: {@code target} is the target; PII (see {@link PiiDetector}) is PII; dates and
     * timestamps are the timestamp; a column named like an id, or text whose every value differs, is
     * an id; everything else a feature.
     */
    public static Schema infer(Dataset dataset, String target) {
        Frame frame = dataset.frame();
        if (target != null && !frame.has(target)) {
            throw new DataException(dataset.provenance().file() + ": no target column '" + target + "'; columns are "
                    + frame.columnNames());
        }
        List<ColumnSchema> out = new ArrayList<>();
        for (Column column : frame.columns()) {
            String name = column.name();
            ValueKind kind = dataset.kind(name);
            // Dates look like phone numbers to the value rules; a date column is a timestamp, not PII.
            PiiKind pii = kind == ValueKind.DATE || kind == ValueKind.TIMESTAMP ? null : PiiDetector.detect(column);
            ColumnRole role;
            String reason;
            if (name.equals(target)) {
                role = ColumnRole.TARGET;
                reason = "chosen as the target";
            } else if (pii != null) {
                role = ColumnRole.PII;
                reason = "looks like personal data (" + pii.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
            } else if (kind == ValueKind.DATE || kind == ValueKind.TIMESTAMP) {
                role = ColumnRole.TIMESTAMP;
                reason = "holds " + (kind == ValueKind.DATE ? "dates" : "timestamps");
            } else if (ID_NAME.matcher(name).matches() || allDistinctText(column)) {
                role = ColumnRole.ID;
                reason = ID_NAME.matcher(name).matches() ? "named like an identifier" : "every value is different";
            } else {
                role = ColumnRole.FEATURE;
                reason = "an ordinary column";
            }
            out.add(new ColumnSchema(name, kind, role, pii, reason));
        }
        return new Schema(out);
    }

    /**
     * This schema with the features that read like groupings of rows (see {@link SliceProposal}) proposed
     * as slices: results can then be broken down by them. Roles set by the user are left alone.
     */
    public Schema withProposedSlices(Dataset dataset) {
        List<ColumnSchema> out = new ArrayList<>();
        for (ColumnSchema column : columns) {
            boolean slice = !SET_BY_USER.equals(column.reason()) && dataset.frame().has(column.name())
                    && SliceProposal.proposed(dataset.frame().column(column.name()), column.kind(), column.role());
            out.add(slice ? column.withRole(ColumnRole.SLICE, "few groups: results can be broken down by it") : column);
        }
        return new Schema(out);
    }

    private static boolean allDistinctText(Column column) {
        if (!(column instanceof CategoricalColumn text)) {
            return false;
        }
        int present = text.size() - text.missingCount();
        return present >= 20 && text.levels().size() == present;
    }

    public Optional<ColumnSchema> find(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public ColumnRole role(String name) {
        return find(name).map(ColumnSchema::role)
                .orElseThrow(() -> new IllegalArgumentException("no column '" + name + "' in the schema"));
    }

    /** The columns with {@code role}, in table order. */
    public List<String> withRole(ColumnRole role) {
        return columns.stream().filter(c -> c.role() == role).map(ColumnSchema::name).toList();
    }

    public List<String> features() {
        return withRole(ColumnRole.FEATURE);
    }

    public Optional<String> target() {
        return withRole(ColumnRole.TARGET).stream().findFirst();
    }

    /** The schema with {@code name} in {@code role} (a second target demotes the first to a feature). */
    public Schema withRole(String name, ColumnRole role) {
        role(name);
        List<ColumnSchema> out = new ArrayList<>();
        for (ColumnSchema column : columns) {
            if (column.name().equals(name)) {
                out.add(column.withRole(role, SET_BY_USER));
            } else if (role == ColumnRole.TARGET && column.role() == ColumnRole.TARGET) {
                out.add(column.withRole(ColumnRole.FEATURE, "was the target"));
            } else {
                out.add(column);
            }
        }
        return new Schema(out);
    }

    /** SHA-256 of the names and kinds, as {@link DataProvenance#schemaHash}. */
    public String hash() {
        Map<String, ValueKind> kinds = new java.util.LinkedHashMap<>();
        columns.forEach(c -> kinds.put(c.name(), c.kind()));
        return DataProvenance.schemaHash(kinds);
    }
}
