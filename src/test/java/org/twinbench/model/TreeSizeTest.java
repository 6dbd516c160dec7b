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
}
