package org.twinbench.scenario;

import java.util.List;

/**
 * A kind of node in the catalog: its type name as written in {@code *.twin.json}, the palette group
 * it belongs to, a one-line description, and its parameters.
 */
public record NodeType(String type, String group, String title, String description, List<ParamSpec> params) {

    public NodeType {
        params = List.copyOf(params);
    }

    /** One parameter of a node type. */
    public record ParamSpec(String name, Kind kind, Object defaultValue, boolean required, String help) {

        /** How a parameter's value is edited and checked. */
        public enum Kind { TEXT, FILE, COLUMN, COLUMNS, NUMBER, INTEGER, BOOLEAN, SCHEDULE }
    }
}
