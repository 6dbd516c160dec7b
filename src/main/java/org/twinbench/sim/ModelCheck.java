package org.twinbench.sim;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import org.twinbench.data.BinaryLabels;
import org.twinbench.data.Column;
import org.twinbench.data.DataException;
import org.twinbench.data.InputFiles;
import org.twinbench.data.NumericColumn;
import org.twinbench.data.Task;
import org.twinbench.model.LoggedProbabilities;
import org.twinbench.model.LogisticModel;
import org.twinbench.model.ModelInputs;
import org.twinbench.model.MulticlassModel;
import org.twinbench.model.OnnxTaskModel;
import org.twinbench.model.RegressionModel;
import org.twinbench.model.TaskModel;
import org.twinbench.model.TreeModel;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.ScenarioNode;

/**
 * The model side of a {@link ScenarioCheck}: each model file opens, is of the node's kind and finds its
 * inputs in the data; the target is there with both outcomes; logged scores are probabilities; a retrain
 * policy has a model it can refit; a promote policy has a challenger.
 */
final class ModelCheck {

    private final ScenarioCheck.Checker checker;
    /** What the check learnt of the scenario's model: its target, and whether the run can refit it. */
    private String target;
    private boolean refittable = true;
    /** The model's task, when the check could tell it (null otherwise). */
    private Task task;

    private ModelCheck(ScenarioCheck.Checker checker) {
        this.checker = checker;
    }

    static void run(ScenarioCheck.Checker checker) {
        ModelCheck check = new ModelCheck(checker);
        List<ScenarioNode> models = checker.scenario.modelNodes();
        if (models.size() == 1) {
            checker.guarded(models.get(0), () -> check.model(models.get(0)));
        }
        for (ScenarioNode node : checker.scenario.nodes()) {
            switch (node.type()) {
                case NodeCatalog.CHALLENGER -> checker.guarded(node, () -> check.challenger(node));
                case NodeCatalog.RETRAIN_POLICY -> {
                    if (!check.refittable && models.size() == 1) {
                        checker.add(node, null, null, "cannot retrain the model of node " + models.get(0).id()
                                + " (ONNX models and logged scores cannot be refitted in TwinBench); use a .twinmodel"
                                + " or logistic model node, or remove the retrain policy");
                    }
                }
                case NodeCatalog.DEPLOYMENT -> {
                    if (check.task != null && check.task != Task.BINARY && node.params().get("student") != null
                            && !"none".equals(node.string("student"))) {
                        checker.add(node, "student", null, "a student is distilled from a binary model; this model is"
                                + " a " + check.task.id() + " model");
                    }
                }
                case NodeCatalog.EXTRACTION_ATTACK -> {
                    String answers = checker.scenario.nodesOfKind(NodeCatalog.DEPLOYMENT).stream()
                            .map(d -> d.string("answers")).findFirst().orElse("score");
                    String problem = check.task == null || models.size() != 1 ? null : Operations.extractionProblem(
                            check.task, node.string("surrogate"), Deployment.Answers.of(answers));
                    if (problem != null) {
                        checker.add(node, "surrogate", null, problem);
                    }
                }
                case NodeCatalog.PROMOTE_POLICY -> {
                    if (checker.scenario.nodesOfKind(NodeCatalog.CHALLENGER).isEmpty()) {
                        checker.add(node, null, null, "has no challenger to promote; add a Challenger node");
                    }
                }
                default -> {
                    // Other nodes have no model to check.
                }
            }
        }
    }

    private void model(ScenarioNode node) {
        switch (node.type()) {
            case NodeCatalog.LINEAR_MODEL -> {
                target = node.string("target");
                Column amounts = checker.frame() == null || target == null ? null
                        : checker.frame().find(target).orElse(null);
                String problem = amounts == null ? null : ScenarioModel.linearProblem(amounts);
                task = amounts == null || problem != null ? null : Task.REGRESSION;
                if (problem != null) {
                    checker.add(node, "target", target, problem);
                }
            }
            case NodeCatalog.LOGISTIC_MODEL -> {
                target = node.string("target");
                Column labels = checker.frame() == null || target == null ? null
                        : checker.frame().find(target).orElse(null);
                String problem = labels == null ? null : ScenarioModel.logisticProblem(node, labels);
                task = labels == null || problem != null ? null : Task.of(labels).orElse(Task.BINARY);
                if (problem != null) {
                    checker.add(node, "target", target, problem);
                } else if (labels == null
                        || org.twinbench.data.Task.of(labels).orElse(null) != org.twinbench.data.Task.MULTICLASS) {
                    bothOutcomes(node, node.string("positive", null));
                }
            }
            case NodeCatalog.LOGGED_MODEL -> {
                target = node.string("target");
                Column logged = checker.frame() == null ? null : checker.frame().find(target).orElse(null);
                task = logged == null ? null : Task.of(logged).orElse(Task.BINARY);
                refittable = false;
                loggedScores(node);
            }
            default -> {
                TaskModel model = open(node, NodeCatalog.ONNX_MODEL.equals(node.type()));
                refittable = model == null || model instanceof LogisticModel || model instanceof TreeModel
                        || model instanceof RegressionModel || model instanceof MulticlassModel;
                if (model != null) {
                    task = model.task();
                    model = ScenarioModel.withTarget(node, model);
                    labelsOnly(node, model);
                    target = model.card().target();
                    if (target.isBlank()) {
                        checker.add(node, "target", null, ScenarioModel.noTarget());
                        target = null;
                    } else if (checker.frame() != null && !checker.frame().has(target)
                            && node.params().get("target") == null) {
                        // A target the node names is a column parameter: the column check names it already.
                        checker.add(node, "path", target, "the model predicts \"" + target
                                + "\", a column the data does not have");
                    }
                }
            }
        }
    }

