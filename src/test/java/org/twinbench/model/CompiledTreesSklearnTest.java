package org.twinbench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinbench.data.Frame;
import org.twinbench.data.TableLoader;

/**
 * The compiled scorer walks and sums a multiclass forest as scikit-learn does: scikit-learn 1.2.1's
 * {@code RandomForestClassifier} fitted on two real sets, its trees read from the nodes it wrote, scores every
 * row as its {@code predict_proba} (reference values by {@code src/test/resources/trees/make_forests.py}).
 * A scikit-learn forest is the mean of its trees' leaf class shares: a forest of classes with every tree's
 * weight 1, whose sums divided by their total ({@link TreeEnsemble.Kind#FOREST_CLASSES}) are that mean.
 */
class CompiledTreesSklearnTest {

    private static final Path DIR = Path.of("src", "test", "resources", "trees");

    /** The forest written as {@code <set>-forest-nodes.csv}, its leaves' class shares of {@code classes}. */
    private static TreeEnsemble forest(String set, int classes) throws IOException {
        Frame nodes = TableLoader.load(DIR.resolve(set + "-forest-nodes.csv")).frame();
        double[] tree = nodes.numeric("tree").values();
        List<TreeEnsemble.Tree> trees = new ArrayList<>();
        int from = 0;
        while (from < nodes.rowCount()) {
            int to = from;
            while (to < nodes.rowCount() && tree[to] == tree[from]) {
                to++;
            }
            trees.add(tree(nodes, from, to, classes));
            from = to;
        }
        return new TreeEnsemble(TreeEnsemble.Kind.FOREST_CLASSES, classes, new double[classes], trees);
    }

    private static TreeEnsemble.Tree tree(Frame nodes, int from, int to, int classes) {
        int size = to - from;
        int[] feature = new int[size];
        double[] threshold = new double[size];
        int[] left = new int[size];
        int[] right = new int[size];
        double[][] leaf = new double[size][];
        for (int k = 0; k < size; k++) {
            feature[k] = (int) nodes.numeric("feature").get(from + k);
            threshold[k] = nodes.numeric("threshold").get(from + k);
            left[k] = (int) nodes.numeric("left").get(from + k);
            right[k] = (int) nodes.numeric("right").get(from + k);
            if (feature[k] < 0) {
                leaf[k] = new double[classes];
                for (int c = 0; c < classes; c++) {
                    leaf[k][c] = nodes.numeric("v" + c).get(from + k);
                }
            }
        }
        return new TreeEnsemble.Tree(0, 1.0, feature, threshold, left, right, leaf, depth(feature, left, right, 0));
    }

    private static int depth(int[] feature, int[] left, int[] right, int k) {
        return feature[k] < 0 ? 0 : 1 + Math.max(depth(feature, left, right, left[k]), depth(feature, left, right,
                right[k]));
    }

    /** Scores the set's rows with the compiled forest; returns the largest gap to scikit-learn's probabilities. */
    private static double worstGap(String set, int classes, int features) throws IOException {
        TreeEnsemble ensemble = forest(set, classes);
        Frame rows = TableLoader.load(DIR.resolve(set + "-forest-proba.csv")).frame();
        List<FeatureEncoder.Feature> raw = new ArrayList<>();
        for (int j = 0; j < features; j++) {
            // mean 0, sd 1: the encoded value is the raw one, as scikit-learn's trees read it
            raw.add(new FeatureEncoder.Numeric(rows.columnNames().get(j), 0, 1));
        }
        FeatureEncoder encoder = new FeatureEncoder(raw);
        double[][] p = CompiledTrees.of(ensemble, features).probabilities(encoder, rows);
        assertThat(p).hasNumberOfRows(rows.rowCount());
        double worst = 0;
        for (int i = 0; i < p.length; i++) {
            for (int c = 0; c < classes; c++) {
                double expected = rows.numeric("p_" + c).get(i);
                assertThat(p[i][c]).as("%s row %d class %d", set, i, c).isCloseTo(expected, within(1e-12));
                worst = Math.max(worst, Math.abs(p[i][c] - expected));
            }
        }
        return worst;
    }

    @Test
    void wineForestScoresAsScikitLearnsPredictProba() throws IOException {
        TreeEnsemble wine = forest("wine", 3);
        assertThat(wine.trees()).hasSize(25);
        assertThat(worstGap("wine", 3, 13)).isLessThan(1e-12);
    }

    /** Digits' trees are up to 16 levels deep, walked four rows at a time until all four reach a leaf. */
    @Test
    void digitsForestOfTenClassesScoresAsScikitLearnsPredictProba() throws IOException {
        TreeEnsemble digits = forest("digits", 10);
        assertThat(digits.trees().stream().mapToInt(TreeEnsemble.Tree::depth).max().orElseThrow())
                .isGreaterThan(RankWalk.FIXED_DEPTH);
        assertThat(worstGap("digits", 10, 64)).isLessThan(1e-12);
    }
}
