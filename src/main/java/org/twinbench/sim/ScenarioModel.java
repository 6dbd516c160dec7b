package org.twinbench.sim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.twinbench.data.BinaryLabels;
import org.twinbench.data.Column;
import org.twinbench.data.DataException;
import org.twinbench.data.Frame;
import org.twinbench.model.Algorithm;
import org.twinbench.data.Task;
import org.twinbench.model.BinaryClassifier;
import org.twinbench.model.LoggedProbabilities;
import org.twinbench.model.LoggedScores;
import org.twinbench.model.LogisticModel;
import org.twinbench.model.ModelCard;
import org.twinbench.model.ModelInputs;
import org.twinbench.model.ModelTrainer;
import org.twinbench.model.MulticlassClassifier;
import org.twinbench.model.MulticlassModel;
import org.twinbench.model.OnnxTaskModel;
import org.twinbench.model.RegressionModel;
import org.twinbench.model.Regressor;
import org.twinbench.model.TaskModel;
import org.twinbench.model.TaskTrainer;
import org.twinbench.model.TrainingOptions;
import org.twinbench.model.TrainingProgress;
import org.twinbench.model.TreeModel;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.ScenarioException;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.sim.perturb.PerturbationFactory;
import org.twinbench.sim.policy.Challenger;
import org.twinbench.sim.policy.ModelRefit;

/**
 * The scenario's model: trained on the reference rows (logistic node), loaded from a file
 * ({@code .twinmodel} bundle of any task or ONNX, path relative to the scenario) and checked against the
 * data's columns, or a production log's own predictions; with how to refit it (the same task's
 * algorithm), or null when it cannot be refitted (ONNX, logs).
 *
 * @param refit null when TwinBench cannot retrain this kind of model
 */
