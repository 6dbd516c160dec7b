package org.twinbench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class DriftProperties {

    @Property(tries = 200)
    void psiAndJensenShannonAreZeroForIdenticalSamples(
            @ForAll @Size(min = 1, max = 200) List<@DoubleRange(min = -1e6, max = 1e6) Double> values) {
        double[] x = values.stream().mapToDouble(Double::doubleValue).toArray();
        NumericDrift d = NumericReference.of(x).compare(x.clone());
        assertThat(d.psi()).isZero();
        assertThat(d.jensenShannon()).isZero();
        assertThat(d.hellinger()).isZero();
        assertThat(d.ksStatistic()).isZero();
        assertThat(d.wasserstein()).isZero();
    }

    @Property(tries = 200)
    void ksAndWassersteinAreSymmetric(
            @ForAll @Size(min = 1, max = 100) List<@DoubleRange(min = -100, max = 100) Double> a,
            @ForAll @Size(min = 1, max = 100) List<@DoubleRange(min = -100, max = 100) Double> b) {
        double[] x = a.stream().mapToDouble(Double::doubleValue).toArray();
        double[] y = b.stream().mapToDouble(Double::doubleValue).toArray();
        NumericDrift xy = NumericReference.of(x).compare(y);
        NumericDrift yx = NumericReference.of(y).compare(x);
        assertThat(xy.ksStatistic()).isEqualTo(yx.ksStatistic());
        assertThat(xy.ksPValue()).isEqualTo(yx.ksPValue());
        assertThat(xy.wasserstein()).isCloseTo(yx.wasserstein(), within(1e-9 * (1 + xy.wasserstein())));
        if (!Double.isNaN(xy.andersonDarling())) {
            assertThat(xy.andersonDarling()).isCloseTo(yx.andersonDarling(), within(1e-9));
        }
    }

    @Property(tries = 200)
    void statisticsAreInvariantToRowOrder(
            @ForAll @Size(min = 1, max = 100) List<@DoubleRange(min = -100, max = 100) Double> a,
            @ForAll @Size(min = 1, max = 100) List<@IntRange(min = -20, max = 20) Integer> b, @ForAll long seed) {
        double[] x = a.stream().mapToDouble(Double::doubleValue).toArray();
        double[] y = b.stream().mapToDouble(Integer::doubleValue).toArray();
        double[] shuffled = y.clone();
        Random random = new Random(seed);
        for (int i = shuffled.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double t = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = t;
        }
        NumericReference ref = NumericReference.of(x);
        assertThat(ref.compare(shuffled)).isEqualTo(ref.compare(y));
    }

    @Property(tries = 100)
    void categoricalStatisticsIgnoreRowOrderAndAreZeroForIdenticalSamples(
            @ForAll @Size(min = 1, max = 100) List<@IntRange(min = 0, max = 4) Integer> codes) {
        int[] c = codes.stream().mapToInt(Integer::intValue).toArray();
        List<String> levels = List.of("a", "b", "c", "d", "e");
        int[] reversed = new int[c.length];
        for (int i = 0; i < c.length; i++) {
            reversed[i] = c[c.length - 1 - i];
        }
        CategoricalDrift d = CategoricalReference.of(c, levels).compare(reversed, levels);
        assertThat(d.psi()).isZero();
        assertThat(d.jensenShannon()).isZero();
        assertThat(d.chi2Statistic()).isZero();
        int[] sorted = c.clone();
        Arrays.sort(sorted);
        assertThat(CategoricalReference.of(sorted, levels).compare(c, levels).chi2PValue()).isEqualTo(1.0);
    }

    @Property(tries = 300)
    void windowSearchAgreesWithTheFullMerge(
            @ForAll @Size(min = 1, max = 300) List<@IntRange(min = -50, max = 50) Integer> a,
            @ForAll @Size(min = 1, max = 40) List<@DoubleRange(min = -60, max = 60) Double> b) {
        double[] x = a.stream().mapToDouble(v -> v / 2.0).toArray();
        double[] y = b.stream().mapToDouble(Double::doubleValue).toArray();
        NumericReference ref = NumericReference.of(x);
        NumericDrift full = ref.compare(y);
        NumericDrift window = ref.compareWindow(y);
        assertThat(window.ksStatistic()).isEqualTo(full.ksStatistic());
        assertThat(window.wasserstein()).isCloseTo(full.wasserstein(), within(1e-9 * (1 + full.wasserstein())));
        assertThat(window.psi()).isEqualTo(full.psi());
        assertThat(window.andersonDarling()).isNaN();
    }
}
