package org.twinbench.sim.attack;

import static org.twinbench.testing.Nodes.node;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.sim.Experiment;
import org.twinbench.sim.RunControl;
import org.twinbench.sim.RunListener;
import org.twinbench.sim.RunOutcome;
import org.twinbench.sim.ScenarioCompiler;
import org.twinbench.sim.StepResult;

/** The extraction tests' runs: data → model → endpoint → thief, replicated, and a measure's mean per step. */
final class ExtractionRuns {

    private ExtractionRuns() {
    }

    static Scenario scenario(String file, int batch, long steps, ScenarioNode model, Map<String, Object> defences,
                             Object... attack) {
        return new Scenario("extraction", "", 11, List.of(
                node("data", NodeCatalog.DATASET_SOURCE, "path", file, "batch_size", (long) batch, "steps", steps,
                        "replace", true),
                model,
                new ScenarioNode("endpoint", NodeCatalog.DEPLOYMENT, new LinkedHashMap<>(defences), 0, 0),
                node("thief", NodeCatalog.EXTRACTION_ATTACK, attack)),
                List.of(new ScenarioEdge("data", "model"), new ScenarioEdge("model", "endpoint"),
                        new ScenarioEdge("endpoint", "thief")));
    }

    static RunOutcome run(Path dir, Scenario scenario, int replicates) {
        return Experiment.run(ScenarioCompiler.compile(scenario, dir, new RunListener() { }), replicates, 1,
                new RunListener() { }, new RunControl());
    }

    /** A measure of every step, averaged over the replicates. */
    static double[] mean(RunOutcome outcome, String measure) {
        int steps = outcome.replicates().get(0).size();
        double[] out = new double[steps];
        for (List<StepResult> replicate : outcome.replicates()) {
            for (StepResult step : replicate) {
                out[step.step()] += step.measures().get(measure) / outcome.replicates().size();
            }
        }
        return out;
    }
}
