package org.twinbench.stats;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a column's drift is decided: on a p-value (drift when p &lt; threshold) or on a distance (drift when
 * distance ≥ threshold). Default thresholds: 0.05 for tests, 0.1 for distances (as the default rule of docs/cli.md).
 */
public enum DriftMethod {
    KS("ks", "ks_pvalue", true, true, false, 0.05),
    WASSERSTEIN("wasserstein", "wasserstein_normed", false, true, false, 0.1),
    ANDERSON_DARLING("anderson", "anderson_darling_pvalue", true, true, false, 0.05),
    CHI2("chi2", "chi2_pvalue", true, false, true, 0.05),
    PSI("psi", "psi", false, true, true, 0.1),
    JENSEN_SHANNON("jensen-shannon", "jensen_shannon", false, true, true, 0.1),
    HELLINGER("hellinger", "hellinger", false, true, true, 0.1);

    private final String cliName;
    private final String statistic;
    private final boolean pValue;
    private final boolean numeric;
    private final boolean categorical;
    private final double defaultThreshold;

    DriftMethod(String cliName, String statistic, boolean pValue, boolean numeric, boolean categorical,
                double defaultThreshold) {
        this.cliName = cliName;
        this.statistic = statistic;
        this.pValue = pValue;
        this.numeric = numeric;
        this.categorical = categorical;
        this.defaultThreshold = defaultThreshold;
    }

    /** The name on the command line, e.g. {@code ks}, {@code jensen-shannon}. */
    public String cliName() {
        return cliName;
    }

    /** The JSON key of the statistic the method decides on ({@code decided_by}). */
    public String statistic() {
        return statistic;
    }

    public boolean isPValue() {
        return pValue;
    }

    public double defaultThreshold() {
        return defaultThreshold;
    }

    /** Whether the method applies to a column of this kind ({@code numeric} / {@code categorical}). */
    public boolean appliesTo(String kind) {
        return "numeric".equals(kind) ? numeric : categorical;
    }

    /** Looks a method up by its command-line name (or its statistic's name), ignoring case. */
    public static Optional<DriftMethod> named(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values())
                .filter(m -> m.cliName.equals(key) || m.statistic.replace('_', '-').equals(key)
                        || (m == JENSEN_SHANNON && key.equals("js")))
                .findFirst();
    }

    /** The command-line names, for messages. */
    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(DriftMethod::cliName).toList());
    }
}
