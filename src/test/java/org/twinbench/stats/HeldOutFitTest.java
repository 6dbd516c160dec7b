package org.twinbench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.twinbench.data.TableLoader;

/**
 * The reconstruction band's held-out draws (a batch of at most half the reference): the pipeline refitted without
 * the drawn rows by taking them out of the reference's sums equals scikit-learn refitting from scratch
 * (src/test/resources/multivariate/held_out.py) and TwinBench's own from-scratch refit, also when leaving rows out
 * makes a column constant; the band of a batch of 50 breast cancer rows falls in the range scikit-learn's own draws
 * give it.
 */
class HeldOutFitTest {

    private static JsonNode expected() throws IOException {
        return new ObjectMapper().readTree(MultivariateDriftTest.DIR.resolve("held-out.json").toFile());
    }

    private static double[][] breast() throws IOException {
        return MultivariateDriftTest.rows(TableLoader.load(MultivariateDriftTest.DIR.resolve("breast-reference.csv"))
                .frame());
    }

    /** The draw refitted from scratch on the rows not in {@code held}. */
    private static double refit(double[][] rows, int[] held, int k, double cap) {
        boolean[] out = new boolean[rows.length];
        List<double[]> batch = new ArrayList<>();
        for (int i : held) {
            out[i] = true;
            batch.add(rows[i]);
        }
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            if (!out[i]) {
                kept.add(rows[i]);
            }
        }
        return ReconstructionDrift.pipeline(kept.toArray(double[][]::new), k, cap)
                .error(batch.toArray(double[][]::new));
    }

    @Test
    void aDrawEqualsScikitLearnRefittingWithoutTheDrawnRows() throws IOException {
        JsonNode expected = expected();
        ReconstructionDrift pca = ReconstructionDrift.fit(breast());
        assertThat(pca.componentCount()).isEqualTo(expected.get("components").asInt());
        assertThat(pca.calibration().cap()).isCloseTo(expected.get("cap").asDouble(), within(1e-9));
        for (JsonNode draw : expected.get("draws")) {
            int[] held = new int[draw.get("rows").size()];
            for (int i = 0; i < held.length; i++) {
                held[i] = draw.get("rows").get(i).asInt();
            }
            assertThat(pca.heldOutDraw(held)).as("%d rows", held.length)
                    .isCloseTo(draw.get("error").asDouble(), within(1e-9));
        }
    }

    @Test
    void aColumnLeftConstantByTheDrawIsScaledAsARefitScalesIt() throws IOException {
        double[][] digits = ReconstructionRealFalseAlarmTest.rows("verdicts/digits.csv", "digit");
        double[][] rows = java.util.Arrays.copyOf(digits, 600);
        ReconstructionDrift pca = ReconstructionDrift.fit(rows);
        // The rows where a rarely lit pixel is lit: without them that pixel is constant.
        int rare = -1;
        List<Integer> lit = new ArrayList<>();
        for (int j = 0; j < rows[0].length && rare < 0; j++) {
            lit.clear();
            for (int i = 0; i < rows.length; i++) {
                if (rows[i][j] != 0) {
                    lit.add(i);
                }
            }
            rare = lit.size() >= 1 && lit.size() <= 4 ? j : -1;
        }
        assertThat(rare).as("a pixel lit in 1 to 4 of 600 digits").isNotNegative();
        SplittableRandom random = new SplittableRandom(5);
        int[] held = new int[40];
        for (int i = 0; i < held.length; i++) {
            held[i] = i < lit.size() ? lit.get(i) : random.nextInt(rows.length);
        }
        double refit = refit(rows, held, pca.componentCount(), pca.calibration().cap());
        System.out.printf("digits, pixel %d constant without the draw: %.12f (refit %.12f)%n", rare,
                pca.heldOutDraw(held), refit);
        assertThat(pca.heldOutDraw(held)).isCloseTo(refit, within(1e-9));
        for (int t = 0; t < 5; t++) {
            int[] any = random.ints(100, 0, rows.length).toArray();
            double cap = pca.calibration().cap();
            assertThat(pca.heldOutDraw(any)).isCloseTo(refit(rows, any, pca.componentCount(), cap), within(1e-9));
        }
    }

    @Test
    void theBandOfFiftyRowsFallsInTheRangeOfScikitLearnsOwnDraws() throws IOException {
        JsonNode expected = expected();
        ReconstructionDrift.Thresholds band = ReconstructionDrift.fit(breast(), 4).thresholds(50);
        System.out.printf("breast cancer band for 50 rows: %.4f to %.4f (scikit-learn: lower %s, upper %s)%n",
                band.lower(), band.upper(), expected.get("band_50_lower_range"), expected.get("band_50_upper_range"));
        assertThat(band.lower()).isBetween(expected.get("band_50_lower_range").get(0).asDouble(),
                expected.get("band_50_lower_range").get(1).asDouble());
        assertThat(band.upper()).isBetween(expected.get("band_50_upper_range").get(0).asDouble(),
                expected.get("band_50_upper_range").get(1).asDouble());
    }
}
