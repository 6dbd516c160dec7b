package org.twinbench.sim;

import java.util.ArrayList;
import java.util.List;
import org.twinbench.data.Task;
import org.twinbench.model.TaskModel;
import org.twinbench.scenario.ScenarioException;

/**
 * What a run says of a classifier that gives only its predicted class ({@link TaskModel#labelsOnlyOutput}, an
 * ONNX model exported without probabilities): its 0/1 scores rank and calibrate nothing, so the metrics of
 * {@link ModelTask#SCORE_METRICS} are not available — null in {@code run.json}, empty in {@code steps.csv},
 * no reliability bins — and compiling notes so, naming the node and the output; a gate ({@code --assert}) on
 * one of them is refused in one line.
 */
public final class LabelsOnlyMetrics {

    private LabelsOnlyMetrics() {
    }

    /** The note of each model of the plan (champion, challenger) that gives labels only, naming its node. */
    static List<String> notes(String modelNodeId, TaskModel model, org.twinbench.sim.policy.Challenger challenger) {
        List<String> notes = new ArrayList<>();
        if (model.labelsOnlyOutput() != null) {
            notes.add(note(modelNodeId, model));
        }
        if (challenger != null && challenger.model().labelsOnlyOutput() != null) {
            notes.add(note(challenger.nodeId(), challenger.model()).replace("; accuracy,", " while it serves; accuracy,"));
        }
        return notes;
    }

    private static String note(String nodeId, TaskModel model) {
        return "the model of node " + nodeId + " gives class labels only (output '" + model.labelsOnlyOutput()
                + "'), no probabilities: its " + unavailable(model.task()) + (model.task() == Task.MULTICLASS ? " is" : " are")
                + " not available (null in run.json, empty in steps.csv); " + String.join(", ", measured(model))
                + " are measured as for any classifier";
    }

    private static String unavailable(Task task) {
        return task == Task.MULTICLASS ? "log loss" : "ROC AUC, log loss, Brier score and calibration error";
    }

    /** The metrics of the model's task that its labels give. */
    private static List<String> measured(TaskModel model) {
        return ModelTask.of(model, 0.5).metricNames().stream().filter(m -> !ModelTask.SCORE_METRICS.contains(m)).toList();
    }

    /**
     * Refuses a gate on a metric a labels-only model of {@code plan} cannot have, in one line naming the gate,
     * the model node and its output.
     */
    public static void refuseGates(List<RunAssertion> gates, SimulationPlan plan) {
        String nodeId = plan.scenario().modelNodes().get(0).id();
        TaskModel model = plan.model();
        if (model.labelsOnlyOutput() == null && plan.challenger() != null) {
            nodeId = plan.challenger().nodeId();
            model = plan.challenger().model();
        }
        if (model.labelsOnlyOutput() == null) {
            return;
        }
        for (RunAssertion gate : gates) {
            if (ModelTask.SCORE_METRICS.contains(gate.metric())) {
                throw new ScenarioException("--assert '" + gate.expression() + "': " + gate.metric() + " is not"
                        + " available: the model of node " + nodeId + " gives class labels only (output '"
                        + model.labelsOnlyOutput() + "'), no probabilities to rank or calibrate; gate one of "
                        + String.join(", ", measured(model)) + " instead");
            }
        }
    }
}
