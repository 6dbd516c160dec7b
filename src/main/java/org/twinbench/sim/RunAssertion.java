package org.twinbench.sim;

import java.util.List;
import java.util.Locale;
import org.twinbench.scenario.ScenarioException;

/**
 * A gate on a run, e.g. {@code min(accuracy[region=north]) >= 0.8}, {@code max(rmse[region=north]) <= 1200}
 * or {@code count(alarms) <= 3}. A metric is one of the run's task ({@link RunSeries#metricNames}) or a measure
 * of a node; a metric of another task is refused, listing the run's.
 * <ul>
 *   <li>{@code min}, {@code max}, {@code mean}: over every step of every replicate (steps without a
 *       value are left out);</li>
 *   <li>{@code first}, {@code last}: the mean over replicates of the first / last step with a value;</li>
 *   <li>{@code count(alarms)}, {@code count(retrains)}, {@code count(rollbacks)}, {@code count(promotes)}: the number of such
 *       events in a replicate, the largest over replicates; {@code count(alarms[node=ID])} counts one
 *       node's.</li>
 * </ul>
 * Comparisons: {@code >=}, {@code <=}, {@code >}, {@code <}, {@code ==}, {@code !=}. A calendar replay's
 * steps can be chosen by date: {@code min(accuracy[region=north] since 2025-03-01 until 2025-07-01) >= 0.8}
 * takes the steps whose window starts on or after {@code since} and before {@code until} (either may be
 * left out), for every function, events included.
 *
 * @param since the first window start included (ISO date), or null
 * @param until the first window start no longer included (ISO date), or null
 */
public record RunAssertion(String expression, String function, String metric, String slice, String since,
                           String until, String operator, double bound) {

    public RunAssertion(String expression, String function, String metric, String slice, String operator,
                        double bound) {
        this(expression, function, metric, slice, null, null, operator, bound);
    }

    private static final List<String> EVENTS = List.of("alarms", "retrains", "rollbacks", "promotes");

    /** The result of checking one assertion. */
    public record Verdict(RunAssertion assertion, double actual, boolean passed) {
        public String describe() {
            return (passed ? "PASS " : "FAIL ") + assertion.expression() + " (actual "
                    + (Double.isNaN(actual) ? "none" : actual == Math.rint(actual) && Math.abs(actual) < 1e15
                    ? Long.toString((long) actual) : String.format(Locale.ROOT, "%.6g", actual)) + ")";
        }
    }

    /** Parses an expression; a malformed one is a {@link ScenarioException} naming it. */
    public static RunAssertion parse(String expression) {
        AssertionSyntax.Parts m = AssertionSyntax.parse(expression);
        if (m == null) {
            throw new ScenarioException("--assert '" + expression + "': not understood; write e.g. "
                    + "'min(accuracy[region=north]) >= 0.8' or 'count(alarms) <= 3'");
        }
        String function = m.function();
        String metric = m.metric();
        boolean event = EVENTS.contains(metric);
        if (function.equals("count") != event) {
            throw new ScenarioException("--assert '" + expression + "': count(...) takes alarms, retrains, "
                    + "rollbacks or promotes; min, max, mean, first and last take a metric");
        }
        String slice = m.key() == null ? StepResult.OVERALL : m.key() + "=" + m.value();
        if (event && m.key() != null && !m.key().equals("node")) {
            throw new ScenarioException("--assert '" + expression + "': events are selected with [node=ID]");
        }
        return new RunAssertion(expression.strip(), function, metric, slice, m.since(), m.until(), m.operator(),
                m.bound());
    }

    /** Checks the assertion; a metric or slice the run does not have is a {@link ScenarioException}. */
    public Verdict check(RunOutcome outcome, RunSeries series) {
        boolean[] chosen = chosenSteps(series);
        double actual = function.equals("count") ? countEvents(outcome, chosen) : aggregate(series, chosen);
        return new Verdict(this, actual, compare(actual));
    }

    /** The steps the gate looks at: every one, or those whose window starts within since/until. */
    private boolean[] chosenSteps(RunSeries series) {
        boolean[] chosen = new boolean[series.steps()];
        java.util.Arrays.fill(chosen, true);
        if (since == null && until == null) {
            return chosen;
        }
        List<String> starts = series.windowStarts();
        if (starts.isEmpty()) {
            throw new ScenarioException("--assert '" + expression + "': since and until choose steps by date, but"
                    + " this run's steps have no dates (replay dated data with a source's time_column and window)");
        }
        for (int step = 0; step < chosen.length; step++) {
            String start = starts.get(step);
            chosen[step] = (since == null || start.compareTo(since) >= 0) && (until == null || start.compareTo(until) < 0);
        }
        return chosen;
    }

    private double countEvents(RunOutcome outcome, boolean[] chosen) {
        String kind = metric.substring(0, metric.length() - 1);
        String node = slice.equals(StepResult.OVERALL) ? null : slice.substring("node=".length());
        long most = 0;
        for (List<StepResult> replicate : outcome.replicates()) {
            long count = replicate.stream().filter(s -> s.step() < chosen.length && chosen[s.step()])
                    .flatMap(s -> s.alarms().stream())
                    .filter(a -> a.kind().equals(kind) && (node == null || a.nodeId().equals(node))).count();
            most = Math.max(most, count);
        }
        return most;
    }

    private double aggregate(RunSeries series, boolean[] chosen) {
        RunSeries.Key key = new RunSeries.Key(slice, metric);
        List<String> metrics = series.metricNames();
        if (org.twinbench.stats.MetricSet.isMetric(metric) && !metrics.isEmpty() && !metrics.contains(metric)) {
            throw new ScenarioException("--assert '" + expression + "': this run's model has no metric '" + metric
                    + "'; its metrics are " + String.join(", ", metrics));
        }
        double[][] table = series.values(key).orElseThrow(() -> new ScenarioException("--assert '" + expression
                + "': the run has no series " + key + "; it has " + known(series)));
        if (function.equals("first") || function.equals("last")) {
            RunSeries.Band band = series.band(key);
            double[] mean = band.mean();
            for (int i = 0; i < mean.length; i++) {
                int step = function.equals("first") ? i : mean.length - 1 - i;
                if (chosen[step] && !Double.isNaN(mean[step])) {
                    return mean[step];
                }
            }
            return Double.NaN;
        }
        double result = function.equals("min") ? Double.POSITIVE_INFINITY
                : function.equals("max") ? Double.NEGATIVE_INFINITY : 0;
        long n = 0;
        for (double[] row : table) {
            for (int step = 0; step < row.length; step++) {
                double v = row[step];
                if (Double.isNaN(v) || !chosen[step]) {
                    continue;
                }
                n++;
                result = switch (function) {
                    case "min" -> Math.min(result, v);
                    case "max" -> Math.max(result, v);
                    default -> result + v;
                };
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        return function.equals("mean") ? result / n : result;
    }

    private static String known(RunSeries series) {
        List<String> names = series.keys().stream().map(RunSeries.Key::toString).toList();
        return names.size() > 12 ? String.join(", ", names.subList(0, 12)) + ", ..." : String.join(", ", names);
    }

    private boolean compare(double actual) {
        if (Double.isNaN(actual)) {
            return false;
        }
        return switch (operator) {
            case ">=" -> actual >= bound;
            case "<=" -> actual <= bound;
            case ">" -> actual > bound;
            case "<" -> actual < bound;
            case "==" -> actual == bound;
            default -> actual != bound;
        };
    }
}