    /**
     * A model that gives only its predicted class (ONNX with a label output alone) scores 0 or 1: CBPE, which
     * calibrates class probabilities, has nothing to estimate from.
     */
    private void labelsOnly(ScenarioNode node, TaskModel model) {
        String output = model instanceof OnnxTaskModel onnx ? onnx.labelsOnlyOutput() : null;
        if (output != null) {
            for (ScenarioNode monitor : checker.scenario.nodesOfKind(NodeCatalog.CBPE_MONITOR)) {
                checker.add(monitor, null, null, "cannot estimate performance: the model of node " + node.id()
                        + " gives class labels only (output '" + output + "'), no probabilities to calibrate; use a "
                        + "model with a probability output, or monitor.performance on arriving labels");
            }
        }
    }

    private void challenger(ScenarioNode node) {
        if (node.params().get("path") != null) {
            TaskModel model = open(node, null);
            if (model != null) {
                if (target != null && !model.card().target().equals(target)) {
                    checker.add(node, "path", model.card().target(), "the challenger predicts \""
                            + model.card().target() + "\", the champion \"" + target + "\"");
                }
            }
        } else if (node.strings("features").isEmpty()) {
            checker.add(node, "features", null, "is required when no model path is given");
        }
    }

    /**
     * The model file of a node's {@code path}, opened and checked against the data's columns; null (with
     * the problem recorded) when it cannot be used. {@code onnx}: the kind the node expects (null: either).
     */
    private TaskModel open(ScenarioNode node, Boolean onnx) {
        String value = node.string("path", null);
        if (value == null || value.isBlank()) {
            return null;
        }
        Path file;
        try {
            file = checker.baseDir.resolve(value).normalize();
        } catch (InvalidPathException e) {
            checker.add(node, "path", null, "is not a usable file name: " + e.getReason());
            return null;
        }
        if (!Files.exists(file)) {
            checker.add(node, "path", null, "model file " + file + " not found");
            return null;
        }
        String problem = InputFiles.problem(file);
        if (problem != null) {
            checker.add(node, "path", null, file + ": " + problem);
            return null;
        }
        TaskModel model;
        try {
            model = checker.models.get(file);
        } catch (DataException e) {
            checker.add(node, "path", null, e.getMessage());
            return null;
        }
        if (onnx != null && onnx != model instanceof OnnxTaskModel) {
            checker.add(node, "path", null, file.getFileName() + " is not "
                    + (onnx ? "an ONNX model (.onnx)" : "a TwinBench model (.twinmodel)"));
            return null;
        }
        if (checker.frame() != null) {
            for (ModelInputs.Input input : ModelInputs.of(model)) {
                if (!checker.frame().has(input.name())) {
                    checker.add(node, "path", input.name(), "the model reads column \"" + input.name()
                            + "\", which the data does not have");
                }
            }
            for (String mismatch : ModelInputs.problems(model, checker.frame())) {
                if (!mismatch.startsWith("missing column")) {
                    checker.add(node, "path", null, "does not fit the model: " + mismatch);
                }
            }
        }
        if (model instanceof OnnxTaskModel onnxModel) {
            typedInputs(node, onnxModel);
        }
        return model;
    }

