package org.twinbench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.twinbench.data.Frame;
import org.twinbench.data.TableLoader;

/**
 * A regression holdout's MAE and RMSE intervals: on scikit-learn's diabetes set they agree with numpy's percentile
 * bootstrap of 200,000 resamples ({@code holdout_amounts_reference.py}) within the Monte Carlo error of 2,000
 * resamples, and on generated data the 95% intervals cover the true MAE and RMSE in about 95% of 200 seeded trials.
 */
class HoldoutAmountIntervalsTest {

    @Test
    void diabetesIntervalsAgreeWithNumpysBootstrap() throws IOException {
        Frame rows = TableLoader.load(Path.of("src/test/resources/tasks/diabetes-predictions.csv")).frame();
        double[] actual = rows.numeric("target").values();
        double[] predicted = rows.numeric("prediction").values();
        JsonNode want = new ObjectMapper().readTree(Path.of("src/test/resources/holdout/amount-intervals.json").toFile());
        Map<String, double[]> intervals = HoldoutIntervals.amounts(actual, predicted, 1);
        assertThat(intervals).containsOnlyKeys("mae", "rmse");
        for (String metric : new String[] {"mae", "rmse"}) {
            JsonNode numpy = want.get(metric);
            // A 2.5% quantile of 2,000 draws has a Monte Carlo error of about 0.06 bootstrap standard deviations.
            double tolerance = 4 * 0.06 * numpy.get("sd").asDouble();
            assertThat(intervals.get(metric)[0]).as(metric + " lower").isCloseTo(numpy.get("lower").asDouble(),
                    within(tolerance));
            assertThat(intervals.get(metric)[1]).as(metric + " upper").isCloseTo(numpy.get("upper").asDouble(),
                    within(tolerance));
            assertThat(intervals.get(metric)[0]).isLessThan(numpy.get("estimate").asDouble());
            assertThat(intervals.get(metric)[1]).isGreaterThan(numpy.get("estimate").asDouble());
        }
        // Seeded: the same seed gives the same bounds, another seed others.
        assertThat(HoldoutIntervals.amounts(actual, predicted, 1).get("mae")).containsExactly(intervals.get("mae"));
        assertThat(HoldoutIntervals.amounts(actual, predicted, 2).get("mae")[0]).isNotEqualTo(intervals.get("mae")[0]);
    }

    @Test
    void ninetyFivePercentIntervalsCoverTheTrueErrorsInAboutNinetyFivePercentOfTrials() {
        // Errors N(0, σ = 2): the true MAE is σ√(2/π), the true RMSE σ.
        double sigma = 2;
        double trueMae = sigma * Math.sqrt(2 / Math.PI);
        int trials = 200;
        int rows = 200;
        int coverMae = 0;
        int coverRmse = 0;
        SplittableRandom random = new SplittableRandom(20261203);
        for (int t = 0; t < trials; t++) {
            double[] actual = new double[rows];
            double[] predicted = new double[rows];
            for (int i = 0; i < rows; i++) {
                predicted[i] = 100 * random.nextDouble();
                actual[i] = predicted[i] + sigma * gaussian(random);
            }
            Map<String, double[]> intervals = HoldoutIntervals.amounts(actual, predicted, t);
            coverMae += intervals.get("mae")[0] <= trueMae && trueMae <= intervals.get("mae")[1] ? 1 : 0;
            coverRmse += intervals.get("rmse")[0] <= sigma && sigma <= intervals.get("rmse")[1] ? 1 : 0;
        }
        // Binomial(200, 0.95): mean 190, standard deviation 3.08; allow 4 of them.
        assertThat(coverMae).isBetween(178, 200);
        assertThat(coverRmse).isBetween(178, 200);
    }

    @Test
    void noRowsNoInterval() {
        assertThat(HoldoutIntervals.amounts(new double[0], new double[0], 1)).isEmpty();
    }

    /** A standard normal draw (Box–Muller). */
    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
