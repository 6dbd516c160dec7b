package org.twinbench.scenario;

/** A problem with a scenario, phrased for the user: it names the file and/or the node. */
public class ScenarioException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ScenarioException(String message) {
        super(message);
    }

    public ScenarioException(String message, Throwable cause) {
        super(message, cause);
    }
}
