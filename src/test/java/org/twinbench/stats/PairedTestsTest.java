package org.twinbench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The paired tests against statsmodels' {@code mcnemar(exact=True)}, Newcombe's method 10 written out from the paper
 * on statsmodels' Wilson intervals, scipy's {@code ttest_rel}/{@code t.interval} and {@code wilcoxon(method="approx")}:
 * on models' answers to breast cancer, wine and diabetes before and after a change, on generated tables and on
 * generated differences full of ties ({@code sample-data/scripts/paired_fall_reference.py}).
 */
class PairedTestsTest {

    static final Path DIR = Path.of("src/test/resources/whatif/paired");

    static JsonNode expected() throws IOException {
        return new ObjectMapper().readTree(DIR.resolve("expected.json").toFile());
    }

    /** The columns of one of the CSV files, by name. */
    static double[] column(String file, String name) throws IOException {
        List<String> lines = Files.readAllLines(DIR.resolve(file));
        int at = List.of(lines.get(0).split(",")).indexOf(name);
        return lines.subList(1, lines.size()).stream().mapToDouble(line -> Double.parseDouble(line.split(",")[at]))
                .toArray();
    }

    @Test
    void mcNemarIsTwiceTheBinomialTailOfTheSmallerDiscordantCount() {
        // 2 fell, 8 rose: 2 · (C(10,0) + C(10,1) + C(10,2)) / 2^10 = 2 · 56 / 1024.
        assertThat(PairedTests.mcNemarExact(2, 8)).isCloseTo(112.0 / 1024, within(1e-15));
        assertThat(PairedTests.mcNemarExact(8, 2)).isCloseTo(112.0 / 1024, within(1e-15));
        assertThat(PairedTests.mcNemarExact(5, 5)).isEqualTo(1.0);
        assertThat(PairedTests.mcNemarExact(0, 0)).isEqualTo(1.0);
        // 0 of 6: 2 / 64.
        assertThat(PairedTests.mcNemarExact(6, 0)).isCloseTo(2.0 / 64, within(1e-15));
    }

    @Test
    void generatedTablesMatchStatsmodelsAndNewcombe() throws IOException {
        for (JsonNode table : expected().get("tables")) {
            long a = table.get("both").asLong();
            long b = table.get("fell").asLong();
            long c = table.get("rose").asLong();
            long d = table.get("neither").asLong();
            double p = table.get("mcnemar_p").asDouble();
            assertThat(PairedTests.mcNemarExact(b, c)).as("%s", table).isCloseTo(p, within(1e-9 * Math.max(p, 1e-9)));
            double[] interval = PairedTests.newcombePaired(a, b, c, d);
            assertThat(interval[0]).as("%s low", table).isCloseTo(table.get("newcombe_low").asDouble(), within(1e-9));
            assertThat(interval[1]).as("%s high", table).isCloseTo(table.get("newcombe_high").asDouble(), within(1e-9));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"breast-cancer", "wine"})
    void realAnswersBeforeAndAfterAChangeMatchStatsmodels(String name) throws IOException {
        JsonNode set = expected().get(name);
        double[] before = column(name + ".csv", "before");
        double[] after = column(name + ".csv", "after");
        long[] cells = new long[4];
        for (int i = 0; i < before.length; i++) {
            cells[(before[i] > 0 ? 0 : 2) + (after[i] > 0 ? 0 : 1)]++;
        }
        assertThat(cells).containsExactly(set.get("both").asLong(), set.get("fell").asLong(), set.get("rose").asLong(),
                set.get("neither").asLong());
        assertThat(PairedTests.mcNemarExact(cells[1], cells[2])).isCloseTo(set.get("mcnemar_p").asDouble(),
                within(1e-9));
        double[] interval = PairedTests.newcombePaired(cells[0], cells[1], cells[2], cells[3]);
        assertThat(interval[0]).isCloseTo(set.get("newcombe_low").asDouble(), within(1e-9));
        assertThat(interval[1]).isCloseTo(set.get("newcombe_high").asDouble(), within(1e-9));
    }

