package org.twinbench.sim.whatif;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.sim.RunOutcome;
import org.twinbench.sim.StepRows;
import org.twinbench.sim.store.RunStore;

/**
 * A recorded run a what-if branches from ({@code run --base ID}, "What-if from here" in the run
 * history): its scenario and the step rows it recorded (the first replicate's). A what-if may branch
 * from it when it describes the same system — the same source and model nodes (parameters other than
 * {@code steps} and {@code follow}) and the same seed — and when the steps before the branch, run again,
 * are the recorded ones row for row: the history shown is the one that was recorded, and a changed data
 * or model file is refused rather than silently giving another history.
 */
public final class BaseRun {

    /** Source parameters that say how long to run or whether to wait for rows, not what the rows are. */
    private static final List<String> NOT_COMPARED = List.of("steps", "follow");

    private final long id;
    private final Scenario scenario;
    private final long seed;
    /** The recorded rows of the first replicate, step by step, as "slice,metric,value". */
    private final Map<Integer, List<String>> rows;

    private BaseRun(long id, Scenario scenario, long seed, Map<Integer, List<String>> rows) {
        this.id = id;
        this.scenario = scenario;
        this.seed = seed;
        this.rows = rows;
    }

    /**
     * Reads run {@code id} from {@code store}.
     *
     * @throws IllegalArgumentException when there is no such run, or it recorded no step
     */
    public static BaseRun read(RunStore store, long id) {
        RunStore.StoredRun run = store.find(id).orElseThrow(() -> new IllegalArgumentException(
                "no run " + id + " in the run store"));
        String json = store.text(id, "scenario_json").orElse("");
        Scenario scenario = ScenarioFormat.parse(json, "run " + id + "'s scenario");
        Map<Integer, List<String>> rows = new TreeMap<>();
        try {
            store.forEachStepRow(id, (replicate, step, slice, metric, value) -> {
                if (replicate == 0) {
                    rows.computeIfAbsent(step, s -> new ArrayList<>()).add(slice + "," + metric + "," + value);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("run " + id + " recorded no step (" + run.status() + ")");
        }
        return new BaseRun(id, scenario, run.seed(), rows);
    }

    public long id() {
        return id;
    }

    /** The seed the base run ran with; a what-if from it runs with the same. */
    public long seed() {
        return seed;
    }

    /** The base run's scenario, as recorded. */
    public Scenario scenario() {
        return scenario;
    }

    /** How many steps the run recorded, from step 0 on without a gap. */
    public int recordedSteps() {
        int steps = 0;
        while (rows.containsKey(steps)) {
            steps++;
        }
        return steps;
    }

    /**
     * Refuses a what-if scenario that is not the recorded system: another source or model node, other
     * parameters of them, or another seed.
     *
     * @throws IllegalArgumentException naming the node and parameter
     */
    public void checkSameSystem(Scenario whatIf) {
        if (whatIf.seed() != seed) {
            throw new IllegalArgumentException("run " + id + " ran with seed " + seed + ", not " + whatIf.seed());
        }
        for (ScenarioNode recorded : scenario.nodes()) {
            if (!recorded.type().startsWith("source.") && !recorded.type().startsWith("model.")) {
                continue;
            }
            ScenarioNode now = whatIf.node(recorded.id()).orElseThrow(() -> new IllegalArgumentException(
                    "run " + id + " has node '" + recorded.id() + "' (" + recorded.type() + "), which "
                            + whatIf.name() + " lacks"));
            if (!now.type().equals(recorded.type())) {
                throw new IllegalArgumentException("node '" + recorded.id() + "' is " + now.type() + ", but "
                        + recorded.type() + " in run " + id);
            }
            TreeMap<String, Object> keys = new TreeMap<>(recorded.params());
            keys.putAll(now.params());
            for (String key : keys.keySet()) {
                Object was = recorded.params().get(key);
                Object is = now.params().get(key);
                if (!NOT_COMPARED.contains(key) && !Objects.equals(String.valueOf(was), String.valueOf(is))) {
                    throw new IllegalArgumentException("node '" + recorded.id() + "' has " + key + " = " + is
                            + ", but " + was + " in run " + id);
                }
            }
        }
    }

    /**
     * Refuses a branch whose steps before {@code fromStep} are not the recorded ones, row for row (the
     * first replicate): the data or the model changed since the base run.
     *
     * @throws IllegalArgumentException naming the first step, slice and metric that differ
     */
    public void checkHistory(RunOutcome branch, int fromStep) {
        if (fromStep > recordedSteps()) {
            throw new IllegalArgumentException("run " + id + " recorded steps 0 to " + (recordedSteps() - 1)
                    + ": a branch from step " + fromStep + " has no recorded history before it");
        }
        Map<Integer, List<String>> now = new TreeMap<>();
        try {
            StepRows.forEach(branch, (replicate, step, slice, metric, value) -> {
                if (replicate == 0 && step < fromStep) {
                    now.computeIfAbsent(step, s -> new ArrayList<>()).add(slice + "," + metric + "," + value);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int step = 0; step < fromStep; step++) {
            List<String> recorded = rows.get(step);
            List<String> again = now.getOrDefault(step, List.of());
            if (!recorded.equals(again)) {
                int at = 0;
                while (at < recorded.size() && at < again.size() && recorded.get(at).equals(again.get(at))) {
                    at++;
                }
                String was = at < recorded.size() ? recorded.get(at) : "no more rows";
                String is = at < again.size() ? again.get(at) : "no more rows";
                throw new IllegalArgumentException("the history differs from run " + id + " at step " + step
                        + " (recorded " + was + ", now " + is + "): the data or model changed since");
            }
        }
    }
}
