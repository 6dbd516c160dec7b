package org.twinbench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CategoricalDriftTest {

    /** Codes for {@code count[i]} rows of level i, in level order. */
    static int[] codes(int... counts) {
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        int[] out = new int[total];
        int k = 0;
        for (int level = 0; level < counts.length; level++) {
            for (int i = 0; i < counts[level]; i++) {
                out[k++] = level;
            }
        }
        return out;
    }

    @Test
    void chiSquaredPsiAndJensenShannonMatchScipy() {
        // Table [[30, 20, 10, 0], [20, 25, 10, 5]] computed with SciPy 1.17.1:
        //   stats.chi2_contingency(t, correction=False) -> 7.555555555555555, p 0.05614804389236909, dof 3
        //   psi with shares floored at 1e-4 -> 0.6459530807710079; jensenshannon(p, q, base=2) -> 0.23899176388435386
        //   Hellinger sqrt(.5 * sum((sqrt p - sqrt q)^2)) -> 0.22892585397788817
        CategoricalReference ref = CategoricalReference.of(codes(30, 20, 10), List.of("a", "b", "c"));
        // The window codes its own levels in another order, with a category the reference never saw.
        CategoricalDrift d = ref.compare(codes(5, 10, 25, 20), List.of("new", "c", "b", "a"));
        assertThat(d.chi2Statistic()).isCloseTo(7.555555555555555, within(1e-12));
        assertThat(d.chi2PValue()).isCloseTo(0.05614804389236909, within(1e-13));
        assertThat(d.dof()).isEqualTo(3);
        assertThat(d.psi()).isCloseTo(0.6459530807710079, within(1e-12));
        assertThat(d.jensenShannon()).isCloseTo(0.23899176388435386, within(1e-13));
        assertThat(d.hellinger()).isCloseTo(0.22892585397788817, within(1e-13));
        assertThat(d.newCategories()).containsExactly("new");
        assertThat(d.vanishedCategories()).isEmpty();
    }

    @Test
    void chiSquaredMatchesHandWorkedTwoByTwo() {
        // [[10, 10], [20, 0]]: expected [[15, 5], [15, 5]]: 25/15 + 25/5 + 25/15 + 25/5 = 40/3, dof 1.
        CategoricalDrift d = CategoricalReference.of(codes(10, 10), List.of("x", "y"))
                .compare(codes(20), List.of("x"));
        assertThat(d.chi2Statistic()).isCloseTo(40.0 / 3, within(1e-12));
        assertThat(d.dof()).isEqualTo(1);
        assertThat(d.vanishedCategories()).containsExactly("y");
    }

    @Test
    void oneCategoryOnBothSidesHasNoDegreesOfFreedom() {
        CategoricalDrift d = CategoricalReference.of(codes(3), List.of("x")).compare(codes(5), List.of("x"));
        assertThat(d.chi2Statistic()).isZero();
        assertThat(d.dof()).isZero();
        assertThat(d.chi2PValue()).isEqualTo(1.0);
        assertThat(d.psi()).isZero();
    }

    @Test
    void missingCodesAreLeftOutAndCounted() {
        CategoricalDrift d = CategoricalReference.of(new int[] {0, -1, 1, -1}, List.of("x", "y"))
                .compare(new int[] {-1, 0, 1, 1, 0}, List.of("x", "y"));
        assertThat(d.missingFractionReference()).isEqualTo(0.5);
        assertThat(d.missingFractionCurrent()).isEqualTo(0.2);
        assertThat(d.referenceCount()).isEqualTo(2);
        assertThat(d.chi2Statistic()).isZero();
    }

    @Test
    void allMissingWindowIsUndefinedNotAnError() {
        CategoricalDrift d = CategoricalReference.of(codes(2, 2), List.of("x", "y")).compare(new int[] {-1, -1},
                List.of());
        assertThat(d.computed()).isFalse();
        assertThat(d.chi2PValue()).isNaN();
        assertThat(d.vanishedCategories()).containsExactly("x", "y");
    }
}
