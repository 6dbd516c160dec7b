package org.twinbench.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Eigenvalues and eigenvectors of a small symmetric matrix by the cyclic Jacobi method (Golub and Van Loan,
 * <i>Matrix Computations</i>, 4th ed., §8.5.3): rotations zero the off-diagonal entries one at a time until their
 * sum of squares is negligible. Exact to rounding for the few dozen columns of a PCA of a table.
 *
 * @param values the eigenvalues, largest first
 * @param vectors {@code vectors[j][c]} is entry j of the eigenvector of {@code values[c]}
 */
record SymmetricEigen(double[] values, double[][] vectors) {

    private static final int MAX_SWEEPS = 100;

    static SymmetricEigen of(double[][] matrix) {
        int d = matrix.length;
        double[][] a = new double[d][];
        double[][] v = new double[d][d];
        for (int i = 0; i < d; i++) {
            a[i] = matrix[i].clone();
            v[i][i] = 1;
        }
        return rotateToDiagonal(a, v);
    }

    /**
     * The same decomposition started from the orthonormal {@code start} ({@code start[j][c]}: entry j of column c),
     * the vectors of a nearby matrix: the rotations begin on {@code startᵀ·matrix·start}, already nearly diagonal, so
     * far fewer sweeps reach the same stopping rule.
     */
    static SymmetricEigen of(double[][] matrix, double[][] start) {
        int d = matrix.length;
        double[][] product = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < d; k++) {
                double m = matrix[i][k];
                if (m != 0) {
                    for (int c = 0; c < d; c++) {
                        product[i][c] += m * start[k][c];
                    }
                }
            }
        }
        double[][] a = new double[d][d];
        for (int k = 0; k < d; k++) {
            for (int r = 0; r < d; r++) {
                double s = start[k][r];
                if (s != 0) {
                    for (int c = 0; c < d; c++) {
                        a[r][c] += s * product[k][c];
                    }
                }
            }
        }
        for (int r = 0; r < d; r++) {
            for (int c = r + 1; c < d; c++) {
                double mean = (a[r][c] + a[c][r]) / 2;
                a[r][c] = mean;
                a[c][r] = mean;
            }
        }
        double[][] v = new double[d][];
        for (int i = 0; i < d; i++) {
            v[i] = start[i].clone();
        }
        return rotateToDiagonal(a, v);
    }

    private static SymmetricEigen rotateToDiagonal(double[][] a, double[][] v) {
        int d = a.length;
        for (int sweep = 0; sweep < MAX_SWEEPS && offDiagonal(a) > 1e-22 * Math.max(1e-300, diagonal(a)); sweep++) {
            for (int p = 0; p < d - 1; p++) {
                for (int q = p + 1; q < d; q++) {
                    if (a[p][q] != 0) {
                        rotate(a, v, p, q);
                    }
                }
            }
        }
        Integer[] order = new Integer[d];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> a[i][i]).reversed());
        double[] values = new double[d];
        double[][] vectors = new double[d][d];
        for (int c = 0; c < d; c++) {
            values[c] = a[order[c]][order[c]];
            for (int j = 0; j < d; j++) {
                vectors[j][c] = v[j][order[c]];
            }
        }
        return new SymmetricEigen(values, vectors);
    }

    /** The eigenvector of the c-th largest eigenvalue. */
    double[] vector(int c) {
        double[] out = new double[vectors.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = vectors[j][c];
        }
        return out;
    }

    /** One Jacobi rotation in the (p, q) plane that zeroes a[p][q] (the stable form with t = tan θ). */
    private static void rotate(double[][] a, double[][] v, int p, int q) {
        double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        if (theta == 0) {
            t = 1;
        }
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        int d = a.length;
        for (int k = 0; k < d; k++) {
            double akp = a[k][p];
            double akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
        }
        for (int k = 0; k < d; k++) {
            double apk = a[p][k];
            double aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
        }
        for (int k = 0; k < d; k++) {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
        }
    }

    private static double offDiagonal(double[][] a) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                sum += i == j ? 0 : a[i][j] * a[i][j];
            }
        }
        return sum;
    }

    private static double diagonal(double[][] a) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i][i] * a[i][i];
        }
        return sum;
    }
}
