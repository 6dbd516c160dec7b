package org.twinbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code drift} command's distances judged at a calibrated false-alarm rate, on exchangeable halves of real
 * data (every drift called is a false one): scikit-learn's breast cancer set with its 51-category column, and
 * its handwritten digits (a reference above 1,000 rows, so the default rule decides by distances). "Before" is
 * the fixed threshold 0.1 the command used, given as {@code --threshold 0.1}; "after" the default, calibrated
 * at 1% per column.
 */
class CalibratedDriftCommandTest {

    private static final Path DIR = Path.of("src/test/resources/verdicts");
    /** Splits per check; {@code -Dtwinbench.driftSplits=10} gives the 10 of docs/verdicts.md's tables. */
    private static final int SPLITS = Integer.getInteger("twinbench.driftSplits", 5);

    @TempDir
    Path tmp;

    /**
     * Columns decided by {@code statistic} that drifted, and those judged, over {@value #SPLITS} shuffled splits
     * of the file at {@code referenceRows}.
     */
    private int[] driftedColumns(String file, int referenceRows, String statistic, String... options)
            throws IOException {
        return driftedColumns(DIR.resolve(file), referenceRows, statistic, options);
    }

    private int[] driftedColumns(Path file, int referenceRows, String statistic, String... options)
            throws IOException {
        List<String> lines = Files.readAllLines(file);
        String header = lines.get(0);
        List<String> rows = new ArrayList<>(lines.subList(1, lines.size()));
        int drifted = 0;
        int judged = 0;
        for (int split = 0; split < SPLITS; split++) {
            Collections.shuffle(rows, new Random(split));
            Path ref = tmp.resolve("ref-" + split + ".csv");
            Path cur = tmp.resolve("cur-" + split + ".csv");
            List<String> first = new ArrayList<>(List.of(header));
            first.addAll(rows.subList(0, referenceRows));
            List<String> rest = new ArrayList<>(List.of(header));
            rest.addAll(rows.subList(referenceRows, rows.size()));
            Files.write(ref, first);
            Files.write(cur, rest);
            List<String> args = new ArrayList<>(List.of("drift", "--reference", ref.toString(), "--current",
                    cur.toString(), "--json", "--seed", Integer.toString(split)));
            args.addAll(List.of(options));
            CliRunner result = CliRunner.run(args.toArray(String[]::new));
            assertThat(result.exitCode()).as(result.err()).isZero();
            for (JsonNode column : new ObjectMapper().readTree(result.out()).get("columns")) {
                String by = column.get("decided_by").asText();
                if (!column.get("decided_value").isNull() && (by.equals(statistic) || by.startsWith(statistic))) {
                    judged++;
                    drifted += column.get("drift").asBoolean() ? 1 : 0;
                }
            }
        }
        return new int[] {drifted, judged};
    }

    /**
     * An upper bound on the false drifts of {@code checks} columns at a 1% rate: the binomial count exceeds it
     * with probability below 1e-4 (scipy.stats.binom.sf(8, 160, 0.01) = 3.9e-5, binom.sf(12, 330, 0.01) = 3.7e-5).
     */
    private static int bound(int checks) {
        return checks <= 160 ? 8 : 12;
    }

    @Test
    void breastCancerHalvesDriftByChanceAtTheStatedRate() throws IOException {
        // 10 splits (docs/verdicts.md): psi 49 -> 1, jensen-shannon 172 -> 1 of 320.
        for (String method : List.of("psi", "jensen-shannon")) {
            String statistic = method.replace('-', '_');
            int[] before = driftedColumns("breast-cancer-51.csv", 284, statistic, "--method", method, "--threshold",
                    "0.1");
            int[] after = driftedColumns("breast-cancer-51.csv", 284, statistic, "--method", method);
            assertThat(after[1]).isEqualTo(SPLITS * 32);
            assertThat(after[0]).as(method).isLessThanOrEqualTo(bound(after[1]));
            assertThat(before[0]).as(method).isGreaterThan(2 * bound(before[1]));
        }
    }

    @Test
    void digitsHalvesDriftByChanceAtTheStatedRateUnderTheDefaultRule() throws IOException {
        // A reference of 1,100 rows: the default rule decides every column by wasserstein_normed. Constant pixels
        // (no spread) are not judged. 10 splits (docs/verdicts.md): 30 -> 6 of 641.
        int[] before = driftedColumns("digits.csv", 1100, "wasserstein_normed", "--threshold", "0.1");
        int[] after = driftedColumns("digits.csv", 1100, "wasserstein_normed");
        assertThat(after[1]).isBetween(60 * SPLITS, 66 * SPLITS);
        assertThat(after[0]).isLessThanOrEqualTo(bound(after[1]));
        assertThat(before[0]).isGreaterThan(after[0]);
    }

