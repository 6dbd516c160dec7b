package org.twinbench.scenario;

import java.util.ArrayList;
import java.util.List;
import org.twinbench.scenario.NodeType.ParamSpec.Kind;
import org.twinbench.scenario.NodeType.ParamSpec;
import org.twinbench.scenario.NodeType.Port;

/** Short-hands for writing the node catalog. */
final class CatalogParams {

    static final Port BATCH_IN = new Port("batch", PortType.BATCH);
    static final Port BATCH_OUT = new Port("batch", PortType.BATCH);
    static final Port SCORED_IN = new Port("scored", PortType.SCORED);
    static final Port SCORED_OUT = new Port("scored", PortType.SCORED);
    static final Port SIGNALS_IN = new Port("signals", PortType.SIGNALS);
    static final Port SIGNALS_OUT = new Port("signals", PortType.SIGNALS);
    static final Port ACTIONS_IN = new Port("actions", PortType.ACTIONS);
    static final Port ACTIONS_OUT = new Port("actions", PortType.ACTIONS);

    private CatalogParams() {
    }

    static ParamSpec optional(String name, Kind kind, Object defaultValue, String help) {
        return new ParamSpec(name, kind, defaultValue, false, help);
    }

    static ParamSpec required(String name, Kind kind, String help) {
        return new ParamSpec(name, kind, null, true, help);
    }

    static ParamSpec share(String name, double defaultValue, String help) {
        return optional(name, Kind.NUMBER, defaultValue, help).range(0.0, 1.0);
    }

    /** A perturbation's parameters followed by its schedule and the optional slice filter. */
    static List<ParamSpec> perturbation(ParamSpec... own) {
        List<ParamSpec> params = new ArrayList<>(List.of(own));
        params.add(optional("schedule", Kind.SCHEDULE, null, "When the change happens (absent: from step 0 on)"));
        params.add(optional("slice_column", Kind.COLUMN, null,
                "Optional slice filter: only rows whose value in this categorical column is slice_value change"));
        params.add(optional("slice_value", Kind.TEXT, null, "The slice's value (with slice_column)"));
        return params;
    }
}
