package org.twinbench.sim;

import java.util.List;
import org.twinbench.data.DataProvenance;
import org.twinbench.model.TaskModel;
import org.twinbench.scenario.Scenario;
import org.twinbench.sim.attack.Attack;
import org.twinbench.sim.monitor.Monitor;
import org.twinbench.sim.perturb.Perturbation;
import org.twinbench.sim.policy.Challenger;
import org.twinbench.sim.policy.Policy;
import org.twinbench.sim.source.BatchSource;
import org.twinbench.sim.source.DatasetSource;

/**
 * A scenario made ready to run: the data loaded and split, the model trained, the perturbations in
 * graph order, and the operations around the model (label delay, monitors, policies, deployment).
 *
 * @param labelDelay steps between scoring a row and its label arriving (0: at once)
 * @param deployment where the model runs, or null when the scenario has no deployment node
 * @param selectiveLabels when true, only rows scored below the threshold (the ones the model lets
 *     through, e.g. approved loans) ever get a label: monitors and retraining see only those, while
 *     the step metrics still measure every row (the twin knows the truth)
 * @param challenger a challenger scoring a share of the rows, or null
 * @param sliceBins how the slice columns become slices (numeric ones binned)
 * @param attacks attackers querying the deployment each step (after the monitors)
 * @param notes what compiling found worth telling beside the results
 * @param held the model files the plan opened (ONNX runtime sessions), released by {@link #close}
 */
public record SimulationPlan(Scenario scenario, BatchSource source, List<Perturbation> perturbations,
                             TaskModel model, List<String> sliceColumns, double threshold, int steps,
                             DataProvenance data, int labelDelay, List<Monitor> monitors, List<Policy> policies,
                             Deployment deployment, boolean selectiveLabels, Challenger challenger,
                             SliceBins sliceBins, List<Attack> attacks, PlanNotes notes, PlanModels held)
        implements AutoCloseable {

    public SimulationPlan {
        perturbations = List.copyOf(perturbations);
        sliceColumns = List.copyOf(sliceColumns);
        monitors = List.copyOf(monitors);
        policies = List.copyOf(policies);
        sliceBins = sliceBins == null ? SliceBins.NONE : sliceBins;
        attacks = attacks == null ? List.of() : List.copyOf(attacks);
        notes = notes == null ? PlanNotes.NONE : notes;
        held = held == null ? PlanModels.NONE : held;
    }

    /** A plan holding no model file. */
    public SimulationPlan(Scenario scenario, BatchSource source, List<Perturbation> perturbations,
                          TaskModel model, List<String> sliceColumns, double threshold, int steps,
                          DataProvenance data, int labelDelay, List<Monitor> monitors, List<Policy> policies,
                          Deployment deployment, boolean selectiveLabels, Challenger challenger,
                          SliceBins sliceBins, List<Attack> attacks, PlanNotes notes) {
        this(scenario, source, perturbations, model, sliceColumns, threshold, steps, data, labelDelay, monitors,
                policies, deployment, selectiveLabels, challenger, sliceBins, attacks, notes, PlanModels.NONE);
    }

    /** A plan with nothing noted. */
    public SimulationPlan(Scenario scenario, BatchSource source, List<Perturbation> perturbations,
                          TaskModel model, List<String> sliceColumns, double threshold, int steps,
                          DataProvenance data, int labelDelay, List<Monitor> monitors, List<Policy> policies,
                          Deployment deployment, boolean selectiveLabels, Challenger challenger,
                          SliceBins sliceBins, List<Attack> attacks) {
        this(scenario, source, perturbations, model, sliceColumns, threshold, steps, data, labelDelay, monitors,
                policies, deployment, selectiveLabels, challenger, sliceBins, attacks, PlanNotes.NONE);
    }

    /** A plan without attacks, with nothing noted. */
    public SimulationPlan(Scenario scenario, BatchSource source, List<Perturbation> perturbations,
                          TaskModel model, List<String> sliceColumns, double threshold, int steps,
                          DataProvenance data, int labelDelay, List<Monitor> monitors, List<Policy> policies,
                          Deployment deployment, boolean selectiveLabels, Challenger challenger,
                          SliceBins sliceBins) {
        this(scenario, source, perturbations, model, sliceColumns, threshold, steps, data, labelDelay, monitors,
                policies, deployment, selectiveLabels, challenger, sliceBins, List.of(), PlanNotes.NONE);
    }

    /** A plan whose slice columns are all categorical. */
    public SimulationPlan(Scenario scenario, BatchSource source, List<Perturbation> perturbations,
                          TaskModel model, List<String> sliceColumns, double threshold, int steps,
                          DataProvenance data, int labelDelay, List<Monitor> monitors, List<Policy> policies,
                          Deployment deployment, boolean selectiveLabels, Challenger challenger) {
        this(scenario, source, perturbations, model, sliceColumns, threshold, steps, data, labelDelay, monitors,
                policies, deployment, selectiveLabels, challenger, SliceBins.NONE);
    }

    /** A plan without a challenger. */
    public SimulationPlan(Scenario scenario, BatchSource source, List<Perturbation> perturbations,
                          TaskModel model, List<String> sliceColumns, double threshold, int steps,
                          DataProvenance data, int labelDelay, List<Monitor> monitors, List<Policy> policies,
                          Deployment deployment, boolean selectiveLabels) {
        this(scenario, source, perturbations, model, sliceColumns, threshold, steps, data, labelDelay, monitors,
                policies, deployment, selectiveLabels, null);
    }

    /** A plan whose labels all arrive (after the delay). */
    public SimulationPlan(Scenario scenario, BatchSource source, List<Perturbation> perturbations,
                          TaskModel model, List<String> sliceColumns, double threshold, int steps,
                          DataProvenance data, int labelDelay, List<Monitor> monitors, List<Policy> policies,
                          Deployment deployment) {
        this(scenario, source, perturbations, model, sliceColumns, threshold, steps, data, labelDelay, monitors,
                policies, deployment, false);
    }

    /** A plan without monitors, policies or deployment, whose labels arrive at once. */
    public SimulationPlan(Scenario scenario, DatasetSource source, List<Perturbation> perturbations,
                          TaskModel model, List<String> sliceColumns, double threshold, int steps,
                          DataProvenance data) {
        this(scenario, source, perturbations, model, sliceColumns, threshold, steps, data, 0, List.of(), List.of(),
                null);
    }

    public String target() {
        return model.card().target();
    }

    /** How the run reads labels and measures its model: the initial model's task, target and classes. */
    public ModelTask modelTask() {
        return ModelTask.of(model, threshold);
    }

    /**
     * The same plan run for a different number of steps; a replay in time order that stops after its
     * last rows makes no more steps than it has rows for ({@link BatchSource#steps}).
     */
    public SimulationPlan withSteps(int newSteps) {
        int actual = source.steps(newSteps);
        return new SimulationPlan(scenario, source, perturbations, model, sliceColumns, threshold, actual, data,
                labelDelay, monitors, policies, deployment, selectiveLabels, challenger, sliceBins, attacks, notes,
                held);
    }

    /**
     * Releases the model files the plan opened (its ONNX runtime sessions), once: call it when the plan's
     * last run has ended, completed, failed or cancelled. Plans made from this one ({@link #withSteps}, a
     * branch) share them. A model scored after this is refused, naming its file.
     */
    @Override
    public void close() {
        held.close();
    }
}
