package org.twinbench.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.twinbench.data.SampleData;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.SampleScenarios;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioEdge;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.scenario.ScenarioNode;

/**
 * A loans scenario that runs in a moment: the sample's 2,000 generated rows (seed 5) as
 * {@code loans.csv} beside it, batches of 100 rows, a chosen number of steps.
 */
public final class SmallLoans {

    private SmallLoans() {
    }

    /** Writes {@code scenario} with {@code steps} steps as {@code dir/name} (and {@code dir/loans.csv} once). */
    public static Path scenario(Path dir, String name, Scenario scenario, int steps) throws IOException {
        if (!Files.exists(dir.resolve("loans.csv"))) {
            SampleData.writeLoans(dir.resolve("loans.csv"), 2000, 5);
        }
        Path file = dir.resolve(name);
        Files.writeString(file, ScenarioFormat.toJson(scenario.withNode(scenario.node("loans").orElseThrow()
                .withParam("batch_size", 100L).withParam("steps", (long) steps))));
        return file;
    }

    /**
     * The loans recession (seed 7) with incomes halved at once at step 10 while loan amounts stay, and a
     * {@code monitor.multivariate-drift} node "joint" on the model's rows, written as {@code dir/loans.twin.json}.
     */
    public static Path recessionWithJointDrift(Path dir, int steps) throws IOException {
        Scenario base = SampleScenarios.loansRecession(7);
        List<ScenarioNode> nodes = new ArrayList<>();
        for (ScenarioNode node : base.nodes()) {
            nodes.add(!node.id().equals("recession") ? node : node.withParam("scale", 0.5)
                    .withParam("schedule", Map.of("kind", "sudden", "start", 10L)));
        }
        nodes.add(new ScenarioNode("joint", NodeCatalog.MULTIVARIATE_DRIFT, Map.of(), 700, 540));
        List<ScenarioEdge> edges = new ArrayList<>(base.edges());
        edges.add(new ScenarioEdge("credit-model", "joint"));
        return scenario(dir, "loans.twin.json", new Scenario(base.name(), base.description(), base.seed(), nodes, edges),
                steps);
    }
}
