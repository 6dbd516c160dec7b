package org.twinbench.sim;

import java.util.List;
import java.util.Locale;
import org.twinbench.data.Frame;
import org.twinbench.model.BinaryClassifier;
import org.twinbench.model.Distillation;
import org.twinbench.model.DistilledModel;
import org.twinbench.model.TaskModel;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioException;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.sim.policy.ModelRefit;

/**
 * What the deployment node serves (docs/scenarios.md#deploymentendpoint--deployment-target): the scenario's model,
 * or with {@code student: logistic} or {@code tree} a student distilled from it on the reference rows
 * ({@link Distillation#distil}, a {@link DistilledModel} that keeps its teacher). The student's service time is the
 * stated {@code latency_ms} times its measured scoring time over the model's, both timed on the reference rows;
 * {@code bytes} is the served model's file size. A retrained teacher is distilled again ({@link #refit}).
 *
 * @param bytes size of the model node's file: its own file, or the model written as a {@code .twinmodel} file; -1
 *     for logged scores
 * @param student the student's name, or null when the model itself is served
 * @param depth the tree student's depth limit
 */
record ServedModel(TaskModel model, long bytes, String student, int depth) {

    static ServedModel of(Scenario scenario, ScenarioNode modelNode, TaskModel model, Frame reference,
                          java.nio.file.Path baseDir, RunListener listener) {
        List<ScenarioNode> endpoints = scenario.nodesOfKind(NodeCatalog.DEPLOYMENT);
        if (endpoints.isEmpty()) {
            return new ServedModel(model, -1, null, 0);
        }
        ScenarioNode node = endpoints.get(0);
        long bytes = bytes(modelNode, model, baseDir);
        String kind = node.string("student");
        if ("none".equals(kind)) {
            return new ServedModel(model, bytes, null, 0);
        }
        if (!(model instanceof BinaryClassifier teacher)) {
            throw new ScenarioException("node " + node.id() + ": a student is distilled from a binary model; this "
                    + "model is a " + model.task().id() + " model");
        }
        int depth = node.integer("student_depth");
        listener.onPhase("Distilling a " + kind + " student from the model");
        DistilledModel distilled = Distillation.distil(teacher, reference, kind, depth, bytes);
        listener.onNote(note(node.id(), distilled));
        return new ServedModel(distilled, bytes, kind, depth);
    }

    /**
     * The run's note on a served student, in the data panel's plain words: "node serving: a small decision tree
     * learnt from the gradient-boosting model, served in its place: scores in 0.34 of the time, agrees on 94.2% of
     * the 5,000 rows it learnt from; 3,311 bytes against 1,006,345".
     */
    static String note(String nodeId, DistilledModel distilled) {
        String kind = "tree".equals(distilled.kind()) ? "a small decision tree" : "a " + distilled.kind()
                + " regression";
        String sizes = distilled.teacherBytes() < 0 ? String.format(Locale.ROOT, "%,d bytes", distilled.studentBytes())
                : String.format(Locale.ROOT, "%,d bytes against %,d", distilled.studentBytes(),
                distilled.teacherBytes());
        return String.format(Locale.ROOT, "node %s: %s learnt from the %s model, served in its place: scores in %.2f "
                        + "of the time, agrees on %.1f%% of the %,d rows it learnt from; %s", nodeId, kind,
                distilled.teacher().card().algorithm(), distilled.speedRatio(), 100 * distilled.agreement(),
                distilled.rows(), sizes);
    }

    /** {@code refit}, then the refitted teacher distilled again on the same rows when a student is served. */
    ModelRefit refit(ModelRefit refit) {
        if (student == null || refit == null) {
            return refit;
        }
        return (rows, seed) -> Distillation.distil((BinaryClassifier) refit.fit(rows, seed), rows, student, depth, -1);
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
