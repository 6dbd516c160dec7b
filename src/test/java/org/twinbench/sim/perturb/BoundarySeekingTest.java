package org.twinbench.sim.perturb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinbench.data.Frame;
import org.twinbench.data.TableLoader;
import org.twinbench.model.FeatureEncoder;
import org.twinbench.model.LogisticModel;
import org.twinbench.model.ModelTrainer;
import org.twinbench.scenario.Schedule;
import org.twinbench.sim.Seeds;

/**
 * Against a logistic model the decision boundary is known: {@code z(x) = Σ w_j x_j + b = 0}, with w_j its
 * coefficient over the encoder's sd. Moving every column by at most b_j changes z by at most {@code Σ |w_j| b_j},
 * so exactly the rows with {@code |z| ≤ Σ |w_j| b_j} can flip, and a flipped row should end on the boundary.
 */
class BoundarySeekingTest {

    @TempDir
    Path dir;

    /** The linear predictor of every row, from the model's coefficients (not from its scores). */
    private static double[] margins(LogisticModel model, Frame rows, List<String> columns) {
        double[] coefficients = model.coefficients();
        List<FeatureEncoder.Feature> features = model.encoder().features();
        double[] z = new double[rows.rowCount()];
        java.util.Arrays.fill(z, coefficients[coefficients.length - 1]);
        for (int j = 0; j < columns.size(); j++) {
            FeatureEncoder.Numeric feature = (FeatureEncoder.Numeric) features.get(j);
            double[] x = rows.numeric(feature.name()).values();
            for (int i = 0; i < z.length; i++) {
                z[i] += coefficients[j] * (x[i] - feature.mean()) / feature.sd();
            }
        }
        return z;
    }

    private static double capacity(LogisticModel model, double[] bounds) {
        double[] coefficients = model.coefficients();
        List<FeatureEncoder.Feature> features = model.encoder().features();
        double sum = 0;
        for (int j = 0; j < bounds.length; j++) {
            sum += Math.abs(coefficients[j] / ((FeatureEncoder.Numeric) features.get(j)).sd()) * bounds[j];
        }
        return sum;
    }

    private static void movesExactlyTheRowsThatCanReachTheBoundary(Frame train, Frame rows, String target,
                                                                   List<String> columns, String positive,
                                                                   double maxShift, int expectedAtLeast) {
        movesExactlyTheRowsThatCanReachTheBoundary(null, train, rows, target, columns, positive, maxShift,
                expectedAtLeast);
    }

    /**
     * With {@code initial} not null, the node is built against that model (the scenario's first) and applied while
     * the model trained on {@code train} serves: the rows must reach the serving model's boundary.
     */
    private static void movesExactlyTheRowsThatCanReachTheBoundary(LogisticModel initial, Frame train, Frame rows,
                                                                   String target, List<String> columns,
                                                                   String positive, double maxShift,
                                                                   int expectedAtLeast) {
        LogisticModel model = ModelTrainer.trainLogistic(train, target, columns, positive, 1, "t");
        double[] bounds = new double[columns.size()];
        for (int j = 0; j < bounds.length; j++) {
            bounds[j] = maxShift * train.numeric(columns.get(j)).standardDeviation();
        }
        Frame moved = new BoundarySeeking("b", columns, bounds, initial == null ? model : initial, 0.5,
                Schedule.ALWAYS).apply(rows, 0, new SplittableRandom(1), model);
        double[] before = margins(model, rows, columns);
        double[] after = margins(model, moved, columns);
        double reach = capacity(model, bounds);
        int flipped = 0;
        for (int i = 0; i < before.length; i++) {
            boolean reachable = Math.abs(before[i]) <= reach;
            boolean flips = (before[i] >= 0) != (after[i] >= 0);
            if (Math.abs(Math.abs(before[i]) - reach) > 1e-6 * reach) {
                assertThat(flips).as("row %d, margin %f, reach %f", i, before[i], reach).isEqualTo(reachable);
            }
            if (flips) {
                flipped++;
                assertThat(Math.abs(after[i])).as("row %d ends on the boundary", i).isLessThan(1e-6 * reach);
            } else {
                // Not reachable: the full bound, every column toward the boundary, the margin down by the reach.
                assertThat(Math.abs(before[i]) - Math.abs(after[i])).isCloseTo(reach, org.assertj.core.api.Assertions
                        .offset(1e-9 * Math.max(1, reach)));
            }
            for (int j = 0; j < columns.size(); j++) {
                double shift = moved.numeric(columns.get(j)).get(i) - rows.numeric(columns.get(j)).get(i);
                assertThat(Math.abs(shift)).isLessThanOrEqualTo(bounds[j] * (1 + 1e-12));
            }
        }
        assertThat(flipped).isGreaterThanOrEqualTo(expectedAtLeast);
    }

