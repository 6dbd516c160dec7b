package org.twinbench.model;

import java.util.Arrays;
import java.util.Locale;

/** The learning algorithms TwinBench trains, under their command-line names. */
public enum Algorithm {
    LOGISTIC("logistic"), RANDOM_FOREST("random-forest"), GRADIENT_BOOSTING("gradient-boosting");

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
}
