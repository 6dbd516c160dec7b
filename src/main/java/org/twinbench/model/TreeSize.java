package org.twinbench.model;

import java.util.List;

/**
 * How big a TwinBench tree model is: its trees and their nodes (splits and leaves). A multiclass gradient
 * boosting grows one tree per class at each round, so it has classes × rounds trees; scoring speeds are
 * compared per tree as well as per row ({@code bench}).
 *
 * @param trees the trees of the ensemble (0 for a model that is not one)
 * @param nodes their nodes, in all
 */
public record TreeSize(int trees, long nodes) {

    /** The size of {@code model}'s ensemble, or 0 trees and 0 nodes when it is not a TwinBench tree ensemble. */
    public static TreeSize of(TaskModel model) {
        Object fitted;
        try {
            fitted = TaskModels.fitted(model);
        } catch (RuntimeException e) {
            return new TreeSize(0, 0);
        }
        if (!TreeEnsemble.isEnsemble(fitted)) {
            return new TreeSize(0, 0);
        }
        TreeEnsemble ensemble = TreeEnsemble.of(fitted);
        long nodes = ensemble.trees().stream().mapToLong(TreeEnsemble.Tree::size).sum();
        return new TreeSize(ensemble.trees().size(), nodes);
    }

    /**
     * The splits a row passes on its way to a leaf, summed over the ensemble's trees, averaged over
     * {@code rows} (what scoring a row costs: one test per split passed); 0 for a model that is not a
     * TwinBench tree ensemble.
     */
    public static double splitsPassed(TaskModel model, org.twinbench.data.Frame rows) {
        Object fitted;
        FeatureEncoder encoder;
        try {
            fitted = TaskModels.fitted(model);
            encoder = TaskModels.encoder(model);
        } catch (RuntimeException e) {
            return 0;
        }
        if (!TreeEnsemble.isEnsemble(fitted) || rows.rowCount() == 0) {
            return 0;
        }
        List<TreeEnsemble.Tree> trees = TreeEnsemble.of(fitted).trees();
        int n = rows.rowCount();
        int width = encoder.width();
        double[] x = new double[n * width];
        encoder.encodeRows(rows, 0, n, x, width);
        long passed = 0;
        for (TreeEnsemble.Tree tree : trees) {
            for (int i = 0; i < n; i++) {
                int k = 0;
                while (tree.feature()[k] >= 0) {
                    // as the compiled trees and Smile decide: a NaN goes to the second child
                    k = x[i * width + tree.feature()[k]] <= tree.threshold()[k] ? tree.left()[k] : tree.right()[k];
                    passed++;
                }
            }
        }
        return passed / (double) n;
    }
}
