package org.twinbench.bench;

import java.util.List;
import java.util.Map;
import org.twinbench.data.Frame;
import org.twinbench.data.Task;
import org.twinbench.model.Algorithm;
import org.twinbench.model.BinaryClassifier;
import org.twinbench.model.MulticlassClassifier;
import org.twinbench.model.Regressor;
import org.twinbench.model.TaskModel;
import org.twinbench.model.TaskTrainer;
import org.twinbench.model.TrainingOptions;
import org.twinbench.model.TrainingProgress;
import org.twinbench.model.TreeSize;

/**
 * Scores 1e6 loan applications with a regression (the loan amount) or multiclass (the region, four classes)
 * random forest of 100 trees or gradient boosting of 300 trees; the reference is the binary model of the
 * same algorithm and size (defaulted yes/no) scoring the same rows, so a ratio near 1 means every task scores
 * as fast as binary does. A multiclass boosting grows one tree per class each round (4 × 300 trees against
 * binary's 300), so {@code extra} also gives both models' trees and nodes and the speed per tree
 * ({@code tree_rows_per_second}: rows × trees a second) and its ratio to binary's ({@code per_tree_ratio});
 * and, since a row's cost in a tree is the splits it passes on its way to a leaf, the splits a row passes in
 * all trees ({@code splits_per_row}, {@code reference_splits_per_row}) and the time per split passed against
 * binary's ({@code per_node_ratio}). The thread's CPU time beside the wall clock ({@code cpu_ms}, {@code
 * reference_cpu_ms}, {@code cpu_ratio}) and the rows a CPU second ({@code cpu_rows_per_second}, {@code
 * reference_cpu_rows_per_second}): on a shared machine other processes stretch the wall clock, not the CPU time.
 */
final class TaskScoringWorkload implements Workload {

    private final Task task;
    private final Algorithm algorithm;

    TaskScoringWorkload(Task task, Algorithm algorithm) {
        this.task = task;
        this.algorithm = algorithm;
    }

    @Override
    public String name() {
        return "model.score-" + task.id() + "-" + (algorithm == Algorithm.RANDOM_FOREST ? "forest" : "boosting")
                + "-1e6";
    }

    @Override
    public String description() {
        return "scoring 1e6 rows with a " + task.id() + " " + algorithm.id(task) + "; reference: the binary model";
    }

    @Override
    public BenchResult run(boolean quick) {
        int rows = quick ? 10_000 : 1_000_000;
        int trees = BenchData.trees(algorithm);
        try (BenchData.LoanRows loans = BenchData.LoanRows.of(rows)) {
            Frame train = loans.train();
            Frame data = loans.data();
            BinaryClassifier binary = loans.trees(algorithm);
            String target = task == Task.REGRESSION ? "loan_amount" : "region";
            List<String> features = ScoringWorkload.FEATURES.stream().filter(f -> !f.equals(target)).toList();
            TaskModel model = TaskTrainer.train(train, new TrainingOptions(algorithm, target, features, null, 1, trees,
                    ""), task, TrainingProgress.NONE).model();
            Frame warmUp = loans.warmUp();
            Timing.consume(score(model, warmUp));
            Timing.consume(binary.scorePositive(warmUp)[0]);
            double[] best = Timing.bestAlternating(0, quick ? 1 : 2, () -> Timing.consume(score(model, data)),
                    () -> Timing.consume(binary.scorePositive(data)[rows - 1]), Timing.THREAD_CPU);
            TreeSize size = TreeSize.of(model);
            TreeSize reference = TreeSize.of(binary);
            // A row walks one path per tree: the splits it passes are what scoring costs, so speeds are also
            // compared per split passed (on the 20,000 distinct rows the data repeats).
            double visits = TreeSize.splitsPassed(model, train);
            double referenceVisits = TreeSize.splitsPassed(binary, train);
            Map<String, Object> extra = new java.util.LinkedHashMap<>();
            extra.put("model", model.card().algorithm());
            extra.put("trees", size.trees());
            extra.put("nodes", size.nodes());
            extra.put("reference_trees", reference.trees());
            extra.put("reference_nodes", reference.nodes());
            extra.put("tree_rows_per_second", rows * (double) size.trees() / best[0]);
            extra.put("reference_tree_rows_per_second", rows * (double) reference.trees() / best[1]);
            extra.put("per_tree_ratio", (best[0] / size.trees()) / (best[1] / reference.trees()));
            extra.put("splits_per_row", visits);
            extra.put("reference_splits_per_row", referenceVisits);
            extra.put("per_node_ratio", (best[0] / visits) / (best[1] / referenceVisits));
            Timing.putCpu(extra, best[2], best[3]);
            extra.put("cpu_rows_per_second", Math.round(rows / best[2]));
            extra.put("reference_cpu_rows_per_second", Math.round(rows / best[3]));
            return new BenchResult(name(), rows, best[0], "binary " + algorithm.id(Task.BINARY) + " on the same rows",
                    best[1], extra);
        }
    }

    private static double score(TaskModel model, Frame data) {
        if (model instanceof Regressor regressor) {
            double[] out = regressor.predict(data);
            return out[out.length - 1];
        }
        double[][] out = ((MulticlassClassifier) model).probabilities(data);
        return out[out.length - 1][0];
    }
}
