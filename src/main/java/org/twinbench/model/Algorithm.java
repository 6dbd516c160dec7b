package org.twinbench.model;

import java.util.Arrays;
import java.util.Locale;
import org.twinbench.data.Task;

/**
 * The learning algorithms TwinBench trains, under their command-line names. {@link #LOGISTIC} is the
 * task's linear model: a logistic regression (binomial or multinomial) for classes and, under the name
 * {@value #LINEAR}, a ridge linear regression for amounts; forests and boosting serve every task.
 */
public enum Algorithm {
    LOGISTIC("logistic"), RANDOM_FOREST("random-forest"), GRADIENT_BOOSTING("gradient-boosting");

    /** The name of the linear model of a regression. */
    public static final String LINEAR = "linear";

    private final String id;

    Algorithm(String id) {
        this.id = id;
    }

    /** The name used on the command line and in model cards. */
    public String id() {
        return id;
    }

    /** The algorithm named {@code id}, or an exception listing the known names. */
    public static Algorithm of(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(a -> a.id.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown algorithm '" + id + "'; known: "
                        + Arrays.stream(values()).map(Algorithm::id).toList()));
    }

    /** The name of this algorithm for {@code task}: {@value #LINEAR} for the linear model of a regression. */
    public String id(Task task) {
        return this == LOGISTIC && task == Task.REGRESSION ? LINEAR : id;
    }

    /**
     * The algorithm named {@code id} for {@code task}, or an exception saying which names fit the task:
     * a regression's linear model is {@value #LINEAR}, a classifier's is logistic.
     */
    public static Algorithm of(String id, Task task) {
        String wanted = id.toLowerCase(Locale.ROOT);
        boolean regression = task == Task.REGRESSION;
        if (wanted.equals(LINEAR) || wanted.equals(LOGISTIC.id)) {
            if (wanted.equals(LINEAR) != regression) {
                throw new IllegalArgumentException("'" + id + "' is not for a " + task.id() + " task; use "
                        + (regression ? LINEAR : LOGISTIC.id) + ", random-forest or gradient-boosting");
            }
            return LOGISTIC;
        }
        try {
            return of(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown algorithm '" + id + "'; known: "
                    + (regression ? LINEAR : LOGISTIC.id) + ", random-forest, gradient-boosting", e);
        }
    }
}
