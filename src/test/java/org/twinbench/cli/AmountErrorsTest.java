package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.sim.Seeds;

/**
 * {@code quality} on a regression: wrong amounts found by their out-of-fold residuals' robust z-score, against
 * numpy on scikit-learn's diabetes data with 15 planted errors of ±250 ({@code make_amount_errors.py}: the same
 * flagged rows, z-scores to 1e-6), and on generated data with a known answer.
 */
class AmountErrorsTest {

    private static final String DIABETES = "src/test/resources/mission/diabetes-planted.csv";

    /**
     * Amounts judged on their logarithms are named as the file writes them: the telco sample's row 950 has total
     * charges of 20.2 (its CSV line 951), not exp(log 20.2) = 20.200000000000003.
     */
    @Test
    void amountsJudgedOnTheirLogarithmsAreNamedAsTheFileHasThem() {
        CliRunner result = CliRunner.run("quality", "--data", "src/test/resources/rdata/wa_churn_random.csv",
                "--target", "total_charges");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("judged on the log of the amounts")
                .contains("  row 950: amount 20.2, predicted ").doesNotContain("20.200000000000003");
    }

    @Test
    void diabetesWithPlantedErrorsMatchesNumpy() throws IOException {
        CliRunner result = CliRunner.run("quality", "--data", DIABETES, "--target", "target", "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode label = new ObjectMapper().readTree(result.out()).get("label_errors");
        JsonNode expected = new ObjectMapper().readTree(Path.of("src/test/resources/mission/diabetes-planted.json")
                .toFile());
        assertThat(label.get("method").asText()).isEqualTo("residual_outliers");
        assertThat(label.get("labelled_rows").asInt()).isEqualTo(442);
        assertThat(label.get("median_residual").asDouble()).isCloseTo(expected.get("median").asDouble(), within(1e-6));
        assertThat(label.get("mad").asDouble()).isCloseTo(expected.get("mad").asDouble(), within(1e-6));
        Set<Integer> flagged = new HashSet<>();
        for (JsonNode row : label.get("rows")) {
            int zeroBased = row.get("row").asInt() - 1;
            flagged.add(zeroBased);
            assertThat(row.get("z").asDouble()).as("row %d", zeroBased)
                    .isCloseTo(expected.get("z").get(Integer.toString(zeroBased)).asDouble(), within(1e-6));
        }
        Set<Integer> numpy = new HashSet<>();
        expected.get("flagged").forEach(r -> numpy.add(r.asInt()));
        assertThat(flagged).isEqualTo(numpy);
        Set<Integer> planted = new HashSet<>();
        expected.get("planted").forEach(r -> planted.add(r.asInt()));
        Set<Integer> hits = new HashSet<>(flagged);
        hits.retainAll(planted);
        System.out.printf(Locale.ROOT, "diabetes, 15 planted errors of ±250: %d flagged, precision %.3f, recall %.3f%n",
                flagged.size(), (double) hits.size() / flagged.size(), (double) hits.size() / planted.size());
        assertThat(hits).hasSize(10);
        CliRunner text = CliRunner.run("quality", "--data", DIABETES, "--target", "target");
        assertThat(text.out()).contains("label errors: 10 of 442 amounts (2.3%) look wrong");
    }

    /**
     * ggplot2's diamonds (2,000 drawn, {@code rdata/diamonds.csv}): a stone ten times dearer is off by ten times more,
     * so on one scale 94 expensive stones "look wrong". The residual spread is 8.9 times wider for the dearest
     * predictions, so the check is made on log(price): the same rows and z-scores as numpy
     * ({@code make_amount_errors.py}), 17 rows, and {@code train} gives no warning.
     */
    @Test
    void pricesWhoseErrorsGrowWithThemAreJudgedOnTheLogScale() throws IOException {
        String diamonds = "src/test/resources/rdata/diamonds.csv";
        CliRunner result = CliRunner.run("quality", "--data", diamonds, "--target", "price", "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode label = new ObjectMapper().readTree(result.out()).get("label_errors");
        JsonNode expected = new ObjectMapper().readTree(Path.of("src/test/resources/mission/diamonds-amounts.json")
                .toFile());
        assertThat(label.get("scale").asText()).isEqualTo("log");
        assertThat(label.get("spread_ratio").asDouble()).isCloseTo(expected.get("spread_ratio").asDouble(),
                within(1e-6));
        assertThat(label.get("mad").asDouble()).isCloseTo(expected.get("mad").asDouble(), within(1e-9));
        Set<Integer> flagged = new HashSet<>();
        for (JsonNode row : label.get("rows")) {
            int zeroBased = row.get("row").asInt() - 1;
            flagged.add(zeroBased);
            assertThat(row.get("z").asDouble()).isCloseTo(expected.get("z").get(Integer.toString(zeroBased))
                    .asDouble(), within(1e-6));
        }
        Set<Integer> numpy = new HashSet<>();
        expected.get("flagged").forEach(r -> numpy.add(r.asInt()));
        assertThat(flagged).isEqualTo(numpy).hasSizeLessThan(expected.get("flagged_on_one_scale").asInt());
        assertThat(CliRunner.run("quality", "--data", diamonds, "--target", "price").out())
                .contains("judged on the log of the amounts: their errors grow with their size");
        CliRunner trained = CliRunner.run("train", "--data", diamonds, "--target", "price", "--out",
                Files.createTempDirectory("diamonds").resolve("price.twinmodel").toString());
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        assertThat(trained.out() + trained.err()).doesNotContain("look wrong");
        // The diabetes amounts' spread is even enough for one scale (the planted test above).
        JsonNode planted = new ObjectMapper().readTree(CliRunner.run("quality", "--data", DIABETES, "--target",
                "target", "--json").out()).get("label_errors");
        assertThat(planted.get("scale").asText()).isEqualTo("amount");
        assertThat(planted.get("spread_ratio").asDouble()).isLessThan(3);
    }

    /**
     * y = 3·x1 − 2·x2 + N(0, 1) on 2,000 rows, 20 amounts moved by ±8: each moved row's residual is 8σ off, so all
     * 20 are found; an unmoved row passes |z| &gt; 3.5 with probability 2·(1 − Φ(3.5)) = 4.7e-4, about 1 of 1,980.
     */
    @Test
    void generatedAmountsWithAKnownRuleFindEveryMovedRow(@TempDir Path dir) throws IOException {
        SplittableRandom random = new SplittableRandom(5);
        List<String> lines = new ArrayList<>(List.of("x1,x2,y"));
        Set<Integer> moved = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            double x1 = Seeds.gaussian(random);
            double x2 = Seeds.gaussian(random);
            double y = 3 * x1 - 2 * x2 + Seeds.gaussian(random);
            if (i % 100 == 7) {
                y += i % 200 == 7 ? 8 : -8;
                moved.add(i + 1);
            }
            lines.add(String.format(Locale.ROOT, "%.6f,%.6f,%.6f", x1, x2, y));
        }
        Path file = dir.resolve("amounts.csv");
        Files.write(file, lines);
        JsonNode label = new ObjectMapper().readTree(CliRunner.run("quality", "--data", file.toString(), "--target",
                "y", "--json").out()).get("label_errors");
        Set<Integer> flagged = new HashSet<>();
        label.get("rows").forEach(r -> flagged.add(r.get("row").asInt()));
        assertThat(flagged).containsAll(moved);
        assertThat(flagged.size() - moved.size()).isLessThanOrEqualTo(4);
        assertThat(label.get("out_of_fold_r2").asDouble()).isGreaterThan(0.8);
    }
}
