package org.twinbench.data;

/**
 * A problem with a user's data file, phrased for the user: it names the file and, where it
 * applies, the line and column. The command line prints {@link #getMessage()} and exits with 2.
 */
public class DataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
