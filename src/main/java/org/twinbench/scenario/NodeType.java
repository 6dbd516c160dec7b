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

    /**
     * One parameter of a node type.
     *
     * @param min the smallest allowed value of a number, or null for no limit
     * @param max the largest allowed value of a number, or null for no limit
     * @param choices the allowed values of a text parameter; empty means any text
     * @param columns  the kind of column a column parameter takes ({@link Columns#ANY} for other kinds)
     */
    public record ParamSpec(String name, Kind kind, Object defaultValue, boolean required, String help, Double min,
                            Double max, List<String> choices, Columns columns) {

        public ParamSpec {
            choices = choices == null ? List.of() : List.copyOf(choices);
            columns = columns == null ? Columns.ANY : columns;
        }

        public ParamSpec(String name, Kind kind, Object defaultValue, boolean required, String help) {
            this(name, kind, defaultValue, required, help, null, null, List.of(), Columns.ANY);
        }

        /** The same parameter, limited to [min, max] (either may be null). */
        public ParamSpec range(Double low, Double high) {
            return new ParamSpec(name, kind, defaultValue, required, help, low, high, choices, columns);
        }

        /** The same parameter, limited to the given texts. */
        public ParamSpec oneOf(String... allowed) {
            return new ParamSpec(name, kind, defaultValue, required, help, min, max, List.of(allowed), columns);
        }

        /** The same column parameter, taking only numeric columns. */
        public ParamSpec numeric() {
            return new ParamSpec(name, kind, defaultValue, required, help, min, max, choices, Columns.NUMERIC);
        }

        /** The same column parameter, taking only categorical (text) columns. */
        public ParamSpec categorical() {
            return new ParamSpec(name, kind, defaultValue, required, help, min, max, choices, Columns.CATEGORICAL);
        }

        /** How a parameter's value is edited and checked. */
        public enum Kind { TEXT, FILE, COLUMN, COLUMNS, NUMBER, INTEGER, BOOLEAN, SCHEDULE }

        /** The columns a column parameter takes: any, numbers only, or text (categories) only. */
        public enum Columns { ANY, NUMERIC, CATEGORICAL }
    }
}
