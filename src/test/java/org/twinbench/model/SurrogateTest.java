package org.twinbench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.twinbench.data.Frame;
import org.twinbench.data.TableLoader;

/**
 * The surrogate's fit against scikit-learn 1.2.1: {@code LogisticRegression(C=100, solver="newton-cholesky", tol=1e-12)} on every row
 * twice, as class 1 with weight p and class 0 with weight 1 - p (src/test/resources/mission/make_mission.py).
 */
class SurrogateTest {

    private static final Path DIR = Path.of("src/test/resources/mission");

    private static double[][] rows(Frame frame) {
        double[][] x = new double[frame.rowCount()][4];
        for (int j = 0; j < 4; j++) {
            double[] column = frame.numeric("x" + (j + 1)).values();
            for (int i = 0; i < x.length; i++) {
                x[i][j] = column[i];
            }
        }
        return x;
    }

    private static void matches(String target, String key) throws IOException {
        Frame frame = TableLoader.load(DIR.resolve("surrogate.csv")).frame();
        double[] weights = Surrogate.fit(rows(frame), frame.numeric(target).values(), Surrogate.LAMBDA, null);
        JsonNode expected = new ObjectMapper().readTree(DIR.resolve("surrogate.json").toFile()).get(key);
        assertThat(weights).hasSize(expected.size());
        for (int j = 0; j < weights.length; j++) {
            assertThat(weights[j]).as("weight %d", j).isCloseTo(expected.get(j).asDouble(), offset(1e-8));
        }
    }

    @Test
    void softTargetsGiveScikitLearnsWeightedLogisticRegression() throws IOException {
        matches("p", "soft");
    }

    @Test
    void zeroOneTargetsGiveScikitLearnsRidgeLogisticRegression() throws IOException {
        matches("label", "labels");
    }

    @Test
    void scoresOfALogisticModelGiveItsWeightsBackFromOneQueryPerWeight() {
        // Equation solving (Tramèr et al. 2016): 5 weights, 6 exact answers, a negligible penalty.
        double[] truth = {1.2, -0.7, 0.4, 2.0, -0.3};
        double[][] x = new double[6][4];
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (double[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextDouble() * 4 - 2;
            }
        }
        double[] answers = Surrogate.score(x, truth);
        double[] weights = Surrogate.fit(x, answers, 1e-9, null);
        for (int j = 0; j < truth.length; j++) {
            assertThat(weights[j]).isCloseTo(truth[j], offset(1e-5));
        }
    }
}
