package org.twinbench.cli;

/** Bad input found by a command itself: reported on one line, exit code 2. */
public class UserInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UserInputException(String message) {
        super(message);
    }
}
