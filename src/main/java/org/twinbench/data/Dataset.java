package org.twinbench.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A loaded table together with its provenance, the kind of value each column holds and notes on
 * how it was read (e.g. "column 'price' read as numbers written with decimal commas").
 */
public record Dataset(Frame frame, DataProvenance provenance, Map<String, ValueKind> kinds, List<String> notes) {

    public Dataset {
        kinds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(kinds));
        notes = List.copyOf(notes);
    }

    /** A dataset whose kinds follow from its column classes. */
    public Dataset(Frame frame, DataProvenance provenance) {
        this(frame, provenance, kindsOf(frame), List.of());
    }

    private static Map<String, ValueKind> kindsOf(Frame frame) {
        Map<String, ValueKind> kinds = new LinkedHashMap<>();
        for (Column column : frame.columns()) {
            kinds.put(column.name(), ValueKind.of(column));
        }
        return kinds;
    }

    /** The kind of a column, as recognised on load. */
    public ValueKind kind(String column) {
        ValueKind kind = kinds.get(column);
        return kind != null ? kind : ValueKind.of(frame.column(column));
    }
}
