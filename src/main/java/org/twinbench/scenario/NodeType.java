package org.twinbench.scenario;

import java.util.List;

/**
 * A kind of node in the catalog: its type name as written in {@code *.twin.json}, the palette group
 * it belongs to, a one-line description, and its parameters.
 */
public record NodeType(String type, String group, String title, String description, List<ParamSpec> params,
                       List<Port> inputs, List<Port> outputs) {

    public NodeType {
        params = List.copyOf(params);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** A typed connection point of a node. */
    public record Port(String name, PortType type) {
    }

    public java.util.Optional<ParamSpec> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** One parameter of a node type. */
    public record ParamSpec(String name, Kind kind, Object defaultValue, boolean required, String help) {

        /** How a parameter's value is edited and checked. */
        public enum Kind { TEXT, FILE, COLUMN, COLUMNS, NUMBER, INTEGER, BOOLEAN, SCHEDULE }
    }
}
