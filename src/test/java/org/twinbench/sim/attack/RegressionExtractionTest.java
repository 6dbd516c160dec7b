package org.twinbench.sim.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.twinbench.testing.Nodes.node;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioException;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.sim.RunOutcome;
import org.twinbench.sim.StepResult;

/**
 * Extraction of a model of amounts: scikit-learn's diabetes data replayed in steps of 50 rows through the linear
 * diabetes model (tasks/engine/diabetes-linear.twinmodel). The model is linear in its 12 encoded inputs (9 numbers,
 * the two categories of sex, the intercept), so a ridge copy fitted to its exact answers is the model itself once it
 * has 12 answers: its R² against the model on the step's rows is 1 and its MAE against the labels is the model's own
 * (known without TwinBench: the equations have one solution). Fewer answers leave it short of that; a tree copy's
 * R² rises with the answers; a deployment that answers only labels is refused, as is a logistic copy.
 */
class RegressionExtractionTest {

    private static final Path DIR = Path.of("src/test/resources/tasks/engine");

    private static ScenarioNode model() {
        return node("model", NodeCatalog.MODEL_BUNDLE, "path", "diabetes-linear.twinmodel");
    }

    @Test
    void aRidgeCopyOfALinearModelIsExactOnceItHasAsManyAnswersAsWeights() {
        RunOutcome outcome = ExtractionRuns.run(DIR, ExtractionRuns.scenario("diabetes-replay.csv", 50, 6, model(),
                Map.of(), "budget", 5L, "surrogate", "ridge"), 1);
        List<StepResult> steps = outcome.replicates().get(0);
        assertThat(steps.get(0).measures().get("thief.queries")).isEqualTo(5);
        assertThat(steps.get(0).measures().get("thief.fidelity")).isLessThan(0.99);
        for (StepResult step : steps.subList(3, steps.size())) {
            // 20 answers and more: 12 weights, exactly determined.
            assertThat(step.measures().get("thief.fidelity")).isCloseTo(1, within(1e-9));
            assertThat(step.measures().get("thief.fidelity_mae")).isLessThan(1e-4);
            assertThat(step.measures().get("thief.surrogate_mae")).isCloseTo(step.overall().get("mae"),
                    within(1e-4));
        }
    }

    @Test
    void aTreeCopysFidelityRisesWithTheAnswers() {
        RunOutcome outcome = ExtractionRuns.run(DIR, ExtractionRuns.scenario("diabetes-replay.csv", 50, 8, model(),
                Map.of(), "budget", 20L, "surrogate", "tree", "surrogate_depth", 4L), 3);
        double[] fidelity = ExtractionRuns.mean(outcome, "thief.fidelity");
        System.out.printf("diabetes tree copy: R² by step %s%n", java.util.Arrays.toString(fidelity));
        assertThat(fidelity[fidelity.length - 1]).isGreaterThan(fidelity[0]).isGreaterThan(0.5).isLessThan(1);
    }

    @Test
    void aLabelOnlyDeploymentOrALogisticCopyIsRefused() {
        Scenario labels = ExtractionRuns.scenario("diabetes-replay.csv", 50, 2, model(), Map.of("answers", "label"),
                "surrogate", "ridge");
        assertThatThrownBy(() -> ExtractionRuns.run(DIR, labels, 1)).isInstanceOf(ScenarioException.class)
                .hasMessage("node thief (attack.extraction) parameter surrogate: the deployment answers only a label, and a model of "
                        + "amounts has none; use answers score or rounded");
        Scenario logistic = ExtractionRuns.scenario("diabetes-replay.csv", 50, 2, model(), Map.of());
        assertThatThrownBy(() -> ExtractionRuns.run(DIR, logistic, 1)).isInstanceOf(ScenarioException.class)
                .hasMessage("node thief (attack.extraction) parameter surrogate: a model of amounts is copied by ridge or tree, not "
                        + "logistic");
    }
}
