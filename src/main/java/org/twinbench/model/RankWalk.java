package org.twinbench.model;

import java.util.Arrays;

/**
 * The walk of {@link CompiledTrees} down trees too big for {@link SplitTables}: a block's rows go down one tree
 * at a time, eight side by side, every comparison an int comparison of ranks.
 *
 * <p>Ranks: a block's encoded cells are first replaced by their ranks among the ensemble's distinct thresholds on
 * their column, as {@link SplitTables} does — {@code r(x)}, how many of them are {@code < x} (all of them for a
 * NaN) — and a split {@code x <= t}, {@code t} its column's threshold number {@code q} from 0 in increasing order,
 * sends a row to its second child exactly when {@code r(x) > q}: the sign bit of {@code q − r}. A split whose
 * threshold is NaN (Smile's {@code x <= NaN} never holds) gets {@code q = −1}: every row goes right. So each
 * comparison decides as the double comparison did, a NaN cell going to the second child as in Smile, and the
 * walk has no branch to mispredict (a double comparison the JIT may compile as a branch or as a conditional move).
 *
 * <p>Layout: trees breadth first, a split's two children adjacent, node {@code k} one long: its first child in the
 * high 32 bits, and in the low 32 bits {@code q · 2^featureBits + feature}; the block's ranks are held multiplied by
 * {@code 2^featureBits} too. Then {@code low − r · 2^featureBits = (q − r) · 2^featureBits + feature} is negative
 * exactly when {@code r > q}, and a step is {@code child + ((low − rank[feature]) >>> 31)}: one load of the node,
 * one of the row's rank, no branch. A leaf is its own first child, tests the extra column {@code width} of the
 * block's ranks (always 0) and has the largest {@code q}: a row at a leaf stays there, so the rows walking side by
 * side can take the same steps. The rows of a block walk eight at a time, so eight chains of dependent loads overlap
 * (with four the core mostly waited: the loans forests' trees are 20 levels deep and their nodes do not all fit the
 * first-level cache). Eight rows of a deep tree stop when none of them moved in a step; a tree of at most
 * {@value #FIXED_DEPTH} levels is walked its full depth with no test. Rows left over when a block is not a multiple
 * of eight walk one at a time.
 */
final class RankWalk {

    /** Trees up to this depth are walked their full depth without testing whether every row has stopped. */
    static final int FIXED_DEPTH = 10;

    private final int width;
    private final long[] nodes;
    private final int featureBits;
    private final int[] roots;
    private final int[] depths;
    /** Per encoded column, the distinct thresholds of its splits in increasing order (−0 counted as +0). */
    private final double[][] cuts;

    /**
     * The walk of trees laid out breadth first: tree {@code t} starts at node {@code roots[t]} and is
     * {@code depths[t]} levels deep (Smile's depth: a lone leaf is 1); node {@code k} tests {@code feature[k]}
     * ({@code -1}: a leaf) against {@code threshold[k]}, its children at {@code firstChild[k]} and the next node.
     */
    RankWalk(int width, int[] roots, int[] depths, int[] feature, double[] threshold, int[] firstChild) {
        this.width = width;
        this.roots = roots;
        this.depths = depths;
        this.featureBits = 32 - Integer.numberOfLeadingZeros(width);
        this.cuts = SplitTables.cuts(width, feature, threshold);
        int top = 1 << 30 - featureBits;
        for (int j = 0; j < width; j++) {
            if (cuts[j].length >= top) {
                throw new ModelException("encoded column " + j + " has " + cuts[j].length + " distinct thresholds over "
                        + width + " encoded columns, more than the compiled scorer addresses (thresholds × 2^"
                        + featureBits + " must stay below 2^30)");
            }
        }
        this.nodes = new long[feature.length];
        for (int k = 0; k < feature.length; k++) {
            boolean leaf = feature[k] < 0;
            int q = leaf ? top - 1 : Double.isNaN(threshold[k]) ? -1
                    : Arrays.binarySearch(cuts[feature[k]], threshold[k] + 0.0);
            int low = q << featureBits | (leaf ? width : feature[k]);
            nodes[k] = (long) (leaf ? k : firstChild[k]) << 32 | (low & 0xffffffffL);
        }
    }

