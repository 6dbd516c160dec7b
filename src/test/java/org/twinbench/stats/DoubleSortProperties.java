package org.twinbench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DoubleSortProperties {

    @Property(tries = 30)
    void radixSortAgreesWithArraysSort(@ForAll long seed, @ForAll @IntRange(min = 4096, max = 30_000) int n) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            // Mixed magnitudes and signs, many ties, subnormals and extremes.
            values[i] = switch (random.nextInt(5)) {
                case 0 -> random.nextGaussian() * 1e6;
                case 1 -> random.nextInt(20) - 10;
                case 2 -> Double.MIN_VALUE * random.nextInt(-3, 4);
                case 3 -> (random.nextBoolean() ? 1 : -1) * Double.MAX_VALUE / (1 + random.nextInt(3));
                default -> random.nextDouble();
            } + 0.0;
        }
        double[] expected = values.clone();
        Arrays.sort(expected);
        DoubleSort.sort(values);
        assertThat(values).isEqualTo(expected);
    }

    @Test
    void smallArraysAndConstantArraysSort() {
        double[] small = {3, -1, 2};
        DoubleSort.sort(small);
        assertThat(small).containsExactly(-1, 2, 3);
        double[] constant = new double[10_000];
        Arrays.fill(constant, 2.5);
        DoubleSort.sort(constant);
        assertThat(constant).containsOnly(2.5);
    }
}
