package org.twinbench.stats;

import java.util.Map;

/** The drift statistics of one column, reference against current; NaN where a statistic is undefined. */
public sealed interface ColumnDrift permits NumericDrift, CategoricalDrift {

    /** {@code numeric} or {@code categorical}, as in the JSON contract. */
    String kind();

    /** Present (non-missing) values on the reference side. */
    long referenceCount();

    /** Present (non-missing) values on the current side. */
    long currentCount();

    double missingFractionReference();

    double missingFractionCurrent();

    /** The statistics under their JSON names, in contract order. */
    Map<String, Double> statistics();

    /** Whether both sides had values, so the statistics are defined. */
    default boolean computed() {
        return referenceCount() > 0 && currentCount() > 0;
    }

    /** The value a drift method decides on (a p-value or a distance). */
    default double value(DriftMethod method) {
        Double value = statistics().get(method.statistic());
        if (value == null) {
            throw new IllegalArgumentException("method '" + method.cliName() + "' does not apply to a " + kind()
                    + " column");
        }
        return value;
    }
}
