package org.twinbench.sim;

import java.util.List;
import java.util.Locale;
import org.twinbench.data.Frame;
import org.twinbench.model.BinaryClassifier;
import org.twinbench.model.Distillation;
import org.twinbench.model.LogisticModel;
import org.twinbench.model.TaskModel;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioException;
import org.twinbench.scenario.ScenarioNode;

/**
 * What the deployment node serves (docs/scenarios.md#deploymentendpoint--deployment-target): the scenario's model,
 * or with {@code student: logistic} a logistic regression distilled from it on the reference rows
 * ({@link Distillation}). The student's service time is the stated {@code latency_ms} times its measured scoring
 * time over the model's, both on the reference rows; {@code bytes} is the served model's file size.
 *
 * @param serviceScale factor on the deployment's service time (1 without a student)
 * @param bytes size of the served model's file: the model node's own file, or the model written as a
 *     {@code .twinmodel} file; -1 for logged scores
 */
record ServedModel(TaskModel model, double serviceScale, long bytes) {

    static ServedModel of(Scenario scenario, ScenarioNode modelNode, TaskModel model, Frame reference,
                          java.nio.file.Path baseDir, RunListener listener) {
        List<ScenarioNode> endpoints = scenario.nodesOfKind(NodeCatalog.DEPLOYMENT);
        if (endpoints.isEmpty()) {
            return new ServedModel(model, 1, -1);
        }
        ScenarioNode node = endpoints.get(0);
        if ("none".equals(node.string("student"))) {
            return new ServedModel(model, 1, bytes(modelNode, model, baseDir));
        }
        if (!(model instanceof BinaryClassifier teacher)) {
            throw new ScenarioException("node " + node.id() + ": a student is distilled from a binary model; this "
                    + "model is a " + model.task().id() + " model");
        }
        if (!scenario.nodesOfKind(NodeCatalog.RETRAIN_POLICY).isEmpty()) {
            throw new ScenarioException("node " + node.id() + ": a distilled student is not retrained; remove the "
                    + "retrain policy or the student");
        }
        listener.onPhase("Distilling a logistic student from the model");
        LogisticModel student = Distillation.logisticStudent(teacher, reference);
        double scale = Distillation.nanosPerRow(student, reference) / Distillation.nanosPerRow(teacher, reference);
        listener.onNote(String.format(Locale.ROOT, "node %s serves a logistic student: scoring measured at %.2f "
                + "times the model's time on the reference rows", node.id(), scale));
        return new ServedModel(student, scale, Distillation.fileBytes(student));
    }

    /** The size of the model's own file when it has one (a bundle, an ONNX model), else as TwinBench writes it. */
    private static long bytes(ScenarioNode modelNode, TaskModel model, java.nio.file.Path baseDir) {
        boolean hasFile = NodeCatalog.MODEL_BUNDLE.equals(modelNode.type())
                || NodeCatalog.ONNX_MODEL.equals(modelNode.type());
        if (hasFile) {
            String path = modelNode.requiredString("path");
            try {
                return java.nio.file.Files.size(baseDir.resolve(path).normalize());
            } catch (java.io.IOException e) {
                return -1;
            }
        }
        return Distillation.fileBytes(model);
    }
}