    /** The stride of a block's ranks: the encoded columns and the leaves' extra column. */
    int stride() {
        return width + 1;
    }

    /** How many splits test encoded column {@code column}. */
    int splitsOn(int column) {
        int mask = (1 << featureBits) - 1;
        int count = 0;
        for (long node : nodes) {
            count += ((int) node & mask) == column ? 1 : 0;
        }
        return count;
    }

    /**
     * The ranks of rows {@code [0, n)} of the row-major block {@code x} ({@code x[i * xStride + j]}), row-major into
     * {@code ranks} ({@code ranks[i * stride() + j]}), multiplied by {@code 2^featureBits}; the extra column of
     * {@code ranks} must hold 0.
     */
    void rank(double[] x, int xStride, int n, int[] ranks) {
        int stride = stride();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < width; j++) {
                ranks[i * stride + j] = SplitTables.below(cuts[j], x[i * xStride + j]) << featureBits;
            }
        }
    }

    /** The leaf (its node) each of rows {@code [0, n)} reaches in tree {@code t}, from the block's ranks. */
    void walk(int t, int[] ranks, int n, int[] leaves) {
        int root = roots[t];
        int depth = depths[t];
        long[] nodes = this.nodes;
        int stride = stride();
        int mask = (1 << featureBits) - 1;
        boolean stop = depth > FIXED_DEPTH;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            int a = root;
            int b = root;
            int c = root;
            int d = root;
            int e = root;
            int f = root;
            int g = root;
            int h = root;
            int xa = i * stride;
            int xb = xa + stride;
            int xc = xb + stride;
            int xd = xc + stride;
            int xe = xd + stride;
            int xf = xe + stride;
            int xg = xf + stride;
            int xh = xg + stride;
            for (int s = 0; s < depth; s++) {
                long pa = nodes[a];
                long pb = nodes[b];
                long pc = nodes[c];
                long pd = nodes[d];
                long pe = nodes[e];
                long pf = nodes[f];
                long pg = nodes[g];
                long ph = nodes[h];
                int la = (int) pa;
                int lb = (int) pb;
                int lc = (int) pc;
                int ld = (int) pd;
                int le = (int) pe;
                int lf = (int) pf;
                int lg = (int) pg;
                int lh = (int) ph;
                int na = (int) (pa >>> 32) + (la - ranks[xa + (la & mask)] >>> 31);
                int nb = (int) (pb >>> 32) + (lb - ranks[xb + (lb & mask)] >>> 31);
                int nc = (int) (pc >>> 32) + (lc - ranks[xc + (lc & mask)] >>> 31);
                int nd = (int) (pd >>> 32) + (ld - ranks[xd + (ld & mask)] >>> 31);
                int ne = (int) (pe >>> 32) + (le - ranks[xe + (le & mask)] >>> 31);
                int nf = (int) (pf >>> 32) + (lf - ranks[xf + (lf & mask)] >>> 31);
                int ng = (int) (pg >>> 32) + (lg - ranks[xg + (lg & mask)] >>> 31);
                int nh = (int) (ph >>> 32) + (lh - ranks[xh + (lh & mask)] >>> 31);
                if (stop && ((na ^ a) | (nb ^ b) | (nc ^ c) | (nd ^ d) | (ne ^ e) | (nf ^ f) | (ng ^ g) | (nh ^ h)) == 0) {
                    break;
                }
                a = na;
                b = nb;
                c = nc;
                d = nd;
                e = ne;
                f = nf;
                g = ng;
                h = nh;
            }
            leaves[i] = a;
            leaves[i + 1] = b;
            leaves[i + 2] = c;
            leaves[i + 3] = d;
            leaves[i + 4] = e;
            leaves[i + 5] = f;
            leaves[i + 6] = g;
            leaves[i + 7] = h;
        }
        for (; i < n; i++) {
            int a = root;
            int xa = i * stride;
            for (int s = 0; s < depth; s++) {
                long p = nodes[a];
                int l = (int) p;
                a = (int) (p >>> 32) + (l - ranks[xa + (l & mask)] >>> 31);
            }
            leaves[i] = a;
        }
    }
}