record ScenarioModel(TaskModel model, String target, String positive, List<String> features,
                     ModelRefit refit) {

    static ScenarioModel of(ScenarioNode node, Frame reference, Frame schema, long seed, String dataSha256,
                            Path baseDir, RunListener listener) {
        return of(node, reference, schema, seed, dataSha256, baseDir, listener, new OpenedModels());
    }

    /** As above, taking a model file {@code models} opened already (the scenario check's) rather than reading it again. */
    static ScenarioModel of(ScenarioNode node, Frame reference, Frame schema, long seed, String dataSha256,
                            Path baseDir, RunListener listener, OpenedModels models) {
        if (NodeCatalog.LOGISTIC_MODEL.equals(node.type())) {
            String target = node.requiredString("target");
            List<String> features = node.strings("features");
            PerturbationFactory.requireColumn(node, schema, target);
            for (String feature : features) {
                PerturbationFactory.requireColumn(node, schema, feature);
            }
            if (logisticTask(node, schema.column(target)) == Task.MULTICLASS) {
                requireEveryClass(node, reference, schema, target);
                listener.onPhase("Training multinomial logistic regression on " + reference.rowCount()
                        + " reference rows");
                TrainingOptions options = new TrainingOptions(Algorithm.of("logistic", Task.MULTICLASS), target,
                        features, null, seed, 0, dataSha256, 0);
                TaskModel model = TaskTrainer.train(reference, options, Task.MULTICLASS, TrainingProgress.NONE)
                        .model();
                return new ScenarioModel(model, target, null, features, (rows, s) -> refit(rows, model.card(), s));
            }
            String positive = BinaryLabels.positiveLabel(reference.column(target), node.string("positive"));
            listener.onPhase("Training logistic regression on " + reference.rowCount() + " reference rows");
            LogisticModel model = ModelTrainer.trainLogistic(reference, target, features, positive, seed, dataSha256);
            return new ScenarioModel(model, target, positive, features, (rows, s) -> ModelTrainer.trainLogistic(rows,
                    target, features, positive, s, "retrained in the run"));
        }
        if (NodeCatalog.LINEAR_MODEL.equals(node.type())) {
            return linear(node, reference, schema, seed, dataSha256, listener);
        }
        if (NodeCatalog.LOGGED_MODEL.equals(node.type())) {
            return logged(node, reference, schema, dataSha256);
        }
        boolean onnx = NodeCatalog.ONNX_MODEL.equals(node.type());
        TaskModel loaded = load(node, baseDir, schema, onnx, listener, models);
        ModelCard card = loaded.card();
        String where = "node " + node.id();
        if (card.target().isBlank()) {
            throw new ScenarioException(where + ": parameter 'target' " + noTarget());
        }
        if (schema.find(card.target()).isEmpty()) {
            throw new ScenarioException(where + ": the model predicts '" + card.target()
                    + "', a column the data does not have");
        }
        if (card.task() == Task.REGRESSION && !(schema.column(card.target())
                instanceof org.twinbench.data.NumericColumn)) {
            throw new ScenarioException(where + ": the model predicts amounts of '" + card.target()
                    + "', but that column holds text");
        }
        TaskModel model = conforming(loaded, where);
        ModelRefit refit = loaded instanceof LogisticModel || loaded instanceof TreeModel
                ? (rows, s) -> ModelTrainer.train(rows, new TrainingOptions(Algorithm.of(card.algorithm()),
                card.target(), card.features(), card.positiveLabel(), s, 0, "retrained in the run"))
                : loaded instanceof RegressionModel || loaded instanceof MulticlassModel
                ? (rows, s) -> refit(rows, card, s)
                : null;
        return new ScenarioModel(model, card.target(), card.positiveLabel(), card.features(), refit);
    }

    /** A ridge linear regression of the node's amounts, trained on the reference rows and refitted the same way. */
    private static ScenarioModel linear(ScenarioNode node, Frame reference, Frame schema, long seed, String dataSha256,
                                        RunListener listener) {
        String target = node.requiredString("target");
        List<String> features = node.strings("features");
        PerturbationFactory.requireColumn(node, schema, target);
        for (String feature : features) {
            PerturbationFactory.requireColumn(node, schema, feature);
        }
        String problem = linearProblem(schema.column(target));
        if (problem != null) {
            throw new ScenarioException("node " + node.id() + ": " + problem);
        }
        listener.onPhase("Training linear regression on " + reference.rowCount() + " reference rows");
        TrainingOptions options = new TrainingOptions(Algorithm.of(Algorithm.LINEAR, Task.REGRESSION), target,
                features, null, seed, 0, dataSha256, 0);
        TaskModel model = TaskTrainer.train(reference, options, Task.REGRESSION, TrainingProgress.NONE).model();
        return new ScenarioModel(model, target, null, features, (rows, s) -> refit(rows, model.card(), s));
    }

    /** What is wrong with a linear node's target — it must hold amounts ({@link Task#REGRESSION}) — or null. */
    static String linearProblem(Column target) {
        Task task = Task.of(target).orElse(null);
        if (task == Task.REGRESSION) {
            return null;
        }
        return "target '" + target.name() + "' holds " + (task == null ? "no amounts"
                : Task.distinctValues(target, Task.MAX_CLASSES + 1) + " classes, not amounts") + "; a linear regression"
                + " predicts amounts: use a Logistic regression node (model.logistic) for classes";
    }

    /**
     * The task a logistic node's target gives: binary for two values, multiclass (multinomial) for three to fifty
     * classes when no {@code positive} is set. Never a silent "one class against the rest": a {@code positive} on a
     * target of more values, or a target of amounts, is a {@link ScenarioException} naming the node.
     */
    static Task logisticTask(ScenarioNode node, Column target) {
        String problem = logisticProblem(node, target);
        if (problem != null) {
            throw new ScenarioException("node " + node.id() + ": " + problem);
        }
        return Task.of(target).orElse(Task.BINARY);
    }

    /** What is wrong with a logistic node's target (see {@link #logisticTask}), or null. */
    static String logisticProblem(ScenarioNode node, Column target) {
        Task task = Task.of(target).orElse(Task.BINARY);
        if (task == Task.REGRESSION || (task == Task.BINARY && Task.distinctValues(target, 3) > 2)) {
            return "target '" + target.name() + "' holds amounts or too many values for classes; a logistic "
                    + "regression needs classes: train a model of amounts with `twinbench train --target "
                    + target.name() + "` and use it in a TwinBench model file node";
        }
        String positive = node.string("positive", null);
        if (task == Task.MULTICLASS && positive != null) {
            return "positive '" + positive + "' makes '" + target.name() + "' yes/no, but it holds "
                    + Task.distinctValues(target, Task.MAX_CLASSES + 1) + " values; remove positive to model every "
                    + "class";
        }
        return null;
    }

    /**
     * Refuses to train a model of several classes on reference rows that lack some of the file's classes (a file
     * grouped by its outcome and cut in file order: R's penguins' first half holds Adelie and Gentoo, never
     * Chinstrap): such a model could never answer the missing ones, and its figures would be those of another task.
     */
    private static void requireEveryClass(ScenarioNode node, Frame reference, Frame schema, String target) {
        ClassCoverage coverage = ClassCoverage.of(org.twinbench.data.ClassLabels.of(schema.column(target)),
                reference.column(target));
        if (!coverage.complete()) {
            throw new ScenarioException("node " + node.id() + ": " + coverage.sentence("the reference rows", target)
                    + ", so a model trained on them could never answer " + (coverage.missing().size() == 1 ? "it"
                    : "them") + ": if the file is grouped by its outcome, set the source's split to shuffled; or give"
                    + " a model trained on every class (model.bundle)");
        }
    }

    /**
     * A regression or multiclass model of the card's algorithm and task refitted on {@code rows} (all of them:
     * no holdout); a multiclass refit on rows with fewer than three of the classes ({@link ClassCoverage}), or rows the trainer refuses (a
     * column left constant), is a {@link ModelException}.
     */
    private static TaskModel refit(Frame rows, ModelCard card, long seed) {
        if (card.task() == Task.MULTICLASS) {
            ClassCoverage coverage = ClassCoverage.of(card.classes(), rows.column(card.target()));
            if (!coverage.enoughForMulticlass()) {
                throw new org.twinbench.model.ModelException(coverage.sentence("the rows", card.target())
                        + ", too few for a multiclass model");
            }
        }
        try {
            return TaskTrainer.train(rows, new TrainingOptions(Algorithm.of(card.algorithm(), card.task()),
                    card.target(), card.features(), null, seed, 0, "retrained in the run", 0), card.task(),
                    TrainingProgress.NONE).model();
        } catch (IllegalArgumentException e) {
            // Smile refuses some windows (a column left constant when a field stops being filled): the retraining
            // policy then keeps the model it has and says why, rather than ending the run.
            throw new org.twinbench.model.ModelException("the rows cannot refit the model: " + e.getMessage(), e);
        }
    }

    /**
     * A production log's own predictions, never refitted: for a binary outcome the score column must hold
     * probabilities (numbers in [0, 1]) on every row; for an outcome of amounts (a regression, as
     * {@link Task#of} reads the target column) it holds the logged predicted amounts; for three or more
     * classes the {@code proba_prefix} columns hold the logged class probabilities.
     */
    private static ScenarioModel logged(ScenarioNode node, Frame reference, Frame schema, String dataSha256) {
        String target = node.requiredString("target");
        PerturbationFactory.requireColumn(node, schema, target);
        if (Task.of(schema.column(target)).orElse(Task.BINARY) == Task.MULTICLASS) {
            return loggedClasses(node, target, schema, dataSha256);
        }
        String scoreColumn = node.requiredString("score_column");
        PerturbationFactory.requireKind(node, schema, scoreColumn, org.twinbench.data.NumericColumn.class,
                "numeric");
        if (Task.of(schema.column(target)).orElse(Task.BINARY) == Task.REGRESSION) {
            return new ScenarioModel(new LoggedAmounts(scoreColumn, new ModelCard("logged", target, "",
                    List.of(scoreColumn), dataSha256, 0, java.util.Map.of(), Task.REGRESSION, List.of(), null)),
                    target, "", List.of(scoreColumn), null);
        }
        org.twinbench.data.NumericColumn scores = schema.numeric(scoreColumn);
        for (int i = 0; i < scores.size(); i++) {
            double v = scores.get(i);
            if (!(v >= 0 && v <= 1)) {
                throw new ScenarioException("node " + node.id() + ": score_column '" + scoreColumn + "' row " + (i + 1)
                        + " holds " + (Double.isNaN(v) ? "no score" : Double.toString(v))
                        + "; logged scores must be probabilities between 0 and 1");
            }
        }
        String positive = BinaryLabels.positiveLabel(reference.column(target), node.string("positive", null));
        LoggedScores model = new LoggedScores(scoreColumn, target, positive, dataSha256);
        return new ScenarioModel(model, target, positive, List.of(scoreColumn), null);
    }

    /**
     * A multiclass log's own class probabilities: one column {@code <proba_prefix><class>} per class of the
     * target, each row's probabilities in [0, 1] and summing to 1.
     */
    private static ScenarioModel loggedClasses(ScenarioNode node, String target, Frame schema, String dataSha256) {
        String prefix = node.string("proba_prefix");
        List<String> classes = org.twinbench.data.ClassLabels.of(schema.column(target));
        if (prefix == null) {
            throw node.problem("proba_prefix", "is required: '" + target + "' holds " + classes.size()
                    + " classes, so the log must give one probability column per class (e.g. p_" + classes.get(0)
                    + " with proba_prefix p_)");
        }
        String problem = LoggedProbabilities.problem(schema, target, prefix);
        if (problem != null) {
            throw new ScenarioException("node " + node.id() + ": " + problem);
        }
        LoggedProbabilities model = new LoggedProbabilities(prefix, target, classes, dataSha256);
        return new ScenarioModel(model, target, "", model.columns(), null);
    }

    /** A regression's logged predictions: the amounts of the score column, as they were logged. */
    private record LoggedAmounts(String scoreColumn, ModelCard card) implements Regressor {
        @Override
        public double[] predict(Frame batch) {
            return batch.numeric(scoreColumn).values().clone();
        }
    }

    /**
     * The model file named by the node's {@code path} (relative to the scenario), of any task, checked to
     * be of the expected kind (ONNX or not; null: either) and to find its columns in the data.
     */
    static TaskModel load(ScenarioNode node, Path baseDir, Frame schema, Boolean onnx, RunListener listener,
                          OpenedModels models) {
        Path file = baseDir.resolve(node.requiredString("path")).normalize();
        if (!Files.exists(file)) {
            throw new ScenarioException("node " + node.id() + ": model file " + file + " not found");
        }
        listener.onPhase("Loading model " + file.getFileName());
        TaskModel loaded;
        try {
            loaded = models.take(file);
        } catch (DataException e) {
            throw new ScenarioException("node " + node.id() + ": " + e.getMessage());
        }
        if (onnx != null && onnx != loaded instanceof OnnxTaskModel) {
            throw new ScenarioException("node " + node.id() + ": " + file.getFileName() + " is not "
                    + (onnx ? "an ONNX model (.onnx)" : "a TwinBench model (.twinmodel)"));
        }
        try {
            ModelInputs.conform(loaded, schema, "node " + node.id());
        } catch (DataException e) {
            throw new ScenarioException(e.getMessage());
        }
        return withTarget(node, loaded);
    }

    /**
     * An ONNX model predicting the node's {@code target} when it names one (an export with no sidecar names no
     * outcome column); the model as it is otherwise.
     */
    static TaskModel withTarget(ScenarioNode node, TaskModel loaded) {
        String target = node.params().get("target") == null ? null : node.string("target");
        return loaded instanceof OnnxTaskModel onnx && target != null && !target.isBlank()
                ? onnx.forTarget(target) : loaded;
    }

    /** Why a model names no outcome column: its file has no sidecar target, and the node gives none. */
    static String noTarget() {
        return "the model names no outcome column (its .onnx.json sidecar gives no \"target\"); set target to the "
                + "column it predicts";
    }

    /**
     * The challenger of a challenger node: the model file of its {@code path} (.twinmodel of any
     * algorithm, or ONNX) of the champion's task, or else a model of its {@code algorithm} for the
     * champion's task trained on the reference rows with its {@code features}, predicting the champion's
     * target.
     */
    static Challenger challenger(ScenarioNode node, Frame reference, Frame schema, TaskModel champion, long seed,
                                 String dataSha256, Path baseDir, RunListener listener, OpenedModels models) {
        double share = node.number("traffic_share");
        String where = "node " + node.id();
        String target = champion.card().target();
        Task task = champion.task();
        if (node.params().get("path") != null) {
            TaskModel loaded = load(node, baseDir, schema, null, listener, models);
            if (!loaded.card().target().equals(target)) {
                throw new ScenarioException(where + ": the challenger predicts '" + loaded.card().target()
                        + "', the champion '" + target + "'");
            }
            if (loaded.task() != task) {
                throw new ScenarioException(where + ": the challenger is a " + loaded.task().id()
                        + " model, the champion a " + task.id() + " model");
            }
            return new Challenger(node.id(), conforming(loaded, where), share);
        }
        List<String> features = node.params().get("features") == null ? List.of() : node.strings("features");
        if (features.isEmpty()) {
            throw node.problem("features", "is required when no model path is given");
        }
        for (String feature : features) {
            PerturbationFactory.requireColumn(node, schema, feature);
        }
        Algorithm algorithm;
        try {
            algorithm = Algorithm.of(node.string("algorithm"));
        } catch (IllegalArgumentException e) {
            throw node.problem("algorithm", e.getMessage());
        }
        if (task == Task.MULTICLASS) {
            requireEveryClass(node, reference, schema, target);
        }
        listener.onPhase("Training the " + algorithm.id(task) + " challenger on " + reference.rowCount()
                + " reference rows");
        TrainingOptions options = new TrainingOptions(algorithm, target, features,
                task == Task.BINARY ? champion.card().positiveLabel() : null, seed, node.integer("trees"), dataSha256);
        return new Challenger(node.id(), task == Task.BINARY ? ModelTrainer.train(reference, options)
                : TaskTrainer.train(reference, options, task, TrainingProgress.NONE).model(), share);
    }

    /** A loaded model that first brings each batch to the column types it reads (see {@link ModelInputs}). */
    /** The model a {@link #conforming} wrapper holds, or {@code model} itself. */
    static TaskModel unwrapped(TaskModel model) {
        return model instanceof ConformingBinary c ? c.model() : model instanceof ConformingRegressor c ? c.model()
                : model instanceof ConformingMulticlass c ? c.model() : model;
    }

    static TaskModel conforming(TaskModel model, String where) {
        if (model instanceof BinaryClassifier binary) {
            return new ConformingBinary(binary, where);
        }
        if (model instanceof Regressor regressor) {
            return new ConformingRegressor(regressor, where);
        }
        return new ConformingMulticlass((MulticlassClassifier) model, where);
    }

    /**
     * A step's scores; a row the model refuses is named as a row of the step's batch, not of the file (the
     * file's own values were checked before the run: what is refused now arrived later or was made by a
     * perturbation).
     */
    private static <T> T scored(java.util.function.Supplier<T> scoring, String where) {
        try {
            return scoring.get();
        } catch (org.twinbench.model.ModelException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            throw new org.twinbench.model.ModelException(where + ": " + message.replaceFirst(" in data row (\\d+)",
                    " in row $1 of a step's batch"), e);
        }
    }

    private record ConformingBinary(BinaryClassifier model, String where) implements BinaryClassifier {
        @Override
        public double[] scorePositive(Frame batch) {
            return scored(() -> model.scorePositive(ModelInputs.conform(model, batch, where)), where);
        }

        @Override
        public ModelCard card() {
            return model.card();
        }

        @Override
        public String labelsOnlyOutput() {
            return model.labelsOnlyOutput();
        }
    }

    private record ConformingRegressor(Regressor model, String where) implements Regressor {
        @Override
        public double[] predict(Frame batch) {
            return scored(() -> model.predict(ModelInputs.conform(model, batch, where)), where);
        }

        @Override
        public ModelCard card() {
            return model.card();
        }

        @Override
        public String labelsOnlyOutput() {
            return model.labelsOnlyOutput();
        }
    }

    private record ConformingMulticlass(MulticlassClassifier model, String where) implements MulticlassClassifier {
        @Override
        public double[][] probabilities(Frame batch) {
            return scored(() -> model.probabilities(ModelInputs.conform(model, batch, where)), where);
        }

        @Override
        public ModelCard card() {
            return model.card();
        }

        @Override
        public String labelsOnlyOutput() {
            return model.labelsOnlyOutput();
        }
    }
}
