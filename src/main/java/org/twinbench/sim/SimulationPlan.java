package org.twinbench.sim;

import java.util.List;
import org.twinbench.data.DataProvenance;
import org.twinbench.model.BinaryClassifier;
import org.twinbench.scenario.Scenario;

/**
 * A scenario made ready to run: the data loaded and split, the model trained, the perturbations in
 * graph order.
 */
public record SimulationPlan(Scenario scenario, DatasetSource source, List<Perturbation> perturbations,
                             BinaryClassifier model, List<String> sliceColumns, double threshold, int steps,
                             DataProvenance data) {

    public SimulationPlan {
        perturbations = List.copyOf(perturbations);
        sliceColumns = List.copyOf(sliceColumns);
    }

    public String target() {
        return model.card().target();
    }
}
