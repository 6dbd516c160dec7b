package org.twinbench.ui.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinbench.data.Dataset;
import org.twinbench.data.OutcomeColumn;
import org.twinbench.data.TableLoader;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioNode;

/**
 * "New scenario from this data" on MASS's Cars93 predicting Price, the midpoint of Min.Price and Max.Price
 * (scikit-learn: a line of the two explains R² 0.999991 of it, {@code pair_leakage_reference.py}): before, it ticked
 * "Min.Price 20% higher" and "Max.Price 20% higher" and trained the run's model on both, so the twin watched a
 * model right to R² 0.99 and changes to columns a real model could not read. Now the model the run trains leaves
 * them out as {@code train} does, says so, and offers no change on them; a model file keeps them.
 */
class NewScenarioLeaksTest {

    private static NewScenarioChoices cars() {
        Path file = Path.of("src/test/resources/rdata/cars93.csv");
        Dataset data = TableLoader.load(file);
        OutcomeColumn.Inference inference = OutcomeColumn.infer(data);
        return new NewScenarioChoices(file, data, ProposedSchema.propose(data, Map.of(), inference), inference,
                Map.of());
    }

    @Test
    void theRunsModelLeavesOutWhatGivesThePriceAway() {
        NewScenarioChoices choices = cars();
        assertThat(choices.leaked("Price")).containsExactly("Min.Price", "Max.Price");
        assertThat(choices.leftOutNote("Price")).hasValue("The model the run trains leaves out 'Min.Price', "
                + "'Max.Price': features 'Min.Price' and 'Max.Price' together give 'Price' almost exactly (a straight "
                + "line of the two explains R² = 0.99999 of it); it is probably computed from them.");
        List<ScenarioFromData.Change> offered = choices.offeredChanges("Price", List.of(), false);
        assertThat(offered).isNotEmpty().noneMatch(c -> c.column().equals("Min.Price") || c.column().equals(
                "Max.Price"));
        Scenario built = choices.build("Price", List.of(), null, offered.subList(0, 1), null, null);
        ScenarioNode model = built.nodes().stream().filter(n -> n.id().equals("model")).findFirst().orElseThrow();
        assertThat(model.strings("features")).doesNotContain("Min.Price", "Max.Price").contains("Horsepower");
        // Its monitor watches the errors of amounts, and is named so (it was "accuracy").
        assertThat(built.nodes()).anyMatch(n -> n.id().equals("error") && n.type().equals("monitor.performance"))
                .noneMatch(n -> n.id().equals("accuracy"));
        // Another outcome of the same table leaves nothing out: Horsepower's figures give no price away.
        assertThat(choices.leaked("Horsepower")).isEmpty();
        assertThat(choices.leftOutNote("Horsepower")).isEmpty();
    }

    @Test
    void theTrainFormSaysTheTwoPricesGiveThePriceTogether() {
        Dataset data = TableLoader.load(Path.of("src/test/resources/rdata/cars93.csv"));
        List<String> features = List.of("Min.Price", "Max.Price", "Horsepower");
        List<org.twinbench.data.QualityFinding> found = org.twinbench.data.TrainingLeaks.forTask(data.frame(),
                "Price", features, org.twinbench.data.Task.REGRESSION);
        assertThat(TrainModelDialog.leftOutWords("Price", List.of("Min.Price", "Max.Price"), found))
                .startsWith("Leaves out 'Min.Price' and 'Max.Price': together they give 'Price' almost exactly");
    }

    @Test
    void aModelFileReadsItsOwnColumns() {
        NewScenarioChoices choices = cars();
        assertThat(choices.offeredChanges("Price", List.of(), true)).anyMatch(c -> c.column().equals("Min.Price"));
    }
}
