package org.twinbench.scenario;

/**
 * Which parameters of a scenario name files. The files themselves are checked as a run opens them by
 * {@code sim.ScenarioCheck}.
 */
public final class ScenarioFiles {

    private ScenarioFiles() {
    }

    /** Whether a parameter names a file: a FILE parameter, or a model's {@code path}. */
    static boolean isPath(NodeType.ParamSpec spec) {
        return spec.kind() == NodeType.ParamSpec.Kind.FILE || spec.name().equals("path");
    }
}