    private Frame generated(int rows, long seed) throws IOException {
        return generated(rows, seed, 1);
    }

    /** x1 ~ N(3, 2), x2 ~ N(0, 1), y from a logistic rule whose x2 effect is −2 · {@code x2Sign}. */
    private Frame generated(int rows, long seed, int x2Sign) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> lines = new ArrayList<>(List.of("x1,x2,y"));
        for (int i = 0; i < rows; i++) {
            double x1 = 3 + 2 * Seeds.gaussian(random);
            double x2 = Seeds.gaussian(random);
            double z = 1.5 * (x1 - 3) / 2 - 2 * x2Sign * x2;
            lines.add(String.format(Locale.ROOT, "%.6f,%.6f,%s", x1, x2,
                    random.nextDouble() < 1 / (1 + Math.exp(-z)) ? "1" : "0"));
        }
        Path file = dir.resolve("g" + seed + "_" + x2Sign + ".csv");
        Files.write(file, lines);
        return TableLoader.load(file).frame();
    }

    @Test
    void generatedRowsWithinReachLandOnTheKnownBoundary() throws IOException {
        movesExactlyTheRowsThatCanReachTheBoundary(generated(3000, 1), generated(1000, 2), "y", List.of("x1", "x2"),
                "1", 0.3, 100);
    }

    /**
     * After a retrain: the node was built against the first model (x2 lowers the score) while a model whose x2
     * raises it serves; the rows land exactly on the serving model's boundary, not the first one's.
     */
    @Test
    void rowsSeekTheBoundaryOfTheModelServingNotTheFirstOne() throws IOException {
        LogisticModel first = ModelTrainer.trainLogistic(generated(3000, 1), "y", List.of("x1", "x2"), "1", 1, "t");
        movesExactlyTheRowsThatCanReachTheBoundary(first, generated(3000, 3, -1), generated(1000, 2), "y",
                List.of("x1", "x2"), "1", 0.3, 100);
    }

    @Test
    void breastCancerRowsWithinReachLandOnTheBoundary() throws IOException {
        Frame all = TableLoader.load(Path.of("src/test/resources/mission/breast.csv")).frame();
        movesExactlyTheRowsThatCanReachTheBoundary(all.slice(0, 400), all.slice(400, all.rowCount()), "diagnosis",
                List.of("mean_radius", "mean_texture", "worst_concave_points", "worst_smoothness"), "malignant",
                0.2, 5);
    }

    @Test
    void atIntensityZeroNothingMoves() throws IOException {
        Frame rows = generated(200, 3);
        LogisticModel model = ModelTrainer.trainLogistic(rows, "y", List.of("x1", "x2"), "1", 1, "t");
        Schedule later = new Schedule(Schedule.Kind.SUDDEN, 5, 5, 0);
        assertThat(new BoundarySeeking("b", List.of("x1", "x2"), new double[] {1, 1}, model, 0.5, later)
                .apply(rows, 0, new SplittableRandom(1))).isSameAs(rows);
    }
}
