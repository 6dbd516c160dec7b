package org.twinbench.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinbench.data.Frame;
import org.twinbench.data.TableLoader;
import org.twinbench.data.Task;

/**
 * The size {@code bench} compares scoring speeds by: a multiclass boosting grows one tree per class each
 * round (Smile's {@code GradientTreeBoost} with k classes), a forest one tree per round whatever the task,
 * a linear model none. On scikit-learn's wine set (3 cultivars), 12 rounds.
 */
class TreeSizeTest {

    private static TaskModel train(Algorithm algorithm, Task task, String target) {
        Frame wine = TableLoader.load(Path.of("sample-data", "public", "wine.csv")).frame();
        List<String> features = wine.columnNames().stream().filter(c -> !c.equals("cultivar")
                && !c.equals(target)).toList();
        return TaskTrainer.train(wine, new TrainingOptions(algorithm, target, features, null, 2, 12, ""), task,
                TrainingProgress.NONE).model();
    }

    @Test
    void multiclassBoostingHasOneTreePerClassAndRoundAForestOnePerRound() {
        TreeSize boosting = TreeSize.of(train(Algorithm.GRADIENT_BOOSTING, Task.MULTICLASS, "cultivar"));
        assertThat(boosting.trees()).isEqualTo(3 * 12);
        TreeSize forest = TreeSize.of(train(Algorithm.RANDOM_FOREST, Task.MULTICLASS, "cultivar"));
        assertThat(forest.trees()).isEqualTo(12);
        TreeSize regression = TreeSize.of(train(Algorithm.GRADIENT_BOOSTING, Task.REGRESSION, "alcohol"));
        assertThat(regression.trees()).isEqualTo(12);
        // every tree has at least its root, and a tree of n leaves has 2n - 1 nodes: an odd count per tree
        for (TreeSize size : List.of(boosting, forest, regression)) {
            assertThat(size.nodes()).isGreaterThanOrEqualTo(size.trees());
            assertThat((size.nodes() - size.trees()) % 2).isZero();
        }
        assertThat(TreeSize.of(train(Algorithm.LOGISTIC, Task.MULTICLASS, "cultivar"))).isEqualTo(new TreeSize(0, 0));
    }

    @Test
    void splitsPassedCountsEachRowsPathThroughSmilesOwnTrees() {
        Frame wine = TableLoader.load(Path.of("sample-data", "public", "wine.csv")).frame();
        MulticlassModel forest = (MulticlassModel) train(Algorithm.RANDOM_FOREST, Task.MULTICLASS, "cultivar");
        double[][] x = forest.encoder().encode(wine);
        smile.data.type.StructType schema = TreeModel.encodedSchema(forest.encoder().width());
        long passed = 0;
        for (smile.classification.DecisionTree tree : ((smile.classification.RandomForest) forest.classifier()).trees()) {
            for (double[] row : x) {
                // Smile's own walk: each internal node it branches at is one split passed
                smile.data.Tuple tuple = smile.data.Tuple.of(row, schema);
                smile.base.cart.Node node = tree.root();
                while (node instanceof smile.base.cart.InternalNode internal) {
                    node = internal.branch(tuple) ? internal.trueChild() : internal.falseChild();
                    passed++;
                }
            }
        }
        double expected = passed / (double) x.length;
        assertThat(TreeSize.splitsPassed(forest, wine)).isEqualTo(expected);
        // 12 trees of wine's 178 rows: every tree splits at least once, and no path is longer than the rows
        assertThat(expected).isBetween(12.0, 12.0 * 178);
        assertThat(TreeSize.splitsPassed(train(Algorithm.LOGISTIC, Task.MULTICLASS, "cultivar"), wine)).isZero();
    }
}
