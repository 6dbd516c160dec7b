package org.twinbench.model;

import org.twinbench.data.DataException;

/**
 * A problem with a user's model file or with data that does not fit a model, phrased for the user
 * and naming the file (and entry, column or input). A {@link DataException}, so every front end
 * already reports it on one line (exit code 2 on the command line).
 */
public class ModelException extends DataException {

    private static final long serialVersionUID = 1L;

    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