    @Test
    void diabetesErrorsBeforeAndAfterAChangeMatchScipy() throws IOException {
        JsonNode set = expected().get("diabetes");
        double[] before = column("diabetes.csv", "before");
        double[] after = column("diabetes.csv", "after");
        double[] d = new double[before.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = after[i] - before[i];
        }
        PairedTests.MeanDifference t = PairedTests.pairedT(d, d.length);
        assertThat(t.mean()).isCloseTo(set.get("mean_after").asDouble() - set.get("mean_before").asDouble(),
                within(1e-9));
        assertThat(t.low()).isCloseTo(set.get("t_low").asDouble(), within(1e-9));
        assertThat(t.high()).isCloseTo(set.get("t_high").asDouble(), within(1e-9));
        // Small p-values: to 1e-9 and to a ten-millionth of themselves.
        assertThat(t.pValue()).isCloseTo(set.get("ttest_p").asDouble(), within(1e-9))
                .isCloseTo(set.get("ttest_p").asDouble(), withinPercentage(1e-5));
        assertThat(PairedTests.wilcoxon(d, d.length)).isCloseTo(set.get("wilcoxon_p").asDouble(), within(1e-9))
                .isCloseTo(set.get("wilcoxon_p").asDouble(), withinPercentage(1e-5));
    }

    @Test
    void differencesWithTiesAndZerosMatchScipy() throws IOException {
        JsonNode set = expected().get("generated-ties");
        double[] d = column("generated-ties.csv", "difference");
        PairedTests.MeanDifference t = PairedTests.pairedT(d, d.length);
        assertThat(t.low()).isCloseTo(set.get("t_low").asDouble(), within(1e-9));
        assertThat(t.high()).isCloseTo(set.get("t_high").asDouble(), within(1e-9));
        assertThat(t.pValue()).isCloseTo(set.get("ttest_p").asDouble(), within(1e-9));
        assertThat(PairedTests.wilcoxon(d, d.length)).isCloseTo(set.get("wilcoxon_p").asDouble(), within(1e-9));
    }

    @Test
    void changesEqualButForRoundingAreTies() {
        // Every prediction moved up by 7.3: a row whose error was above 7.3 is now off by exactly 7.3 less, one under
        // by exactly 7.3 more, each computed as a difference of two errors, so rounding splits the ties.
        java.util.Random random = new java.util.Random(3);
        int n = 200;
        double[] rounded = new double[n];
        double[] exact = new double[n];
        for (int i = 0; i < n; i++) {
            double predicted = 100 + 40 * random.nextGaussian();
            double truth = 100 + 40 * random.nextGaussian();
            rounded[i] = Math.abs(predicted + 7.3 - truth) - Math.abs(predicted - truth);
            exact[i] = Math.abs(predicted - truth) > 7.3 && predicted < truth ? -7.3
                    : predicted >= truth ? 7.3 : Math.abs(predicted + 7.3 - truth) - (truth - predicted);
        }
        assertThat(java.util.Arrays.stream(rounded).filter(d -> d == 7.3).count()).isLessThan(
                java.util.Arrays.stream(exact).filter(d -> d == 7.3).count());
        assertThat(PairedTests.wilcoxon(rounded, n)).isCloseTo(PairedTests.wilcoxon(exact, n), within(1e-12));
    }

    @Test
    void fewerDifferentRowsThanPairsWidenTheIntervalAndWeakenTheTests() throws IOException {
        double[] d = column("generated-ties.csv", "difference");
        PairedTests.MeanDifference all = PairedTests.pairedT(d, d.length);
        PairedTests.MeanDifference half = PairedTests.pairedT(d, d.length / 2);
        // The standard error grows by √2 and the t quantile with the fewer degrees of freedom.
        double ratio = (half.high() - half.mean()) / (all.high() - all.mean());
        assertThat(ratio).isCloseTo(Math.sqrt(2) * WelchTest.quantile(0.975, 149) / WelchTest.quantile(0.975, 299),
                within(1e-9));
        assertThat(half.pValue()).isGreaterThan(all.pValue());
        assertThat(PairedTests.wilcoxon(d, d.length / 2)).isGreaterThan(PairedTests.wilcoxon(d, d.length));
    }
}