    /**
     * A reference of at least 21 times the current table's size is calibrated on batches of its own rows compared
     * with all of it (NullCalibration.thresholdWithin, docs/verdicts.md "Large tables"), the threshold scaled from
     * the batch's 1/b − 1/n to the tables' 1/n + 1/m: digits 1,716 / 81 under the default rule (wasserstein), breast
     * cancer 544 / 25 by psi and jensen-shannon (32 columns, the 51-category one among them).
     */
    @Test
    void smallCurrentTablesAgainstAWholeReferenceDriftByChanceAtTheStatedRate() throws IOException {
        int[] digits = driftedColumns("digits.csv", 1716, "wasserstein_normed");
        int[] psi = driftedColumns("breast-cancer-51.csv", 544, "psi", "--method", "psi");
        int[] js = driftedColumns("breast-cancer-51.csv", 544, "jensen_shannon", "--method", "jensen-shannon");
        System.out.printf("batch calibration: digits %d of %d, breast cancer psi %d of %d, jensen-shannon %d of %d%n",
                digits[0], digits[1], psi[0], psi[1], js[0], js[1]);
        assertThat(digits[1]).isBetween(55 * SPLITS, 66 * SPLITS);
        assertThat(digits[0]).isLessThanOrEqualTo(bound(digits[1]));
        assertThat(psi[1] + js[1]).isEqualTo(2 * SPLITS * 32);
        assertThat(psi[0] + js[0]).isLessThanOrEqualTo(bound(psi[1] + js[1]));
    }

    /**
     * A reference of at most 1,000 rows is judged by tests (KS for numbers, chi-square for categories); their
     * p-values are held to {@code --false-alarm-rate} by permuting the two halves' rows, where the old p &lt; 0.05
     * (given as {@code --threshold 0.05}) ignored it. Wine (178 rows, 13 measurements and the cultivar;
     * sample-data/public/wine.csv) and iris (150 rows, 4 and the species; make_data.py), halves of 89 / 89 and
     * 75 / 75. 10 splits (docs/verdicts.md): wine 2 → 0 of 140, iris 0 → 0 of 50 (KS with tied measurements is
     * conservative, so p &lt; 0.05 alarmed less than its 5% here).
     */
    @Test
    void smallReferencesDriftByChanceAtTheStatedRate() throws IOException {
        int[] wineBefore = driftedColumns(Path.of("sample-data/public/wine.csv"), 89, "", "--threshold", "0.05");
        int[] wineAfter = driftedColumns(Path.of("sample-data/public/wine.csv"), 89, "");
        int[] irisBefore = driftedColumns("iris.csv", 75, "", "--threshold", "0.05");
        int[] irisAfter = driftedColumns("iris.csv", 75, "");
        System.out.printf("wine %d -> %d of %d; iris %d -> %d of %d%n", wineBefore[0], wineAfter[0], wineAfter[1],
                irisBefore[0], irisAfter[0], irisAfter[1]);
        assertThat(wineAfter[1]).isEqualTo(SPLITS * 14);
        assertThat(irisAfter[1]).isEqualTo(SPLITS * 5);
        // 95 checks at 1%: binom.sf(6, 95, 0.01) = 5.1e-5 (scipy.stats.binom).
        assertThat(wineAfter[0] + irisAfter[0]).isLessThanOrEqualTo(6);
    }

    /**
     * With a stated rate of 20% the permutation test drifts about a fifth of exchangeable columns, where the tests'
     * own p &lt; 0.2 (KS with ties, conservative) drifts fewer. 10 splits (docs/verdicts.md): wine 19 → 23 of 140
     * (28 expected).
     */
    @Test
    void thePermutationTestFollowsTheStatedRate() throws IOException {
        Path wine = Path.of("sample-data/public/wine.csv");
        int[] before = driftedColumns(wine, 89, "", "--threshold", "0.2");
        int[] after = driftedColumns(wine, 89, "", "--false-alarm-rate", "0.2");
        System.out.printf("wine at 20%%: %d -> %d of %d%n", before[0], after[0], after[1]);
        // binom(14 * SPLITS, 0.2) around its mean, each side with probability below 1e-3 (scipy.stats.binom).
        int expected = 14 * SPLITS / 5;
        assertThat(after[0]).isBetween(expected / 4, 2 * expected - 2);
    }
}
