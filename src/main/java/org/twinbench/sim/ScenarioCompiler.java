package org.twinbench.sim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.twinbench.data.CategoricalColumn;
import org.twinbench.data.Column;
import org.twinbench.data.Dataset;
import org.twinbench.data.Frame;
import org.twinbench.data.NumericColumn;
import org.twinbench.data.TableLoader;
import org.twinbench.model.LogisticModel;
import org.twinbench.model.ModelTrainer;
import org.twinbench.scenario.NodeCatalog;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioException;
import org.twinbench.scenario.ScenarioNode;
import org.twinbench.scenario.ScenarioValidator;
import org.twinbench.scenario.Schedule;

/**
 * Turns a validated scenario into a {@link SimulationPlan}: loads the source data (paths relative to
 * the scenario's folder), splits it into reference and production rows, checks every column a node
 * names, and trains the model on the reference rows. Slow: call it off the UI thread.
 */
public final class ScenarioCompiler {

    private ScenarioCompiler() {
    }

    public static SimulationPlan compile(Scenario scenario, Path baseDir, RunListener listener) {
        List<String> problems = ScenarioValidator.problems(scenario);
        if (!problems.isEmpty()) {
            throw new ScenarioException(String.join("\n", problems));
        }
        ScenarioNode sourceNode = scenario.nodesOfKind("source.").get(0);
        listener.onPhase("Loading " + sourceNode.requiredString("path"));
        Path dataFile = baseDir.resolve(sourceNode.requiredString("path")).normalize();
        Dataset dataset = TableLoader.load(dataFile);
        Frame all = dataset.frame();
        int referenceRows = (int) Math.round(all.rowCount() * sourceNode.number("reference_share", 0.5));
        if (referenceRows < 10 || all.rowCount() - referenceRows < 1) {
            throw new ScenarioException("node " + sourceNode.id() + ": " + dataFile + " has " + all.rowCount()
                    + " rows, too few to split into reference and production");
        }
        Frame reference = all.slice(0, referenceRows);
        Frame production = all.slice(referenceRows, all.rowCount());
        DatasetSource source = new DatasetSource(sourceNode.id(), production, sourceNode.integer("batch_size", 500),
                sourceNode.flag("replace", true));

        List<Perturbation> perturbations = new ArrayList<>();
        LogisticModel model = null;
        List<String> slices = new ArrayList<>();
        double threshold = 0.5;
        for (ScenarioNode node : scenario.topologicalOrder()) {
            switch (node.type()) {
                case NodeCatalog.COVARIATE_SHIFT -> {
                    String column = node.requiredString("column");
                    requireKind(node, all, column, NumericColumn.class, "numeric");
                    perturbations.add(new CovariateShift(node.id(), column, node.number("scale", 1.0),
                            node.number("shift", 0.0), Schedule.of(node)));
                }
                case NodeCatalog.CATEGORY_MIX -> {
                    String column = node.requiredString("column");
                    requireKind(node, all, column, CategoricalColumn.class, "categorical");
                    perturbations.add(new CategoryMixShift(node.id(), column, node.requiredString("category"),
                            node.number("share", 0.25), Schedule.of(node)));
                }
                case NodeCatalog.LOGISTIC_MODEL -> {
                    String target = node.requiredString("target");
                    List<String> features = node.strings("features");
                    requireColumn(node, all, target);
                    for (String feature : features) {
                        requireColumn(node, all, feature);
                    }
                    listener.onPhase("Training logistic regression on " + reference.rowCount() + " reference rows");
                    model = ModelTrainer.trainLogistic(reference, target, features, node.string("positive", null),
                            scenario.seed(), dataset.provenance().sha256());
                }
                case NodeCatalog.SLICE_METRICS -> {
                    for (String column : node.strings("slices")) {
                        requireKind(node, all, column, CategoricalColumn.class, "categorical");
                        slices.add(column);
                    }
                    threshold = node.number("threshold", 0.5);
                }
                default -> {
                    // Sources were handled above.
                }
            }
        }
        return new SimulationPlan(scenario, source, perturbations, model, slices, threshold,
                sourceNode.integer("steps", 60), dataset.provenance());
    }

    private static void requireColumn(ScenarioNode node, Frame frame, String column) {
        if (!frame.has(column)) {
            throw new ScenarioException("node " + node.id() + ": the data has no column '" + column + "'");
        }
    }

    private static void requireKind(ScenarioNode node, Frame frame, String column, Class<? extends Column> kind,
                                    String kindName) {
        requireColumn(node, frame, column);
        if (!kind.isInstance(frame.column(column))) {
            throw new ScenarioException("node " + node.id() + ": column '" + column + "' must be " + kindName);
        }
    }
}
