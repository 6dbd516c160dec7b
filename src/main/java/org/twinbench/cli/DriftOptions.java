package org.twinbench.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.twinbench.stats.DriftMethod;
import org.twinbench.stats.DriftRule;

/**
 * The {@code --method} and {@code --threshold} options of {@code drift}: each either global
 * ({@code ks}, {@code 0.01}) or for one column ({@code Income=psi}, {@code Income=0.2}). Each global method
 * applies to the columns of the kinds it fits ({@code --method ks --method chi2}: KS on numeric columns,
 * chi-squared on categorical ones); columns no global method fits keep the default rule of docs/cli.md. Two global
 * methods that fit the same kind of column, or a column or global threshold given twice, are refused:
 * which one would decide is not for TwinBench to guess.
 */
final class DriftOptions {

    private final Map<String, DriftMethod> globalMethods = new HashMap<>();
    private Double globalThreshold;
    private final Map<String, DriftMethod> columnMethods = new HashMap<>();
    private final Map<String, Double> columnThresholds = new HashMap<>();

    private static final List<String> KINDS = List.of("numeric", "categorical");

    private DriftOptions() {
    }

    static DriftOptions parse(List<String> methods, List<String> thresholds, List<String> columns) {
        DriftOptions options = new DriftOptions();
        for (String text : methods) {
            String column = columnOf(text, "--method", columns);
            String name = column == null ? text : text.substring(text.lastIndexOf('=') + 1);
            DriftMethod method = DriftMethod.named(name).orElseThrow(() -> new UserInputException(
                    "--method: unknown method '" + name + "'; known: " + DriftMethod.names()));
            if (column == null) {
                for (String kind : KINDS) {
                    DriftMethod other = method.appliesTo(kind) ? options.globalMethods.put(kind, method) : null;
                    if (other != null && other != method) {
                        throw new UserInputException("--method: '" + other.cliName() + "' and '" + method.cliName()
                                + "' both apply to " + kind + " columns; give one method per kind of column, or "
                                + "COL=METHOD for a column");
                    }
                }
            } else if (options.columnMethods.put(column, method) != null) {
                throw new UserInputException("--method: column '" + column + "' is given a method twice");
            }
        }
        for (String text : thresholds) {
            String column = columnOf(text, "--threshold", columns);
            String number = column == null ? text : text.substring(text.lastIndexOf('=') + 1);
            double value;
            try {
                value = Double.parseDouble(number.strip());
            } catch (NumberFormatException e) {
                throw new UserInputException("--threshold: '" + number + "' is not a number");
            }
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new UserInputException("--threshold: must be a finite number >= 0, not " + number);
            }
            if (column == null) {
                if (options.globalThreshold != null) {
                    throw new UserInputException("--threshold: a threshold for every column is given twice ("
                            + options.globalThreshold + " and " + value + "); use COL=T for one column");
                }
                options.globalThreshold = value;
            } else if (options.columnThresholds.put(column, value) != null) {
                throw new UserInputException("--threshold: column '" + column + "' is given a threshold twice");
            }
        }
        return options;
    }

    /** The column named before the last '=', or null for a global value; the column must be compared. */
    private static String columnOf(String text, String option, List<String> columns) {
        int eq = text.lastIndexOf('=');
        if (eq < 0) {
            return null;
        }
        String column = text.substring(0, eq);
        if (!columns.contains(column)) {
            throw new UserInputException(option + ": no compared column '" + column + "'; compared columns are "
                    + String.join(", ", columns));
        }
        return column;
    }

    /** Whether the user set the threshold of this column (for it, or for every column). */
    boolean hasThreshold(String column) {
        return globalThreshold != null || columnThresholds.containsKey(column);
    }

    DriftRule ruleFor(String column, String kind, long referenceRows) {
        DriftMethod method = columnMethods.get(column);
        if (method != null && !method.appliesTo(kind)) {
            throw new UserInputException("--method: '" + method.cliName() + "' does not apply to the " + kind
                    + " column '" + column + "'");
        }
        if (method == null) {
            method = globalMethods.get(kind);
        }
        DriftRule rule = method == null ? DriftRule.defaultFor(kind, referenceRows) : DriftRule.of(method);
        Double threshold = columnThresholds.getOrDefault(column, globalThreshold);
        if (threshold != null) {
            if (rule.method().isPValue() && (threshold <= 0 || threshold >= 1)) {
                throw new UserInputException("--threshold: " + threshold + " is not a significance level in (0, 1) for the "
                        + rule.method().cliName() + " test of column '" + column + "'");
            }
            rule = new DriftRule(rule.method(), threshold);
        }
        return rule;
    }
}
