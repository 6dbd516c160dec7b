package org.twinbench.stats;

/**
 * Two small samples with ties, shared by the tests that check values against SciPy. Drawn once with
 * NumPy on this machine: {@code rng = np.random.default_rng(7); ref = np.round(rng.normal(10, 2, 30), 1);
 * cur = np.round(rng.normal(11, 2.5, 25), 1)}.
 */
public final class ScipySamples {

    public static final double[] REF = {10.0, 10.6, 9.5, 8.2, 9.1, 8.0, 10.1, 12.7, 9.0, 8.8, 11.0, 10.7, 10.2, 8.1, 9.9,
        11.4, 7.3, 9.1, 6.2, 7.4, 6.3, 9.5, 7.5, 10.5, 10.3, 9.6, 5.0, 8.9, 9.9, 10.2};
    public static final double[] CUR = {7.2, 9.8, 8.6, 9.0, 13.7, 9.0, 10.9, 13.2, 9.5, 10.7, 11.3, 11.2, 7.9, 11.2, 14.4,
        7.1, 13.1, 11.3, 9.4, 16.0, 12.9, 8.0, 11.2, 12.4, 10.5};

    private ScipySamples() {
    }
}
