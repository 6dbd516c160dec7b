package org.twinbench.model;

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
}