    /**
     * An ONNX model's whole-number and yes/no inputs: the data's values must be ones they take (the rows read;
     * the run checks every row before it starts), and no perturbation may make them missing, which neither
     * type can hold. (A fraction a perturbation makes is rounded as the model is fed.)
     */
    private void typedInputs(ScenarioNode node, OnnxTaskModel model) {
        java.util.Map<String, String> typed = model.typedColumns();
        if (typed.isEmpty()) {
            return;
        }
        if (checker.frame() != null) {
            for (String problem : model.valueProblems(checker.frame())) {
                checker.add(node, "path", null, "does not fit the data: " + problem);
            }
        }
        for (ScenarioNode missing : checker.scenario.nodesOfKind(NodeCatalog.MISSING_VALUES)) {
            for (String column : missing.strings("columns")) {
                if (typed.containsKey(column)) {
                    checker.add(missing, "columns", column, "\"" + column + "\" fills a " + typed.get(column)
                            + " input of the model of node " + node.id() + ", which cannot hold a missing value; the"
                            + " run would stop at the first row made missing (leave the column out, or export the"
                            + " model with a float input)");
                }
            }
        }
    }

    /**
     * The reference rows must hold both outcomes, or the model cannot learn. The first rows read settle it
     * when they hold both; otherwise (or for a share near 0) every row is read.
     */
    private void bothOutcomes(ScenarioNode node, String positive) {
        if (target == null || checker.frame() == null || !checker.frame().has(target)) {
            return;
        }
        ScenarioNode source = checker.scenario.nodesOfKind("source.").get(0);
        if (source.params().get("time_column") != null) {
            return;
        }
        if (oneClass(checker.frame(), source, positive) != null && !checker.whole) {
            String why = oneClass(checker.wholeFrame(), source, positive);
            if (why != null) {
                checker.add(node, "target", target, why);
            }
        } else if (checker.whole) {
            String why = oneClass(checker.frame(), source, positive);
            if (why != null) {
                checker.add(node, "target", target, why);
            }
        }
    }

    /** Why the reference rows of {@code rows} hold one class only, or null when they hold both (or none). */
    private String oneClass(org.twinbench.data.Frame rows, ScenarioNode source, String positive) {
        // A dataset's reference is its first rows; a synthetic source's, every row generated.
        int reference = !NodeCatalog.DATASET_SOURCE.equals(source.type()) ? rows.rowCount()
                : (int) Math.round(rows.rowCount() * source.number("reference_share"));
        Column labels = rows.slice(0, Math.min(reference, rows.rowCount())).column(target);
        String chosen = BinaryLabels.positiveLabel(labels, positive);
        int[] encoded = BinaryLabels.encode(labels, chosen);
        long positives = java.util.Arrays.stream(encoded).filter(v -> v == 1).count();
        long present = java.util.Arrays.stream(encoded).filter(v -> v >= 0).count();
        return present > 0 && (positives == 0 || positives == present) ? "the reference rows of \"" + target
                + "\" hold only one class (" + (positives == 0 ? "no" : "only") + " '" + chosen
                + "'); a model needs both outcomes" : null;
    }

    /**
     * A production log's scores must be probabilities wherever the rows read hold one (a log of amounts, a
     * regression, holds predicted amounts instead); a multiclass log (a
     * target of 3 or more classes) needs {@code proba_prefix} columns, one per class, summing to 1 on each row.
     */
    private void loggedScores(ScenarioNode node) {
        if (target != null && checker.frame() != null && checker.frame().has(target)
                && Task.of(checker.frame().column(target)).orElse(Task.BINARY) == Task.MULTICLASS) {
            String prefix = node.string("proba_prefix", null);
            String problem = prefix == null ? "is required: \"" + target + "\" holds 3 or more classes, so the log"
                    + " must give one probability column per class" : LoggedProbabilities.problem(checker.frame(),
                    target, prefix);
            if (problem != null) {
                checker.add(node, "proba_prefix", prefix, problem);
            }
            return;
        }
        String column = node.string("score_column", null);
        if (column == null || column.isBlank()) {
            checker.add(node, "score_column", null, "is required (the logged score or amount of each row; a target"
                    + " of 3 or more classes takes proba_prefix instead)");
            return;
        }
        boolean amounts = target != null && checker.frame() != null && checker.frame().has(target)
                && Task.of(checker.frame().column(target)).orElse(Task.BINARY) == Task.REGRESSION;
        // A log of amounts (a regression) holds the predicted amounts: any number will do.
        if (amounts || checker.frame() == null
                || !(checker.frame().find(column).orElse(null) instanceof NumericColumn scores)) {
            return;
        }
        for (int i = 0; i < scores.size(); i++) {
            double v = scores.get(i);
            if (!(v >= 0 && v <= 1)) {
                checker.add(node, "score_column", column, "\"" + column + "\" row " + (i + 1) + " holds "
                        + (Double.isNaN(v) ? "no score" : Double.toString(v))
                        + "; logged scores must be probabilities between 0 and 1");
                return;
            }
        }
    }

}
