package org.twinbench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The rank walk reaches the leaf Smile's walk reaches ({@code x <= t} to the first child, otherwise and for a NaN to
 * the second), whatever the depth each row stops at and however many rows a block has. Hand-worked: every expected
 * leaf follows from the comparisons written beside it.
 */
class RankWalkTest {

    /**
     * Three trees over two encoded columns, laid out breadth first as {@link CompiledTrees} lays them out.
     * <ul>
     *   <li>Tree 0, nodes 0–28, 15 levels (deeper than {@link RankWalk#FIXED_DEPTH}, so its rows stop when all eight
     *       side by side have): split {@code d = 0 … 13} at node {@code 2d} tests {@code x0 <= d}, its first child
     *       {@code 2d + 1} a leaf and its second {@code 2d + 2} the next split; node 28 is the last split's second
     *       child. A row stops at depth 1 for {@code x0 <= 0} and at depth 15 for {@code x0 > 13}.</li>
     *   <li>Tree 1, nodes 29–31: {@code x1 <= NaN}, which never holds: every row goes to node 31.</li>
     *   <li>Tree 2, nodes 32–34: {@code x1 <= −0.0}; tree 3, node 35: a lone leaf.</li>
     * </ul>
     */
    private static RankWalk walk() {
        int nodes = 36;
        int[] feature = new int[nodes];
        double[] threshold = new double[nodes];
        int[] firstChild = new int[nodes];
        Arrays.fill(feature, -1);
        for (int d = 0; d < 14; d++) {
            feature[2 * d] = 0;
            threshold[2 * d] = d;
            firstChild[2 * d] = 2 * d + 1;
        }
        feature[29] = 1;
        threshold[29] = Double.NaN;
        firstChild[29] = 30;
        feature[32] = 1;
        threshold[32] = -0.0;
        firstChild[32] = 33;
        return new RankWalk(2, new int[] {0, 29, 32, 35}, new int[] {15, 2, 2, 1}, feature, threshold, firstChild);
    }

    /** Rows {@code (x0, x1)} and the leaf each reaches in trees 0, 1, 2 and 3. */
    private static final double[][] ROWS = {
        // x0 <= 0 at the root: leaf 1. x1 = 0.0 <= -0.0 holds (they are equal): leaf 33.
        {Double.NEGATIVE_INFINITY, 0.0, 1, 31, 33, 35},
        // -0.0 <= 0 holds: leaf 1; x1 = Double.MIN_VALUE > -0.0: leaf 34.
        {-0.0, Double.MIN_VALUE, 1, 31, 34, 35},
        // 0 < MIN_VALUE <= 1: the second split's first child, 3; x1 = NaN never <= -0.0: leaf 34.
        {Double.MIN_VALUE, Double.NaN, 3, 31, 34, 35},
        // 6 < 7 <= 7: split 7's first child, 15. x1 = -MIN_VALUE <= -0.0: leaf 33.
        {7, -Double.MIN_VALUE, 15, 31, 33, 35},
        // 12 < 12.5 <= 13: split 13's first child, 27. x1 = -inf <= NaN is still false: 31.
        {12.5, Double.NEGATIVE_INFINITY, 27, 31, 33, 35},
        // the double just above 13 passes every split: node 28, 15 levels down.
        {Math.nextUp(13.0), 1, 28, 31, 34, 35},
        // NaN never <= d: right at every split, node 28. x1 = -0.0 <= -0.0: leaf 33.
        {Double.NaN, -0.0, 28, 31, 33, 35},
        // -5 <= 0: leaf 1.
        {-5, 2, 1, 31, 34, 35},
        // +inf passes every split: node 28.
        {Double.POSITIVE_INFINITY, -1, 28, 31, 33, 35},
        // 13 <= 13: split 13's first child, 27.
        {13, 0.0, 27, 31, 33, 35},
        // 0.5: 0 < 0.5 <= 1, leaf 3.
        {0.5, Double.NaN, 3, 31, 34, 35},
    };

    @Test
    void rowsStoppingAtEveryDepthReachSmilesLeavesInBlocksOfAnySize() {
        RankWalk walk = walk();
        for (int n = 1; n <= 3 * ROWS.length; n++) {
            double[] x = new double[2 * n];
            for (int i = 0; i < n; i++) {
                x[2 * i] = ROWS[i % ROWS.length][0];
                x[2 * i + 1] = ROWS[i % ROWS.length][1];
            }
            int[] ranks = new int[n * walk.stride()];
            walk.rank(x, 2, n, ranks);
            for (int t = 0; t < 4; t++) {
                int[] leaves = new int[n];
                walk.walk(t, ranks, n, leaves);
                for (int i = 0; i < n; i++) {
                    assertThat(leaves[i]).as("%d rows, row %d, tree %d", n, i, t)
                            .isEqualTo((int) ROWS[i % ROWS.length][2 + t]);
                }
            }
        }
    }

    @Test
    void countsTheSplitsOnEachColumn() {
        // 14 splits on x0 (tree 0), two on x1 (trees 1 and 2).
        assertThat(walk().splitsOn(0)).isEqualTo(14);
        assertThat(walk().splitsOn(1)).isEqualTo(2);
    }

    @Test
    void refusesAColumnWithMoreThresholdsThanItsRanksAddress() {
        // 2^20 encoded columns leave 30 - 21 = 9 bits of rank: 512 distinct thresholds on column 0 are too many.
        int splits = 512;
        int nodes = 2 * splits + 1;
        int[] feature = new int[nodes];
        double[] threshold = new double[nodes];
        int[] firstChild = new int[nodes];
        Arrays.fill(feature, -1);
        for (int d = 0; d < splits; d++) {
            feature[2 * d] = 0;
            threshold[2 * d] = d;
            firstChild[2 * d] = 2 * d + 1;
        }
        assertThatThrownBy(() -> new RankWalk(1 << 20, new int[] {0}, new int[] {splits + 1}, feature, threshold,
                firstChild)).isInstanceOf(ModelException.class)
                .hasMessageContaining("encoded column 0 has 512 distinct thresholds");
    }
}
