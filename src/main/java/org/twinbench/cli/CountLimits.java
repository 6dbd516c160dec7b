package org.twinbench.cli;

import java.util.List;
import java.util.Map;
import org.twinbench.scenario.Limits;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioException;
import org.twinbench.scenario.ScenarioValidator;
import org.twinbench.sim.sweep.SimulationTask;

/**
 * The command line's side of {@link Limits}: every count typed as an option is checked here, before
 * the command reads or allocates anything, and refused as one line naming the option and the limit.
 */
final class CountLimits {

    private CountLimits() {
    }

    static void replicates(int replicates) {
        atLeastOne("--replicates", replicates);
        check("--replicates", replicates, Limits.REPLICATES, "Monte Carlo replicates of a run or a sweep point");
    }

    static void steps(Integer steps) {
        if (steps != null) {
            atLeastOne("--steps", steps);
            check("--steps", steps, Limits.STEPS, "simulated steps of a run");
        }
    }

    static void threads(int threads) {
        check("--threads", threads, Limits.THREADS, "threads of this machine's pool");
    }

    static void trees(int trees) {
        check("--trees", trees, Limits.TREES, "trees of a random forest or gradient boosting");
    }

    static void bootstrap(Integer resamples) {
        if (resamples != null) {
            check("--bootstrap", resamples, Limits.BOOTSTRAP, "bootstrap resamples");
        }
    }

    static void bins(int bins) {
        check("--bins", bins, Limits.BINS, "quantile bins of a numeric slicing column");
    }

    static void sampleRows(int rows) {
        check("--rows", rows, Limits.SAMPLE_ROWS, "rows of the sample loans.csv");
    }

    /** The window sizes of {@code detect --param}: the values a detector keeps in memory. */
    static void detectorParams(Map<String, Double> params) {
        for (String window : List.of("window_size", "stat_size")) {
            Double value = params.get(window);
            if (value != null) {
                check("--param " + window, value, Limits.DETECTOR_WINDOW, "values a change detector keeps");
            }
        }
    }

    /**
     * A sweep's size (points, and points times replicates) before its grid is expanded, then every
     * point's scenario against the node parameters' limits, so that no point fails half-way.
     */
    static void sweep(Scenario scenario, Map<String, List<Object>> axes, int replicates) {
        double points = 1;
        for (List<Object> values : axes.values()) {
            points *= values.size();
        }
        check("the sweep grid", points, Limits.GRID_POINTS, "points: the product of the numbers of values of "
                + axes.size() + " parameters");
        check("the sweep", points * replicates, Limits.SWEEP_TASKS, "simulations: points times --replicates");
        List<String> before = ScenarioValidator.problems(scenario);
        for (Map.Entry<String, List<Object>> axis : axes.entrySet()) {
            for (Object value : axis.getValue()) {
                Scenario point = SimulationTask.apply(scenario, Map.of(axis.getKey(), value));
                for (String problem : ScenarioValidator.problems(point)) {
                    if (!before.contains(problem)) {
                        throw new ScenarioException("sweep " + axis.getKey() + "=" + value + ": " + problem);
                    }
                }
            }
        }
    }

    private static void atLeastOne(String option, int value) {
        if (value < 1) {
            throw new UserInputException(option + " must be at least 1, not " + value);
        }
    }

    private static void check(String what, double value, long limit, String counts) {
        try {
            Limits.check(what, value, limit, counts);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
    }
}
