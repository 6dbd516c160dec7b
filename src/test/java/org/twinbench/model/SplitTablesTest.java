package org.twinbench.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The split tables reach the leaf Smile's walk reaches ({@code x <= t} left, NaN right) at the edges of the rank
 * test: signed zeros, infinities, NaN, the smallest differences. Hand-worked: each row's leaf follows from the
 * comparisons written beside it.
 */
class SplitTablesTest {

    /** One split {@code x0 <= t}: leaf value 1 on the left, 2 on the right, scale 1. */
    private static TreeEnsemble.Tree stump(double t) {
        return new TreeEnsemble.Tree(0, 1.0, new int[] {0, -1, -1}, new double[] {t, Double.NaN, Double.NaN},
                new int[] {1, -1, -1}, new int[] {2, -1, -1}, new double[][] {null, {1}, {2}}, 1);
    }

    /** The sums of the rows of {@code x}, column-major with {@code n} rows. */
    private static double[] sums(TreeEnsemble ensemble, int width, int n, double... x) {
        SplitTables tables = SplitTables.of(ensemble, width);
        int[][] ranks = new int[width][n];
        tables.rank(x, n, n, ranks);
        double[] acc = new double[n];
        for (int t = 0; t < ensemble.trees().size(); t++) {
            tables.add(t, ranks, n, new int[n], acc, 0);
        }
        return acc;
    }

    private static double[] scores(TreeEnsemble ensemble, double... x0) {
        return sums(ensemble, 1, x0.length, x0);
    }

    @Test
    void signedZerosInfinitiesAndNanGoWhereSmilesWalkSendsThem() {
        TreeEnsemble minusZero = new TreeEnsemble(TreeEnsemble.Kind.BOOSTING_REGRESSION, 1, new double[1],
                List.of(stump(-0.0)));
        // 0.0 <= -0.0 and -0.0 <= -0.0 hold (left, 1); NaN <= t never (right, 2); Double.MIN_VALUE > 0 (right);
        // +inf right, -inf left.
        assertThat(scores(minusZero, 0.0, -0.0, Double.NaN, Double.MIN_VALUE, -Double.MIN_VALUE,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)).containsExactly(1, 1, 2, 2, 1, 2, 1);
        TreeEnsemble plusZero = new TreeEnsemble(TreeEnsemble.Kind.BOOSTING_REGRESSION, 1, new double[1],
                List.of(stump(0.0)));
        assertThat(scores(plusZero, -0.0, 0.0, Double.MIN_VALUE)).containsExactly(1, 1, 2);
        // x == t goes left; the next double up goes right; the largest doubles do not overflow the test.
        TreeEnsemble big = new TreeEnsemble(TreeEnsemble.Kind.BOOSTING_REGRESSION, 1, new double[1],
                List.of(stump(-Double.MAX_VALUE)));
        assertThat(scores(big, -Double.MAX_VALUE, Math.nextUp(-Double.MAX_VALUE), Double.MAX_VALUE))
                .containsExactly(1, 2, 2);
        TreeEnsemble third = new TreeEnsemble(TreeEnsemble.Kind.BOOSTING_REGRESSION, 1, new double[1],
                List.of(stump(1.0 / 3)));
        assertThat(scores(third, 1.0 / 3, Math.nextDown(1.0 / 3), Math.nextUp(1.0 / 3))).containsExactly(1, 1, 2);
    }

    /** Two levels: x0 <= 0 then x1 <= 5 on the left, x1 <= -5 on the right; leaves 10, 20, 30, 40 (scale 0.5). */
    @Test
    void deeperTreeSumsItsScaledLeavesInTreeOrder() {
        TreeEnsemble.Tree tree = new TreeEnsemble.Tree(0, 0.5, new int[] {0, 1, -1, -1, 1, -1, -1},
                new double[] {0, 5, Double.NaN, Double.NaN, -5, Double.NaN, Double.NaN},
                new int[] {1, 2, -1, -1, 5, -1, -1}, new int[] {4, 3, -1, -1, 6, -1, -1},
                new double[][] {null, null, {10}, {20}, null, {30}, {40}}, 2);
        TreeEnsemble ensemble = new TreeEnsemble(TreeEnsemble.Kind.BOOSTING_REGRESSION, 1, new double[1],
                List.of(tree, stump(0.5)));
        // Rows (x0, x1), column-major: (-1, 0) -> 10·0.5 + 1; (-1, 9) -> 20·0.5 + 1; (1, -9) -> 30·0.5 + 2;
        // (1, 0) -> 40·0.5 + 2; (0.5, 5): x0 > 0 goes right, x1 = 5 > -5 right again, 40·0.5, and x0 <= 0.5 holds
        // at the stump's threshold itself, + 1.
        double[] x = {-1, -1, 1, 1, 0.5, 0, 9, -9, 0, 5};
        assertThat(sums(ensemble, 2, 5, x)).containsExactly(6, 11, 17, 22, 21);
        // A tree of more than SplitTables.MAX_SPLITS splits, or a threshold that is not finite, is walked instead.
        assertThat(SplitTables.of(new TreeEnsemble(TreeEnsemble.Kind.BOOSTING_REGRESSION, 1, new double[1],
                List.of(stump(Double.POSITIVE_INFINITY))), 1)).isNull();
    }

    /** {@code below} counts the thresholds under a value, for windows of every length from 0 to 5. */
    @Test
    void belowCountsTheThresholdsUnderAValue() {
        double[] t = {1, 2, 3, 5, 8};
        // v and how many of 1, 2, 3, 5, 8 are < v: equal thresholds are not counted; NaN counts them all.
        double[] v = {0, 1, 1.5, 2, 3, 4, 5, 7.9, 8, 9, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN};
        int[] all = {0, 0, 1, 1, 2, 3, 3, 4, 4, 5, 0, 5, 5};
        for (int len = 0; len <= t.length; len++) {
            double[] first = java.util.Arrays.copyOf(t, len);
            for (int k = 0; k < v.length; k++) {
                assertThat(SplitTables.below(first, v[k])).as("%s among the first %d", v[k], len)
                        .isEqualTo(Math.min(all[k], len));
            }
        }
    }
}
